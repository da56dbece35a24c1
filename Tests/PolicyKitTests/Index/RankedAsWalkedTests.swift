import Foundation
import PolicyIndex
import Testing

@testable import PolicyKit

/// A query of one term is ranked as its postings are walked; any other query goes through
/// the general path. The two give the same answer: the same term with an exclusion that no
/// unit holds (which sends it down the general path) finds the same hits, in the same
/// order, with the same scores, counts and snippets, and the same total, for every kind of
/// unit, limit and ranking by words.
@Suite struct RankedAsWalkedTests {
  func answer(_ query: String, kinds: Set<SearchUnitKind>, limit: Int, byWords: Bool) throws
    -> SearchResults
  {
    var options = SearchOptions()
    options.limit = limit
    options.kinds = kinds
    options.rankByWords = byWords
    return try Searcher(index: try SeedIndex.open()).search(
      try SearchQuery(query), options: options)
  }

  @Test(arguments: ["绿色", "工厂", "2025", "牵头", "喵喵", "绿", "绿色工厂", "unit:target 2025"])
  func oneTerm_answersAsTheGeneralPath(term: String) throws {
    let kindSets: [Set<SearchUnitKind>] = [
      [.measure, .section, .target, .document], [.measure], [.section], [.target],
    ]
    for kinds in kindSets {
      for limit in [0, 3, 1_000] {
        for byWords in [false, true] {
          let walked = try answer(term, kinds: kinds, limit: limit, byWords: byWords)
          let general = try answer("\(term) -喵喵喵", kinds: kinds, limit: limit, byWords: byWords)
          let context = "\(term) \(kinds.map(\.rawValue).sorted()) limit \(limit) words \(byWords)"
          #expect(walked.totalMatches == general.totalMatches, "\(context)")
          #expect(walked.hits.map(\.unit.id) == general.hits.map(\.unit.id), "\(context)")
          #expect(walked.hits.map(\.score) == general.hits.map(\.score), "\(context)")
          #expect(walked.hits.map(\.snippet) == general.hits.map(\.snippet), "\(context)")
          #expect(
            walked.hits.map { $0.termCounts.map(\.count) }
              == general.hits.map { $0.termCounts.map(\.count) }, "\(context)")
        }
      }
    }
    // The kinds are told apart: the seeds hold measures, sections and targets of 2025.
    if term == "2025" {
      for kind in [SearchUnitKind.measure, .section, .target] {
        let found = try answer(term, kinds: [kind], limit: 1_000, byWords: false)
        #expect(found.totalMatches > 0, "\(kind)")
        #expect(found.hits.allSatisfy { $0.unit.kind == kind }, "\(kind)")
      }
    }
  }
}
