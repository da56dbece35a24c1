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

extension IndexManifest {
  /// Reads `manifest.json` as `JSONEncoder` wrote it (see `JSONValue` for why not with
  /// `JSONDecoder`); nil when a field is missing or of the wrong type.
  init?(json bytes: [UInt8]) {
    guard let value = try? JSONValue(parsing: bytes), let format = value["format"]?.string,
      let version = value["version"]?.integer, let created = value["created"]?.string,
      let documentCount = value["document_count"]?.integer, let unitCount = value["unit_count"]?.integer,
      let keyCount = value["key_count"]?.integer, let textBytes = value["text_bytes"]?.integer,
      let averageUnitLength = value["average_unit_length"]?.number, case .object(let files)? = value["checksums"]
    else { return nil }
    var checksums: [String: [String]] = [:]
    for (name, entry) in files {
      guard case .array(let fields) = entry else { return nil }
      let texts = fields.compactMap(\.string)
      guard texts.count == fields.count else { return nil }
      checksums[name] = texts
    }
    self.init(
      format: format, version: version, created: created, documentCount: documentCount, unitCount: unitCount,
      keyCount: keyCount, textBytes: textBytes, averageUnitLength: averageUnitLength, checksums: checksums)
  }
}

/// `files.json` of an index generation: the files indexed and the ones that failed. Kept
/// apart from the manifest so that opening an index for a query does not read it.
struct IndexFileList: Codable, Sendable {
  var files: [IndexManifest.File]
  var failures: [IndexManifest.Failure]
}
