/// The similarity and shared passages of aligned measure texts, each distinct pair of texts
/// worked out once (a measure aligned with many copies of one text costs one search).
struct PairMatcher {
  /// What two aligned texts share.
  struct Match {
    var score: Double
    var passages: SharedPassages.Found
  }

  private let lower: TextGroups
  private let upper: TextGroups
  private var lowerTables: [Int: GramTable] = [:]
  private var upperTables: [Int: GramTable] = [:]
  private var matches: [Int: [Int: Match]] = [:]
  /// The steps of every passage search so far.
  private(set) var passageSteps = 0

  init(lower: TextGroups, upper: TextGroups) {
    self.lower = lower
    self.upper = upper
  }

  /// What lower text `lowerGroup` and upper text `upperGroup` share, their similarity
  /// counted on every n-gram (the alignment may have left some out).
  mutating func match(_ lowerGroup: Int, _ upperGroup: Int) -> Match {
    if let match = matches[lowerGroup]?[upperGroup] { return match }
    let (a, b) = (lower.shingles[lowerGroup], upper.shingles[upperGroup])
    let score = a.similarity(b)
    let lowerTable = lowerTables[lowerGroup] ?? GramTable(a)
    let upperTable = upperTables[upperGroup] ?? GramTable(b)
    lowerTables[lowerGroup] = lowerTable
    upperTables[upperGroup] = upperTable
    let passages = SharedPassages.find(lowerTable, upperTable, bGrams: b.hashes)
    passageSteps += passages.steps
    let match = Match(score: score, passages: passages)
    matches[lowerGroup, default: [:]][upperGroup] = match
    return match
  }
}
