import ArgumentParser
import Foundation
import PolicyExtraction
import PolicyIndex
import PolicyKit
import PolicyModel
import PolicyOutput
import PolicyReaders

/// `policyq refs`: the citation graph of a corpus.
struct RefsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refs",
    abstract: "Show which documents cite which: the citation graph of a corpus.",
    discussion: """
      Reads the files given (or, without paths, the files of the index: --index DIR, else \
      $POLICYQ_INDEX, else ./.policyq-index), resolves their references among them as \
      `extract` does, and writes the graph: documents as nodes with their metadata, each \
      reference as an edge from the citing document to the cited one; a document cited but \
      not given becomes an external node named by its number or title. --html draws it as \
      a self-contained page. The fields are in docs/refs-graph.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, csv, graphml, dot
  }

  // The paths of `InputOptions`, declared here because `refs` reads an index without
  // paths, which `InputOptions` requires.
  @Argument(
    help: ArgumentHelp(
      InputOptions.pathsHelp.abstract + " Without paths, the files of the index.",
      valueName: "path"))
  var paths: [String] = []

  @OptionGroup var reading: ReadingOptions

  @OptionGroup var jobs: JobsOption

  @OptionGroup var location: IndexLocation

  @Option(help: "Output format: json, csv, graphml or dot (default: json, none with --html).")
  var format: Format?

  @Option(help: "With --format csv, the table: nodes or edges (default: edges).")
  var table: CitationGraphCSV.Table?

  @Option(help: ArgumentHelp("Also draw the graph into this HTML file.", valueName: "file"))
  var html: String?

  func validate() throws {
    if table != nil && format != .csv { throw ValidationError("--table goes with --format csv.") }
    if !paths.isEmpty && location.directory != nil {
      throw ValidationError("Give files or --index, not both.")
    }
  }

  func run() throws {
    var out = StandardOutput()
    var err = StandardError()
    var files: [String] = []
    var failures = 0
    if !paths.isEmpty {
      (files, failures) = InputOptions.files(of: paths, reportingTo: &err)
    } else {
      files = try InputOptions.files(
        ofIndex: location.explicit ?? location.forWriting, reportingTo: &err)
    }
    let batch = DocumentBatch(
      files: files, reader: reading.reader,
      parser: PolicyParser(dictionaries: try reading.loadDictionaries()), jobs: jobs.count,
      reportingTo: &err)
    failures += batch.failures
    let graph = CitationGraph(documents: batch.documents)
    if let html {
      do {
        try CitationGraphHTML.render(graph).write(
          to: URL(fileURLWithPath: html), atomically: true, encoding: .utf8)
      } catch {
        print("\(html): error: cannot write the page: \(error.localizedDescription)", to: &err)
        failures += 1
      }
    }
    switch format ?? (html == nil ? .json : nil) {
    case .json: print(CitationGraphJSON.render(graph), to: &out)
    case .csv: out.write(CitationGraphCSV.render(table ?? .edges, of: graph))
    case .graphml: out.write(CitationGraphGraphML.render(graph))
    case .dot: out.write(CitationGraphDOT.render(graph))
    case nil: break
    }
    if failures > 0 { throw ExitCode(1) }
  }
}

extension CitationGraphCSV.Table: ExpressibleByArgument {}
