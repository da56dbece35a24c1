import PolicyBytes

/// Quantities that are no targets although a year stands near them (docs/gold-format.md,
/// "Not targets"), each for the reason a reader gives.
enum TargetExclusion: Equatable {
  /// A parameter: the value is in a 按照 phrase with no verb between them (按照0.5%增长率
  /// 逐年递增).
  case parameter
  /// What is already so: 目前 (for the rest of its sentence), 现有, 已突破…, a verb with 了
  /// (新增了34个指标).
  case state
  /// A count of a document's own parts (8个方面, 34个指标, 三个阶段).
  case partCount
  /// A rate per year or month without a year of its own (每年投运200辆).
  case rate
  /// A count of the places the share after it is about (4个新城建设用地面积50%以上).
  case placeCount
  /// A share or an amount before 的 and a noun, with nothing after it to reach: a size
  /// (节能率不低于15%的既有公共建筑, 100公顷以上的公园); but …50%的目标要求 is a target.
  case size
  /// A count of the items a colon goes on to list (分三个阶段：…, 方面5项：…).
  case listCount
  /// A name in quotes (“五个新城”), or of a set of rules (中央八项规定精神, the laws one
  /// decision amends: 等四件地方性法规的决定).
  case name
  /// A setting of public finance (`TargetGrammar.fiscalWords`): a deficit, a budget
  /// allocation, a tax rate, a subsidy standard.
  case fiscal
  /// The level a change starts from: the value after 由 or 从, a verb and another value
  /// after it (加计扣除比例由75%提高到100%, 城镇化率从60.2%提高到65.2%): the value the
  /// verb reaches is the target.
  case startingLevel

  /// Where the first 目前 of `sentence` ends (a scalar offset): a value after it is a
  /// state. Found once for the sentence rather than in the text before each value.
  package static func firstStateWordEnd(in sentence: FoldedRun) -> Int? {
    firstEnd(of: [TargetGrammar.now], in: sentence)
  }

  /// Where the first word of public finance (`TargetGrammar.fiscalWords`) in `sentence`
  /// ends: an amount in 元 after it is a setting of public finance. Found once for the
  /// sentence.
  package static func firstFiscalWordEnd(in sentence: FoldedRun) -> Int? {
    firstEnd(of: TargetGrammar.fiscalWords, in: sentence)
  }

  /// Where the first of `words` to end in `sentence` ends (a scalar offset), if any does.
  private static func firstEnd(of words: [String], in sentence: FoldedRun) -> Int? {
    words.compactMap { word -> Int? in
      let scalars = Array(word.unicodeScalars)
      var index = 0
      while index + scalars.count <= sentence.count {
        if scalars.indices.allSatisfy({ sentence[index + $0] == scalars[$0] }) {
          return index + scalars.count
        }
        index += 1
      }
      return nil
    }.min()
  }

  /// Why `value` is no target, read with the words of its clause before it (`phrase`) and
  /// after it (`after`) and the value after it (`next`); nil when it may be one.
  /// `saysNowBefore`: 目前 stands in the sentence before the value (see
  /// `firstStateWordEnd`); `saysFiscalBefore`: a word of public finance does (see
  /// `firstFiscalWordEnd`); `yearIsCarried`: the sentence has no year of its own;
  /// `opensList`: a colon ends the value's clause.
  package static func reason(
    phrase: String, after: String, value: TargetValue, next: TargetValue?, in sentence: FoldedRun,
    saysNowBefore: Bool, saysFiscalBefore: Bool, yearIsCarried: Bool,
    opensList: Bool
  ) -> TargetExclusion? {
    if opensList && value.counts { return .listCount }
    if next != nil, TargetPhrase.endsWithStartMark(phrase),
      TargetPhrase.nearestVerb(in: after) != nil
    {
      return .startingLevel
    }
    if let opener = TargetGrammar.parameterOpeners.lazy.compactMap({
      phrase.rangeOfBytes($0, backwards: true)
    }).first,
      TargetPhrase.nearestVerb(in: String(phrase[opener.upperBound...])) == nil
    {
      return .parameter
    }
    // The value's clause and the clauses it goes on with, read back from the value: the
    // sentence before it is not copied for each value (a sentence of N values would cost
    // N² characters).
    let clauseStart = Self.clauseStart(in: sentence, before: value.start)
    let clause = Substring(sentence.text(clauseStart..<value.start))
    let reading = Self.continuedClauses(in: sentence, from: clauseStart, last: clause) + after
    if (value.unit.hasSuffix("元") && saysFiscalBefore)
      || TargetGrammar.fiscalWords.contains(where: { reading.containsBytes($0) })
    {
      return .fiscal
    }
    if TargetGrammar.priceWords.contains(where: { reading.containsBytes($0) }) {
      return .parameter
    }
    if Self.isPast(clause) { return .state }
    if TargetGrammar.forecastsCohort(clause) { return .state }
    if TargetGrammar.stateWords.contains(where: { phrase.containsBytes($0) })
      || phrase.hasSuffixBytes("了")
      || saysNowBefore
    {
      return .state
    }
    if yearIsCarried && TargetGrammar.rateWords.contains(where: { phrase.containsBytes($0) }) {
      return .rate
    }
    let noun = TargetPhrase.trailingNoun(after)
    if value.counts, TargetGrammar.ruleSetNouns.contains(where: { noun.hasPrefixBytes($0) }) {
      return .name
    }
    if value.counts, phrase.hasSuffixBytes("等"),
      TargetGrammar.amendedLaws.contains(where: { noun.hasPrefixBytes($0) })
    {
      return .name
    }
    if value.counts && !noun.isEmpty
      && TargetGrammar.partNouns.contains(where: {
        noun.hasPrefixBytes($0) || noun.hasSuffixBytes($0)
      })
    {
      return .partCount
    }
    if let next, value.counts, next.isShare, next.start - value.end <= 12,
      !sentence.text(value.end..<next.start).unicodeScalars.contains(where: {
        ",;:、".unicodeScalars.contains($0)
      })
    {
      return .placeCount
    }
    if !value.counts {
      var rest = after
      for (word, _) in TargetGrammar.bounds where rest.hasPrefixBytes(word) {
        rest = String(rest.droppingBytes(word.utf8.count))
      }
      if rest.hasPrefixBytes("的") && !rest.dropFirst().hasPrefix(TargetGrammar.goal)
        && !TargetGrammar.predicateVerbs.contains(where: { rest.containsBytes($0) })
      {
        return .size
      }
    }
    return value.start > 0 && sentence[value.start - 1] == "“" ? .name : nil
  }

  /// `last`, the clause a value ends (starting at `start` of `sentence`), with the clauses
  /// before it that it goes on with: a comparison ("…安排科技投入716亿元，比上年增长19.2%")
  /// or a bare verb ("中央财政拟投入社会保障资金2930亿元，比上年预计数增加439亿元，增长
  /// 17.6%") says more of the quantity named before it. The clauses are joined without
  /// their commas.
  static func continuedClauses(in sentence: FoldedRun, from start: Int, last: Substring)
    -> String
  {
    var reading = String(last)
    var clause = last
    var start = start
    while start > 0, "，,".unicodeScalars.contains(sentence[start - 1]),
      clause.hasPrefix("比") || clause.hasPrefix("较")
        || TargetGrammar.verbs.contains(where: { clause == $0.0 })
    {
      let end = start - 1
      start = clauseStart(in: sentence, before: end)
      clause = Substring(sentence.text(start..<end))
      reading = clause + reading
    }
    return reading
  }

  /// Where the clause that ends at `end` of `sentence` starts: after the last ，；：。,;:
  /// before it, else at the sentence's start.
  static func clauseStart(in sentence: FoldedRun, before end: Int) -> Int {
    var index = end
    while index > 0, !clauseSeparators.contains(sentence[index - 1]) { index -= 1 }
    return index
  }
  /// What ends a clause: ，；：。,;:.
  private static let clauseSeparators = Set("，；：。,;:".unicodeScalars)

  /// Whether `clause` is set in the past (`TargetGrammar.pastWords`): 去年 or 上年 as its
  /// time, not as a baseline after 比, 较 or 同.
  static func isPast(_ clause: Substring) -> Bool {
    TargetGrammar.pastWords.contains { word in
      var rest = clause[...]
      while let found = rest.range(of: word) {
        let mark =
          found.lowerBound > clause.startIndex
          ? clause[clause.index(before: found.lowerBound)] : nil
        if !(mark.map { TargetGrammar.baselineMarks.contains($0) } ?? false) { return true }
        rest = rest[found.upperBound...]
      }
      return false
    }
  }
}
