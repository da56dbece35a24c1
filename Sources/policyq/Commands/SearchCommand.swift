import ArgumentParser
import Foundation
import PolicyKit

#if canImport(Glibc)
  import Glibc
#endif

/// `policyq search`: measures, sections, targets and documents by topic or department.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the index: measures, sections, targets and documents by topic or department.",
    discussion: """
      Terms must all match (AND); "quoted phrases" match as written; A OR B matches \
      either; -term excludes. Filters: dept: lead: responsible: coop: (departments, e.g. \
      dept:区经济信息委), level: (national, provincial, municipal, district), region:, year:, \
      kind: (通知, 行动计划 …), doc: (id, document number or title), unit: (measure, \
      section, target, document). Matching is exact on the folded text: 固廢 finds 固废, \
      ２０２５ finds 2025. Exit status is 1 when nothing matched, 2 on errors.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, csv }
  enum Color: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

  /// Words that look like options (`-光伏`, an exclusion) belong to the query.
  @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The query.", valueName: "query"))
  var words: [String]

  @OptionGroup var location: IndexLocation

  @Option(help: "How many hits to show.")
  var limit = 10

  @Option(help: ArgumentHelp("Kinds of unit to return, comma separated: measure,section,target,document (front and back matter). 'document' alone ranks whole documents.", valueName: "kinds"))
  var unit: String = "measure,section,target,document"

  @Option(help: "Output format: text, json, jsonl or csv.")
  var format: Format = .text

  @Flag(help: "Show why each hit matched and how it scored, and the synonyms used.")
  var explain = false

  @Flag(help: "Do not expand terms with the synonyms of dictionaries/synonyms.tsv.")
  var noSynonyms = false

  @Flag(help: "Rank by BM25 alone, without the word layer (hits that stand as words first).")
  var noWordRanking = false

  @Option(help: "Highlight hits: auto (on a terminal), always or never.")
  var color: Color = .auto

  func validate() throws {
    if words.isEmpty { throw ValidationError("Give a query, e.g. `policyq search 固废`.") }
    if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    for kind in unit.split(separator: ",") where SearchUnitKind(rawValue: String(kind)) == nil {
      throw ValidationError("--unit: unknown kind \(kind) (measure, section, target, document)")
    }
  }

  func run() throws {
    var err = StandardError()
    var out = StandardOutput()
    do {
      let text = words.joined(separator: " ")
      let query = try SearchQuery(text)
      guard !query.isEmpty else { throw IndexError.badQuery("nothing to search for") }
      // Word lists (and ICU's word-break dictionary) load on the other core meanwhile.
      if !noWordRanking { Searcher.prepareWordRanking(for: query) }
      let index = try openIndex(&err)
      var options = SearchOptions()
      options.limit = limit
      options.useSynonyms = !noSynonyms
      options.rankByWords = !noWordRanking
      options.kinds = Set(unit.split(separator: ",").compactMap { SearchUnitKind(rawValue: String($0)) })
      let results = try Searcher(index: index).search(query, options: options)
      let highlight = color == .always || (color == .auto && isatty(1) == 1 && format == .text)
      out.write(SearchOutput.render(results, query: text, format: format.rawValue, explain: explain, highlight: highlight))
      if results.hits.isEmpty { throw ExitCode(1) }
    } catch let error as IndexError {
      print(error, to: &err)
      throw ExitCode(2)
    }
  }

  /// The index given, else ./.policyq-index, else the bundled corpus's (built on first use).
  private func openIndex(_ err: inout StandardError) throws -> InvertedIndex {
    if let explicit = location.explicit { return try InvertedIndex.open(explicit) }
    let local = URL(fileURLWithPath: IndexLocation.defaultName)
    if FileManager.default.fileExists(atPath: local.path) { return try InvertedIndex.open(local) }
    guard let corpus = IndexLocation.bundledCorpus else {
      throw IndexError.missing(directory: local.path)
    }
    let directory = IndexLocation.cacheDirectory(for: corpus)
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
      .filter { SourceFormat(path: $0) != nil }
      .map { corpus.appendingPathComponent($0).path }
    if let existing = try? InvertedIndex.open(directory), existing.isCurrent(for: files) { return existing }
    print("policyq: indexing the bundled corpus into \(directory.path)", to: &err)
    _ = try IndexBuilder(directory: directory).build(files: files)
    return try InvertedIndex.open(directory)
  }
}
