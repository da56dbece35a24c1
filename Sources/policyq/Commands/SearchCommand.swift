import ArgumentParser
import PolicyKit

/// `policyq search`: measures, sections, targets and documents by topic or department.
/// The plain spellings of its arguments are also read without ArgumentParser, for speed
/// (`SearchRequest.init(quickArguments:)`); both lead to `SearchRequest.run()`.
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

  /// Words that look like options (`-光伏`, an exclusion) belong to the query.
  @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The query.", valueName: "query"))
  var words: [String]

  @OptionGroup var location: IndexLocation

  /// Taken whatever it looks like (`--limit -1` is a value, which `validate` refuses, not a
  /// missing one).
  @Option(parsing: .unconditional, help: "How many hits to show (at least 1).")
  var limit = SearchRequest().limit

  @Option(
    help: ArgumentHelp(
      "Kinds of unit to return, comma separated: measure,section,target,document (front and back matter). 'document' alone ranks whole documents.",
      valueName: "kinds"))
  var unit = SearchRequest().unit

  @Option(help: "Output format: text, json, jsonl or csv.")
  var format = SearchRequest().format

  @Flag(help: "Show why each hit matched and how it scored, and the synonyms used.")
  var explain = false

  @Flag(help: "Do not expand terms with the synonyms of dictionaries/synonyms.tsv.")
  var noSynonyms = false

  @Flag(help: "Rank by BM25 alone, without the word layer (hits that stand as words first).")
  var noWordRanking = false

  @Option(help: "Highlight hits: auto (on a terminal), always or never.")
  var color = SearchRequest().color

  @Flag(
    name: .customLong("print-opensearch"),
    help:
      "Print the query as OpenSearch query DSL over the fields of `policyq export --opensearch`, without searching."
  )
  var printOpenSearch = false

  var request: SearchRequest {
    SearchRequest(
      words: words, index: location.directory, limit: limit, unit: unit, format: format,
      explain: explain,
      noSynonyms: noSynonyms, noWordRanking: noWordRanking, color: color,
      printOpenSearch: printOpenSearch)
  }

  func validate() throws {
    if let problem = request.problem { throw ValidationError(problem) }
  }

  func run() throws { try request.run() }
}

extension SearchRequest.Format: ExpressibleByArgument {}
extension SearchRequest.Color: ExpressibleByArgument {}
