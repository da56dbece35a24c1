import ArgumentParser
import Foundation
import PolicyKit
import PolicyText

/// Where the index is: `--index DIR`, else $POLICYQ_INDEX, else `.policyq-index` in the
/// working directory; `policyq search` falls back to an index of the bundled corpus in a
/// cache directory, built on first use.
struct IndexLocation: ParsableArguments {
  @Option(
    name: .customLong("index"),
    help: ArgumentHelp(
      "The index directory (default: $POLICYQ_INDEX, else ./.policyq-index).", valueName: "dir"))
  var directory: String?

  static let defaultName = ".policyq-index"

  var explicit: URL? { Self.explicit(directory) }

  /// `directory` (a `--index` value), else $POLICYQ_INDEX.
  static func explicit(_ directory: String?) -> URL? {
    if let directory { return URL(fileURLWithPath: directory) }
    if let environment = ProcessInfo.processInfo.environment["POLICYQ_INDEX"], !environment.isEmpty
    {
      return URL(fileURLWithPath: environment)
    }
    return nil
  }

  var forWriting: URL { explicit ?? URL(fileURLWithPath: Self.defaultName) }

  /// The bundled corpus: ./corpus/documents, or the one of this checkout.
  static var bundledCorpus: URL? {
    let candidates = [
      URL(fileURLWithPath: "corpus/documents"),
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
          "corpus/documents"),
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.standardizedFileURL
  }

  /// The cache directory that holds the bundled corpus's index (the temporary directory
  /// when there is no cache directory).
  static func cacheDirectory(for corpus: URL) -> URL {
    CacheDirectory.folder("corpus", for: corpus.path)
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("policyq-corpus-index")
  }
}
