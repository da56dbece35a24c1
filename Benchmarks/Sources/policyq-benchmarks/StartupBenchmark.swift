import Foundation
import PolicyKit

/// Where the time of one `policyq search` goes before and after the query itself: each
/// step timed once, cold, in this fresh process (run it as its own process).
struct StartupBenchmark {
  func run(index directory: URL, query text: String) throws -> [(
    step: String, milliseconds: Double
  )] {
    var steps: [(String, Double)] = []
    func step(_ name: String, _ body: () throws -> Void) rethrows {
      steps.append((name, try Measurement.seconds(body) * 1000))
    }
    step("folding table (first fold)") { _ = PolicyDictionaries.fold("固废") }
    step("synonyms") { _ = PolicyDictionaries.bundledSynonyms.synonyms.count }
    var index: InvertedIndex?
    try step("open index") { index = try InvertedIndex.open(directory) }
    var query: SearchQuery?
    try step("parse query") { query = try SearchQuery(text) }
    let searcher = Searcher(index: index!)
    try step("first search (top 10, snippets)") { _ = try searcher.search(query!) }
    try step("second search") { _ = try searcher.search(query!) }
    var plain = SearchOptions()
    plain.rankByWords = false
    try step("search without the word layer") { _ = try searcher.search(query!, options: plain) }
    return steps
  }
}
