import Foundation
import PolicyBytes
import PolicyExtraction
import PolicyReaders
import PolicyText

extension IndexBuilder {
  /// One file made ready for writing: its document and units (parsed, or reused from the
  /// previous index when unchanged) encoded with their folded scalars, or why it failed.
  struct PreparedFile: Sendable {
    var path: String
    var size = 0
    var modified = 0.0
    var document: IndexedDocument?
    var units = EncodedUnits()
    var reused = false
    var failure: String?
    /// What was cut to the limits of the format, one line each naming the file.
    var warnings: [String] = []
  }

  /// Reads `path`, or takes it from the previous index when it is unchanged: in size and
  /// modification time (and, with `rehash`, in content), or in content. A unit of the
  /// previous index that no longer reads back (damaged) is never carried forward: the
  /// file is parsed again.
  func prepare(_ path: String, reusing reuse: Reuse) -> PreparedFile {
    var file = PreparedFile(path: path)
    let status = FileStatus(path: path)
    file.size = status?.size ?? 0
    file.modified = status?.modified ?? 0
    let old = reuse.byPath[path]
    let previous = old.flatMap { reuse.documents[$0] }
    do {
      if !rehash, let old, let previous, previous.fileSize == file.size,
        previous.modified == file.modified, reuse.reusedUnits(of: old, into: &file.units)
      {
        file.document = previous
        file.reused = true
        return file
      }
      let bytes = try DocumentReader.bytes(ofFile: path)
      // Four lanes (`Checksum.words`), several times faster than FNV-1a's one byte at a time.
      let hash = bytes.withUnsafeBufferPointer { Checksum.hex(Checksum.words($0)) }
      if let old, let previous, previous.contentHash == hash,
        reuse.reusedUnits(of: old, into: &file.units)
      {
        file.document = previous
        file.document?.modified = file.modified
        file.reused = true
        return file
      }
      let format = SourceFormat(path: path)
      let parsedDocument = parser.parse(try reader.read(bytes: bytes, path: path, format: format))
      file.document = UnitBuilder.indexedDocument(
        parsedDocument, fileSize: file.size, modified: file.modified, contentHash: hash)
      file.units.reserve(textBytes: parsedDocument.text.utf8.count)
      let (drafts, warnings) = UnitBuilder.indexedUnits(of: parsedDocument, path: path)
      file.warnings = warnings
      let documentID = file.document?.id ?? ""
      for unit in drafts {
        file.units.append(unit, of: parsedDocument.text, documentID: documentID)
      }
      file.units.closeChunk()
      if let problem = Self.unitBeyondLimits(file.units) {
        throw IndexError.unwritable(directory: path, reason: problem)
      }
    } catch {
      file.document = nil
      file.units = EncodedUnits()
      file.warnings = []
      file.failure =
        if case .unwritable(let named, let reason) = error as? IndexError, named == path {
          "\(path): error: \(reason)"
        } else {
          "\(error)"
        }
    }
    return file
  }

  /// Why one of `units` cannot be written (`IndexLimits`), if one cannot.
  private static func unitBeyondLimits(_ units: EncodedUnits) -> String? {
    var recordStart = 0
    var foldedStart = 0
    for extent in units.extents {
      if extent.recordEnd - recordStart > IndexLimits.recordBytes
        || extent.storedBytes > IndexLimits.storedPartBytes
      {
        return "a unit of \(max(extent.recordEnd - recordStart, extent.storedBytes)) bytes is "
          + "more than the index holds (\(IndexLimits.storedPartBytes) of text, heading and path)"
      }
      if extent.foldedEnd - foldedStart > IndexLimits.unitScalars {
        return "a unit of \(extent.foldedEnd - foldedStart) characters is more than the index "
          + "holds (\(IndexLimits.unitScalars))"
      }
      recordStart = extent.recordEnd
      foldedStart = extent.foldedEnd
    }
    return nil
  }
}

extension IndexBuilder.Reuse {
  /// Appends the units of previous document `old` to `units`; false (with `units` left
  /// empty) when one of them does not read back.
  func reusedUnits(of old: Int, into units: inout EncodedUnits) -> Bool {
    guard let index, let range = self.units[old] else { return false }
    do {
      let documentID = try index.document(old).id
      for unit in range { units.append(try index.units.unit(unit), documentID: documentID) }
      units.closeChunk()
      return true
    } catch {
      units = EncodedUnits()
      return false
    }
  }
}
