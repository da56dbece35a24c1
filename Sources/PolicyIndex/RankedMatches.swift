import PolicyBytes

/// The matches of a one-term query reduced as the walk through its postings finds them:
/// how many are of the kinds asked for, and the best `limit` of those by BM25 times their
/// kind's boost, scored as `Searcher` scores every query. Two walks over the halves of a
/// list merge into what one walk gives (the best are kept in a total order: score, then
/// unit). A term held by half a large index's units is ranked without a list of them.
struct RankedMatches: MatchSink {
  private let entries: UnitsFile.Reader.EntryView
  private let idf: Double
  private let averageLength: Double
  /// Per kind code, the kind's boost, or nil when the query does not ask for that kind.
  private let boosts: [Double?]
  /// The best so far.
  private(set) var top: TopScores
  /// The matches of the kinds asked for so far.
  private(set) var total = 0

  init(
    entries: UnitsFile.Reader.EntryView, idf: Double, averageLength: Double,
    allowedKind: [Bool], limit: Int
  ) {
    self.entries = entries
    self.idf = idf
    self.averageLength = averageLength
    boosts = SearchUnitKind.allCases.sorted { $0.code < $1.code }.map {
      allowedKind[Int($0.code)] ? Searcher.boost($0) : nil
    }
    top = TopScores(limit: limit)
  }

  @inline(__always)
  mutating func take(_ match: TermMatcher.Match) {
    let (length, kindCode) = entries.lengthAndKindCode(of: match.unit)
    guard let boost = boosts[kindCode] else { return }
    total += 1
    let score = Searcher.bm25(match, idf: idf, length: length, averageLength: averageLength)
    top.offer(unit: match.unit, score: score * boost)
  }

  /// Adds what another walk found.
  mutating func merge(_ other: RankedMatches) {
    total += other.total
    for pair in other.top.ranked { top.offer(unit: pair.unit, score: pair.score) }
  }
}
