import Foundation
import PolicyBytes

/// The groups of a query matched one after another, each scored by BM25: the group fewest
/// units hold first (as the heads of its keys' lists tell), then each other group only in
/// the units that match every group so far — a frequent term (人民政府) is looked for in
/// the units of a rare one (2025) without being matched in the whole index; a query one of
/// whose groups no unit can hold matches none. A query of thousands of terms holds the
/// postings of one term at a time and, per term, the units still in the running. A group typed again is matched once. When no unit is left, the
/// remaining groups are not matched: nothing can match them all.
struct MatchedGroups {
  /// Per distinct group, the units (in order) and scores: at the end, exactly the units of
  /// `candidates`.
  var groups: [ScoredUnits] = []
  /// Per distinct group, at most how many units hold it, from the heads of its lists (which
  /// group is the smallest).
  var counts: [Int] = []
  /// Per distinct group, each alternative's matches (for the counts shown), cut like
  /// `groups`.
  var groupTerms: [[(term: String, matches: [TermMatcher.Match])]] = []
  /// Per group of the query, its distinct group (a group typed again is matched once).
  var order: [Int] = []
  /// Each group's alternatives (its terms and their synonyms), sorted.
  var alternatives: [[String]] = []
  /// The synonyms used, by the term typed.
  var expansions: [(String, [String])] = []
  /// The units that match every group (nil when there is no group, or when units are not
  /// intersected: documents are ranked).
  var candidates: [Int]?
  /// Whether some group matched no unit (of those left): then no later group is matched.
  var isEmpty = false

  /// Each alternative's matches, group after group of the query.
  var termMatches: [(term: String, matches: [TermMatcher.Match])] {
    order.flatMap { groupTerms[$0] }
  }

  /// Matches the groups of `query` with `matcher`. With `eachGroup` given, each group's
  /// whole list goes to it and none is kept or intersected (documents are ranked:
  /// `Searcher`), and only the matches of document units are kept for the counts shown.
  static func match(
    _ query: SearchQuery, synonyms: [String: [String]], matcher: TermMatcher,
    averageLength: Double, eachGroup: ((ScoredUnits) throws -> Void)? = nil
  ) throws -> MatchedGroups {
    let entries = matcher.entries
    var matched = MatchedGroups()
    var seen: [[String]: Int] = [:]
    var distinct: [[String]] = []
    for group in query.groups {
      var alternatives: [String] = []
      for term in group {
        alternatives.append(term.folded)
        if let expansion = synonyms[term.folded], !expansion.isEmpty {
          matched.expansions.append((term.text, expansion))
          alternatives += expansion
        }
      }
      alternatives = Array(Set(alternatives)).sorted()
      matched.alternatives.append(alternatives)
      if let earlier = seen[alternatives], eachGroup == nil {
        matched.order.append(earlier)
        continue
      }
      seen[alternatives] = distinct.count
      matched.order.append(distinct.count)
      distinct.append(alternatives)
    }
    // Each alternative's units at most, from the heads of its lists alone: which group goes
    // first, and none when some group can match no unit.
    // Terms of one character last: their keys are many (的 starts thousands), and a group
    // no unit holds makes reading them needless.
    func isOneCharacter(_ term: String) -> Bool { term.unicodeScalars.count == 1 }
    var estimates = try distinct.map { alternatives in
      try alternatives.map { isOneCharacter($0) ? 1 : try matcher.unitsAtMost(of: $0) }
    }
    if eachGroup == nil, estimates.contains(where: { $0.allSatisfy { $0 == 0 } }) {
      matched.groups = Array(repeating: ScoredUnits(), count: distinct.count)
      matched.counts = Array(repeating: 0, count: distinct.count)
      matched.groupTerms = Array(repeating: [], count: distinct.count)
      matched.isEmpty = true
      return matched
    }
    for group in distinct.indices {
      for (number, alternative) in distinct[group].enumerated() where isOneCharacter(alternative) {
        estimates[group][number] = try matcher.unitsAtMost(of: alternative)
      }
    }
    matched.groups = Array(repeating: ScoredUnits(), count: distinct.count)
    matched.counts = estimates.map { $0.reduce(0, +) }
    matched.groupTerms = Array(repeating: [], count: distinct.count)
    // Ranking documents takes every group whole, in the query's order.
    let sequence =
      eachGroup != nil
      ? Array(distinct.indices)
      : distinct.indices.sorted { (matched.counts[$0], $0) < (matched.counts[$1], $1) }
    if eachGroup == nil, matched.counts.contains(0) {
      matched.isEmpty = true
      return matched
    }
    // Groups of many alternatives are added up here (allocated when one comes); a few
    // are merged pairwise, which costs less than a score per unit of the index.
    var union: ScoredUnits.Union?
    let fewAlternatives = 8
    for group in sequence where !matched.isEmpty {
      let alternatives = distinct[group]
      let within = eachGroup == nil ? matched.candidates : nil
      var few: [ScoredUnits] = []
      var terms: [(term: String, matches: [TermMatcher.Match])] = []
      for alternative in alternatives {
        let matches = try matcher.matches(of: alternative, within: within)
        let idf = Searcher.idf(
          try matcher.documentFrequency(of: alternative, matches: within == nil ? matches : nil),
          units: entries.count)
        // Written in place: a frequent term scores hundreds of thousands of units.
        var scored = ScoredUnits()
        scored.units = matches.map(\.unit)
        scored.scores = [Double](unsafeUninitializedCapacity: matches.count) { scores, written in
          for (slot, match) in matches.enumerated() {
            scores[slot] = Searcher.bm25(
              match, idf: idf, length: entries.length(of: match.unit),
              averageLength: averageLength)
          }
          written = matches.count
        }
        if alternatives.count <= fewAlternatives {
          few.append(scored)
        } else {
          if union == nil { union = ScoredUnits.Union(units: entries.count) }
          union?.add(scored)
        }
        terms.append(
          (
            alternative,
            eachGroup == nil
              ? matches : matches.filter { entries.kind(of: $0.unit) == .document }
          ))
      }
      let groupScores =
        alternatives.count <= fewAlternatives
        ? ScoredUnits.union(few) : union?.take() ?? ScoredUnits()
      few = []
      if let eachGroup {
        try eachGroup(groupScores)
        matched.groupTerms[group] = terms
        continue
      }
      // Only the units left were looked in: what this group holds is what is left.
      matched.candidates = groupScores.units
      matched.groups[group] = groupScores
      matched.groupTerms[group] = terms
      if groupScores.units.isEmpty { matched.isEmpty = true }
    }
    if let left = matched.candidates, !matched.isEmpty { matched.prune(to: left) }
    return matched
  }

  /// Cuts every list kept to the units of `left`.
  private mutating func prune(to left: [Int]) {
    for index in groups.indices where groups[index].units.count > left.count {
      groups[index] = groups[index].kept(in: left)
      for term in groupTerms[index].indices {
        groupTerms[index][term].matches = Self.kept(groupTerms[index][term].matches, in: left)
      }
    }
  }

  /// The matches of the units in `units` (both sorted by unit).
  static func kept(_ matches: [TermMatcher.Match], in units: [Int]) -> [TermMatcher.Match] {
    var kept: [TermMatcher.Match] = []
    var slot = 0
    for match in matches {
      slot = SortedSearch.advance(units, from: slot, to: match.unit)
      if slot == units.count { break }
      if units[slot] == match.unit { kept.append(match) }
    }
    return kept
  }
}

extension ScoredUnits {
  /// The units (with their scores) that are in `units` (sorted).
  func kept(in units: [Int]) -> ScoredUnits {
    var kept = ScoredUnits()
    var slot = 0
    for (index, unit) in self.units.enumerated() {
      slot = SortedSearch.advance(units, from: slot, to: unit)
      if slot == units.count { break }
      if units[slot] == unit {
        kept.units.append(unit)
        kept.scores.append(scores[index])
      }
    }
    return kept
  }
}
