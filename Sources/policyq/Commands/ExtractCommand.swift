import ArgumentParser
import PolicyExtraction
import PolicyKit
import PolicyModel
import PolicyOutput
import PolicyReaders

/// `policyq extract`: documents into structured data.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract metadata, sections, measures, targets, responsibilities and references.",
    discussion: """
      Every item carries its location: bytes and characters in the cleaned text, bytes in \
      the source file, and the source line. References between the documents given are \
      resolved by document number, then by title, also when the cited file comes after the \
      citing one. Each document is written as soon as it is parsed, in the order of the \
      files, so memory stays flat however many files are given; --jobs parses several \
      at once. The JSON schema is in docs/extract-schema.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, csv, tree
  }

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: json, jsonl, csv or tree.")
  var format: Format = .json

  @Option(
    help:
      "With --format csv, the table: documents, measures, targets, responsibilities, references or sections (default: measures)."
  )
  var table: DocumentCSV.Table?

  @Flag(help: "With --format csv, start with a UTF-8 byte-order mark (for Excel).")
  var bom = false

  @OptionGroup var jobs: JobsOption

  func validate() throws {
    if table != nil && format != .csv { throw ValidationError("--table goes with --format csv.") }
    if bom && format != .csv { throw ValidationError("--bom goes with --format csv.") }
  }

  func run() throws {
    let parser = PolicyParser(dictionaries: try input.loadDictionaries())
    var out = StandardOutput()
    var err = StandardError()
    let (files, problems) = input.files(reportingTo: &err)
    let stream = DocumentStream(
      files: files, reader: input.reader, parser: parser, jobs: jobs.count)
    var writer = ExtractWriter(
      format: format, table: table ?? .measures, bom: bom, singleFile: input.isSingleFile)
    out.write(writer.opening)
    let failures =
      problems
      + stream.forEach(render: writer.renderer, reportingTo: &err) { rendered in
        writer.write(rendered, to: &out)
      }
    out.write(writer.closing)
    if failures > 0 { throw ExitCode(1) }
  }
}

extension DocumentCSV.Table: ExpressibleByArgument {}
