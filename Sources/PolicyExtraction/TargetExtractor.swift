import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

/// Finds quantitative targets: "到2025年，…单位工业增加值能耗、水耗分别较“十三五”末下降
/// 14.5%、20.3%" is two targets (year 2025, baseline 2020, decrease, 14.5% and 20.3%).
///
/// Works on the folded text, so that Traditional characters, full-width digits and
/// full-width punctuation read alike; spans are mapped back to the cleaned text. A value
/// counts as a target only in a sentence with a target year (到2025年, “十四五”期间…), or,
/// when a direction verb stands before it, in a sentence that takes a year from elsewhere:
/// an earlier sentence of the same paragraph, a lead-in ("到2023年，…：") for the items
/// under it, or the title of a plan for one year (2025年度实施计划).
struct TargetExtractor {
  package let dictionaries: PolicyDictionaries

  /// A part whose heading sets a named period's goals ("二、“十四五”时期主要目标任务和重大
  /// 举措" of a work report for one year): within it, a target without a year of its own is
  /// for the period's end (`year`), not for the plan's year.
  package struct PeriodPart {
    package var extent: TextSpan
    package var year: Int
  }

  /// The targets of `document`, whose metadata gives the plan's title and period, and
  /// whose `periodParts` set a period's goals.
  package func targets(
    in document: PolicyText, paragraphs: [TextSpan], pieces: TextPieces, metadata: DocumentMetadata,
    periodParts: [PeriodPart]
  ) -> [Target] {
    var targets: [Target] = []
    var sentence = FoldedScalars()
    let planYear = TargetYears.planYear(title: metadata.planTitle ?? metadata.title)
    let period = metadata.periodStart.flatMap { start in metadata.periodEnd.map { start...$0 } }
    let writtenYear = metadata.writtenDate.flatMap { Int($0.prefix(4)) }
    document.foldedUTF8.withUnsafeBufferPointer { folded in
      // Folded paragraphs line up with the text's: folding keeps line feeds.
      var start = 0
      var paragraphIndex = 0
      // The year of a lead-in, carried to the list items after it.
      var leadInYear: Int? = nil
      while start <= folded.count && paragraphIndex < paragraphs.count {
        let end = ByteSearch.offset(of: 0x0A, in: folded, from: start) ?? folded.count
        if leadInYear != nil && (end == start || !TargetLeadIn.isListItem(folded, start..<end)) {
          leadInYear = nil
        }
        // Parts are spans of the text, not of the folded bytes (folding shortens full-width
        // punctuation): the paragraph's own span says where it stands.
        let textStart = paragraphs[paragraphIndex].start
        let partYear = periodParts.last {
          $0.extent.start <= textStart && textStart < $0.extent.end
        }?.year
        let carried = leadInYear ?? partYear ?? planYear
        // Targets need a year: skip paragraphs without an ASCII digit or a named period.
        if end > start && (carried != nil || Self.mayHoldYear(folded, start..<end)) {
          let reading = paragraphTargets(
            folded, start..<end, carriedYear: carried, period: period, writtenYear: writtenYear,
            sentence: &sentence, document: document,
            pieces: pieces)
          targets += reading.targets
          if leadInYear == nil, let year = reading.leadInYear { leadInYear = year }
        }
        paragraphIndex += 1
        start = end + 1
      }
    }
    return targets
  }

  /// Whether a paragraph can hold a target year: an ASCII digit, or a named period
  /// 十三五, 十四五 or 十五五 (十 = E5 8D 81 … 五 = E4 BA 94). Most paragraphs have neither:
  /// they are read eight bytes at a time, and byte by byte only where 十 may start.
  static func mayHoldYear(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
    var index = range.lowerBound
    while index + 8 <= range.upperBound {
      let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      if SWAR.hasByte(in: word, between: 0x2F, and: 0x3A) { return true }
      // 千 半 单 南 (E5 8D 83, 8A, 95, 97) share 十's first two bytes but not its third.
      if SWAR.mayHoldSequence(word, lead: 0xE5, second: 0x8D, thirdA: 0x81, thirdB: 0x81) {
        for position in index..<(index + 8)
        where isNamedPeriod(bytes, at: position, end: range.upperBound) { return true }
      }
      index += 8
    }
    while index < range.upperBound {
      if bytes[index] &- 0x30 <= 9 || isNamedPeriod(bytes, at: index, end: range.upperBound) {
        return true
      }
      index += 1
    }
    return false
  }

  /// Whether 十?五 (a named period) starts at `index`, before `end`.
  @inline(__always)
  static func isNamedPeriod(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int)
    -> Bool
  {
    bytes[index] == 0xE5 && index + 9 <= end && bytes[index + 1] == 0x8D && bytes[index + 2] == 0x81
      && bytes[index + 6] == 0xE4 && bytes[index + 7] == 0xBA && bytes[index + 8] == 0x94
  }

  /// The targets of a paragraph, and the year it carries to list items after it when it
  /// is a lead-in.
  struct ParagraphReading {
    package var targets: [Target] = []
    var leadInYear: Int?
  }

  /// The targets of the folded paragraph `folded[paragraph]`, read sentence by sentence,
  /// with `carriedYear` (a lead-in's, a one-year plan's) for sentences without a year of
  /// their own. Sentences are found on the bytes, and only those that may hold a value are
  /// decoded into `sentence` (storage kept from one sentence to the next).
  func paragraphTargets(
    _ folded: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>, carriedYear initialYear: Int?,
    period: ClosedRange<Int>?,
    writtenYear: Int?, sentence: inout FoldedScalars, document: PolicyText, pieces: TextPieces
  ) -> ParagraphReading {
    var reading = ParagraphReading()
    var carriedYear = initialYear
    var sentenceStart = paragraph.lowerBound
    var index = paragraph.lowerBound
    // The year of the paragraph's first sentence, when the sentence opens with it.
    var openingYear: Int? = nil
    var isFirstSentence = true
    // The first reading of the sentence before, when a semicolon ended it.
    var continuing: TargetPhrase.Reading? = nil
    while index <= paragraph.upperBound {
      // Eight bytes at a time past bytes that end no sentence (no ; ! ? and not the start
      // of 。 E3 80 82; 、 E3 80 81 does not stop the skip).
      index = SWAR.skip(folded, from: index, limit: paragraph.upperBound) { word in
        !SWAR.hasByte(in: word, equalTo: 0x3B, orTo: 0x3F) && !SWAR.hasByte(in: word, equalTo: 0x21)
          && !SWAR.mayHoldSequence(word, lead: 0xE3, second: 0x80, thirdA: 0x82, thirdB: 0x82)
      }
      let endLength =
        index == paragraph.upperBound
        ? 0 : Self.sentenceEndLength(folded, at: index, end: paragraph.upperBound)
      if index < paragraph.upperBound && endLength == 0 {
        index += 1
        continue
      }
      let range = sentenceStart..<index
      index += max(endLength, 1)
      sentenceStart = index
      guard !range.isEmpty else { continue }
      defer { isFirstSentence = false }
      // Without a digit there is neither a year nor a value (but for named periods and
      // Chinese numerals, which need a year from this sentence or an earlier one).
      let hasDigit = Self.hasDigit(folded, range)
      if !hasDigit && carriedYear == nil
        && ByteSearch.offset(of: Self.tenBytes, in: folded, within: range) == nil
      {
        continue
      }
      // "过去五年，…": the sentences after it in the paragraph say what was done, unless they
      // name a year of their own.
      if TargetGrammar.pastOpenings.contains(where: { ByteSearch.hasPrefix($0, in: folded, range) })
      {
        carriedYear = nil
      }
      sentence.load(folded, range)
      let year = sentence.withRun(in: folded) { run in
        let year =
          TargetYears.targetYear(in: run.chars, writtenYear: writtenYear)
          ?? period.flatMap { TargetYears.planSpanYear(in: run.chars, period: $0) }
        if isFirstSentence, let year, TargetLeadIn.opensWithYear(run.chars) { openingYear = year }
        let found = sentenceTargets(
          run, year: year ?? carriedYear, needsVerb: year == nil, continuing: continuing,
          document: document, pieces: pieces)
        reading.targets += found.targets
        // A clause with no value ("国际收支保持基本平衡；") passes on the reading before it:
        // "…增长5%左右；国际收支保持基本平衡；粮食产量1.3万亿斤以上" still lists goals.
        continuing =
          endLength == 1 && folded[range.upperBound] == UInt8(ascii: ";")
          ? (found.firstReading ?? (found.targets.isEmpty ? continuing : nil)) : nil
        return year
      }
      if let year { carriedYear = year }
    }
    // A lead-in: "到2023年，…：", or a paragraph that opens with its year and sets no
    // target itself ("到2020年，文物事业…发挥重要作用。" before items 1.–7.).
    if carriedYear != initialYear, let year = carriedYear,
      TargetLeadIn.endsWithColon(folded, paragraph)
        || (openingYear == year && reading.targets.isEmpty)
    {
      reading.leadInYear = year
    }
    return reading
  }

  /// 十 (E5 8D 81), the numeral that named periods and Chinese numbers start with.
  static let tenBytes = Array("十".utf8)

  /// Whether `bytes[range]` holds an ASCII digit (read eight bytes at a time).
  static func hasDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let end = SWAR.skip(bytes, from: range.lowerBound, limit: range.upperBound) {
      !SWAR.hasByte(in: $0, between: 0x2F, and: 0x3A)
    }
    for index in end..<range.upperBound where bytes[index] &- 0x30 <= 9 { return true }
    return false
  }

  /// The length of the folded sentence end at `index` before `end`: 。 (E3 80 82), or ; ! ?
  /// (one byte each, as folding leaves them); 0 when none stands there. Continuation bytes
  /// are never one of them, so a byte-by-byte scan finds exactly the scalars.
  @inline(__always)
  static func sentenceEndLength(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
  ) -> Int {
    switch bytes[index] {
    case 0x3B, 0x21, 0x3F: return 1
    case 0xE3:
      return index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x82 ? 3 : 0
    default: return 0
    }
  }

  /// The targets of one sentence, for `year` (its own, or carried when `needsVerb`: then
  /// a value counts only after a verb). `continuing` is the first reading of the sentence
  /// before, when a semicolon ended it: its verb governs this one's first items
  /// ("新增…30个；特色道路10条").
  func sentenceTargets(
    _ sentence: FoldedRun, year: Int?, needsVerb: Bool, continuing: TargetPhrase.Reading?,
    document: PolicyText,
    pieces: TextPieces
  ) -> (targets: [Target], firstReading: TargetPhrase.Reading?) {
    guard let year else { return ([], nil) }
    let chars = sentence.chars
    let values = TargetValueReader(units: dictionaries.targetUnits).values(in: sentence)
    guard !values.isEmpty else { return ([], nil) }
    var targets: [Target] = []
    var segmentStart = 0
    var index = 0
    var previousReading: TargetPhrase.Reading? = nil
    var firstReading: TargetPhrase.Reading? = nil
    // A hedge that opens the sentence holds for all its targets: 力争到2025年，….
    let sentenceHedges = Self.openingHedges(sentence, before: values[0].start)
    // The sentence's span and text in the cleaned text, the same for all its targets:
    // made with the first.
    var cleanedSentence: (span: TextSpan, text: String)? = nil
    // The sentence is read once for the years before its values and for its first 目前.
    var yearsBefore = TargetYearsBefore(chars)
    let nowEnd = TargetExclusion.firstStateWordEnd(in: sentence)
    let fiscalEnd = TargetExclusion.firstFiscalWordEnd(in: sentence)
    while index < values.count {
      // A list "14.5%、20.3%" after "分别" shares one clause.
      var group = [values[index]]
      while index + group.count < values.count {
        let previous = group[group.count - 1]
        let next = values[index + group.count]
        // Exactly one 、 or 和 between them, after the first value's 左右 if any
        // ("分别减少3%左右和5%左右").
        let hedge = TargetGrammar.hedgesAfter.first { word in
          previous.end + word.unicodeScalars.count < next.start
            && word.unicodeScalars.enumerated().allSatisfy {
              chars[previous.end + $0.offset] == $0.element
            }
        }
        let separator = previous.end + (hedge?.unicodeScalars.count ?? 0)
        guard next.start - separator == 1, chars[separator] == "、" || chars[separator] == "和"
        else { break }
        group.append(next)
      }
      let first = group[0]
      let last = group[group.count - 1]
      let clauseStart = Self.clauseStart(chars, before: first.start, after: segmentStart)
      let phrase = sentence.text(clauseStart..<first.start)
      let afterEnd = Self.clauseEnd(
        chars, after: last.end,
        before: index + group.count < values.count ? values[index + group.count].start : chars.count
      )
      let after = sentence.text(last.end..<afterEnd)
      var reading = TargetPhrase.read(phrase: phrase, after: after)
      // The direction the list's next item takes, when this item's own differs from it.
      var listDirection: TargetDirection? = nil
      let usedTrailingNoun = Self.nameIndicator(
        of: &reading, group: group, after: after, previous: previousReading,
        clauseStart: clauseStart, floor: segmentStart, in: sentence)
      // "…30个、绿色工厂300家": items of a list share the verb of the first, and, when the
      // list is one (、 和 及), its 累计; a bound or a level (超过, 保持在) is the first
      // item's own.
      let separator = clauseStart > 0 ? chars[clauseStart - 1] : (continuing == nil ? " " : ";")
      if reading.verb == nil,
        let previous = previousReading ?? (clauseStart == 0 ? continuing : nil),
        "、,和及;".unicodeScalars.contains(separator) || phrase.hasPrefixBytes("和")
      {
        reading.verb = previous.verb
        reading.direction =
          [.atLeast, .atMost, .keep].contains(previous.direction) ? .reach : previous.direction
        // A rate the item names itself, with a percentage and no verb of its own, is a
        // level, not a change by the previous item's verb: "城镇新增就业1200万人左右，城镇
        // 调查失业率5.5%左右"; the items after it still share that verb ("…；居民消费价格
        // 涨幅2%左右").
        if !reading.indicator.isEmpty, first.unit == "%" || first.unit == "‰",
          TargetGrammar.rateEndings.contains(where: { reading.indicator.hasSuffix($0) })
        {
          listDirection = reading.direction
          reading.direction = .reach
        }
        if "、和及".unicodeScalars.contains(separator) || phrase.hasPrefixBytes("和") {
          reading.cumulative = reading.cumulative || previous.cumulative
        }
        if reading.baselineYear == nil && reading.indicator.isEmpty {
          reading.baselineYear = previous.baselineYear
        }
      }
      for hedge in sentenceHedges where !reading.hedges.contains(hedge) {
        reading.hedges.insert(hedge, at: 0)
      }
      let valueYear = yearsBefore.year(before: first.start, in: chars) ?? year
      let next = index + group.count < values.count ? values[index + group.count] : nil
      let exclusion = TargetExclusion.reason(
        phrase: phrase, after: after, value: first, next: next, in: sentence,
        saysNowBefore: nowEnd.map { $0 <= first.start } ?? false,
        saysFiscalBefore: fiscalEnd.map { $0 <= first.start } ?? false, yearIsCarried: needsVerb,
        opensList: afterEnd < chars.count && chars[afterEnd] == ":")
      // "居民消费价格涨幅3%左右": a rate of change names its own verb.
      if needsVerb, reading.verb == nil, first.unit == "%",
        let noun = TargetGrammar.changeRateNouns.first(where: { reading.indicator.hasSuffix($0) })
      {
        reading.verb = noun
        reading.direction = reading.direction ?? .increase
      }
      // "国内生产总值比2010年翻一番": doubling is an increase, by so many 番.
      if first.unit == TargetGrammar.doublingUnit,
        let verb = TargetGrammar.doublingVerbs.first(where: { phrase.hasSuffixBytes($0) })
      {
        reading.verb = TargetGrammar.doubling
        reading.direction = .increase
        reading.indicator = Self.doubledIndicator(String(phrase.dropLast(verb.count)))
      }
      if !(needsVerb && reading.verb == nil) && exclusion == nil {
        let indicators = indicatorList(
          reading.indicator, count: group.count, distributes: reading.distributes,
          ending: reading.sharedEnding, unit: first.unit)
        for (position, indicatorText) in indicators.enumerated() {
          guard !indicatorText.isEmpty else { continue }
          // One value for each indicator (…均达到90%), or one value each (分别…14.5%、20.3%).
          let value = indicators.count == group.count ? group[position] : group[0]
          let (scope, indicator) = TargetPhrase.splitScope(indicatorText)
          // The indicator names the key, or with its verb does (化学需氧量 + 减排).
          let key =
            (dictionaries.indicator(in: PolicyDictionaries.fold(indicatorText))
            ?? reading.verb.flatMap {
              dictionaries.indicator(in: PolicyDictionaries.fold(indicatorText + $0))
            })?.indicator.key
          let foldedValue = sentence.byteRange(value.start..<value.end)
          let cleaned =
            cleanedSentence
            ?? {
              let span = TextSpan(
                document.textRange(ofFoldedRange: sentence.byteRange(0..<sentence.count)))
              return (span, pieces.string(span.range))
            }()
          cleanedSentence = cleaned
          let clause = Self.clauseRange(
            clauseStart..<afterEnd, around: value.start..<value.end, limit: Target.clauseLimit)
          let clauseSpan = TextSpan(
            document.textRange(ofFoldedRange: sentence.byteRange(clause)))
          targets.append(
            Target(
              id: "", year: valueYear, indicator: indicator, indicatorKey: key, scope: scope,
              quantity: Target.Quantity(
                value: value.number, unit: value.unit,
                direction: reading.bound ?? reading.direction ?? .reach, verb: reading.verb,
                baselineYear: reading.baselineYear, baseline: reading.baseline,
                isCumulative: reading.cumulative, hedges: reading.hedges),
              statement: Target.Statement(
                sentence: cleaned.text, sentenceSpan: cleaned.span,
                clause: pieces.string(clauseSpan.range), clauseSpan: clauseSpan,
                valueSpan: TextSpan(document.textRange(ofFoldedRange: foldedValue)))))
        }
      }
      previousReading = reading
      if let listDirection { previousReading?.direction = listDirection }
      if firstReading == nil { firstReading = previousReading }
      // The next clause starts after this value, or after the noun that followed it.
      segmentStart = usedTrailingNoun ? afterEnd : last.end
      index += group.count
    }
    return (targets, firstReading)
  }

  /// The indicators a clause's values go to (`TargetPhrase.indicators`, items completed
  /// with the last one's ending where the two name a known indicator). A list of known
  /// indicators with one rate (`unit` % or ‰) and no 分别 gives each of them the rate:
  /// "二氧化硫、氮氧化物排放量要下降3%" is two targets, as "…分别下降3%" is; a count stays
  /// one target, its value may be the items' sum ("国家级绿色工厂和绿色园区超过2家",
  /// "保障性住房、棚户区改造住房1000万套"), as does a list whose items are not all known
  /// indicators ("中小企业宽带和专线平均资费").
  func indicatorList(
    _ phrase: String, count: Int, distributes: Bool, ending: String, unit: String
  ) -> [String] {
    let namesAcross = { (first: String, tail: String) -> Bool in
      let head = PolicyDictionaries.fold(first)
      let joined = head + PolicyDictionaries.fold(tail)
      guard let found = dictionaries.indicator(in: joined) else { return false }
      // The indicator opens with the first item and runs past it (not 氨|氮氧化物排放).
      let join = joined.utf8.index(joined.startIndex, offsetBy: head.utf8.count)
      return found.range.lowerBound == joined.startIndex && found.range.upperBound > join
    }
    let listed = TargetPhrase.indicators(
      phrase, count: count, distributes: distributes, ending: ending, namesAcross: namesAcross)
    guard count == 1, !distributes, listed.count == 1, unit == "%" || unit == "‰" else {
      return listed
    }
    let items = TargetPhrase.indicators(
      phrase, count: 1, distributes: true, ending: ending, namesAcross: namesAcross)
    let keys = items.map(wholeIndicatorKey)
    guard items.count > 1, keys.allSatisfy({ $0 != nil }), Set(keys).count == items.count else {
      return listed
    }
    return items
  }

  /// The key of the known indicator `item` is, whole: a phrasing of it from the item's
  /// first character, with at most 量 or 总量 after it (氨氮排放量); nil for an item that
  /// only holds one ("以绿色工厂").
  private func wholeIndicatorKey(_ item: String) -> String? {
    // The scope the items carry is no part of the indicator (全国二氧化硫排放量).
    let folded = PolicyDictionaries.fold(TargetPhrase.splitScope(item).1)
    guard let found = dictionaries.indicator(in: folded),
      found.range.lowerBound == folded.startIndex
    else { return nil }
    let rest = folded[found.range.upperBound...]
    return rest.isEmpty || rest == "量" || rest == "总量" ? found.indicator.key : nil
  }

  /// What `phrase` (the words before 翻 or 翻了) doubles: the indicator read after the last
  /// year it names that is no baseline ("奋斗目标是到2020年实现国内生产总值比2010年" →
  /// 国内生产总值).
  static func doubledIndicator(_ phrase: String) -> String {
    let scalars = Array(phrase.unicodeScalars)
    var from = 0
    scalars.withUnsafeBufferPointer { scalars in
      for index in scalars.indices where TargetYears.year(scalars, index) != nil {
        let before = index > 0 ? Character(scalars[index - 1]) : " "
        guard !TargetGrammar.baselineMarks.contains(before) else { continue }
        from =
          index > 0 && TargetPhrase.timeOpenings.contains(scalars[index - 1]) ? index - 1 : index
      }
    }
    let rest = String(String.UnicodeScalarView(scalars[from...]))
    return TargetPhrase.read(phrase: TargetPhrase.withoutTimePhrase(rest), after: "").indicator
  }
}
