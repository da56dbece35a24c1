import PolicyBytes

/// The numbering that opens a heading or an item: 一、 （一） 1. （1） ① 第一章 第一节 第一条
/// 专栏 附件 (GB/T 9704-2012 §7.3.3 levels, plus the forms of laws and attachments), and
/// 第一， of the points a report lists.
public struct HeadingMarker: Sendable, Equatable {
  /// The kinds of numbering, from the outermost.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// 第X编 / 第X部分.
    case part
    /// 第X章.
    case chapter
    /// 第X节.
    case section
    /// 一、 — level 1 of GB/T 9704.
    case chineseOrdinal = "chinese_ordinal"
    /// （一） — level 2.
    case parenthesizedChineseOrdinal = "parenthesized_chinese_ordinal"
    /// 第一， 第二， — the points of a part, as government work reports number the tasks
    /// of a part or of an item (六、… 第一，深化政府机构改革。 第二，加快转变政府职能。): no
    /// level of GB/T 9704; under the part or （一） item that lists them, and items only
    /// where they run as a list (`OrdinalPoints`).
    case ordinalPoint = "ordinal_point"
    /// 1. 1、 1． — level 3.
    case arabicOrdinal = "arabic_ordinal"
    /// （1） — level 4.
    case parenthesizedArabicOrdinal = "parenthesized_arabic_ordinal"
    /// ① — level 5.
    case circledOrdinal = "circled_ordinal"
    /// 1 — the first level of decimal numbering, as emergency plans (应急预案) and
    /// standards number their parts ("1　总则", then 1.1, 1.1.1…).
    case decimal1 = "decimal_1"
    /// 1.1 — the second level of decimal numbering.
    case decimal2 = "decimal_2"
    /// 1.1.1 — the third.
    case decimal3 = "decimal_3"
    /// 1.1.1.1 — the fourth.
    case decimal4 = "decimal_4"
    /// 第X条 — an article of a law or regulation.
    case article
    /// 专栏 — a box of projects or examples.
    case column
    /// 附件 (or 附表, an attached table) — an attachment.
    case attachment
    /// A paragraph without a marker that opens with a run-in heading of its own
    /// ("加强组织领导。…"), one of several such items of a part.
    case paragraph
    /// A task table (任务分工表): its rows are items.
    case table
    /// A row of a task table, numbered by its 序号 cell.
    case tableRow = "table_row"
  }

  /// What kind of numbering this is.
  public var kind: Kind
  /// The number it gives (1 for 一、 and for 第一条); nil for 专栏 and 附件 without one.
  public var number: Int?
  /// Its length in bytes, from the start of the line.
  public var length: Int

  /// Recognises a marker at `start` in `bytes`, which must be where a line's text starts.
  package static func match(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int)
    -> HeadingMarker?
  {
    guard start < end else { return nil }
    let (first, firstLength) = UTF8Scalars.scalar(in: bytes, at: start)
    // ① … ⑳
    if (0x2460...0x2473).contains(first) {
      return HeadingMarker(
        kind: .circledOrdinal, number: Int(first - 0x2460) + 1, length: firstLength)
    }
    // Numbering typeset as one character: ⑴ … ⒇ are （1）…（20）, ⒈ … ⒛ are 1. … 20.,
    // ㈠ … ㈩ are （一）…（十）.
    if (0x2474...0x2487).contains(first) {
      return HeadingMarker(
        kind: .parenthesizedArabicOrdinal, number: Int(first - 0x2474) + 1, length: firstLength)
    }
    if (0x2488...0x249B).contains(first) {
      return HeadingMarker(
        kind: .arabicOrdinal, number: Int(first - 0x2488) + 1, length: firstLength)
    }
    if (0x3220...0x3229).contains(first) {
      return HeadingMarker(
        kind: .parenthesizedChineseOrdinal, number: Int(first - 0x3220) + 1, length: firstLength)
    }
    // （一） (一) （1） (1)
    if first == .scalar("（") || first == 0x28 {
      var index = start + firstLength
      while index < end, bytes[index] == 0x20 { index += 1 }
      let numberStart = index
      let (value, isChinese, after) = readNumber(in: bytes, at: index, end: end)
      guard let value, after > numberStart, after - numberStart <= 12, after < end else {
        return nil
      }
      index = after
      while index < end, bytes[index] == 0x20 { index += 1 }
      guard index < end else { return nil }
      let (close, closeLength) = UTF8Scalars.scalar(in: bytes, at: index)
      guard close == .scalar("）") || close == 0x29 else { return nil }
      if !isChinese && value > 99 { return nil }  // （2022 is a year, not an item
      return HeadingMarker(
        kind: isChinese ? .parenthesizedChineseOrdinal : .parenthesizedArabicOrdinal,
        number: value, length: index + closeLength - start)
    }
    // 第X章 第X节 第X条 第X编 第X部分 第X，
    if first == .scalar("第") {
      let numberStart = start + firstLength
      let (value, isChineseNumber, after) = readNumber(in: bytes, at: numberStart, end: end)
      guard let value, after > numberStart, after < end else { return nil }
      let (unit, unitLength) = UTF8Scalars.scalar(in: bytes, at: after)
      let kind: Kind
      var length = after + unitLength - start
      switch unit {
      // 第一，: a point of a list, when its number is in Chinese (第1，is a count).
      case .scalar("，") where isChineseNumber:
        guard after + unitLength < end else { return nil }
        kind = .ordinalPoint
      case .scalar("章"): kind = .chapter
      case .scalar("节"): kind = .section
      case .scalar("条"): kind = .article
      case .scalar("编"): kind = .part
      case .scalar("部"):  // 部分
        guard after + unitLength < end,
          UTF8Scalars.scalar(in: bytes, at: after + unitLength).value == .scalar("分")
        else { return nil }
        kind = .part
        length += 3
      default: return nil
      }
      // "第三十条规定的…" opens a sentence about an article; a heading is followed by a
      // space, a colon, its title in brackets ("第一条（目的依据）", "第一条【目的依据】") or
      // the end of the line.
      if kind == .article, start + length < end {
        let next = UTF8Scalars.scalar(in: bytes, at: start + length).value
        guard
          UTF8Scalars.isBlank(next) || next == .scalar("：") || next == 0x3A || next == .scalar("（")
            || next == 0x28 || next == .scalar("【")
        else { return nil }
      }
      return HeadingMarker(kind: kind, number: value, length: length)
    }
    // 专栏 附件 附表, optionally numbered
    if first == .scalar("专") || first == .scalar("附") {
      let secondStart = start + firstLength
      guard secondStart < end else { return nil }
      let second = UTF8Scalars.scalar(in: bytes, at: secondStart)
      let isColumn = first == .scalar("专") && second.value == .scalar("栏")
      // 件 表
      let isAttachment =
        first == .scalar("附") && (second.value == .scalar("件") || second.value == .scalar("表"))
      guard isColumn || isAttachment else { return nil }
      let after = secondStart + second.length
      let (value, _, numberEnd) = readNumber(in: bytes, at: after, end: end)
      return HeadingMarker(
        kind: isColumn ? .column : .attachment, number: value, length: numberEnd - start)
    }
    // 一、 一. 一． and 1. 1、 1． 1﹒, and 1） 1) (an item closed without its opening
    // parenthesis).
    let (value, isChinese, after) = readNumber(in: bytes, at: start, end: end)
    guard let value, after < end else { return nil }
    if !isChinese, let decimal = decimalMarker(in: bytes, at: start, end: end) { return decimal }
    let (punct, punctLength) = UTF8Scalars.scalar(in: bytes, at: after)
    let next = after + punctLength
    // "2.5万亩" and "一.5" are numbers, not items: a marker is not followed by a digit.
    let digitFollows =
      next < end && UTF8Scalars.isDigit(UTF8Scalars.scalar(in: bytes, at: next).value)
    if isChinese {
      // 、 . ．
      guard punct == .scalar("、") || ((punct == 0x2E || punct == .scalar("．")) && !digitFollows)
      else {
        return nil
      }
      return HeadingMarker(kind: .chineseOrdinal, number: value, length: next - start)
    }
    guard value <= 999, after - start <= 3, !digitFollows else { return nil }
    switch punct {
    case 0x2E, .scalar("．"), .scalar("、"), 0xFE52:  // . ． 、 ﹒
      return HeadingMarker(kind: .arabicOrdinal, number: value, length: next - start)
    case 0x29, .scalar("）"):  // ) ）
      guard value <= 99 else { return nil }
      return HeadingMarker(kind: .parenthesizedArabicOrdinal, number: value, length: next - start)
    default:
      return nil
    }
  }

  /// The longest number of a level of decimal numbering (1.12 but not 1.123).
  static let maximumDecimalDigits = 2
  /// The longest title of a first-level decimal heading ("1　总则"), in scalars: a line
  /// that opens with a number and a space is read as one only when the rest is a short
  /// title.
  static let maximumDecimalTitle = 20
  /// What a number followed by a space measures rather than numbers (2.5 万吨, 3 个,
  /// 12 名, 6.0 级): characters that open a quantity's unit.
  static let quantityWords: Set<UInt32> = Set(
    "万亿千百十个元吨倍米亩公年月日天人项家次级名余多座辆户批周岁台套只条张份%％".unicodeScalars.map(\.value))
  /// Units of two characters whose first may open a title (分级响应, but 30 分钟; 小组, but
  /// 2 小时; 平台, but 5 平方米), as `scalarPair`s.
  static let quantityPairs: Set<UInt64> = Set(
    ["分钟", "小时", "平方", "公里", "公顷", "立方"].map { pair in
      let scalars = pair.unicodeScalars.map(\.value)
      return scalarPair(scalars[0], scalars[1])
    })

  /// Two scalars as one key.
  static func scalarPair(_ first: UInt32, _ second: UInt32) -> UInt64 {
    UInt64(first) << 32 | UInt64(second)
  }

  /// Decimal numbering at `start`: "1.1　编制目的", "2.1.3　成员单位职责", "5.1.2 省级人民政府…"
  /// (one to four levels of one or two digits, none 0; a space or ideographic space after
  /// them, which three levels may lose; then text that opens with no quantity's unit), or
  /// "1　总则" (one level: only a short title without punctuation after it, as a part's
  /// heading line is). The number is the last level's. (`DecimalOutline` keeps them only
  /// in a document numbered this way.)
  static func decimalMarker(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int)
    -> HeadingMarker?
  {
    var levels = 0
    var last = 0
    var index = start
    while index < end, levels < 4 {
      var value = 0
      var digits = 0
      while index < end, digits <= maximumDecimalDigits, (0x30...0x39).contains(bytes[index]) {
        value = value * 10 + Int(bytes[index] - 0x30)
        digits += 1
        index += 1
      }
      guard digits > 0, digits <= maximumDecimalDigits, value > 0 else { return nil }
      levels += 1
      last = value
      guard index + 1 < end, bytes[index] == 0x2E, (0x30...0x39).contains(bytes[index + 1])
      else { break }
      index += 1
    }
    guard levels > 0, index < end else { return nil }
    let numberEnd = index
    var titleStart = index
    while titleStart < end {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: titleStart)
      guard UTF8Scalars.isBlank(scalar) else { break }
      titleStart += length
    }
    // A space may be lost after three levels ("5.1.2省级…", the cleaner taking it for
    // residue between a digit and a character); after one or two it tells 1.1 from 2.5.
    guard titleStart > numberEnd || levels >= 3, titleStart < end else { return nil }
    let (opening, openingLength) = UTF8Scalars.scalar(in: bytes, at: titleStart)
    guard UTF8Scalars.isIdeograph(opening) || opening == .scalar("（") || opening == .scalar("《"),
      !quantityWords.contains(opening)
    else { return nil }
    if titleStart + openingLength < end {
      let second = UTF8Scalars.scalar(in: bytes, at: titleStart + openingLength).value
      guard !quantityPairs.contains(scalarPair(opening, second)) else { return nil }
    }
    if levels == 1 {
      var scalars = 0
      var position = titleStart
      while position < end {
        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
        if scalar == .scalar("，") || scalar == .scalar("。") || scalar == .scalar("；")
          || scalar == .scalar("：") || scalar == 0x2C || scalar == 0x3B || scalar == 0x3A
        {
          return nil
        }
        scalars += 1
        guard scalars <= maximumDecimalTitle else { return nil }
        position += length
      }
    }
    let kind: Kind =
      switch levels {
      case 1: .decimal1
      case 2: .decimal2
      case 3: .decimal3
      default: .decimal4
      }
    return HeadingMarker(kind: kind, number: last, length: numberEnd - start)
  }

  /// Reads an Arabic (ASCII or full-width) or Chinese number at `index`.
  static func readNumber(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (
    value: Int?, isChinese: Bool, end: Int
  ) {
    var position = index
    var arabic = 0
    var digits = 0
    while position < end {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
      guard let digit = UTF8Scalars.digitValue(scalar), digits < 9 else { break }
      arabic = arabic * 10 + digit
      digits += 1
      position += length
    }
    if digits > 0 { return (arabic, false, position) }
    var scalars: [UInt32] = []
    while position < end {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
      guard ChineseNumeral.isNumeral(scalar), scalars.count < 8 else { break }
      scalars.append(scalar)
      position += length
    }
    guard !scalars.isEmpty, let value = ChineseNumeral.value(of: scalars) else {
      return (nil, false, index)
    }
    return (value, true, position)
  }
  package init(kind: Kind, number: Int?, length: Int) {
    self.kind = kind
    self.number = number
    self.length = length
  }
}
