/// How the measure pairs of one comparison compare with a gold alignment.
public struct AlignmentEvaluation: Sendable {
  /// The alignment file.
  public var gold: String
  /// A short name: the alignment file's name without `.align.json`.
  public var name: String
  /// The two document files that were read.
  public var documents: (a: String, b: String)
  /// Pairs of measures in both (matched), paired by the tool only (extra), in the gold only
  /// (missed).
  public var count = MatchCount()
  /// Gold measures of either side that no extracted measure stands for (by path, line or
  /// lead): their pairs cannot be found.
  public var unlocated = 0
  /// The pairs given (a, b measure indices) that match a gold pair.
  package var matchedPairs = Set<[Int]>()
  /// The missed and extra pairs, for `policyq eval -v`.
  public var findings: [DocumentEvaluation.Finding] = []
}
