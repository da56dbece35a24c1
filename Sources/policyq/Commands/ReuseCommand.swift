import ArgumentParser
import Foundation
import PolicyCompare
import PolicyExtraction
import PolicyIndex
import PolicyModel
import PolicyOutput

/// `policyq reuse`: passages shared between the documents of an index.
struct ReuseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reuse",
    abstract: "Find passages shared between any two documents of an index (text reuse).",
    discussion: """
      Reads every document of the index (--index DIR, else $POLICYQ_INDEX, else \
      ./.policyq-index) and finds the passages any two share, as passim does: candidates \
      from fingerprints of each document's characters (folded; whitespace and punctuation \
      left out), then each candidate pair aligned locally, runs chained over small gaps. \
      Each pair is an edge from the document that is likely the source: the earlier \
      year, else the higher level. Characters that more than --max-documents documents \
      share (closing formulas) start no candidate. Output: a report of the pairs that share \
      most (text), one CSV row per passage (--format csv; --table documents for one row \
      per document), or JSON with both. The fields are in docs/reuse.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
  }

  enum Table: String, ExpressibleByArgument, CaseIterable {
    case edges, documents
  }

  @OptionGroup var location: IndexLocation

  @Option(help: "Characters a passage must match to be reported.")
  var minLength = 20

  @Option(help: "Documents a run of characters may be shared by and still count as reuse.")
  var maxDocuments = 50

  @Option(help: "Output format: text, csv or json.")
  var format: Format = .text

  @Option(help: "With --format csv, the table: edges (one row per passage) or documents.")
  var table: Table?

  @Option(help: "With --format text, the pairs shown.")
  var limit = 20

  func validate() throws {
    if table != nil && format != .csv { throw ValidationError("--table goes with --format csv.") }
    if minLength < 8 { throw ValidationError("--min-length must be at least 8.") }
    if maxDocuments < 2 { throw ValidationError("--max-documents must be at least 2.") }
    if limit < 0 { throw ValidationError("--limit must be at least 0.") }
  }

  func run() throws {
    var out = StandardOutput()
    var err = StandardError()
    let index: InvertedIndex
    do {
      index = try InvertedIndex.open(location.forWriting)
    } catch let error as IndexError {
      print(error, to: &err)
      throw ExitCode(2)
    }
    let texts: [ReuseText]
    do {
      texts = try Self.texts(of: index)
    } catch let error as IndexError {
      print(error, to: &err)
      throw ExitCode(2)
    }
    var options = TextReuse.Options()
    options.minimumLength = minLength
    options.maximumDocuments = maxDocuments
    let edges = TextReuse.edges(in: texts, options: options)
    switch format {
    case .text:
      print(
        "\(edges.count) pairs of \(texts.count) documents share passages of \(minLength) "
          + "characters or more", to: &out)
      out.write(TextReuseOutput.text(edges, texts: texts, limit: limit))
    case .csv:
      switch table ?? .edges {
      case .edges: TextReuseOutput.edgesCSV(edges, texts: texts, to: &out)
      case .documents:
        out.write(
          TextReuseOutput.documentsCSV(TextReuseSummary.of(edges, texts: texts), texts: texts))
      }
    case .json:
      TextReuseOutput.json(
        edges, summaries: TextReuseSummary.of(edges, texts: texts), texts: texts, to: &out)
    }
  }

  /// Each document of `index` as text reuse reads it: its units but its targets (their
  /// sentences are in the measures around them), folded.
  static func texts(of index: InvertedIndex) throws -> [ReuseText] {
    var texts: [ReuseText] = []
    try DocumentUnits.forEach(in: index) { read in
      let document = read.document
      var text = ReuseText(
        id: document.id, title: document.title, year: document.year,
        levelRank: document.level.flatMap(AdministrativeLevel.init(rawValue:)).flatMap {
          AdministrativeLevel.allCases.firstIndex(of: $0)
        })
      for unit in read.units where unit.kind != .target {
        text.append(
          part: unit.id, line: unit.sourceLine, text: unit.text,
          folded: PolicyDictionaries.fold(unit.text))
      }
      texts.append(text)
    }
    return texts
  }
}
