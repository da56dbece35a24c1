import PolicyExtraction
import PolicyModel

/// What a lower-level plan did with the upper-level plan it implements: which measures it
/// carried over, rewrote or added, which it did not take up, how its targets compare, and
/// who leads the aligned measures on each side.
public struct DocumentComparison: Sendable {
  /// How much of an upper measure a lower one keeps.
  public enum Carry: String, Sendable, Codable {
    /// Largely the same text (similarity ≥ 0.5).
    case carriedOver = "carried_over"
    /// Aligned but reworded (similarity ≥ `threshold`).
    case rewritten
  }

  /// A pair of aligned measures.
  public struct MeasurePair: Sendable {
    /// The lower plan's measure, as an index into its `measures`.
    public var lower: Int
    /// The upper plan's measure, as an index into its `measures`.
    public var upper: Int
    /// How much the two measures' texts share, from `threshold` to 1 (1 for the same text).
    public var similarity: Double
    /// Whether the lower measure carries the upper one over or rewrites it.
    public var carry: Carry
    /// Passages both measures hold word for word (folded).
    public var sharedPassages: [String]
    /// The departments leading the lower measure: those with role lead, else the responsible.
    public var lowerLeads: [DepartmentMention]
    /// The departments leading the upper measure: those with role lead, else the responsible.
    public var upperLeads: [DepartmentMention]
    /// Whether the leading bodies differ (compared by canonical name, so 市经济信息委 and
    /// 区经济信息委 are the same body at two levels).
    public var leadChanged: Bool
    /// Whether the search for shared passages stopped at a limit (200 passages, or work
    /// bounded by the shorter text), so that `sharedPassages` may not be all of them.
    public var passagesTruncated = false
    /// Why the two were aligned: heading, body and term similarities, shared words,
    /// departments and indicators, and the kinds of evidence that passed their thresholds.
    public var evidence = PairEvidence.none
  }

  /// How a lower target compares with the upper one on the same indicator.
  public enum Judgement: String, Sendable, Codable {
    case stronger, weaker, same
    case notComparable = "not_comparable"
  }

  /// A pair of targets on one indicator.
  public struct TargetPair: Sendable {
    /// The lower plan's target, as an index into its `targets`.
    public var lower: Int
    /// The upper plan's target, as an index into its `targets`.
    public var upper: Int
    /// The canonical indicator key (from `dictionaries/indicators.tsv`) both targets share.
    public var indicatorKey: String
    /// Whether the lower target is stronger, weaker, the same, or not comparable.
    public var judgement: Judgement
    /// Lower value minus upper value, in percentage points or units, signed so that a
    /// positive number is a more ambitious lower target.
    public var difference: Double?
    /// The judgement explained for people (`units differ: % vs 家`, `opposite directions`).
    public var reason: String
  }

  /// The lower-level plan (a district plan, say).
  public let lower: PolicyDocument
  /// The upper-level plan it implements.
  public let upper: PolicyDocument
  /// The aligned measures, ordered by lower then upper measure.
  public var measurePairs: [MeasurePair]
  /// Lower measures aligned to nothing: local additions.
  public var lowerOnlyMeasures: [Int]
  /// Upper measures no lower measure carries: not taken up.
  public var upperOnlyMeasures: [Int]
  /// The targets paired by indicator key, in the order of the lower plan's targets.
  public var targetPairs: [TargetPair]
  /// Lower targets with an indicator key that no upper target pairs with.
  public var lowerOnlyTargets: [Int]
  /// Upper targets with an indicator key that no lower target pairs with.
  public var upperOnlyTargets: [Int]

  /// The distinct n-grams held by so many measures on both sides that they were left out
  /// when scoring measures (0 unless the documents are huge and repetitive): a pair of
  /// measures that shares only those is not found. The similarities given are exact.
  public var ignoredShingles: Int
  /// How much work the comparison took, for tests that check it grows linearly.
  package var work: ComparisonWork
  /// The evidence of every pair of measures scored (lower, upper), linked or not: what
  /// `Scripts/calibrate-alignment.py` calibrates the thresholds on.
  package var scoredPairs: [(lower: Int, upper: Int, evidence: PairEvidence)] = []

  /// Share of upper measures taken up by at least one lower measure.
  public var measureCoverage: Double {
    upper.measures.isEmpty
      ? 0 : Double(Set(measurePairs.map(\.upper)).count) / Double(upper.measures.count)
  }

  /// Share of upper targets matched by a lower one.
  public var targetCoverage: Double {
    upper.targets.isEmpty
      ? 0 : Double(Set(targetPairs.map(\.upper)).count) / Double(upper.targets.count)
  }

  /// The most shared passages listed for one pair of measures.
  public static let passageLimit = SharedPassages.passageLimit

  /// The least similarity at which two measures are aligned.
  public static let threshold = 0.2

  /// Compares `lower` (a district plan, say) with `upper` (the municipal plan it implements).
  /// A measure is paired with the measure of the other side it shares the most passages
  /// with (the first of the best), when they share at least `threshold`, and with the
  /// measures the evidence of rewording links (docs/compare-alignment.md).
  /// - Parameter dictionaries: the policy lexicon whose terms are compared.
  /// - Complexity: O(n log n) in the size of the two documents: only measures that share
  ///   an n-gram are scored, the scoring work is bounded by `MeasureAlignment`'s budget
  ///   and the passage search by `SharedPassages`' limits; the evidence of rewording is
  ///   scored on pairs sharing a bigram held by at most 64 texts on each side.
  public init(
    lower: PolicyDocument, upper: PolicyDocument, dictionaries: PolicyDictionaries = .bundled
  ) {
    self.init(lower: lower, upper: upper, dictionaries: dictionaries, background: .bundled)
  }

  /// Compares `lower` with `upper`, weighing bigrams by their document frequencies in
  /// `background` (the bundled table, or an index's counts).
  package init(
    lower: PolicyDocument, upper: PolicyDocument, dictionaries: PolicyDictionaries,
    background: BackgroundBigrams
  ) {
    self.lower = lower
    self.upper = upper
    // The numbering ("第三条", "1.") is not content.
    let lowerGroups = TextGroups(lower.measures.map { String($0.text.dropFirst($0.label.count)) })
    let upperGroups = TextGroups(upper.measures.map { String($0.text.dropFirst($0.label.count)) })
    let alignment = MeasureAlignment(lower: lowerGroups, upper: upperGroups)
    // Pairs: each side's best match above the threshold, from both directions (symmetric).
    var pairs: [(lower: Int, upper: Int)] = []
    for (i, group) in lowerGroups.groupOfMeasure.enumerated() {
      if let best = alignment.bestForLower[group], best.score >= Self.threshold {
        pairs.append((i, upperGroups.firstMeasure[best.group]))
      }
    }
    for (j, group) in upperGroups.groupOfMeasure.enumerated() {
      if let best = alignment.bestForUpper[group], best.score >= Self.threshold {
        pairs.append((lowerGroups.firstMeasure[best.group], j))
      }
    }
    let passagePairs = Set(pairs.map { [$0.lower, $0.upper] })
    let evidence = Self.evidence(
      lower, upper, groups: (lowerGroups, upperGroups), dictionaries: dictionaries,
      background: background,
      passages: pairs)
    let scored = evidence.alignment.scored
    scoredPairs = scored.flatMap { l, row in
      row.map { (lowerGroups.firstMeasure[l], upperGroups.firstMeasure[$0.key], $0.value) }
    }
    .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    pairs += evidence.pairs
    pairs = Self.keepingIdenticalTexts(pairs, lowerGroups, upperGroups)
    pairs.sort { ($0.lower, $0.upper) < ($1.lower, $1.upper) }
    var matcher = PairMatcher(lower: lowerGroups, upper: upperGroups)
    // Each measure's leads and their canonical names, worked out once however many pairs.
    typealias Leads = (mentions: [DepartmentMention], bodies: Set<String>)
    var leads = (lower: [Int: Leads](), upper: [Int: Leads]())
    func leadsOf(_ document: PolicyDocument, _ measure: Int) -> Leads {
      let mentions = Self.leads(document, measure)
      return (mentions, Set(mentions.map(\.canonical)))
    }
    var pairedLower = [Bool](repeating: false, count: lower.measures.count)
    var pairedUpper = [Bool](repeating: false, count: upper.measures.count)
    var measurePairs: [MeasurePair] = []
    for (index, (i, j)) in pairs.enumerated()
    where index == 0 || pairs[index - 1] != (i, j) {
      pairedLower[i] = true
      pairedUpper[j] = true
      let match = matcher.match(lowerGroups.groupOfMeasure[i], upperGroups.groupOfMeasure[j])
      let lowerLeads = leads.lower[i] ?? leadsOf(lower, i)
      let upperLeads = leads.upper[j] ?? leadsOf(upper, j)
      (leads.lower[i], leads.upper[j]) = (lowerLeads, upperLeads)
      measurePairs.append(
        MeasurePair(
          lower: i, upper: j, similarity: match.score,
          carry: match.score >= 0.5 ? .carriedOver : .rewritten,
          sharedPassages: match.passages.passages, lowerLeads: lowerLeads.mentions,
          upperLeads: upperLeads.mentions, leadChanged: lowerLeads.bodies != upperLeads.bodies,
          passagesTruncated: match.passages.truncated))
      var why =
        scored[lowerGroups.groupOfMeasure[i]]?[upperGroups.groupOfMeasure[j]]
        ?? measurePairs[measurePairs.count - 1].evidence
      if passagePairs.contains([i, j]) && !why.reasons.contains(.passages) {
        why.reasons.append(.passages)
      }
      measurePairs[measurePairs.count - 1].evidence = why
    }
    self.measurePairs = measurePairs
    lowerOnlyMeasures = lower.measures.indices.filter { !pairedLower[$0] }
    upperOnlyMeasures = upper.measures.indices.filter { !pairedUpper[$0] }
    ignoredShingles = alignment.ignoredShingles
    work = ComparisonWork(
      lowerTexts: lowerGroups.count, upperTexts: upperGroups.count,
      pairsScored: alignment.pairsScored,
      postingsVisited: alignment.postingsVisited + evidence.alignment.postingsVisited,
      ignoredShingles: alignment.ignoredShingles, passageSteps: matcher.passageSteps,
      evidencePairs: scoredPairs.count)
    let targets = TargetComparison.pairs(
      lower: lower.targets, upper: upper.targets,
      sameLevel: lower.metadata.level == upper.metadata.level)
    targetPairs = targets
    var pairedLowerTargets = [Bool](repeating: false, count: lower.targets.count)
    var pairedUpperTargets = [Bool](repeating: false, count: upper.targets.count)
    for pair in targets {
      pairedLowerTargets[pair.lower] = true
      pairedUpperTargets[pair.upper] = true
    }
    lowerOnlyTargets = lower.targets.indices.filter { i in
      lower.targets[i].indicatorKey != nil && !pairedLowerTargets[i]
    }
    upperOnlyTargets = upper.targets.indices.filter { j in
      upper.targets[j].indicatorKey != nil && !pairedUpperTargets[j]
    }
  }

  /// The leading departments of a measure: those with role lead, else the responsible ones.
  package static func leads(_ document: PolicyDocument, _ measure: Int) -> [DepartmentMention] {
    let mentions = document.measures[measure].responsibilities.flatMap {
      document.responsibilities[$0].departments
    }
    let leads = mentions.filter { $0.role == .lead }
    return leads.isEmpty ? mentions.filter { $0.role == .responsible } : leads
  }
}
