import PolicyExtraction
import PolicyModel

/// 落实图 — the implementation map of one upper-level plan across the documents that
/// implement it: for each upper measure and target, what each lower document did with it.
public struct ImplementationMap: Sendable {
  /// What a lower document did with an upper measure.
  public enum Relation: String, Sendable, Codable {
    /// Carried over: a lower measure keeps most of its text (passage similarity ≥ 0.5).
    case carriedOver = "carried_over"
    /// Taken up in other words.
    case rewritten
    /// Not taken up.
    case absent
  }

  /// One upper measure in one lower document.
  public struct MeasureCell: Sendable {
    /// Carried over, rewritten or absent.
    public var relation: Relation
    /// The lower measures aligned with it (indices into the lower document's measures).
    public var lowerMeasures: [Int]
    /// The best pair's score: its passage similarity when carried over, else the
    /// calibrated probability of its evidence; 0 when absent.
    public var score: Double
  }

  /// One upper target in one lower document: the paired target and the judgement, or nil
  /// when the lower document sets none on its indicator.
  public typealias TargetCell = DocumentComparison.TargetPair?

  /// How a lower document was found to implement the upper plan.
  public enum Evidence: String, Sendable, Codable {
    /// It cites the upper plan by document number or title.
    case reference
    /// Its measures take up the plan's: strong links (`Fit.strongCoverage`) at least
    /// `strongCoverageThreshold` of them (at least `strongLinksMinimum`), or, when it is on
    /// the plan's subject (`Fit.subjectSimilarity` at least `subjectThreshold`), any links
    /// at least `coverageThreshold` of them.
    case coverage
  }

  /// How well a lower document fits the upper plan: what decides whether it implements it.
  public struct Fit: Sendable {
    /// 主题相近度 — the cosine of the two documents' measure bigrams weighted by their
    /// rarity in the bundled background corpus (`SubjectSimilarity`).
    public var subjectSimilarity: Double
    /// The upper measures with a strong link: carried over, or rewritten with a
    /// probability of at least `strongLinkProbability` and a kind of evidence a reader
    /// sees (`seenKinds`).
    public var strongLinks: Int
    /// `strongLinks` as a share of the upper measures.
    public var strongCoverage: Double
    /// Share of upper measures taken up by at least one lower measure (any link).
    public var coverage: Double

    /// Whether the figures say the document implements the plan (`Evidence.coverage`).
    public var takesUpThePlan: Bool {
      (strongLinks >= ImplementationMap.strongLinksMinimum
        && strongCoverage >= ImplementationMap.strongCoverageThreshold)
        || (subjectSimilarity >= ImplementationMap.subjectThreshold
          && coverage >= ImplementationMap.coverageThreshold)
    }
  }

  /// One lower document: its comparison with the upper plan and its cells.
  public struct Column: Sendable {
    /// The comparison of the lower document with the upper plan.
    public var comparison: DocumentComparison
    /// How it was found to implement the upper plan.
    public var foundBy: Evidence
    /// The figures the decision was made on.
    public var fit: Fit
    /// A cell per upper measure.
    public var measures: [MeasureCell]
    /// A cell per upper target.
    public var targets: [TargetCell]
    /// Aligned pairs whose leading bodies differ.
    public var leadsChanged: Int {
      comparison.measurePairs.filter(\.leadChanged).count
    }
  }

  /// The least share of upper measures a document on the plan's subject must take up to
  /// count as implementing the plan when it does not cite it.
  public static let coverageThreshold = 0.3
  /// The least subject similarity of a document on the plan's subject. Calibrated on
  /// ../shared/corpus-real/shanghai: district documents implementing a municipal plan
  /// score 0.26 to 0.63 against it, district documents on other subjects at most 0.10;
  /// the seeds' district plans score 0.19 to 0.28 against 001.
  public static let subjectThreshold = 0.15
  /// The probability of a rewritten pair's evidence from which its link is strong, when
  /// a reader can see why (one of `seenKinds` among its reasons).
  public static let strongLinkProbability = 0.6
  /// The kinds of evidence a reader sees in the two texts: shared passages, the same or
  /// like headings, like bodies or sentences, one's heading in the other's body or section
  /// titles. (Not
  /// the model's probability alone, which neighbours and ranks can raise.)
  public static let seenKinds: Set<PairEvidence.Kind> = [
    .passages, .sameHeading, .heading, .body, .headingInBody, .headingInContext, .sentence,
  ]
  /// The least share of upper measures strong links must take up for a document that does
  /// not cite the plan to count as implementing it, whatever its subject similarity.
  public static let strongCoverageThreshold = 0.3
  /// The fewest strong links that count (so that one or two chance links in a short plan
  /// do not).
  public static let strongLinksMinimum = 3

  /// The upper plan.
  public let upper: PolicyDocument
  /// The implementing documents, in the order given.
  public var columns: [Column]
  /// The documents compared that neither cite the plan nor take up enough of it.
  public var notImplementing: [DocumentComparison]

  /// The map of `comparisons` (each of a lower document with `upper`): a document becomes
  /// a column when it cites `upper` or takes up its measures (`Fit.takesUpThePlan`).
  public init(upper: PolicyDocument, comparisons: [DocumentComparison]) {
    self.upper = upper
    let table = ReferenceTable([ReferenceTarget(upper)])
    columns = []
    notImplementing = []
    for comparison in comparisons {
      var lower = comparison.lower
      table.resolve(&lower)
      let cites = lower.references.contains { $0.resolvedDocument == upper.id }
      let fit = Self.fit(comparison)
      guard cites || fit.takesUpThePlan else {
        notImplementing.append(comparison)
        continue
      }
      columns.append(
        Column(
          comparison: comparison, foundBy: cites ? .reference : .coverage, fit: fit,
          measures: Self.measureCells(comparison), targets: Self.targetCells(comparison)))
    }
  }

  /// The figures that decide whether the lower document of `comparison` implements its
  /// upper plan.
  public static func fit(_ comparison: DocumentComparison) -> Fit {
    let strong = Set(
      comparison.measurePairs.filter {
        $0.carry == .carriedOver
          || ($0.evidence.score >= strongLinkProbability
            && !$0.evidence.reasons.filter(Self.seenKinds.contains).isEmpty)
      }.map(\.upper))
    let measures = comparison.upper.measures.count
    return Fit(
      subjectSimilarity: SubjectSimilarity.of(comparison.lower, comparison.upper),
      strongLinks: strong.count,
      strongCoverage: measures == 0 ? 0 : Double(strong.count) / Double(measures),
      coverage: comparison.measureCoverage)
  }

  private static func measureCells(_ comparison: DocumentComparison) -> [MeasureCell] {
    var cells = comparison.upper.measures.map { _ in
      MeasureCell(relation: .absent, lowerMeasures: [], score: 0)
    }
    for pair in comparison.measurePairs {
      var cell = cells[pair.upper]
      cell.lowerMeasures.append(pair.lower)
      let carried = pair.carry == .carriedOver
      let score = carried ? pair.similarity : max(pair.evidence.score, pair.similarity)
      if carried && cell.relation != .carriedOver {
        (cell.relation, cell.score) = (.carriedOver, score)
      } else if cell.relation == .absent || (cell.relation == .rewritten && !carried) {
        cell.relation = carried ? .carriedOver : .rewritten
        cell.score = max(cell.score, score)
      }
      cells[pair.upper] = cell
    }
    return cells
  }

  private static func targetCells(_ comparison: DocumentComparison) -> [TargetCell] {
    var cells = [TargetCell](repeating: nil, count: comparison.upper.targets.count)
    for pair in comparison.targetPairs where cells[pair.upper] == nil { cells[pair.upper] = pair }
    return cells
  }
}
