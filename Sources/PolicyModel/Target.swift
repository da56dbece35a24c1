import PolicyText

/// Which way a quantitative target moves its indicator.
public enum TargetDirection: String, Sendable, Codable, CaseIterable {
  /// 下降 / 降低 / 减少.
  case decrease
  /// 提高 / 提升 / 增长 / 增加.
  case increase
  /// 达到 / 达 / 建成 / 创建 / 培育 — a level or count to reach.
  case reach
  /// 保持在 / 稳定在 / 控制在 — a level to hold.
  case keep
  /// …以上 / 不低于 / 超过 — a lower bound.
  case atLeast = "at_least"
  /// …以内 / 以下 / 不超过 / 控制在…以内 — an upper bound.
  case atMost = "at_most"
}

/// A quantitative target: "到2025年，…单位工业增加值能耗…较“十三五”末下降14.5%".
public struct Target: Sendable, Equatable {
  /// Stable id: "<document id>#t<n>".
  public var id: String
  /// The year the target is for (到2025年; the end of a period such as “十四五”).
  public var year: Int?
  /// The indicator as written ("规模以上企业单位工业增加值能耗").
  public var indicator: String
  /// The canonical indicator key from `dictionaries/indicators.tsv`, when it matches.
  public var indicatorKey: String?
  /// The number, in `unit`: 14.5 for 14.5%, 30 for 30万亩, 2 for 两家; a range gives its first
  /// value, 清零 gives 0.
  public var value: Double
  /// The unit: "%", "家", "个", "万亩", "微克/立方米", … (empty for a bare number).
  public var unit: String
  /// The direction: a bound (以上 → at least, 以内 → at most) when the sentence sets one,
  /// else what the verb does (下降 → decrease, 保持在 → keep, 建成 → reach).
  public var direction: TargetDirection
  /// The verb before the value as written ("下降", "保持在", "超过"), if any.
  public var verb: String?
  /// The year the change is measured from (较2020年; 较“十三五”末 = 2020).
  public var baselineYear: Int?
  /// The baseline as written ("较“十三五”末").
  public var baseline: String?
  /// Whether the count accumulates over the period (累计).
  public var isCumulative: Bool
  /// Hedges that soften the target: 力争, 左右, 约, 预计.
  public var hedges: [String]
  /// Who or what the target is about, when the sentence says it before the indicator
  /// ("全区", "规模以上工业企业").
  public var scope: String?
  /// The sentence the target stands in. The targets of one sentence share its storage;
  /// output writes it once (`DocumentJSON`'s `target_sentences`), never once per target.
  public var sentence: String
  /// Where `sentence` stands in the cleaned text.
  public var sentenceSpan: TextSpan
  /// The target's own clause of the sentence (its indicator, verb and value), at most
  /// `Target.clauseLimit` characters around the value: what a row of targets shows, of a
  /// size that does not grow with the sentence.
  public var clause: String
  /// Where `clause` stands in the cleaned text.
  public var clauseSpan: TextSpan
  /// The number with its unit ("14.5%").
  public var valueSpan: TextSpan
  /// The measure it stands in, as an index into `PolicyDocument.measures`.
  public var measure: Int?
  /// The innermost section it stands in, as an index into `PolicyDocument.sections`.
  public var section: Int?
  /// What a target asks for: how much, of what unit, in which direction, from which
  /// baseline, with which hedges.
  package struct Quantity: Sendable, Equatable {
    package var value: Double
    package var unit: String
    package var direction: TargetDirection
    package var verb: String? = nil
    package var baselineYear: Int? = nil
    package var baseline: String? = nil
    package var isCumulative = false
    package var hedges: [String] = []

    package init(
      value: Double, unit: String, direction: TargetDirection, verb: String? = nil,
      baselineYear: Int? = nil, baseline: String? = nil, isCumulative: Bool = false,
      hedges: [String] = []
    ) {
      self.value = value
      self.unit = unit
      self.direction = direction
      self.verb = verb
      self.baselineYear = baselineYear
      self.baseline = baseline
      self.isCumulative = isCumulative
      self.hedges = hedges
    }
  }

  /// The most characters of a target's `clause`.
  public static let clauseLimit = 80

  /// Where a target is stated: its sentence and its clause, and the spans of the sentence,
  /// the clause and the value.
  package struct Statement: Sendable, Equatable {
    package var sentence: String
    package var sentenceSpan: TextSpan
    package var clause: String
    package var clauseSpan: TextSpan
    package var valueSpan: TextSpan

    package init(
      sentence: String, sentenceSpan: TextSpan, clause: String, clauseSpan: TextSpan,
      valueSpan: TextSpan
    ) {
      self.sentence = sentence
      self.sentenceSpan = sentenceSpan
      self.clause = clause
      self.clauseSpan = clauseSpan
      self.valueSpan = valueSpan
    }
  }

  package init(
    id: String, year: Int?, indicator: String, indicatorKey: String? = nil, scope: String? = nil,
    quantity: Quantity, statement: Statement, measure: Int? = nil, section: Int? = nil
  ) {
    self.id = id
    self.year = year
    self.indicator = indicator
    self.indicatorKey = indicatorKey
    self.value = quantity.value
    self.unit = quantity.unit
    self.direction = quantity.direction
    self.verb = quantity.verb
    self.baselineYear = quantity.baselineYear
    self.baseline = quantity.baseline
    self.isCumulative = quantity.isCumulative
    self.hedges = quantity.hedges
    self.scope = scope
    self.sentence = statement.sentence
    self.sentenceSpan = statement.sentenceSpan
    self.clause = statement.clause
    self.clauseSpan = statement.clauseSpan
    self.valueSpan = statement.valueSpan
    self.measure = measure
    self.section = section
  }

}
