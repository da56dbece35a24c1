import PolicyModel
import PolicyOutput

/// Writes the output of `policyq extract` a document at a time, byte for byte what the
/// whole batch rendered at once gives: JSONL lines, CSV rows under one header, tree dumps,
/// one JSON object for a single file, else one JSON array opened before the first
/// document and closed after the last.
struct ExtractWriter {
  /// The output format.
  let format: ExtractCommand.Format
  /// With `.csv`, the table.
  let table: DocumentCSV.Table
  /// With `.csv`, whether a byte-order mark comes first.
  let bom: Bool
  /// Whether one file, not a directory, was given: JSON is then one object.
  let singleFile: Bool
  /// Documents written so far.
  private var written = 0

  /// A writer for `format`.
  init(format: ExtractCommand.Format, table: DocumentCSV.Table, bom: Bool, singleFile: Bool) {
    self.format = format
    self.table = table
    self.bom = bom
    self.singleFile = singleFile
  }

  /// Whether the JSON is one array of documents.
  private var isArray: Bool { format == .json && !singleFile }

  /// What comes before the first document: the CSV header (after its byte-order mark).
  var opening: String {
    guard format == .csv else { return "" }
    return (bom ? DocumentCSV.byteOrderMark : "") + DocumentCSV.header(table)
  }

  /// Renders one document; run on the threads that parse.
  var renderer: @Sendable (PolicyDocument) -> String {
    switch format {
    case .json where singleFile: { DocumentJSON.render($0) + "\n" }
    case .json: { DocumentJSON.arrayElement($0) }
    case .jsonl: { DocumentJSON.render($0, pretty: false) + "\n" }
    case .csv: { [table] in DocumentCSV.rows(table, of: $0) }
    case .tree: { TreeDump.render($0) + "\n" }
    }
  }

  /// Writes one rendered document to `out`.
  mutating func write(_ rendered: String, to out: inout some TextOutputStream) {
    if isArray { out.write(written == 0 ? "[" : ",") }
    out.write(rendered)
    written += 1
  }

  /// What comes after the last document: the end of the JSON array (an array of none for
  /// a single file that could not be read).
  var closing: String {
    guard format == .json else { return "" }
    if isArray { return written == 0 ? "[]\n" : "\n]\n" }
    return written == 0 ? "[]\n" : ""
  }
}
