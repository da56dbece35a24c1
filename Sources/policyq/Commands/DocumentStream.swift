import PolicyBytes
import PolicyExtraction
import PolicyKit
import PolicyModel
import PolicyReaders

/// Files read, parsed and handed over one document at a time, in the order of the files,
/// as `policyq extract` writes them: memory holds the keys of the batch and the few
/// documents in the making, not the batch.
///
/// A first pass reads each file for the keys references find it by (`ReferenceTarget`:
/// id, number, titles; the cheap head of a parse); a second parses each file whole,
/// resolves its references against the table of those keys (`ReferenceTable`), so a
/// reference to a file later in the batch is resolved too, and renders it. Both passes run
/// on `jobs` threads (`OrderedPipeline`).
struct DocumentStream {
  /// The files, in order.
  var files: [String]
  /// Reads each file.
  var reader: DocumentReader
  /// Parses each file.
  var parser: PolicyParser
  /// Threads that read and parse.
  var jobs: Int

  /// One file after the second pass: its rendering and diagnostics, or why it failed.
  private enum Outcome<Rendered: Sendable>: Sendable {
    case document(Rendered, diagnostics: [String])
    case failure(String)
  }

  /// Parses every file, resolves its references among the batch, renders it with `render`
  /// (on the worker threads) and hands the rendering to `body` in the order of the files.
  /// A file that cannot be read is reported to `err` by name in its place in the order; a
  /// document's warnings and errors (not its notes) are reported to `err` before its
  /// rendering is handed over.
  /// - Returns: the number of files that could not be read.
  func forEach<Rendered: Sendable>(
    render: @escaping @Sendable (PolicyDocument) -> Rendered,
    reportingTo err: inout StandardError, _ body: (Rendered) -> Void
  ) -> Int {
    let (table, kept) = referenceTable()
    let files = files
    let reader = reader
    let parser = parser
    // The window is wide enough for a worker to go on past a file ten times the average
    // size (corpus-real: 19 KB on average, 313 KB at most) while another parses it.
    let pipeline = OrderedPipeline(count: files.count, workers: jobs, depth: 8 * jobs) {
      number -> Outcome<Rendered> in
      do {
        let text = try kept[number]?.get() ?? reader.read(contentsOf: files[number])
        var document = parser.parse(text)
        table.resolve(&document)
        return .document(render(document), diagnostics: Self.reported(document))
      } catch {
        return .failure("\(error)")
      }
    }
    var failures = 0
    while let outcome = pipeline.next() {
      switch outcome {
      case .document(let rendered, let diagnostics):
        for line in diagnostics { print(line, to: &err) }
        body(rendered)
      case .failure(let message):
        failures += 1
        print(message, to: &err)
      }
    }
    return failures
  }

  /// The keys of every file that can be read, in order, as a table; and the text of
  /// standard input ('-'), which cannot be read a second time. A batch of one file needs
  /// no table: a document's references never resolve to itself.
  private func referenceTable() -> (ReferenceTable, [Int: Result<PolicyText, any Error>]) {
    guard files.count > 1 else { return (ReferenceTable([]), [:]) }
    let files = files
    let reader = reader
    let parser = parser
    // Keys are small: a wide window costs nothing.
    let pipeline = OrderedPipeline(count: files.count, workers: jobs, depth: 64 * jobs) {
      number -> (ReferenceTarget?, Result<PolicyText, any Error>?) in
      let text = Result { try reader.read(contentsOf: files[number]) }
      let target = (try? text.get()).map(parser.referenceTarget(of:))
      return (target, files[number] == "-" ? text : nil)
    }
    var targets: [ReferenceTarget] = []
    var kept: [Int: Result<PolicyText, any Error>] = [:]
    var number = 0
    while let (target, text) = pipeline.next() {
      if let target { targets.append(target) }
      if let text { kept[number] = text }
      number += 1
    }
    return (ReferenceTable(targets), kept)
  }

  /// The warnings and errors of `document` (not its notes), reading first, as they are
  /// reported to standard error.
  static func reported(_ document: PolicyDocument) -> [String] {
    (document.text.diagnostics + document.diagnostics).filter { $0.severity != .note }.map {
      "\($0)"
    }
  }

  /// Reports the warnings and errors of `document` (not its notes) to `err`.
  static func report(_ document: PolicyDocument, to err: inout StandardError) {
    for line in reported(document) { print(line, to: &err) }
  }
}
