import ArgumentParser
import Foundation
import PolicyIndex
import PolicyKit
import PolicyOutput
import PolicyText

#if canImport(Glibc)
import Glibc
#endif

/// What one `policyq search` asks for, however its arguments were read: by ArgumentParser
/// (`SearchCommand`) or by `init(quickArguments:)`.
struct SearchRequest: Equatable {
  enum Format: String, CaseIterable { case text, json, jsonl, csv }
  enum Color: String, CaseIterable { case auto, always, never }

  /// The query words; words that look like options (`-光伏`, an exclusion) included.
  var words: [String] = []
  /// `--index DIR`.
  var index: String?
  var limit = 10
  /// Kinds of unit, comma separated.
  var unit = "measure,section,target,document"
  var format = Format.text
  var explain = false
  var noSynonyms = false
  var noWordRanking = false
  var color = Color.auto
  /// `--print-opensearch`: print the query as OpenSearch query DSL instead of searching.
  var printOpenSearch = false

  /// Why the request cannot run, if it cannot.
  var problem: String? {
    if words.isEmpty { return "Give a query, e.g. `policyq search 固废`." }
    // The query takes every word ArgumentParser does not know (so that `-光伏` is an
    // exclusion), a mistyped long option among them: it must not be searched for.
    if let option = words.first(where: { $0.hasPrefix("--") }) {
      return "Unknown option '\(option)' (an exclusion is written -term)."
    }
    if limit < 1 { return "--limit must be at least 1 (got \(limit))." }
    for kind in unit.split(separator: ",") where SearchUnitKind(rawValue: String(kind)) == nil {
      return "--unit: unknown kind \(kind) (measure, section, target, document)"
    }
    return nil
  }

  /// Runs the search and writes the results.
  /// - Throws: `ExitCode(1)` when nothing matched, `ExitCode(2)` (after writing the error)
  ///   when the index or the query is unusable.
  func run() throws {
    var err = StandardError()
    var out = StandardOutput()
    do {
      let text = words.joined(separator: " ")
      let query = try SearchQuery(text)
      guard !query.isEmpty else { throw IndexError.badQuery("nothing to search for") }
      if printOpenSearch {
        printQueryDSL(query, to: &out, notes: &err)
        return
      }
      // Word lists (and ICU's word-break dictionary) load on the other core meanwhile.
      if !noWordRanking { Searcher.prepareWordRanking(for: query) }
      let searchIndex = try openIndex(&err)
      var options = SearchOptions()
      options.limit = limit
      options.useSynonyms = !noSynonyms
      options.rankByWords = !noWordRanking
      options.kinds = Set(
        unit.split(separator: ",").compactMap { SearchUnitKind(rawValue: String($0)) })
      let results = try Searcher(index: searchIndex).search(query, options: options)
      let highlight = color == .always || (color == .auto && isatty(1) == 1 && format == .text)
      out.write(
        SearchOutput.render(
          results, query: text, format: format.rawValue, explain: explain, highlight: highlight))
      if results.hits.isEmpty { throw ExitCode(1) }
    } catch let error as IndexError {
      print(error, to: &err)
      throw ExitCode(2)
    }
  }

  /// Writes `query` as OpenSearch query DSL over the fields of `policyq export
  /// --opensearch` to `out`, and what it cannot say as policyq does to `notes`; no index is
  /// opened.
  private func printQueryDSL(
    _ query: SearchQuery, to out: inout StandardOutput, notes: inout StandardError
  ) {
    let kinds = Set(
      unit.split(separator: ",").compactMap { SearchUnitKind(rawValue: String($0)) })
    let (json, unsaid) = OpenSearchQuery.request(
      for: query, kinds: kinds,
      synonyms: noSynonyms ? [:] : PolicyDictionaries.bundledSynonyms.synonyms,
      departments: .bundledDepartments, limit: limit)
    out.write(json)
    for note in unsaid { print("policyq: note: \(note)", to: &notes) }
  }

  /// The index given, else ./.policyq-index, else the bundled corpus's (built on first use).
  private func openIndex(_ err: inout StandardError) throws -> InvertedIndex {
    if let explicit = IndexLocation.explicit(index) { return try InvertedIndex.open(explicit) }
    let local = URL(fileURLWithPath: IndexLocation.defaultName)
    if FileManager.default.fileExists(atPath: local.path) { return try InvertedIndex.open(local) }
    guard let corpus = IndexLocation.bundledCorpus else {
      throw IndexError.missing(directory: local.path)
    }
    let directory = IndexLocation.cacheDirectory(for: corpus)
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
      .filter { SourceFormat(path: $0) != nil }
      .map { corpus.appendingPathComponent($0).path }
    if let existing = try? InvertedIndex.open(directory), existing.isCurrent(for: files) {
      return existing
    }
    print("policyq: indexing the bundled corpus into \(directory.path)", to: &err)
    _ = try IndexBuilder(directory: directory).build(files: files)
    return try InvertedIndex.open(directory)
  }
}

extension SearchRequest {
  /// Reads the arguments after `policyq search` without ArgumentParser, whose reflection
  /// over the command's options takes about a third of a whole search (3–4 ms of 12). Only
  /// the plain spellings are read here: options as separate words (`--limit 5`), known
  /// values, a valid request. Anything else (`--help`, `--limit=5`, `--`, a wrong value,
  /// an unknown option) gives nil and is left to ArgumentParser and its messages. A test
  /// checks that both readers agree.
  init?(quickArguments arguments: [String]) {
    var request = SearchRequest()
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      /// The value after an option; nil when missing or itself option-like.
      func value() -> String? {
        guard let next = iterator.next(), !next.hasPrefix("-") else { return nil }
        return next
      }
      switch argument {
      case "--index":
        guard let directory = value() else { return nil }
        request.index = directory
      case "--limit":
        guard let limit = value().flatMap({ Int($0) }) else { return nil }
        request.limit = limit
      case "--unit":
        guard let unit = value() else { return nil }
        request.unit = unit
      case "--format":
        guard let format = value().flatMap(Format.init(rawValue:)) else { return nil }
        request.format = format
      case "--color":
        guard let color = value().flatMap(Color.init(rawValue:)) else { return nil }
        request.color = color
      case "--explain": request.explain = true
      case "--no-synonyms": request.noSynonyms = true
      case "--no-word-ranking": request.noWordRanking = true
      case "--print-opensearch": request.printOpenSearch = true
      default:
        // Long options not listed above, and ArgumentParser's own -h.
        if argument.hasPrefix("--") || argument == "-h" { return nil }
        request.words.append(argument)
      }
    }
    guard request.problem == nil else { return nil }
    self = request
  }
}
