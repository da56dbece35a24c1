import Foundation
import PolicyIndex
import PolicyTestSupport

@testable import PolicyKit

/// An index of the seeds, built once per test process in a temporary directory.
enum SeedIndex {
  static let directory: URL = {
    let directory = Scratch.root.appendingPathComponent("policyq-seed-index-\(UUID().uuidString)")
    _ = try? IndexBuilder(directory: directory).build(files: Corpus.seeds)
    return directory
  }()

  static func open() throws -> InvertedIndex { try InvertedIndex.open(directory) }

  static func search(
    _ query: String, limit: Int = 10,
    kinds: Set<SearchUnitKind> = [.measure, .section, .target, .document], synonyms: Bool = true
  ) throws -> SearchResults {
    var options = SearchOptions()
    options.limit = limit
    options.kinds = kinds
    options.useSynonyms = synonyms
    return try Searcher(index: try open()).search(try SearchQuery(query), options: options)
  }

  /// The id of the seed document with prefix "000".
  static func documentID(_ seed: String) throws -> String { try Parsed.seed(seed).id }
}
