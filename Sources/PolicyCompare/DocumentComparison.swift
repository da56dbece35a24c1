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

  /// The least similarity at which two measures are aligned.
  public static let threshold = 0.2

  /// Compares `lower` (a district plan, say) with `upper` (the municipal plan it implements).
  /// - Complexity: O(m·n) shingle comparisons for m and n measures.
  public init(lower: PolicyDocument, upper: PolicyDocument) {
    self.lower = lower
    self.upper = upper
    // The numbering ("第三条", "1.") is not content.
    let lowerShingles = lower.measures.map { Shingles(String($0.text.dropFirst($0.label.count))) }
    let upperShingles = upper.measures.map { Shingles(String($0.text.dropFirst($0.label.count))) }
    var scores = [[Double]](
      repeating: [Double](repeating: 0, count: upper.measures.count), count: lower.measures.count)
    for i in lower.measures.indices {
      for j in upper.measures.indices {
        scores[i][j] = lowerShingles[i].similarity(upperShingles[j])
      }
    }
    // Pairs: each side's best match above the threshold, from both directions (symmetric).
    var pairs = Set<[Int]>()
    for i in lower.measures.indices {
      if let j = upper.measures.indices.max(by: { scores[i][$0] < scores[i][$1] }),
        scores[i][j] >= Self.threshold
      {
        pairs.insert([i, j])
      }
    }
    for j in upper.measures.indices {
      if let i = lower.measures.indices.max(by: { scores[$0][j] < scores[$1][j] }),
        scores[i][j] >= Self.threshold
      {
        pairs.insert([i, j])
      }
    }
    measurePairs = pairs.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { pair in
      let (i, j) = (pair[0], pair[1])
      let lowerLeads = Self.leads(lower, i)
      let upperLeads = Self.leads(upper, j)
      return MeasurePair(
        lower: i, upper: j, similarity: scores[i][j],
        carry: scores[i][j] >= 0.5 ? .carriedOver : .rewritten,
        sharedPassages: SharedPassages.find(lowerShingles[i], upperShingles[j]),
        lowerLeads: lowerLeads, upperLeads: upperLeads,
        leadChanged: Set(lowerLeads.map(\.canonical)) != Set(upperLeads.map(\.canonical)))
    }
    lowerOnlyMeasures = lower.measures.indices.filter { i in !pairs.contains { $0[0] == i } }
    upperOnlyMeasures = upper.measures.indices.filter { j in !pairs.contains { $0[1] == j } }
    let targets = TargetComparison.pairs(
      lower: lower.targets, upper: upper.targets,
      sameLevel: lower.metadata.level == upper.metadata.level)
    targetPairs = targets
    lowerOnlyTargets = lower.targets.indices.filter { i in
      lower.targets[i].indicatorKey != nil && !targets.contains { $0.lower == i }
    }
    upperOnlyTargets = upper.targets.indices.filter { j in
      upper.targets[j].indicatorKey != nil && !targets.contains { $0.upper == j }
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
