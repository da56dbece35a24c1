import Foundation
import PolicyBytes

/// `manifest.json` of an index generation: format version, the files indexed (for
/// incremental updates), counts, and a checksum of each index file.
package struct IndexManifest: Codable, Sendable {
  package static let format = "policyq-index"
  package static let version = 14

  package struct File: Codable, Sendable {
    package var path: String
    package var size: Int
    package var modified: Double
    package var hash: String
    package var document: String
    package init(path: String, size: Int, modified: Double, hash: String, document: String) {

      self.path = path

      self.size = size

      self.modified = modified

      self.hash = hash

      self.document = document

    }
  }

  package struct Failure: Codable, Sendable {
    package var path: String
    package var error: String
    package init(path: String, error: String) {

      self.path = path

      self.error = error

    }
  }

  package var format: String
  package var version: Int
  package var created: String
  package var documentCount: Int
  package var unitCount: Int
  package var keyCount: Int
  package var textBytes: Int
  /// The mean length of units in scalars, for BM25.
  package var averageUnitLength: Double
  /// File name → [length, `Checksum.words` of the whole file in hex].
  package var checksums: [String: [String]]

  package enum CodingKeys: String, CodingKey {
    case format, version, created
    case documentCount = "document_count"
    case unitCount = "unit_count"
    case keyCount = "key_count"
    case textBytes = "text_bytes"
    case averageUnitLength = "average_unit_length"
    case checksums
  }
  package init(
    format: String, version: Int, created: String, documentCount: Int, unitCount: Int,
    keyCount: Int, textBytes: Int, averageUnitLength: Double, checksums: [String: [String]]
  ) {
    self.format = format
    self.version = version
    self.created = created
    self.documentCount = documentCount
    self.unitCount = unitCount
    self.keyCount = keyCount
    self.textBytes = textBytes
    self.averageUnitLength = averageUnitLength
    self.checksums = checksums
  }
}

extension IndexManifest {
  /// Reads `manifest.json` as `JSONEncoder` wrote it (see `JSONValue` for why not with
  /// `JSONDecoder`); nil when a field is missing or of the wrong type.
  package init?(json bytes: [UInt8]) {
    guard let value = try? JSONValue(parsing: bytes), let format = value["format"]?.string,
      let version = value["version"]?.integer, let created = value["created"]?.string,
      let documentCount = value["document_count"]?.integer,
      let unitCount = value["unit_count"]?.integer,
      let keyCount = value["key_count"]?.integer, let textBytes = value["text_bytes"]?.integer,
      let averageUnitLength = value["average_unit_length"]?.number,
      case .object(let files)? = value["checksums"]
    else { return nil }
    var checksums: [String: [String]] = [:]
    for (name, entry) in files {
      guard case .array(let fields) = entry else { return nil }
      let texts = fields.compactMap(\.string)
      guard texts.count == fields.count else { return nil }
      checksums[name] = texts
    }
    self.init(
      format: format, version: version, created: created, documentCount: documentCount,
      unitCount: unitCount,
      keyCount: keyCount, textBytes: textBytes, averageUnitLength: averageUnitLength,
      checksums: checksums)
  }
}

/// `files.json.zst` of an index generation: the files indexed and the ones that failed. Kept
/// apart from the manifest so that opening an index for a query does not read it.
package struct IndexFileList: Codable, Sendable {
  package var files: [IndexManifest.File]
  package var failures: [IndexManifest.Failure]
  package init(files: [IndexManifest.File], failures: [IndexManifest.Failure]) {
    self.files = files
    self.failures = failures
  }
}

extension IndexFileList {
  /// Reads `files.json.zst` as `JSONEncoder` wrote it (as `IndexManifest(json:)`: the default
  /// index checks it before every search); nil when a field is missing or mistyped.
  package init?(json bytes: [UInt8]) {
    guard let value = try? JSONValue(parsing: bytes), case .array(let files)? = value["files"],
      case .array(let failures)? = value["failures"]
    else { return nil }
    var readFiles: [IndexManifest.File] = []
    readFiles.reserveCapacity(files.count)
    for file in files {
      guard let path = file["path"]?.string, let size = file["size"]?.integer,
        let modified = file["modified"]?.number,
        let hash = file["hash"]?.string, let document = file["document"]?.string
      else { return nil }
      readFiles.append(
        IndexManifest.File(
          path: path, size: size, modified: modified, hash: hash, document: document))
    }
    var readFailures: [IndexManifest.Failure] = []
    for failure in failures {
      guard let path = failure["path"]?.string, let error = failure["error"]?.string else {
        return nil
      }
      readFailures.append(IndexManifest.Failure(path: path, error: error))
    }
    self.init(files: readFiles, failures: readFailures)
  }
}
