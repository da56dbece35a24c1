import PolicyBytes

/// A line's scalars as `LineShape` reads them, in storage that lives only while the line
/// is judged: all of them for a short line, else its ends (and its last parenthetical
/// group).
struct LineScalars {
  /// What `LineShape` keeps of the line, read while its scalars are at hand.
  struct Judgements {
    var isPageNumber, endsSentence, endsWithDate, isEnactmentRecord, isRecordLine,
      isDocumentNumber: Bool
    var endsLikeTitle, isStandaloneHeading, holdsSentencePunctuation, opensParagraph,
      opensWithYear: Bool
  }

  package var judgements: Judgements {
    Judgements(
      isPageNumber: isPageNumber, endsSentence: endsSentence, endsWithDate: endsWithDate,
      isEnactmentRecord: isEnactmentRecord,
      isRecordLine: isRecordLine, isDocumentNumber: isDocumentNumber, endsLikeTitle: endsLikeTitle,
      isStandaloneHeading: isStandaloneHeading, holdsSentencePunctuation: holdsSentencePunctuation,
      opensParagraph: opensParagraph,
      opensWithYear: opensWithYear)
  }

  // The character classes below are switches, not sets: they are asked of every scalar
  // of short lines, and a set hashes each one.

  /// - ‒ – — ― ─ − －, around a page number.
  private static func isDash(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x2D, .scalar("‒"), .scalar("–"), .scalar("—"), .scalar("―"), 0x2212, 0x2500, .scalar("－"):
      return true
    default: return false
    }
  }

  /// 。！？；：… and ! ? ; :, which end a sentence.
  private static func isTerminator(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x21, 0x3A, 0x3B, 0x3F, .scalar("…"), .scalar("。"), .scalar("！"), .scalar("："),
      .scalar("；"), .scalar("？"):
      return true
    default: return false
    }
  }

  /// ” ’ 」 』.
  private static func isClosingQuote(_ scalar: UInt32) -> Bool {
    scalar == .scalar("”") || scalar == .scalar("’") || scalar == .scalar("」")
      || scalar == .scalar("』")
  }

  /// The last characters of document titles: 通知 意见 方案 计划 规划 办法 细则 措施 决定
  /// 条例 规定 报告 公告 通告 批复 决议 纪要 要点.
  /// Each as its two scalars in one `pair` key, so that a line's last two are looked up
  /// without making an array of them.
  private static let titleEndings: Set<UInt64> = Set(
    [
      "通知", "意见", "方案", "计划", "规划", "办法", "细则", "措施", "决定", "条例", "规定", "报告",
      "公告", "通告", "批复", "决议", "纪要", "要点",
    ].map {
      let scalars = $0.unicodeScalars.map(\.value)
      return pair(scalars[0], scalars[1])
    })
  /// Words of a responsibility clause: 负责 配合 牵头 参与 责任.
  private static let clauseWords: [[UInt32]] = ["负责", "配合", "牵头", "参与", "责任"].map {
    $0.unicodeScalars.map(\.value)
  }

  /// All the line's scalars, or none when only its ends were read.
  package let all: UnsafeBufferPointer<UInt32>
  /// The first and the last `LineShape.endLength` scalars, for every line.
  package let head: Slice<UnsafeBufferPointer<UInt32>>
  package let tail: Slice<UnsafeBufferPointer<UInt32>>
  /// For a line that ends in a parenthesis, its scalars from the last opening one on;
  /// nil when it has none (or does not end in one).
  let closingGroup: Slice<UnsafeBufferPointer<UInt32>>?

  /// （ or (.
  static func isOpeningParenthesis(_ scalar: UInt32) -> Bool {
    scalar == .scalar("（") || scalar == 0x28
  }
  package let first: UInt32
  package let last: UInt32
  package let marker: HeadingMarker?
  package let scalarCount: Int

  /// A page number standing alone: "— 3 —", "- 3 -", "第 3 页", "第3页 共12页".
  var isPageNumber: Bool {
    guard scalarCount <= 16 else { return false }
    // Both forms open with a dash or 第: other lines need no copy without blanks.
    guard let opening = all.first(where: { !UTF8Scalars.isBlank($0) }),
      Self.isDash(opening) || opening == .scalar("第")
    else {
      return false
    }
    let core = all.filter { !UTF8Scalars.isBlank($0) }
    var index = 0
    var leading = 0
    while index < core.count && Self.isDash(core[index]) {
      leading += 1
      index += 1
    }
    let digitStart = index
    while index < core.count && UTF8Scalars.isDigit(core[index]) { index += 1 }
    let digits = index - digitStart
    var trailing = 0
    while index < core.count && Self.isDash(core[index]) {
      trailing += 1
      index += 1
    }
    if index == core.count && digits > 0 && digits <= 4 && leading > 0 && trailing > 0 {
      return true
    }
    // 第3页 / 第3页 共12页
    guard core.first == .scalar("第") else { return false }
    var position = 1
    var pages = 0
    while position < core.count {
      let start = position
      while position < core.count && UTF8Scalars.isDigit(core[position]) { position += 1 }
      // 页
      guard position > start, position < core.count, core[position] == .scalar("页") else {
        return false
      }
      pages += 1
      position += 1
      if position < core.count {
        guard core[position] == .scalar("共") else { return false }
        position += 1
      }
    }
    return pages > 0
  }

  /// Whether the line ends a paragraph by its punctuation: 。！？；：…, a closing quote
  /// after one, or a closing parenthesis that ends a parenthetical line, a clause
  /// "（…负责）" or a period "（2022—2025年）".
  var endsSentence: Bool {
    if Self.isTerminator(last) { return true }
    if Self.isClosingQuote(last), tail.count >= 2 {
      return Self.isTerminator(tail[tail.endIndex - 2])
    }
    if last == .scalar("）") || last == 0x29 {
      if first == .scalar("（") || first == 0x28 { return true }
      guard tail.count >= 2 else { return false }
      if tail[tail.endIndex - 2] == .scalar("年") { return true }
      guard let group = closingGroup else {
        return true  // the clause opened on an earlier line
      }
      return Self.clauseWords.contains { word in Self.contains(word, in: group) }
    }
    return false
  }

  /// Whether the line ends with a date, "2022年7月22日" or "二〇二二年七月二十二日",
  /// optionally followed by 印发/发布/通过 (a signature or 版记 line).
  var endsWithDate: Bool {
    guard !all.isEmpty, scalarCount <= 60 else { return false }
    var tail = all[...]
    while let last = tail.last, UTF8Scalars.isBlank(last) { tail = tail.dropLast() }
    for word in Self.publishingWords {
      if tail.count > word.count && tail.suffix(word.count).elementsEqual(word) {
        tail = tail.dropLast(word.count)
        break
      }
    }
    // 日 ← number ← 月 ← number ← 年 ← number
    for unit in Self.dateUnitsBackwards {
      guard tail.last == unit else { return false }
      tail = tail.dropLast()
      while let last = tail.last, last == 0x20 { tail = tail.dropLast() }
      var digits = 0
      while let last = tail.last, UTF8Scalars.isDigit(last) || ChineseNumeral.isNumeral(last) {
        digits += 1
        tail = tail.dropLast()
      }
      guard digits > 0 else { return false }
      while let last = tail.last, last == 0x20 { tail = tail.dropLast() }
    }
    return true
  }

  /// Whether the line records a law's passing or revision: it opens with a date and ends
  /// with 通过, 修正, 修订, 公布, 批准, 施行 or 废止 ("2011年11月17日 上海市…会议通过", "2020年5月14日
  /// …第一次修正"). Each such line is a record of its own, never joined to the next.
  var isEnactmentRecord: Bool {
    guard scalarCount <= 200 else { return false }
    var ending = tail
    while let last = ending.last, UTF8Scalars.isBlank(last) || last == .scalar("）") || last == 0x29
    {
      ending = ending.dropLast()
    }
    let endsWithAct = Self.enactmentWords.contains { word in
      ending.count > word.count && ending.suffix(word.count).elementsEqual(word)
    }
    guard endsWithAct else { return false }
    var body = head
    if body.first == .scalar("（") || body.first == 0x28 { body = body.dropFirst() }  // （2011年…通过）
    // 年 after two to four digits or Chinese numerals, then 月 and 日 within a few characters.
    var digits = 0
    while let first = body.first, UTF8Scalars.isDigit(first) || ChineseNumeral.isNumeral(first) {
      digits += 1
      body = body.dropFirst()
    }
    guard (2...4).contains(digits), body.first == 0x5E74 else { return false }  // 年
    let afterYear = body.prefix(12)
    return afterYear.contains(.scalar("月")) && afterYear.contains(.scalar("日"))
  }

  /// 日, 月, 年: a date's units read from its end.
  private static let dateUnitsBackwards: [UInt32] = [.scalar("日"), .scalar("月"), .scalar("年")]
  private static let publishingWords: [[UInt32]] = LineShape.datePublishingWords.map {
    $0.unicodeScalars.map(\.value)
  }
  /// "://" of a URL.
  private static let colonSlashSlash: [UInt32] = [0x3A, 0x2F, 0x2F]

  private static let enactmentWords: [[UInt32]] = ["通过", "修正", "修订", "公布", "批准", "施行", "废止"].map {
    $0.unicodeScalars.map(\.value)
  }

  /// Whether the line carries a URL or a bracketed label ("【法宝引证码】…", "原文链接：https://…"):
  /// a line of a database export's header, never part of a paragraph.
  var isRecordLine: Bool {
    if first == .scalar("【") { return true }
    guard all.count >= 3 else { return false }
    for index in 0...(all.count - 3) where all[index] == 0x3A {
      if all[index..<(index + 3)].elementsEqual(Self.colonSlashSlash) { return true }
    }
    return false
  }

  /// Whether the line is a document number: "永川府发〔2022〕11号", "渝经信发〔2024〕3号",
  /// or a decree's, which has no year: "发文字号：国令第706号".
  var isDocumentNumber: Bool {
    guard scalarCount <= 40, last == .scalar("号") else { return false }
    for (index, scalar) in all.enumerated() where YearBracket.opens(scalar) {
      var position = index + 1
      while position < all.count && all[position] == 0x20 { position += 1 }
      let start = position
      while position < all.count && UTF8Scalars.isDigit(all[position]) { position += 1 }
      if position - start == 4 { return true }
    }
    return endsWithDecreeNumber
  }

  /// Whether the line ends with 令第N号 (N in digits or Chinese numerals).
  private var endsWithDecreeNumber: Bool {
    var position = all.count - 1  // 号
    while position > 0
      && (UTF8Scalars.isDigit(all[position - 1]) || ChineseNumeral.isNumeral(all[position - 1]))
    { position -= 1 }
    guard position < all.count - 1, position >= 2 else { return false }
    return all[position - 1] == .scalar("第") && all[position - 2] == .scalar("令")
  }

  /// Whether the line ends like a document title (…的通知, …实施方案, …行动计划).
  var endsLikeTitle: Bool {
    guard tail.count >= 2,
      Self.titleEndings.contains(Self.pair(tail[tail.endIndex - 2], tail[tail.endIndex - 1]))
    else {
      return false
    }
    // "…的通知": a notice title however long; other endings only on short lines.
    return scalarCount <= 60
      || (scalarCount <= 150 && tail.count >= 3 && tail[tail.endIndex - 3] == .scalar("的"))
  }

  /// Whether the line is a heading and nothing else: it opens with a marker and holds
  /// no sentence punctuation (a run-in heading "6.推进…。加强…，" is a paragraph).
  var isStandaloneHeading: Bool {
    if isContentsTitle { return true }
    guard let marker, scalarCount <= 60, !all.isEmpty else { return false }
    // Skip the marker and a colon or space right after it ("专栏：…", "第一章 总则").
    var bytes = 0
    var index = 0
    while index < all.count && bytes < marker.length {
      bytes += Self.utf8Length(all[index])
      index += 1
    }
    while index < all.count
      && (all[index] == .scalar("：") || all[index] == 0x3A || UTF8Scalars.isBlank(all[index]))
    {
      index += 1
    }
    return !all[index...].contains(where: Self.isSentencePunctuation)
  }

  /// Whether a short line holds sentence punctuation (。！？；： or a comma, full width or
  /// not); a title holds none. An ellipsis is not counted: a title may hold one (关于……).
  /// (Long lines keep only their ends and are never asked.)
  var holdsSentencePunctuation: Bool { all.contains(where: Self.isSentencePunctuation) }

  private static func isSentencePunctuation(_ scalar: UInt32) -> Bool {
    scalar != .scalar("…") && isTerminator(scalar) || scalar == .scalar("，") || scalar == 0x2C
  }

  /// Two scalars as one key.
  private static func pair(_ first: UInt32, _ second: UInt32) -> UInt64 {
    UInt64(first) << 32 | UInt64(second)
  }

  private static func utf8Length(_ scalar: UInt32) -> Int {
    scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
  }

  /// Whether the line is the title of a table of contents, "目录" (often spaced, "目　　录"),
  /// a line of its own: the plan's title above it and the first entry below it are not
  /// part of it.
  var isContentsTitle: Bool { scalarCount <= 8 && ContentsTitle.matches(all) }

  /// Whether the line opens with something that always starts a paragraph: a heading
  /// marker, 目录, 抄送, 主送.
  var opensParagraph: Bool {
    if marker != nil || isContentsTitle { return true }
    guard head.count >= 2 else { return false }
    let opening = head[head.startIndex]
    return (opening == .scalar("抄") || opening == .scalar("主"))
      && head[head.startIndex + 1] == .scalar("送")
  }

  /// Whether the line opens with a parenthesised year, "（2022—2025年）", which continues
  /// a title.
  package var opensWithYear: Bool {
    guard first == .scalar("（") || first == 0x28, head.count >= 5 else { return false }
    return head.dropFirst().prefix(4).allSatisfy { UTF8Scalars.isDigit($0) }
  }

  /// Whether `word` occurs in `run` as a contiguous run.
  private static func contains(_ word: [UInt32], in run: Slice<UnsafeBufferPointer<UInt32>>) -> Bool
  {
    guard word.count <= run.count else { return false }
    for start in run.startIndex...(run.endIndex - word.count) where run[start] == word[0] {
      if run[start..<(start + word.count)].elementsEqual(word) { return true }
    }
    return false
  }
}
