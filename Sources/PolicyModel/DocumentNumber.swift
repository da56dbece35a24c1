import PolicyBytes
import PolicyText

/// A document number (发文字号): issuer code, year and serial, "永川府发〔2022〕11号"; or
/// the number of a government decree, which has no year ("上海市人民政府令第59号").
public struct DocumentNumber: Sendable, Equatable, Hashable {
  /// 机关代字, "永川府发" (for a decree, "上海市人民政府令").
  public var issuerCode: String
  /// The year in brackets; nil for a decree.
  public var year: Int?
  /// The serial number before 号: 11 in "〔2022〕11号", 59 in "令第59号".
  public var serial: Int
  /// As written in the document.
  public var text: String

  /// The normal form "永川府发〔2022〕11号", whatever brackets and spaces were written.
  public var normalized: String {
    guard let year else { return "\(issuerCode)第\(serial)号" }
    return "\(issuerCode)〔\(year)〕\(serial)号"
  }

  /// A document number of these parts, read from `text`.
  public init(issuerCode: String, year: Int?, serial: Int, text: String) {
    self.issuerCode = issuerCode
    self.year = year
    self.serial = serial
    self.text = text
  }

  /// Words that precede a document number in a sentence, and the labels a page's field
  /// gives it (文件编号 on the line before the number, joined to it).
  static let leadingWords = [
    "文件编号", "发文字号", "发文号", "文号", "根据", "按照", "依据", "依照", "参照", "印发", "转发", "落实", "贯彻", "执行", "见",
    "据", "和", "及", "与", "的",
  ]

  /// 〕 ] 】 ) ） ］ 〗, which close the year.
  private static func isYearCloser(_ scalar: UInt32) -> Bool {
    switch scalar {
    case .scalar("〕"), 0x5D, .scalar("】"), 0x29, .scalar("）"), .scalar("］"), .scalar("〗"):
      return true
    default: return false
    }
  }

  /// Finds the first document number in `text`: 机关代字 of 1–12 Han characters, the year
  /// in 〔〕 [] 【】 () （） ［］ 〖〗 (spaces allowed inside), a serial, then 号.
  public static func first(in text: String) -> (number: DocumentNumber, range: Range<String.Index>)?
  {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      defer { index += 1 }
      guard YearBracket.opens(scalars[index].value) else { continue }
      var position = index + 1
      func skipSpaces() {
        while position < scalars.count
          && (scalars[position] == " " || scalars[position] == "\u{3000}")
        { position += 1 }
      }
      skipSpaces()
      func readDigits(_ limit: Int) -> (value: Int, count: Int) {
        var value = 0
        var count = 0
        while position < scalars.count, count < limit,
          let digit = UTF8Scalars.digitValue(scalars[position].value)
        {
          value = value * 10 + digit
          count += 1
          position += 1
        }
        return (value, count)
      }
      let (year, digits) = readDigits(4)
      guard digits == 4, (1949...2100).contains(year) else { continue }
      skipSpaces()
      guard position < scalars.count, isYearCloser(scalars[position].value) else { continue }
      position += 1
      skipSpaces()
      let (serial, serialDigits) = readDigits(5)
      guard serialDigits > 0 else { continue }
      skipSpaces()
      guard position < scalars.count, scalars[position] == "号" else { continue }
      // The issuer code: Han characters right before the bracket.
      var codeStart = index
      while codeStart > 0 && UTF8Scalars.isIdeograph(scalars[codeStart - 1].value)
        && index - codeStart < 12
      {
        codeStart -= 1
      }
      // Words of the sentence before the code are not part of it: 根据渝府发… → 渝府发.
      let prefix = String(String.UnicodeScalarView(scalars[codeStart..<index]))
      if let word = Self.leadingWords.first(where: {
        prefix.hasPrefix($0) && prefix.count > $0.count + 1
      }) {
        codeStart += word.unicodeScalars.count
      }
      guard codeStart < index else { continue }
      let code = String(String.UnicodeScalarView(scalars[codeStart..<index]))
      let startIndex = text.unicodeScalars.index(
        text.unicodeScalars.startIndex, offsetBy: codeStart)
      let endIndex = text.unicodeScalars.index(
        text.unicodeScalars.startIndex, offsetBy: position + 1)
      let written = String(text[startIndex..<endIndex])
      return (
        DocumentNumber(issuerCode: code, year: year, serial: serial, text: written),
        startIndex..<endIndex
      )
    }
    return nil
  }

  /// Finds the first number of a government decree in `text`: "上海市人民政府令第59号",
  /// "国务院令第708号" — an issuer of 2–16 Han characters ending in 令 (中华人民共和国中央军事委员会令),
  /// or two apart by 、 (a joint decree), then 第, a
  /// number (digits or Chinese numerals) and 号.
  public static func firstDecree(in text: String) -> DocumentNumber? {
    let scalars = Array(text.unicodeScalars)
    if let number = decreeWithNumberFirst(scalars) { return number }
    return firstPromulgation(in: scalars, by: ["令"], longestIssuer: 16)
  }

  /// Finds the first number of a standing committee's announcement in `text`, which
  /// promulgates a regulation as a decree does: "浙江省第十一届人民代表大会常务委员会公告第79号"
  /// — an issuer of up to 24 Han characters (the committee with its term) ending in 公告,
  /// then 第, a number and 号.
  public static func firstAnnouncement(in text: String) -> DocumentNumber? {
    firstPromulgation(in: Array(text.unicodeScalars), by: ["公", "告"], longestIssuer: 24)
  }

  /// The first "issuer + `word` + 第N号" of `scalars` (`firstDecree`, `firstAnnouncement`).
  private static func firstPromulgation(
    in scalars: [Unicode.Scalar], by word: [Unicode.Scalar], longestIssuer: Int
  ) -> DocumentNumber? {
    var index = word.count
    while index + 2 < scalars.count {
      defer { index += 1 }
      // 令第59号, or with the number in brackets: 令（第19号）.
      let bracketed = scalars[index + 1] == "（" || scalars[index + 1] == "("
      let numberStart = index + (bracketed ? 2 : 1)
      guard scalars[(index + 1 - word.count)...index].elementsEqual(word),
        numberStart + 1 < scalars.count, scalars[numberStart] == "第"
      else { continue }
      var position = numberStart + 1
      var digits: [UInt32] = []
      while position < scalars.count,
        UTF8Scalars.isDigit(scalars[position].value)
          || ChineseNumeral.isNumeral(scalars[position].value),
        digits.count < 6
      {
        digits.append(scalars[position].value)
        position += 1
      }
      guard !digits.isEmpty, position < scalars.count, scalars[position] == "号" else { continue }
      let serial =
        digits.allSatisfy(UTF8Scalars.isDigit)
        ? digits.reduce(0) { $0 * 10 + (UTF8Scalars.digitValue($1) ?? 0) }
        : ChineseNumeral.value(of: digits)
      guard let serial else { continue }
      var codeStart = index
      while codeStart > 0 && UTF8Scalars.isIdeograph(scalars[codeStart - 1].value)
        && index - codeStart < longestIssuer
      { codeStart -= 1 }
      // A date's last character is not the issuer's: "2019年3月2日民政部令" → 民政部令.
      if codeStart > 0, scalars[codeStart] == "日" || scalars[codeStart] == "月",
        UTF8Scalars.isDigit(scalars[codeStart - 1].value)
          || ChineseNumeral.isNumeral(scalars[codeStart - 1].value)
      {
        codeStart += 1
      }
      // The issuer begins at a place or a national body: "…日上海市人民政府令" → 上海市人民政府令.
      let starts =
        AdministrativePlace.directMunicipalities + AdministrativePlace.autonomousRegions
        + AdministrativePlace.nationalPrefixes
      if let start = (codeStart..<index).first(where: { start in
        let rest = String(String.UnicodeScalarView(scalars[start...index]))
        return starts.contains { rest.hasPrefix($0) }
      }) {
        codeStart = start
      }
      guard index - codeStart >= 2 else { continue }
      // A joint decree names each body, apart by 、: "中华人民共和国国务院、中华人民共和国中央
      // 军事委员会令第598号" is both bodies' decree.
      while codeStart >= 3, scalars[codeStart - 1] == "、" {
        var bodyStart = codeStart - 1
        while bodyStart > 0 && UTF8Scalars.isIdeograph(scalars[bodyStart - 1].value)
          && codeStart - 1 - bodyStart < longestIssuer
        { bodyStart -= 1 }
        guard
          let start = (bodyStart..<(codeStart - 1)).first(where: { start in
            let rest = String(String.UnicodeScalarView(scalars[start..<(codeStart - 1)]))
            return starts.contains { rest.hasPrefix($0) }
          }), codeStart - 1 - start >= 2
        else { break }
        codeStart = start
      }
      let code = String(String.UnicodeScalarView(scalars[codeStart...index]))
      // A bracketed number is written with its closing bracket.
      let writtenEnd =
        bracketed && position + 1 < scalars.count
          && (scalars[position + 1] == "）" || scalars[position + 1] == ")")
        ? position + 1 : position
      let written = String(String.UnicodeScalarView(scalars[codeStart...writtenEnd]))
      return DocumentNumber(issuerCode: code, year: nil, serial: serial, text: written)
    }
    return nil
  }

  /// "市政府第16号令", the other order: an issuer, 第, a number, 号令.
  private static func decreeWithNumberFirst(_ scalars: [Unicode.Scalar]) -> DocumentNumber? {
    var index = 2
    while index + 3 < scalars.count {
      defer { index += 1 }
      guard scalars[index] == "第" else { continue }
      var position = index + 1
      var value = 0
      while position < scalars.count, let digit = UTF8Scalars.digitValue(scalars[position].value),
        position - index <= 5
      {
        value = value * 10 + digit
        position += 1
      }
      guard position > index + 1, position + 1 < scalars.count, scalars[position] == "号",
        scalars[position + 1] == "令"
      else {
        continue
      }
      var codeStart = index
      while codeStart > 0 && UTF8Scalars.isIdeograph(scalars[codeStart - 1].value)
        && index - codeStart < 12
      { codeStart -= 1 }
      let issuer = String(String.UnicodeScalarView(scalars[codeStart..<index]))
      guard
        issuer.hasSuffix("政府") || issuer.hasSuffix("院") || issuer.hasSuffix("部")
          || issuer.hasSuffix("委")
      else { continue }
      let written = String(String.UnicodeScalarView(scalars[codeStart...(position + 1)]))
      return DocumentNumber(issuerCode: issuer + "令", year: nil, serial: value, text: written)
    }
    return nil
  }
}
