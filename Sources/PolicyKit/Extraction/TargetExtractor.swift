import Foundation

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
  let dictionaries: PolicyDictionaries

  /// The targets of `document`, whose metadata gives the plan's title and period.
  func targets(in document: PolicyText, paragraphs: [TextSpan], pieces: TextPieces, metadata: DocumentMetadata) -> [Target] {
    var targets: [Target] = []
    var sentence = FoldedScalars()
    let planYear = TargetYears.planYear(title: metadata.planTitle ?? metadata.title)
    let period = metadata.periodStart.flatMap { start in metadata.periodEnd.map { start...$0 } }
    document.foldedUTF8.withUnsafeBufferPointer { folded in
      // Folded paragraphs line up with the text's: folding keeps line feeds.
      var start = 0
      var paragraphIndex = 0
      // The year of a lead-in, carried to the list items after it.
      var leadInYear: Int? = nil
      while start <= folded.count && paragraphIndex < paragraphs.count {
        let end = ByteSearch.offset(of: 0x0A, in: folded, from: start) ?? folded.count
        if leadInYear != nil && (end == start || !TargetLeadIn.isListItem(folded, start..<end)) { leadInYear = nil }
        let carried = leadInYear ?? planYear
        // Targets need a year: skip paragraphs without an ASCII digit or a named period.
        if end > start && (carried != nil || Self.mayHoldYear(folded, start..<end)) {
          let reading = paragraphTargets(
            folded, start..<end, carriedYear: carried, period: period, sentence: &sentence, document: document, pieces: pieces)
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
  private static func mayHoldYear(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
    var index = range.lowerBound
    while index + 8 <= range.upperBound {
      let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      if SWAR.hasByte(in: word, between: 0x2F, and: 0x3A) { return true }
      // 千 半 单 南 (E5 8D 83, 8A, 95, 97) share 十's first two bytes but not its third.
      if SWAR.mayHoldSequence(word, lead: 0xE5, second: 0x8D, thirdA: 0x81, thirdB: 0x81) {
        for position in index..<(index + 8) where isNamedPeriod(bytes, at: position, end: range.upperBound) { return true }
      }
      index += 8
    }
    while index < range.upperBound {
      if bytes[index] &- 0x30 <= 9 || isNamedPeriod(bytes, at: index, end: range.upperBound) { return true }
      index += 1
    }
    return false
  }

  /// Whether 十?五 (a named period) starts at `index`, before `end`.
  @inline(__always)
  private static func isNamedPeriod(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
    bytes[index] == 0xE5 && index + 9 <= end && bytes[index + 1] == 0x8D && bytes[index + 2] == 0x81
      && bytes[index + 6] == 0xE4 && bytes[index + 7] == 0xBA && bytes[index + 8] == 0x94
  }

  /// The targets of a paragraph, and the year it carries to list items after it when it
  /// is a lead-in.
  private struct ParagraphReading {
    var targets: [Target] = []
    var leadInYear: Int?
  }

  /// The targets of the folded paragraph `folded[paragraph]`, read sentence by sentence,
  /// with `carriedYear` (a lead-in's, a one-year plan's) for sentences without a year of
  /// their own. Sentences are found on the bytes, and only those that may hold a value are
  /// decoded into `sentence` (storage kept from one sentence to the next).
  private func paragraphTargets(
    _ folded: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>, carriedYear initialYear: Int?, period: ClosedRange<Int>?,
    sentence: inout FoldedScalars, document: PolicyText, pieces: TextPieces
  ) -> ParagraphReading {
    var reading = ParagraphReading()
    var carriedYear = initialYear
    var sentenceStart = paragraph.lowerBound
    var index = paragraph.lowerBound
    // The year of the paragraph's first sentence, when the sentence opens with it.
    var openingYear: Int? = nil
    var isFirstSentence = true
    while index <= paragraph.upperBound {
      // Eight bytes at a time past bytes that end no sentence (no ; ! ? and not the start
      // of 。 E3 80 82; 、 E3 80 81 does not stop the skip).
      index = SWAR.skip(folded, from: index, limit: paragraph.upperBound) { word in
        !SWAR.hasByte(in: word, equalTo: 0x3B, orTo: 0x3F) && !SWAR.hasByte(in: word, equalTo: 0x21)
          && !SWAR.mayHoldSequence(word, lead: 0xE3, second: 0x80, thirdA: 0x82, thirdB: 0x82)
      }
      let endLength = index == paragraph.upperBound ? 0 : Self.sentenceEndLength(folded, at: index, end: paragraph.upperBound)
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
      if !hasDigit && carriedYear == nil && ByteSearch.offset(of: Self.tenBytes, in: folded, within: range) == nil { continue }
      sentence.load(folded, range)
      let year = sentence.withRun(in: folded) { run in
        let year = TargetYears.targetYear(in: run.chars) ?? period.flatMap { TargetYears.planSpanYear(in: run.chars, period: $0) }
        if isFirstSentence, let year, TargetLeadIn.opensWithYear(run.chars) { openingYear = year }
        reading.targets += sentenceTargets(run, year: year ?? carriedYear, needsVerb: year == nil, document: document, pieces: pieces)
        return year
      }
      if let year { carriedYear = year }
    }
    // A lead-in: "到2023年，…：", or a paragraph that opens with its year and sets no
    // target itself ("到2020年，文物事业…发挥重要作用。" before items 1.–7.).
    if carriedYear != initialYear, let year = carriedYear,
      TargetLeadIn.endsWithColon(folded, paragraph) || (openingYear == year && reading.targets.isEmpty)
    {
      reading.leadInYear = year
    }
    return reading
  }

  /// 十 (E5 8D 81), the numeral that named periods and Chinese numbers start with.
  private static let tenBytes = Array("十".utf8)

  /// Whether `bytes[range]` holds an ASCII digit (read eight bytes at a time).
  private static func hasDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let end = SWAR.skip(bytes, from: range.lowerBound, limit: range.upperBound) { !SWAR.hasByte(in: $0, between: 0x2F, and: 0x3A) }
    for index in end..<range.upperBound where bytes[index] &- 0x30 <= 9 { return true }
    return false
  }

  /// The length of the folded sentence end at `index` before `end`: 。 (E3 80 82), or ; ! ?
  /// (one byte each, as folding leaves them); 0 when none stands there. Continuation bytes
  /// are never one of them, so a byte-by-byte scan finds exactly the scalars.
  @inline(__always)
  private static func sentenceEndLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
    switch bytes[index] {
    case 0x3B, 0x21, 0x3F: return 1
    case 0xE3: return index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x82 ? 3 : 0
    default: return 0
    }
  }

  private func sentenceTargets(
    _ sentence: FoldedRun, year: Int?, needsVerb: Bool, document: PolicyText, pieces: TextPieces
  ) -> [Target] {
    guard let year else { return [] }
    let chars = sentence.chars
    let values = TargetValueReader(units: dictionaries.targetUnits).values(in: sentence)
    guard !values.isEmpty else { return [] }
    var targets: [Target] = []
    var segmentStart = 0
    var index = 0
    var previousReading: Reading? = nil
    // The sentence's span and text in the cleaned text, the same for all its targets:
    // made with the first.
    var cleanedSentence: (span: TextSpan, text: String)? = nil
    while index < values.count {
      // A list "14.5%、20.3%" after "分别" shares one clause.
      var group = [values[index]]
      while index + group.count < values.count {
        let previous = group[group.count - 1]
        let next = values[index + group.count]
        // Exactly one 、 or 和 between them.
        guard next.start - previous.end == 1, chars[previous.end] == "、" || chars[previous.end] == "和" else { break }
        group.append(next)
      }
      let first = group[0]
      let last = group[group.count - 1]
      let clauseStart = Self.clauseStart(chars, before: first.start, after: segmentStart)
      let phrase = sentence.text(clauseStart..<first.start)
      let afterEnd = Self.clauseEnd(chars, after: last.end, before: index + group.count < values.count ? values[index + group.count].start : chars.count)
      let after = sentence.text(last.end..<afterEnd)
      var reading = Self.read(phrase: phrase, after: after)
      // "全市累计新建200家绿色工厂": a scope alone before the value, the thing counted after.
      var leadingScope: String? = nil
      if TargetGrammar.scopes.contains(where: { $0.utf8.count == reading.indicator.utf8.count && reading.indicator.hasPrefixBytes($0) }) {
        leadingScope = reading.indicator
        reading.indicator = ""
      }
      var usedTrailingNoun = false
      if reading.indicator.isEmpty, group.count == 1 {
        reading.indicator = Self.trailingNoun(after)
        usedTrailingNoun = !reading.indicator.isEmpty
      }
      // "…比例达到30%,到2025年达到50%": the same indicator for a later year.
      if reading.indicator.isEmpty, let previous = previousReading, !previous.indicator.isEmpty,
        reading.verb != nil, TargetYears.targetYear(in: sentence.run(clauseStart..<first.start).chars) != nil
      {
        reading.indicator = previous.indicator
      }
      if let leadingScope, !reading.indicator.isEmpty, !reading.indicator.hasPrefixBytes(leadingScope) {
        reading.indicator = leadingScope + reading.indicator
      }
      // "…30个、绿色工厂300家": items of a list share the verb of the first.
      let separator = clauseStart > 0 ? chars[clauseStart - 1] : " "
      if reading.verb == nil, let previous = previousReading, "、,和及".unicodeScalars.contains(separator) || phrase.hasPrefixBytes("和") {
        reading.verb = previous.verb
        reading.direction = previous.direction
        if reading.baselineYear == nil && reading.indicator.isEmpty { reading.baselineYear = previous.baselineYear }
      }
      let valueYear = TargetYears.targetYear(in: sentence.run(0..<first.start).chars, last: true) ?? year
      if !(needsVerb && reading.verb == nil) {
        var indicators = Self.indicators(reading.indicator, count: group.count, distributes: reading.distributes)
        if indicators.count != group.count { indicators = Array(repeating: reading.indicator, count: group.count) }
        for (position, value) in group.enumerated() {
          let indicatorText = indicators[position]
          guard !indicatorText.isEmpty else { continue }
          let (scope, indicator) = Self.splitScope(indicatorText)
          let key = dictionaries.indicator(in: PolicyDictionaries.fold(indicatorText))?.indicator.key
          let foldedValue = sentence.byteRange(value.start..<value.end)
          let cleaned = cleanedSentence ?? {
            let span = TextSpan(document.textRange(ofFoldedRange: sentence.byteRange(0..<sentence.count)))
            return (span, pieces.string(span.range))
          }()
          cleanedSentence = cleaned
          targets.append(
            Target(
              id: "", year: valueYear, indicator: indicator, indicatorKey: key, value: value.number, unit: value.unit,
              direction: reading.bound ?? reading.direction ?? .reach, verb: reading.verb,
              baselineYear: reading.baselineYear, baseline: reading.baseline, isCumulative: reading.cumulative,
              hedges: reading.hedges, scope: scope, sentence: cleaned.text,
              sentenceSpan: cleaned.span, valueSpan: TextSpan(document.textRange(ofFoldedRange: foldedValue)),
              measure: nil, section: nil))
        }
      }
      previousReading = reading
      // The next clause starts after this value, or after the noun that followed it.
      segmentStart = usedTrailingNoun ? afterEnd : last.end
      index += group.count
    }
    return targets
  }

  /// Where the words after a value stop: at a comma, 、, 和 or the next value.
  private static func clauseEnd(_ chars: UnsafeBufferPointer<Unicode.Scalar>, after start: Int, before limit: Int) -> Int {
    var index = start
    while index < limit && index < chars.count && !",、;:".unicodeScalars.contains(chars[index]) { index += 1 }
    return min(index, chars.count)
  }

  /// The noun after a value ("家绿色工厂" → "绿色工厂"), for "新建200家绿色工厂".
  static func trailingNoun(_ after: String) -> String {
    var noun = after
    for (word, _) in TargetGrammar.bounds where noun.hasPrefixBytes(word) { noun = String(noun.droppingBytes(word.utf8.count)) }
    for word in TargetGrammar.hedgesAfter where noun.hasPrefixBytes(word) { noun = String(noun.droppingBytes(word.utf8.count)) }
    if let cut = noun.firstIndex(where: { $0 == "和" || $0 == "及" }) { noun = String(noun[..<cut]) }
    noun = noun.trimmingScalars(in: TargetGrammar.linkingBlank)
    guard noun.hasAtLeastCharacters(2), noun.hasAtMostCharacters(20), noun.unicodeScalars.allSatisfy({ UTF8Scalars.isIdeograph($0.value) || $0 == "“" || $0 == "”" }) else {
      return ""
    }
    return noun
  }

  /// Where the clause of a value starts: after the previous value, or the last comma or
  /// 、 that separates it from a previous clause (not one inside the indicator).
  private static func clauseStart(_ chars: UnsafeBufferPointer<Unicode.Scalar>, before end: Int, after floor: Int) -> Int {
    var index = end
    while index > floor {
      let scalar = chars[index - 1]
      if scalar == "," || scalar == ":" { return index }
      index -= 1
    }
    var start = floor
    // Right after a previous value: skip its bound word and the separator.
    while start < end && "、,和及以上下内左右及".unicodeScalars.contains(chars[start]) { start += 1 }
    return start
  }

  struct Reading {
    var indicator: String
    var verb: String?
    var direction: TargetDirection?
    var bound: TargetDirection?
    var baseline: String?
    var baselineYear: Int?
    var cumulative = false
    var hedges: [String] = []
    var distributes = false
  }

  /// Reads the words before a value ("…能耗、水耗分别较“十三五”末下降") and after it ("以上").
  static func read(phrase: String, after: String) -> Reading {
    var rest = phrase
    var reading = Reading(indicator: "")
    for (word, direction) in TargetGrammar.bounds where after.hasPrefixBytes(word) {
      reading.bound = direction
      break
    }
    for word in TargetGrammar.hedgesAfter where after.hasPrefixBytes(word) { reading.hedges.append(word) }
    // The verb closest to the value.
    if let verb = nearestVerb(in: rest) {
      (reading.verb, reading.direction) = TargetGrammar.verbs[verb]
    }
    if let verb = reading.verb, let range = rest.rangeOfBytes(verb, backwards: true) {
      if [TargetDirection.atLeast, .atMost].contains(reading.direction ?? .reach) && reading.bound == nil {
        reading.bound = reading.direction
      }
      // "建成绿色园区30个": the indicator follows the verb; "能耗下降14.5%": it precedes it.
      let following = rest[range.upperBound...].trimmingScalars(in: TargetGrammar.linkingBlank)
      if following.unicodeScalars.lazy.filter({ UTF8Scalars.isIdeograph($0.value) }).count >= 2
        && !following.hasPrefixBytes("到") && !following.hasPrefixBytes("至")
      {
        if rest[..<range.lowerBound].containsBytes("累计") { reading.cumulative = true }
        rest = following
      } else {
        rest = String(rest[..<range.lowerBound])
      }
    }
    // Baseline: 较2020年, 比2020年, 较“十三五”末, 较上年.
    for marker in ["较", "比"] {
      guard let range = rest.rangeOfBytes(marker, backwards: true) else { continue }
      let tail = String(rest[range.upperBound...])
      if let year = Int(tail.prefix(4)), tail.dropFirst(4).hasPrefix("年") {
        reading.baselineYear = year
      } else if let period = TargetGrammar.periods.first(where: { tail.hasPrefixBytes($0.0) }) {
        reading.baselineYear = period.1
      } else if !(tail.hasPrefixBytes("上年") || tail.hasPrefixBytes("基期")) {
        continue
      }
      reading.baseline = String(rest[range.lowerBound...])
      rest = String(rest[..<range.lowerBound])
      break
    }
    for word in TargetGrammar.hedgesBefore where rest.containsBytes(word) {
      reading.hedges.append(word)
      rest = rest.removingBytes(word)
    }
    if rest.containsBytes("累计") {
      reading.cumulative = true
      rest = rest.removingBytes("累计")
    }
    if rest.hasSuffixBytes("分别") {
      reading.distributes = true
      rest = String(rest.utf8.dropLast("分别".utf8.count))!
    }
    if rest.containsBytes("分别") { rest = rest.removingBytes("分别") }
    // Leading year phrase and connectors.
    let (noise, verbs, verbLengths) = (TargetGrammar.leadingNoise, TargetGrammar.verbs, TargetGrammar.verbLengths)
    let (noiseFirstBytes, verbFirstBytes) = (TargetGrammar.leadingNoiseFirstBytes, TargetGrammar.verbFirstBytes)
    var changed = true
    while changed {
      changed = false
      // A leading year phrase: 到2025年, 2022年底.
      if let range = rest.rangeOfBytes("年"), rest.distance(from: rest.startIndex, to: range.lowerBound) <= 6,
        rest.prefix(while: { $0 != "年" }).contains(where: \.isNumber), !rest[..<range.lowerBound].containsBytes("较")
      {
        rest = String(rest[range.upperBound...])
        while let first = rest.first, "底末前内,".contains(first) { rest.removeFirst() }
        changed = true
      }
      rest = rest.trimmingScalars(in: TargetGrammar.clauseSeparators)
      // A word's first byte is compared with the phrase's before the rest is: most words
      // do not start the phrase.
      var first = rest.utf8.first
      for index in noise.indices
      where first == noiseFirstBytes[index] && rest.hasPrefixBytes(noise[index]) && !rest.hasAtMostCharacters(noise[index].count) {
        let word = noise[index]
        rest = String(rest.droppingBytes(word.utf8.count))
        first = rest.utf8.first
        changed = true
      }
      for index in verbs.indices
      where first == verbFirstBytes[index] && rest.hasPrefixBytes(verbs[index].0) && verbLengths[index] >= 2
        && !rest.hasAtMostCharacters(verbLengths[index] + 1)
      {
        rest = String(rest.droppingBytes(verbs[index].0.utf8.count))
        first = rest.utf8.first
        changed = true
      }
    }
    // The last scalar is asked first: none of these characters has another spelling, so
    // the last character can be one of them only if the last scalar is.
    while let scalar = rest.unicodeScalars.last, TargetGrammar.trailingLinks.contains(scalar),
      rest.last?.unicodeScalars.count == 1
    {
      rest.removeLast()
    }
    reading.indicator = rest
    return reading
  }

  /// The verb (an index into `TargetGrammar.verbs`) that starts last in `phrase` among
  /// those that end within their length plus six characters of its end; at the same
  /// start, the one listed first ("下降到" before "下降").
  ///
  /// Such a verb starts within twice its length plus six characters of the end, so only
  /// that tail is read, once, looking verbs up by their first scalar.
  static func nearestVerb(in phrase: String) -> Int? {
    var text = phrase
    return text.withUTF8 { bytes -> Int? in
      // Where the phrase's last `TargetGrammar.verbTail` characters start, one by one from
      // the end: boundaries[k] is the byte offset k characters before the end.
      let boundaries = UTF8Scalars.characterStarts(of: phrase, utf8: bytes, fromEnd: TargetGrammar.verbTail)
      /// The byte offset `count` characters before the end, or 0.
      func offset(charactersBeforeEnd count: Int) -> Int { count < boundaries.count ? boundaries[count] : 0 }
      var best: (verb: Int, start: Int)? = nil
      var position = offset(charactersBeforeEnd: TargetGrammar.verbTail)
      while position < bytes.count {
        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
        defer { position += length }
        guard let candidates = TargetGrammar.verbIndex.candidates(startingWith: scalar) else { continue }
        for verb in candidates where TargetGrammar.verbIndex.matches(verb, in: bytes, at: position) {
          let end = position + TargetGrammar.verbIndex.words[verb].count
          // Positions only grow: a verb found earlier at this position and listed first stays.
          if let current = best, current.start == position && current.verb < verb { continue }
          // It must end within its length plus six characters of the end.
          guard end >= offset(charactersBeforeEnd: TargetGrammar.verbLengths[verb] + 6) else { continue }
          best = (verb, position)
        }
      }
      return best?.verb
    }
  }

  /// Splits "能耗、水耗" into one indicator per value when the sentence says 分别.
  static func indicators(_ phrase: String, count: Int, distributes: Bool) -> [String] {
    guard count > 1 else { return [phrase] }
    let parts = phrase.split(separator: "、").map(String.init)
    guard parts.count == count else { return [phrase] }
    // "规模以上企业单位工业增加值能耗、水耗": later parts share the first one's head.
    let head = parts[0]
    return parts.enumerated().map { index, part in
      guard index > 0, part.count <= 3, let range = head.rangeOfBytes("单位") else { return part }
      return String(head[..<range.lowerBound]) + part
    }
  }

  static func splitScope(_ indicator: String) -> (String?, String) {
    for scope in TargetGrammar.scopes where indicator.hasPrefixBytes(scope) && indicator.count > scope.count + 1 {
      return (scope, String(indicator.droppingBytes(scope.utf8.count)))
    }
    return (nil, indicator)
  }
}
