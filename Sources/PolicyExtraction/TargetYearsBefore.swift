import PolicyBytes

/// The last target year before each value of one sentence: "到2025年，…达到10万吨，到2030年，
/// …达到20万吨" gives 2025 to the first value and 2030 to the second.
///
/// It answers, for any `end`, what `TargetYears` reads in the sentence's first `end`
/// scalars taken alone (the last year there that is a target's, else a named period's
/// end), reading the sentence once: read again from its start for each value, a sentence
/// of n values cost O(n²).
struct TargetYearsBefore {
  /// The years ("YYYY年") of the sentence, in order: where each starts, its value, and the
  /// furthest scalar its reading looks at.
  private var years: [(index: Int, year: Int, lastRead: Int)] = []
  /// For each year, the last one up to it that is a target's (read in the whole
  /// sentence), as an index into `years`.
  private var lastTarget: [Int?] = []
  /// Whether each year stands inside a title (《…》), as `TargetYears` reads it.
  private var insideTitle: [Bool] = []
  /// For each named period, where the first "name期间", "name末" or "name时期" ends and
  /// where the first "较name" or "比name" ends (scalar offsets), in `TargetGrammar.periods`
  /// order; made when a value asks and the sentence has no target year before it.
  private var periodEnds: [(counted: Int?, baseline: Int?)]? = nil
  /// Where the first 年 or 五 of the sentence stands, and its first 五.
  private let firstYearOrFive: Int?
  private let firstFive: Int?

  /// Reads the years of `sentence`.
  init(_ sentence: UnsafeBufferPointer<Unicode.Scalar>) {
    firstYearOrFive = sentence.firstIndex { $0 == "年" || $0 == "五" }
    firstFive = sentence.firstIndex(of: "五")
    guard firstYearOrFive != nil else { return }
    var inside = false
    for index in 0..<sentence.count {
      if index > 0 { inside = TargetYears.isInsideTitle(sentence, after: index - 1, inside) }
      guard index + 5 <= sentence.count, sentence[index + 4] == "年",
        let year = TargetYears.year(sentence, index)
      else { continue }
      let isTarget = TargetYears.isTargetYear(
        sentence, at: index, reportsBefore: false, insideTitle: inside)
      years.append((index, year, TargetYears.lastScalarRead(sentence, at: index)))
      insideTitle.append(inside)
      lastTarget.append(isTarget ? years.count - 1 : lastTarget.last ?? nil)
    }
  }

  /// The last target year in `sentence[0..<end]` read alone: the same as
  /// `TargetYears.targetYear` would find reading those scalars from the end.
  /// - Parameter sentence: the sentence this was made from.
  /// - Complexity: O(log n) for n years in the sentence (and once, O(n) for named periods).
  mutating func year(before end: Int, in sentence: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
    guard let firstYearOrFive, firstYearOrFive < end else { return nil }
    let prefix = UnsafeBufferPointer(rebasing: sentence[0..<end])
    // The years that fit before `end`, the last first. Those whose reading looks at
    // scalars past the end are read again in the shorter text (at most a few: a later
    // year's 年 ends the digits a year's reading runs over); the others read as they did.
    var position = SortedSearch.lowerBound(end - 4, in: years) { $0.index } - 1
    while position >= 0 && years[position].lastRead >= end {
      let candidate = years[position]
      if TargetYears.isTargetYear(
        prefix, at: candidate.index, reportsBefore: false, insideTitle: insideTitle[position])
      {
        return candidate.year
      }
      position -= 1
    }
    if position >= 0, let target = lastTarget[position] { return years[target].year }
    guard let firstFive, firstFive < end else { return nil }
    return namedPeriodYear(before: end, in: sentence)
  }

  /// `TargetYears.namedPeriodYear` of `sentence[0..<end]`: the latest period counted over
  /// before `end` that is no baseline there.
  private mutating func namedPeriodYear(
    before end: Int, in sentence: UnsafeBufferPointer<Unicode.Scalar>
  ) -> Int? {
    let ends =
      periodEnds
      ?? TargetGrammar.periods.map { name, _ in
        let counted = TargetGrammar.periodSpans.compactMap {
          Self.firstEnd(of: name + $0, in: sentence)
        }
        let baseline = TargetGrammar.periodBaselines.compactMap {
          Self.firstEnd(of: $0 + name, in: sentence)
        }
        return (counted.min(), baseline.min())
      }
    periodEnds = ends
    var latest: Int? = nil
    for (period, (counted, baseline)) in zip(TargetGrammar.periods, ends) {
      guard let counted, counted <= end else { continue }
      if let baseline, baseline <= end { continue }
      latest = max(latest ?? period.1, period.1)
    }
    return latest
  }

  /// Where the first occurrence of `word` in `scalars` ends.
  private static func firstEnd(of word: String, in scalars: UnsafeBufferPointer<Unicode.Scalar>)
    -> Int?
  {
    let word = Array(word.unicodeScalars)
    guard let first = word.first, scalars.count >= word.count else { return nil }
    for start in 0...(scalars.count - word.count) where scalars[start] == first {
      if (1..<word.count).allSatisfy({ scalars[start + $0] == word[$0] }) {
        return start + word.count
      }
    }
    return nil
  }
}
