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
      resolved by document number, then by title. The JSON schema is in \
      docs/extract-schema.md.
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

  func validate() throws {
    if table != nil && format != .csv { throw ValidationError("--table goes with --format csv.") }
    if bom && format != .csv { throw ValidationError("--bom goes with --format csv.") }
  }

  func run() throws {
    let parser = PolicyParser(dictionaries: try input.loadDictionaries())
    var out = StandardOutput()
    var err = StandardError()
    let (files, problems) = input.files(reportingTo: &err)
    let batch = DocumentBatch(
      files: files, reader: input.reader, parser: parser, reportingTo: &err)
    let failures = problems + batch.failures
    let documents = batch.documents
    switch format {
    case .json:
      if input.isSingleFile, let document = documents.first {
        print(DocumentJSON.render(document), to: &out)
      } else {
        print(DocumentJSON.render(documents), to: &out)
      }
    case .jsonl:
      for document in documents { print(DocumentJSON.render(document, pretty: false), to: &out) }
    case .csv:
      let table = self.table ?? .measures
      if bom { out.write(DocumentCSV.byteOrderMark) }
      out.write(DocumentCSV.header(table))
      for document in documents { out.write(DocumentCSV.rows(table, of: document)) }
    case .tree:
      for document in documents { print(TreeDump.render(document), to: &out) }
    }
    if failures > 0 { throw ExitCode(1) }
  }
}

extension DocumentCSV.Table: ExpressibleByArgument {}
