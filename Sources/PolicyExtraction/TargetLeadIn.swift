import PolicyBytes

/// A lead-in and the list items under it (docs/gold-format.md, `year`): "到2023年，…：" or a
/// paragraph that opens with its year ("到2020年，…。"), then items written ——…, --…, 1.…,
/// (1)…: the lead-in's year carries to each item, and stops at the first paragraph that is
/// no item.
enum TargetLeadIn {
  /// Whether the folded paragraph `bytes[range]` starts as a list item: a dash (——, --,
  /// —) or an Arabic number with its mark (1. 1、 1) (1)). Headings of parts (一、 （一）)
  /// are no items.
  static func isListItem(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound && bytes[index] == 0x20 { index += 1 }
    guard index < range.upperBound else { return false }
    if ByteSearch.hasPrefix(dash, in: bytes, index..<range.upperBound)
      || bytes[index] == UInt8(ascii: "-")
    {
      return true
    }
    if bytes[index] == UInt8(ascii: "(") { index += 1 }
    let digits = index
    while index < range.upperBound && bytes[index] &- 0x30 <= 9 { index += 1 }
    guard index > digits, index - digits <= 2, index < range.upperBound else { return false }
    return bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
      || ByteSearch.hasPrefix(enumerationComma, in: bytes, index..<range.upperBound)
  }

  /// Whether the folded paragraph `bytes[range]` ends with a colon.
  static func endsWithColon(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var end = range.upperBound
    while end > range.lowerBound && bytes[end - 1] == 0x20 { end -= 1 }
    return end > range.lowerBound && bytes[end - 1] == UInt8(ascii: ":")
  }

  /// Whether a sentence opens with its year: 到2020年，…, 2023年，…, “十四五”期间，….
  package static func opensWithYear(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
    var index = 0
    if index < scalars.count && "到至在于".unicodeScalars.contains(scalars[index]) { index += 1 }
    if index + 5 <= scalars.count && scalars[index + 4] == "年"
      && TargetYears.year(scalars, index) != nil
    {
      return true
    }
    return TargetGrammar.periods.contains { period in
      period.0.unicodeScalars.elementsEqual(
        scalars[index..<min(scalars.count, index + period.0.unicodeScalars.count)])
    }
  }

  /// — (E2 80 94), a dash that opens an item (—— is two of them).
  private static let dash = Array("—".utf8)
  /// 、 after an item's number (1、).
  private static let enumerationComma = Array("、".utf8)
}
