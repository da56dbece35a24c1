import PolicyBytes
import PolicyText

/// Dates as official documents write them: "2022年7月22日", "2024 年 1 月 4 日",
/// "二〇二二年七月二十二日".
package enum DateText {
  /// The first date in `text` as ISO 8601 ("2022-07-22") and where it stands.
  package static func first(in text: String) -> (iso: String, range: Range<String.Index>)? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      if let (iso, length) = date(at: index, in: scalars) {
        let view = text.unicodeScalars
        let start = view.index(view.startIndex, offsetBy: index)
        let end = view.index(start, offsetBy: length)
        return (iso, start..<end)
      }
      index += 1
    }
    return nil
  }

  /// A date written with digits and separators, as metadata fields give them
  /// ("2024-05-10", "2024/5/10", "2024.05.10"), as ISO 8601.
  static func numeric(_ text: String) -> String? {
    let parts = text.split { $0 == "-" || $0 == "/" || $0 == "." }.map {
      $0.trimmingScalars { $0 == " " }
    }
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]),
      parts[0].count == 4, (1949...2100).contains(year), (1...12).contains(month),
      (1...31).contains(day)
    else { return nil }
    return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  /// A date starting at `index`, with its length in scalars.
  private static func date(at index: Int, in scalars: [Unicode.Scalar]) -> (String, Int)? {
    var position = index
    guard let year = number(at: &position, in: scalars, maxDigits: 4), (1949...2100).contains(year)
    else {
      return nil
    }
    guard expect("年", at: &position, in: scalars),
      let month = number(at: &position, in: scalars, maxDigits: 2), (1...12).contains(month),
      expect("月", at: &position, in: scalars),
      let day = number(at: &position, in: scalars, maxDigits: 2), (1...31).contains(day),
      expect("日", at: &position, in: scalars)
    else { return nil }
    let iso = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    return (iso, position - index)
  }

  private static func skipSpaces(_ position: inout Int, _ scalars: [Unicode.Scalar]) {
    while position < scalars.count && (scalars[position] == " " || scalars[position] == "\u{3000}")
    {
      position += 1
    }
  }

  private static func expect(
    _ unit: Unicode.Scalar, at position: inout Int, in scalars: [Unicode.Scalar]
  ) -> Bool {
    skipSpaces(&position, scalars)
    guard position < scalars.count, scalars[position] == unit else { return false }
    position += 1
    skipSpaces(&position, scalars)
    return true
  }

  /// Arabic digits, or Chinese numerals (digit by digit for years, 二十二 for days).
  private static func number(at position: inout Int, in scalars: [Unicode.Scalar], maxDigits: Int)
    -> Int?
  {
    skipSpaces(&position, scalars)
    let start = position
    var value = 0
    while position < scalars.count, position - start < maxDigits,
      let digit = UTF8Scalars.digitValue(scalars[position].value)
    {
      value = value * 10 + digit
      position += 1
    }
    if position > start { return value }
    var run: [UInt32] = []
    while position < scalars.count, ChineseNumeral.isNumeral(scalars[position].value), run.count < 6
    {
      run.append(scalars[position].value)
      position += 1
    }
    guard !run.isEmpty else { return nil }
    return ChineseNumeral.value(of: run)
  }
}
