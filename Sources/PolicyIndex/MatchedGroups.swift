import Foundation
import PolicyBytes

/// The groups of a query matched one after another, each scored by BM25, and kept only
/// for the units that match every group so far: a query of thousands of terms holds the
/// postings of one term at a time and, per term, the units still in the running (a
/// 10,000-character query took 726 MB when every term's units were kept whole). A group
/// typed again is matched once. When no unit is left, the remaining groups are not
/// matched: nothing can match them all.
struct MatchedGroups {
  /// Per distinct group, the units (in order) and scores: every unit that matches all the
  /// groups, maybe a few more (lists are cut to the units left when those have halved); at
  /// the end, exactly the units of `candidates`.
  var groups: [ScoredUnits] = []
  /// Per distinct group, how many units match it alone (which group is the smallest).
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
    let total = Double(max(1, entries.count))
    var matched = MatchedGroups()
    var seen: [[String]: Int] = [:]
    var prunedAt = Int.max
    // Groups of many alternatives are added up here (allocated when one comes); a few
    // are merged pairwise, which costs less than a score per unit of the index.
    var union: ScoredUnits.Union?
    let fewAlternatives = 8
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
      if matched.isEmpty { continue }
      seen[alternatives] = matched.groups.count
      matched.order.append(matched.groups.count)
      var few: [ScoredUnits] = []
      var terms: [(term: String, matches: [TermMatcher.Match])] = []
      for alternative in alternatives {
        let matches = try matcher.matches(of: alternative)
        let frequency = Double(matches.count)
        let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        var scored = ScoredUnits()
        scored.units.reserveCapacity(matches.count)
        scored.scores.reserveCapacity(matches.count)
        for match in matches {
          let weighted =
            Double(match.total) + (Searcher.headingWeight - 1) * Double(match.inHeading)
          let length = Double(entries.length(of: match.unit))
          scored.units.append(match.unit)
          scored.scores.append(
            idf * weighted * (Searcher.k1 + 1)
              / (weighted + Searcher.k1 * (1 - Searcher.b + Searcher.b * length / averageLength)))
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
              ? matches : matches.filter { entries[$0.unit].kind == .document }
          ))
      }
      var groupScores =
        alternatives.count <= fewAlternatives
        ? ScoredUnits.union(few) : union?.take() ?? ScoredUnits()
      few = []
      matched.counts.append(groupScores.units.count)
      if let eachGroup {
        try eachGroup(groupScores)
        matched.groups.append(ScoredUnits())
        matched.groupTerms.append(terms)
        continue
      }
      // Intersect with the units left, and keep this group's lists for those only.
      let left =
        matched.candidates.map { Self.intersection($0, groupScores.units) } ?? groupScores.units
      // The first group's lists are all left.
      if matched.candidates != nil {
        groupScores = groupScores.kept(in: left)
        for index in terms.indices {
          terms[index].matches = Self.kept(terms[index].matches, in: left)
        }
      }
      matched.candidates = left
      matched.groups.append(groupScores)
      matched.groupTerms.append(terms)
      if left.isEmpty { matched.isEmpty = true }
      if prunedAt == .max { prunedAt = left.count }
      if left.count * 2 < prunedAt {
        matched.prune(to: left)
        prunedAt = left.count
      }
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

  /// The units in both sorted lists.
  static func intersection(_ first: [Int], _ second: [Int]) -> [Int] {
    var both: [Int] = []
    var left = 0
    var right = 0
    while left < first.count && right < second.count {
      if first[left] < second[right] {
        left += 1
      } else if second[right] < first[left] {
        right += 1
      } else {
        both.append(first[left])
        left += 1
        right += 1
      }
    }
    return both
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
