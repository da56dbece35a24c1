import PolicyExtraction
import PolicyKit
import PolicyModel
import PolicyReaders

/// Files read and parsed as `policyq extract` and `policyq export` read them: each file
/// that cannot be read is reported to standard error by name and counted, the others are
/// parsed, and references among them are resolved.
struct DocumentBatch {
  /// The documents parsed, in the order of the files.
  var documents: [PolicyDocument] = []
  /// The files that could not be read.
  var failures = 0

  /// Reads `files` with `reader` and parses them with `parser`; reports read errors, then
  /// the documents' warnings and errors (not their notes), to `err`.
  init(
    files: [String], reader: DocumentReader, parser: PolicyParser,
    reportingTo err: inout StandardError
  ) {
    for path in files {
      do {
        let text = try reader.read(contentsOf: path)
        documents.append(parser.parse(text))
      } catch {
        failures += 1
        print(error, to: &err)
      }
    }
    ReferenceResolver().resolve(&documents)
    for document in documents {
      for diagnostic in document.text.diagnostics + document.diagnostics
      where diagnostic.severity != .note {
        print(diagnostic, to: &err)
      }
    }
  }
}
