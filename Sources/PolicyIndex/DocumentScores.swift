/// Documents ranked as wholes (`--unit document`): each query group's units add their
/// scores to their documents as the group is matched, so that the groups' lists are not
/// all held at once. A document matches when every group matches some unit of it (targets
/// left out: their clauses are also in the units around them).
struct DocumentScores {
  private var perDocument: [Int: (score: Double, groups: Int)] = [:]

  /// Adds one group's units and scores.
  mutating func add(_ group: ScoredUnits, entries: UnitsFile.Reader.EntryView) {
    var seen = Set<Int>()
    for (position, unit) in group.units.enumerated() where entries[unit].kind != .target {
      let document = Int(entries[unit].document)
      var current = perDocument[document] ?? (0, 0)
      current.score += group.scores[position]
      if seen.insert(document).inserted { current.groups += 1 }
      perDocument[document] = current
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
    let candidates: [Int] = groups == 0 ? Array(documentUnit.keys) : Array(perDocument.keys)
    var ranked: [(unit: Int, score: Double)] = []
    for document in candidates where !excludedDocuments.contains(document) {
      let found = perDocument[document] ?? (0, 0)
      guard found.groups == groups, let unit = documentUnit[document],
        try filter.acceptsDocument(document)
      else { continue }
      ranked.append((unit, found.score))
    }
    return ranked
  }
}
