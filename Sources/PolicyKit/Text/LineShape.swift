/// What a cleaned line looks like to the paragraph joiner: whether it closes a
/// paragraph, opens one, or stands alone as a title, date, document number or heading.
struct LineShape {
  private static let dashes: Set<UInt32> = [0x2D, 0x2014, 0x2013, 0xFF0D, 0x2015, 0x2012, 0x2500, 0x2212]
  private static let terminators: Set<UInt32> = [
    0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0x21, 0x3F, 0x3B, 0x3A, 0x2026,
  ]
  private static let closingQuotes: Set<UInt32> = [0x201D, 0x2019, 0x300D, 0x300F]
  /// The last characters of document titles: 通知 意见 方案 计划 规划 办法 细则 措施 决定
  /// 条例 规定 报告 公告 通告 批复 决议 纪要 要点.
  /// Each as its two scalars in one `pair` key, so that a line's last two are looked up
  /// without making an array of them.
  private static let titleEndings: Set<UInt64> = Set(
    ["通知", "意见", "方案", "计划", "规划", "办法", "细则", "措施", "决定", "条例", "规定", "报告",
     "公告", "通告", "批复", "决议", "纪要", "要点"].map {
      let scalars = $0.unicodeScalars.map(\.value)
      return pair(scalars[0], scalars[1])
    })
  /// Words of a responsibility clause: 负责 配合 牵头 参与 责任.
  private static let clauseWords: [[UInt32]] = ["负责", "配合", "牵头", "参与", "责任"].map {
    $0.unicodeScalars.map(\.value)
  }

  /// The line's scalars, kept only for short lines (checks on long ones look at the ends).
  let scalars: [UInt32]
  /// The first and the last `endLength` scalars, for every line.
  let head: ArraySlice<UInt32>
  let tail: ArraySlice<UInt32>
  private static let endLength = 24
  let first: UInt32
  let last: UInt32
  let marker: HeadingMarker?
  let scalarCount: Int

  init(_ line: CleanLine, segments: SegmentList, in bytes: UnsafeBufferPointer<UInt8>) {
    scalarCount = line.scalarCount
    first = segments.firstScalar(of: line, in: bytes)
    last = segments.lastScalar(of: line, in: bytes)
    // Long lines are only ever judged by their ends; keep all their scalars only when the
    // last parenthetical group matters, else their first and last few.
    if line.scalarCount <= 80 || last == 0xFF09 || last == 0x29 {
      // All of them: a line of any length may end in a group whose opening is far back.
      scalars = segments.scalars(of: line, in: bytes, limit: .max)
      head = scalars.prefix(Self.endLength)
      tail = scalars.suffix(Self.endLength)
    } else {
      scalars = []
      head = segments.scalars(of: line, in: bytes, limit: Self.endLength)[...]
      tail = segments.lastScalars(of: line, in: bytes, limit: Self.endLength)[...]
    }
    if let firstIndex = line.segments.first {
      let range = segments[firstIndex]
      marker = HeadingMarker.match(in: bytes, at: range.lowerBound, end: range.upperBound)
    } else {
      marker = nil
    }
  }

  /// A page number standing alone: "— 3 —", "- 3 -", "第 3 页", "第3页 共12页".
  var isPageNumber: Bool {
    guard scalarCount <= 16 else { return false }
    let core = scalars.filter { !UTF8Scalars.isBlank($0) }
    var index = 0
    var leading = 0
    while index < core.count && Self.dashes.contains(core[index]) {
      leading += 1
      index += 1
    }
    let digitStart = index
    while index < core.count && UTF8Scalars.isDigit(core[index]) { index += 1 }
    let digits = index - digitStart
    var trailing = 0
    while index < core.count && Self.dashes.contains(core[index]) {
      trailing += 1
      index += 1
    }
    if index == core.count && digits > 0 && digits <= 4 && leading > 0 && trailing > 0 {
      return true
    }
    // 第3页 / 第3页 共12页
    guard core.first == 0x7B2C else { return false }  // 第
    var position = 1
    var pages = 0
    while position < core.count {
      let start = position
      while position < core.count && UTF8Scalars.isDigit(core[position]) { position += 1 }
      guard position > start, position < core.count, core[position] == 0x9875 else { return false }  // 页
      pages += 1
      position += 1
      if position < core.count {
        guard core[position] == 0x5171 else { return false }  // 共
        position += 1
      }
    }
    return pages > 0
  }

  /// Whether the line ends a paragraph by its punctuation: 。！？；：…, a closing quote
  /// after one, or a closing parenthesis that ends a parenthetical line, a clause
  /// "（…负责）" or a period "（2022—2025年）".
  var endsSentence: Bool {
    if Self.terminators.contains(last) { return true }
    if Self.closingQuotes.contains(last), tail.count >= 2 {
      return Self.terminators.contains(tail[tail.endIndex - 2])
    }
    if last == 0xFF09 || last == 0x29 {
      if first == 0xFF08 || first == 0x28 { return true }
      guard scalars.count >= 2 else { return false }
      if scalars[scalars.count - 2] == 0x5E74 { return true }  // 年）
      guard let open = scalars.lastIndex(where: { $0 == 0xFF08 || $0 == 0x28 }) else {
        return true  // the clause opened on an earlier line
      }
      let group = Array(scalars[open...])
      return Self.clauseWords.contains { word in group.containsSequence(word) }
    }
    return false
  }

  /// Whether the line ends with a date, "2022年7月22日" or "二〇二二年七月二十二日",
  /// optionally followed by 印发/发布/通过 (a signature or 版记 line).
  var endsWithDate: Bool {
    guard !scalars.isEmpty, scalarCount <= 60 else { return false }
    var tail = scalars[...]
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
    while let last = ending.last, UTF8Scalars.isBlank(last) || last == 0xFF09 || last == 0x29 { ending = ending.dropLast() }
    let endsWithAct = Self.enactmentWords.contains { word in ending.count > word.count && ending.suffix(word.count).elementsEqual(word) }
    guard endsWithAct else { return false }
    var body = head
    if body.first == 0xFF08 || body.first == 0x28 { body = body.dropFirst() }  // （2011年…通过）
    // 年 after two to four digits or Chinese numerals, then 月 and 日 within a few characters.
    var digits = 0
    while let first = body.first, UTF8Scalars.isDigit(first) || ChineseNumeral.isNumeral(first) {
      digits += 1
      body = body.dropFirst()
    }
    guard (2...4).contains(digits), body.first == 0x5E74 else { return false }  // 年
    let afterYear = body.prefix(12)
    return afterYear.contains(0x6708) && afterYear.contains(0x65E5)  // 月 日
  }

  /// 日, 月, 年: a date's units read from its end.
  private static let dateUnitsBackwards: [UInt32] = [0x65E5, 0x6708, 0x5E74]
  /// 印发, 发布, 通过, 公布 after a date (a date line may end with one).
  static let datePublishingWords = ["印发", "发布", "通过", "公布"]
  private static let publishingWords: [[UInt32]] = datePublishingWords.map { $0.unicodeScalars.map(\.value) }
  /// "://" of a URL.
  private static let colonSlashSlash: [UInt32] = [0x3A, 0x2F, 0x2F]

  private static let enactmentWords: [[UInt32]] = ["通过", "修正", "修订", "公布", "批准", "施行", "废止"].map {
    $0.unicodeScalars.map(\.value)
  }

  /// Whether the line carries a URL or a bracketed label ("【法宝引证码】…", "原文链接：https://…"):
  /// a line of a database export's header, never part of a paragraph.
  var isRecordLine: Bool {
    if first == 0x3010 { return true }  // 【
    guard scalars.count >= 3 else { return false }
    for index in 0...(scalars.count - 3) where scalars[index] == 0x3A {
      if scalars[index..<(index + 3)].elementsEqual(Self.colonSlashSlash) { return true }
    }
    return false
  }

  /// Whether the line is a document number: "永川府发〔2022〕11号", "渝经信发〔2024〕3号".
  var isDocumentNumber: Bool {
    guard scalarCount <= 40, last == 0x53F7 else { return false }  // 号
    for (index, scalar) in scalars.enumerated() where DocumentNumber.isYearOpener(scalar) {
      var position = index + 1
      while position < scalars.count && scalars[position] == 0x20 { position += 1 }
      let start = position
      while position < scalars.count && UTF8Scalars.isDigit(scalars[position]) { position += 1 }
      if position - start == 4 { return true }
    }
    return false
  }

  /// Whether the line ends like a document title (…的通知, …实施方案, …行动计划).
  var endsLikeTitle: Bool {
    guard tail.count >= 2, Self.titleEndings.contains(Self.pair(tail[tail.endIndex - 2], tail[tail.endIndex - 1])) else {
      return false
    }
    // "…的通知": a notice title however long; other endings only on short lines.
    return scalarCount <= 60 || (scalarCount <= 150 && tail.count >= 3 && tail[tail.endIndex - 3] == 0x7684)
  }

  /// Whether the line is a heading and nothing else: it opens with a marker and holds
  /// no sentence punctuation (a run-in heading "6.推进…。加强…，" is a paragraph).
  var isStandaloneHeading: Bool {
    guard let marker, scalarCount <= 60, !scalars.isEmpty else { return false }
    // Skip the marker and a colon or space right after it ("专栏：…", "第一章 总则").
    var bytes = 0
    var index = 0
    while index < scalars.count && bytes < marker.length {
      bytes += Self.utf8Length(scalars[index])
      index += 1
    }
    while index < scalars.count && (scalars[index] == 0xFF1A || scalars[index] == 0x3A || UTF8Scalars.isBlank(scalars[index])) {
      index += 1
    }
    return !scalars[index...].contains(where: Self.isSentencePunctuation)
  }

  /// Whether a short line holds sentence punctuation (。！？；：… or a comma); a title
  /// holds none. (Long lines keep only their ends and are never asked.)
  var holdsSentencePunctuation: Bool { scalars.contains(where: Self.isSentencePunctuation) }

  private static func isSentencePunctuation(_ scalar: UInt32) -> Bool {
    terminators.contains(scalar) || scalar == 0xFF0C || scalar == 0x2C
  }

  /// Two scalars as one key.
  private static func pair(_ first: UInt32, _ second: UInt32) -> UInt64 {
    UInt64(first) << 32 | UInt64(second)
  }

  private static func utf8Length(_ scalar: UInt32) -> Int {
    scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
  }

  /// Whether the line opens with something that always starts a paragraph: a heading
  /// marker, 抄送, 主送.
  var opensParagraph: Bool {
    if marker != nil { return true }
    guard head.count >= 2 else { return false }
    let opening = head[head.startIndex]
    return (opening == 0x6284 || opening == 0x4E3B) && head[head.startIndex + 1] == 0x9001  // 抄送 主送
  }

  /// Whether the line opens with a parenthesised year, "（2022—2025年）", which continues
  /// a title.
  var opensWithYear: Bool {
    guard first == 0xFF08 || first == 0x28, head.count >= 5 else { return false }
    return head.dropFirst().prefix(4).allSatisfy { UTF8Scalars.isDigit($0) }
  }
}

extension Array where Element == UInt32 {
  /// Whether `word` occurs in the array as a contiguous run.
  fileprivate func containsSequence(_ word: [UInt32]) -> Bool {
    guard word.count <= count else { return false }
    for start in 0...(count - word.count) where self[start] == word[0] {
      if Array(self[start..<(start + word.count)]) == word { return true }
    }
    return false
  }
}
