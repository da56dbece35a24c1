import PolicyBytes
import PolicyExtraction
import PolicyKit
import PolicyModel
import PolicyReaders

/// Files read and parsed as `policyq export` and `policyq refs` read them: each file that
/// cannot be read is reported to standard error by name and counted, the others are
/// parsed (on `jobs` threads, kept in the order of the files), and references among them
/// are resolved. All the documents are held; `DocumentStream` holds one at a time.
struct DocumentBatch {
  /// The documents parsed, in the order of the files.
  var documents: [PolicyDocument] = []
  /// The files that could not be read.
  var failures = 0

  /// Reads `files` with `reader` and parses them with `parser` on `jobs` threads; reports
  /// read errors, then the documents' warnings and errors (not their notes), to `err`.
  init(
    files: [String], reader: DocumentReader, parser: PolicyParser, jobs: Int,
    reportingTo err: inout StandardError
  ) {
    let pipeline = OrderedPipeline(count: files.count, workers: jobs, depth: 4 * jobs) {
      number -> Result<PolicyDocument, any Error> in
      Result { parser.parse(try reader.read(contentsOf: files[number])) }
    }
    while let outcome = pipeline.next() {
      switch outcome {
      case .success(let document): documents.append(document)
      case .failure(let error):
        failures += 1
        print(error, to: &err)
      }
    }
    ReferenceResolver().resolve(&documents)
    for document in documents { DocumentStream.report(document, to: &err) }
  }
}
