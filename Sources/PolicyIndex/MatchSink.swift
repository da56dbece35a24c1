/// Where a term's matches go as a walk through its postings finds them, one at a time and
/// in unit order: a list that keeps them all (`[TermMatcher.Match]`), or a reduction that
/// keeps what a query needs of them (`RankedMatches`: the best few and how many), so that
/// a term held by half the units of a large index is never held as a list.
protocol MatchSink {
  /// Takes the next match (its unit above every unit taken before).
  mutating func take(_ match: TermMatcher.Match)
}

extension Array: MatchSink where Element == TermMatcher.Match {
  @inline(__always)
  mutating func take(_ match: TermMatcher.Match) { append(match) }
}
