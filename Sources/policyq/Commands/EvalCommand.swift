import ArgumentParser
import Foundation
import PolicyEvaluation
import PolicyExtraction
import PolicyKit
import PolicyOutput
import PolicyReaders

/// `policyq eval`: scores extraction against hand annotations.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract:
      "Score extraction against gold annotations: precision, recall and F1 per kind of item.",
    discussion: """
      Each gold file (docs/gold-format.md) annotates one document by hand: metadata, \
      measures, departments with their roles, targets and references. eval parses the \
      document it names, matches what policyq extracts against the annotation, and prints \
      precision, recall and F1 for measures, role triples, targets and references, the \
      agreement of target and metadata fields, and figures per document. -v lists every \
      miss, every extra item and every differing field with its source line. Alignment \
      files (*.align.json) align the measures of two documents by hand: eval compares the \
      two as policyq compare does and scores its measure pairs (precision, recall, F1).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
  }

  @Argument(
    help: ArgumentHelp(
      "Gold files, or directories holding *.gold.json and *.align.json files.",
      valueName: "gold"))
  var gold: [String]

  @Option(
    help: ArgumentHelp(
      "The folder corpus-real paths are read from (default: $POLICYQ_CORPUS_REAL, else ../shared/corpus-real).",
      valueName: "dir"))
  var corpusReal: String?

  @Option(
    help: ArgumentHelp(
      "The folder of made forms (<name>.docx from Scripts/make-gold-docx.py, <name>.pdf from Scripts/make-gold-pdf.py).",
      valueName: "dir"))
  var made: String?

  @Option(help: "Output format: text, json or csv.")
  var format: Format = .text

  @Flag(
    name: .shortAndLong,
    help: "List every miss, extra item and differing field with its source line.")
  var verbose = false

  @Option(
    name: .customLong("min-f1"),
    help: ArgumentHelp(
      "Exit with 1 when an overall figure is below this: X for measures, roles and targets, or NAME=X for one figure (\(EvaluationReport.figureNames.joined(separator: ", "))). Repeatable.",
      valueName: "threshold"))
  var thresholds: [String] = []

  @Option(
    help: ArgumentHelp(
      "A directory of dictionaries to use instead of the bundled ones.", valueName: "dir"))
  var dictionaries: String?

  /// The thresholds by figure name.
  private func minimums() throws -> [(name: String, value: Double)] {
    var minimums: [(String, Double)] = []
    for threshold in thresholds {
      let parts = threshold.split(separator: "=", maxSplits: 1).map(String.init)
      guard let value = Double(parts.last ?? ""), (0...1).contains(value) else {
        throw ValidationError("--min-f1: \(threshold) is not a number from 0 to 1 (or NAME=number)")
      }
      if parts.count == 1 {
        minimums += [("measures", value), ("roles", value), ("targets", value)]
      } else if EvaluationReport.figureNames.contains(parts[0]) {
        minimums.append((parts[0], value))
      } else {
        throw ValidationError(
          "--min-f1: no figure \(parts[0]); the figures are \(EvaluationReport.figureNames.joined(separator: ", "))"
        )
      }
    }
    return minimums
  }

  @Option(
    help: ArgumentHelp(
      "Write the evidence of every scored pair of each alignment to DIR/<name>.tsv, for calibration.",
      visibility: .hidden))
  var scoresOut: String?

  func validate() throws {
    _ = try minimums()
  }

  func run() throws {
    var out = StandardOutput()
    var err = StandardError()
    let corpusReal =
      corpusReal ?? ProcessInfo.processInfo.environment["POLICYQ_CORPUS_REAL"]
      ?? "../shared/corpus-real"
    let set = GoldSet(paths: gold, corpusReal: corpusReal, made: made)
    for error in set.errors { print(error, to: &err) }
    let loaded = try ReadingOptions.dictionaries(at: dictionaries)
    let reader = DocumentReader()
    let parser = PolicyParser(dictionaries: loaded)
    let evaluator = Evaluator(dictionaries: loaded)
    var report = EvaluationReport()
    var failures = set.errors.count
    for entry in set.entries {
      if let unavailable = entry.unavailable {
        report.skipped.append(.init(name: entry.name, reason: unavailable))
        continue
      }
      do {
        let document = parser.parse(try reader.read(contentsOf: entry.path))
        report.documents.append(
          evaluator.evaluate(document, against: entry.gold, name: entry.name, path: entry.path))
      } catch {
        failures += 1
        print(error, to: &err)
      }
    }
    failures += scoreAlignments(set.alignments, parser: parser, into: &report)
    switch format {
    case .text: out.write(EvaluationOutput.text(report, verbose: verbose))
    case .json: print(EvaluationOutput.json(report), to: &out)
    case .csv: out.write(EvaluationOutput.csv(report))
    }
    if report.documents.isEmpty && report.alignments.isEmpty {
      print("policyq eval: no document was scored", to: &err)
      throw ExitCode(2)
    }
    var below = false
    for (name, minimum) in try minimums() {
      guard let figure = report.figure(named: name), figure < minimum else { continue }
      print(
        "policyq eval: \(name) \(EvaluationOutput.fixedFigure(figure)) is below \(minimum)",
        to: &err)
      below = true
    }
    if below || failures > 0 { throw ExitCode(1) }
  }
}
