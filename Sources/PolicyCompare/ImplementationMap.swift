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
    /// Its measures take up at least `coverageThreshold` of the upper plan's.
    case coverage
  }

  /// One lower document: its comparison with the upper plan and its cells.
  public struct Column: Sendable {
    /// The comparison of the lower document with the upper plan.
    public var comparison: DocumentComparison
    /// How it was found to implement the upper plan.
    public var foundBy: Evidence
    /// A cell per upper measure.
    public var measures: [MeasureCell]
    /// A cell per upper target.
    public var targets: [TargetCell]
    /// Aligned pairs whose leading bodies differ.
    public var leadsChanged: Int {
      comparison.measurePairs.filter(\.leadChanged).count
    }
  }

  /// The least share of upper measures a document must take up to count as implementing
  /// the plan when it does not cite it.
  public static let coverageThreshold = 0.3

  /// The upper plan.
  public let upper: PolicyDocument
  /// The implementing documents, in the order given.
  public var columns: [Column]
  /// The documents compared that neither cite the plan nor take up enough of it.
  public var notImplementing: [DocumentComparison]

  /// The map of `comparisons` (each of a lower document with `upper`): those that cite
  /// `upper` or cover at least `coverageThreshold` of its measures become columns.
  public init(upper: PolicyDocument, comparisons: [DocumentComparison]) {
    self.upper = upper
    let table = ReferenceTable([ReferenceTarget(upper)])
    columns = []
    notImplementing = []
    for comparison in comparisons {
      var lower = comparison.lower
      table.resolve(&lower)
      let cites = lower.references.contains { $0.resolvedDocument == upper.id }
      guard cites || comparison.measureCoverage >= Self.coverageThreshold else {
        notImplementing.append(comparison)
        continue
      }
      columns.append(
        Column(
          comparison: comparison, foundBy: cites ? .reference : .coverage,
          measures: Self.measureCells(comparison), targets: Self.targetCells(comparison)))
    }
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
