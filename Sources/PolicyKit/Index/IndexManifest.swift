import Foundation

/// `manifest.json` of an index generation: format version, the files indexed (for
/// incremental updates), counts, and a checksum of each index file.
struct IndexManifest: Codable, Sendable {
  static let format = "policyq-index"
  static let version = 5

  struct File: Codable, Sendable {
    var path: String
    var size: Int
    var modified: Double
    var hash: String
    var document: String
  }

  struct Failure: Codable, Sendable {
    var path: String
    var error: String
  }

  var format: String
  var version: Int
  var created: String
  var documentCount: Int
  var unitCount: Int
  var keyCount: Int
  var textBytes: Int
  /// The mean length of units in scalars, for BM25.
  var averageUnitLength: Double
  /// File name → [length, `Checksum.words` of the whole file in hex].
  var checksums: [String: [String]]

  enum CodingKeys: String, CodingKey {
    case format, version, created
    case documentCount = "document_count"
    case unitCount = "unit_count"
    case keyCount = "key_count"
    case textBytes = "text_bytes"
    case averageUnitLength = "average_unit_length"
    case checksums
  }
}

/// `files.json` of an index generation: the files indexed and the ones that failed. Kept
/// apart from the manifest so that opening an index for a query does not read it.
struct IndexFileList: Codable, Sendable {
  var files: [IndexManifest.File]
  var failures: [IndexManifest.Failure]
}
