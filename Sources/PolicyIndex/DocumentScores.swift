/// Documents ranked as wholes (`--unit document`): each query group's units add their
/// scores to their documents as the group is matched, so that the groups' lists are not
/// all held at once. A document matches when every group matches some unit of it (targets
/// left out: their clauses are also in the units around them). Scores and counts are
/// kept per document number in arrays: a query of thousands of groups adds millions of
/// scores.
struct DocumentScores {
  private var scores: [Double]
  /// Per document, how many groups matched it.
  private var groupsMatched: [Int32]
  /// Per document, the last group that counted it (-1: none).
  private var lastGroup: [Int32]
  private var groupsAdded: Int32 = 0

  /// Scores for `documents` documents (none when documents are not ranked).
  init(documents: Int) {
    scores = Array(repeating: 0, count: documents)
    groupsMatched = Array(repeating: 0, count: documents)
    lastGroup = Array(repeating: -1, count: documents)
  }

  /// Adds one group's units and scores.
  mutating func add(_ group: ScoredUnits, entries: UnitsFile.Reader.EntryView) {
    let number = groupsAdded
    groupsAdded += 1
    for (position, unit) in group.units.enumerated() where entries.kind(of: unit) != .target {
      let document = Int(entries[unit].document)
      guard document < scores.count else { continue }
      scores[document] += group.scores[position]
      if lastGroup[document] != number {
        lastGroup[document] = number
        groupsMatched[document] += 1
      }
    }
  }

  /// The documents that every one of `groups` groups matched (every document when there
  /// are none), as their first document unit with their score, less those holding a unit
  /// of `excluded` and those `filter` refuses.
  func ranked(
    groups: Int, excluded: Set<Int>, filter: UnitFilter, entries: UnitsFile.Reader.EntryView
  ) throws -> [(unit: Int, score: Double)] {
    var documentUnit: [Int: Int] = [:]
    // A document's first document unit (a long one is cut in pieces: `UnitPieces`).
    for (unit, entry) in entries.enumerated()
    where entry.kind == .document && documentUnit[Int(entry.document)] == nil {
      documentUnit[Int(entry.document)] = unit
    }
    let excludedDocuments = Set(excluded.map { Int(entries[$0].document) })
    let candidates: [Int] =
      groups == 0
      ? documentUnit.keys.sorted() : scores.indices.filter { groupsMatched[$0] > 0 }
    var ranked: [(unit: Int, score: Double)] = []
    for document in candidates where !excludedDocuments.contains(document) {
      let matched = document < scores.count ? Int(groupsMatched[document]) : 0
      guard matched == groups, let unit = documentUnit[document],
        try filter.acceptsDocument(document)
      else { continue }
      ranked.append((unit, document < scores.count ? scores[document] : 0))
    }
    return ranked
  }
}
