import Foundation
import PolicyKit

/// Times queries in process on an existing index: top-10 with snippets, as `policyq
/// search` computes them, after one warm-up run of each query.
struct SearchBenchmark {
  var runs: Int
  /// Whether the word layer re-ranks the best candidates (as `policyq search` does).
  var rankByWords = true

  func run(index directory: URL, queries: [String]) throws -> [(
    query: String, matches: Int, p50: Double, p99: Double
  )] {
    let index = try InvertedIndex.open(directory)
    let searcher = Searcher(index: index)
    var results: [(String, Int, Double, Double)] = []
    var options = SearchOptions()
    options.rankByWords = rankByWords
    for text in queries {
      let query = try SearchQuery(text)
      let warm = try searcher.search(query, options: options)
      var times: [Double] = []
      for _ in 0..<runs {
        times.append(Measurement.seconds { _ = try? searcher.search(query, options: options) })
      }
      results.append(
        (text, warm.totalMatches, Measurement.median(times), Measurement.percentile(times, 0.99)))
    }
    return results
  }
}
