import Foundation
import PolicyBytes
import PolicyModel

extension UnitsFile {
  /// Reads `units.bin` through a memory map.
  package struct Reader: Sendable {
    private let file: MappedFile
    package var path: String { file.path }
    fileprivate let units: TableBlockChecks
    /// The shape table: length and kind, 4 bytes a unit.
    fileprivate let shapes: TableBlockChecks
    private let documents: TableBlockChecks
    /// Where the records end (the document table starts).
    private let recordsEnd: Int
    /// The stored chunks decompressed last (units are mostly read in order).
    private let chunks = StoredChunkCache()
    /// Decompresses the stored chunks with the file's dictionary.
    private let decompressor: Zstandard.Decompressor
    /// The file's code, which chunks of method `codedZstandard` are decoded with.
    private let code: ScalarCode
    /// The number of documents.
    package let documentCount: Int
    package let unitCount: Int

    /// The unit entries, read from the map on access.
    package var entries: EntryView { EntryView(reader: self) }

    package struct EntryView: RandomAccessCollection {
      package let reader: Reader
      package var startIndex: Int { 0 }
      package var endIndex: Int { reader.unitCount }
      package subscript(position: Int) -> TableEntry { reader.entry(position) }

      /// Unit `index`'s folded length alone (a query scores every unit it matches).
      @inline(__always)
      package func length(of index: Int) -> Int32 {
        lengthAndKindCode(of: index).length
      }

      /// Unit `index`'s folded length and kind code (`SearchUnitKind.code`), from one read
      /// of its row: what a walk that ranks as it goes needs of every unit it finds.
      @inline(__always)
      package func lengthAndKindCode(of index: Int) -> (length: Int32, kindCode: Int) {
        let shape = reader.shape(index)
        return (Int32(truncatingIfNeeded: shape & 0x1_FFFF), Int(shape >> 17 & 3))
      }

      /// Unit `index`'s kind alone (a query keeps the kinds asked for of every unit it
      /// scores).
      @inline(__always)
      package func kind(of index: Int) -> SearchUnitKind {
        SearchUnitKind(code: UInt8(lengthAndKindCode(of: index).kindCode)) ?? .section
      }
    }

    /// Unit `index`'s row of the shape table (zero when its block is damaged).
    @inline(__always)
    fileprivate func shape(_ index: Int) -> UInt32 {
      UInt32(littleEndian: shapes.row(index).loadUnaligned(as: UInt32.self))
    }

    /// The fixed part of unit `index`, its block of the table checked on first use (a row
    /// of a damaged block reads as zeros: `check()` then throws).
    @inline(__always)
    package func entry(_ index: Int) -> TableEntry {
      let row = units.row(index)
      let word = UInt64(littleEndian: row.loadUnaligned(as: UInt64.self))
      let document = Int32(littleEndian: row.loadUnaligned(fromByteOffset: 8, as: Int32.self))
      let length = Int32(truncatingIfNeeded: shape(index) & 0x1_FFFF)
      return TableEntry(
        offset: Int(word & 0xFF_FFFF_FFFF), document: max(0, document), length: length,
        headingLength: Int32(truncatingIfNeeded: word >> 44),
        kind: SearchUnitKind(code: UInt8(truncatingIfNeeded: (word >> 40) & 0xF)) ?? .section)
    }

    /// Throws when a row read so far lay in a damaged block of a table.
    /// - Throws: `IndexError.corrupt` naming the file.
    package func check() throws {
      try units.check()
      try shapes.check()
      try documents.check()
    }

    /// Checks every block of the three tables.
    /// - Throws: `IndexError.corrupt` naming the file.
    package func checkTables() throws {
      try units.checkAll()
      try shapes.checkAll()
      try documents.checkAll()
    }

    package init(path: String) throws {
      file = try MappedFile(path: path)
      let bytes = file.bytes
      let footer = try UnitsFile.frame.footerValues(of: bytes, file: path)
      let (documentTable, documentCount, unitTable, unitCount, shapeTable) = (
        Int(truncatingIfNeeded: footer[0]), Int(truncatingIfNeeded: footer[1]),
        Int(truncatingIfNeeded: footer[2]), Int(truncatingIfNeeded: footer[3]),
        Int(truncatingIfNeeded: footer[4])
      )
      let tablesEnd = bytes.count - UnitsFile.frame.footerSize
      // Each value is bounded by the file's size before any arithmetic (a damaged footer
      // may hold anything).
      guard documentTable >= 8, documentTable <= tablesEnd, documentCount >= 0, unitCount >= 0,
        documentCount < bytes.count, unitCount < bytes.count, unitTable >= 0,
        unitTable <= tablesEnd, shapeTable >= 0, shapeTable <= tablesEnd
      else { throw IndexError.corrupt(file: path, reason: "the tables do not fit the file") }
      let documentChecksums = documentTable + documentCount * UnitsFile.documentRowSize
      let documentBlocks = TableBlockChecks.blockCount(rows: documentCount)
      let unitChecksums = unitTable + unitCount * UnitsFile.unitRowSize
      let unitBlocks = TableBlockChecks.blockCount(rows: unitCount)
      let shapeChecksums = shapeTable + unitCount * UnitsFile.shapeRowSize
      guard unitTable == documentChecksums + documentBlocks * 4,
        shapeTable == unitChecksums + unitBlocks * 4,
        shapeChecksums + unitBlocks * 4 == tablesEnd
      else { throw IndexError.corrupt(file: path, reason: "the tables do not fit the file") }
      let checksums =
        Array(bytes[documentChecksums..<unitTable]) + Array(bytes[unitChecksums..<shapeTable])
        + Array(bytes[shapeChecksums..<tablesEnd])
      guard checksums.withUnsafeBufferPointer({ Checksum.words($0) }) == footer[5] else {
        throw IndexError.corrupt(file: path, reason: "table checksum mismatch")
      }
      let base = UnsafeRawPointer(bytes.baseAddress!)
      documents = TableBlockChecks(
        rows: base + documentTable, rowSize: UnitsFile.documentRowSize, rowCount: documentCount,
        checksums: base + documentChecksums, path: path, what: "the document table")
      units = TableBlockChecks(
        rows: base + unitTable, rowSize: UnitsFile.unitRowSize, rowCount: unitCount,
        checksums: base + unitChecksums, path: path, what: "the unit table")
      shapes = TableBlockChecks(
        rows: base + shapeTable, rowSize: UnitsFile.shapeRowSize, rowCount: unitCount,
        checksums: base + shapeChecksums, path: path, what: "the shape table")
      self.documentCount = documentCount
      self.unitCount = unitCount
      recordsEnd = documentTable
      let records = UnsafeBufferPointer(rebasing: bytes[..<documentTable])
      let codeTable = try Self.recordAndEnd(
        at: 8, in: records, path: path, what: "the code of the stored text")
      guard let code = ScalarCode(serialized: codeTable.bytes) else {
        throw IndexError.corrupt(file: path, reason: "the code of the stored text is not one")
      }
      self.code = code
      let dictionary = try Self.record(
        at: codeTable.end, in: records, path: path, what: "the dictionary of the stored text")
      guard let decompressor = Zstandard.Decompressor(dictionary: dictionary) else {
        throw IndexError.corrupt(
          file: path, reason: "the dictionary of the stored text is refused by libzstd")
      }
      self.decompressor = decompressor
    }

    /// The bytes of the record framed at `offset`, once they match their checksum.
    /// - Throws: `IndexError.corrupt` naming the file and `what` when they lie outside the
    ///   records or do not match.
    private func record(at offset: Int, what: String) throws -> UnsafeBufferPointer<UInt8> {
      try Self.record(
        at: offset, in: UnsafeBufferPointer(rebasing: file.bytes[..<recordsEnd]), path: path,
        what: what)
    }

    /// The bytes of the record framed at `offset` of `records`, once they match their
    /// checksum.
    private static func record(
      at offset: Int, in records: UnsafeBufferPointer<UInt8>, path: String, what: String
    ) throws -> UnsafeBufferPointer<UInt8> {
      try recordAndEnd(at: offset, in: records, path: path, what: what).bytes
    }

    /// The bytes of the record framed at `offset` of `records`, once they match their
    /// checksum, and the offset where the record ends (the next one starts).
    private static func recordAndEnd(
      at offset: Int, in records: UnsafeBufferPointer<UInt8>, path: String, what: String
    ) throws -> (bytes: UnsafeBufferPointer<UInt8>, end: Int) {
      guard offset >= 8, offset <= records.count - 5 else {
        throw IndexError.corrupt(file: path, reason: "\(what) lies outside the records")
      }
      var reader = ByteReader(records, at: offset, file: path)
      let checksum = try reader.uint32()
      let length = try reader.int()
      guard length >= 0, length <= records.count - reader.offset else {
        throw IndexError.corrupt(file: path, reason: "\(what) lies outside the records")
      }
      let bytes = UnsafeBufferPointer(rebasing: records[reader.offset..<(reader.offset + length)])
      guard Checksum.record(bytes) == checksum else {
        throw IndexError.corrupt(file: path, reason: "\(what): checksum mismatch")
      }
      return (bytes, reader.offset + length)
    }

    /// Document `index`, decoded.
    /// - Throws: `IndexError.corrupt` naming the file when its record is damaged.
    package func document(_ index: Int) throws -> IndexedDocument {
      let what = "document \(index)"
      var reader = ByteReader(try documentRecord(index), file: path)
      func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
      func optionalInt(_ value: Int) -> Int? { value == 0 ? nil : value &- 1 }
      let document = IndexedDocument(
        id: try reader.string(), path: try reader.string(), title: try reader.string(),
        documentNumber: optional(try reader.string()), issuer: optional(try reader.string()),
        level: optional(try reader.string()), regionPath: try reader.strings(),
        kind: optional(try reader.string()),
        planKind: optional(try reader.string()), year: optionalInt(try reader.int()),
        periodStart: optionalInt(try reader.int()), periodEnd: optionalInt(try reader.int()),
        fileSize: try reader.int(), modified: Double(bitPattern: try reader.uint64()),
        contentHash: try reader.string())
      guard reader.isAtEnd else {
        throw IndexError.corrupt(file: path, reason: "\(what) is longer than its fields")
      }
      return document
    }

    /// The id of document `index` alone (the first field of its record).
    /// - Throws: `IndexError.corrupt` naming the file when its record is damaged.
    package func documentID(_ index: Int) throws -> String {
      var reader = ByteReader(try documentRecord(index), file: path)
      return try reader.string()
    }

    /// The record of document `index`, checked (its row's block and its own checksum).
    private func documentRecord(_ index: Int) throws -> UnsafeBufferPointer<UInt8> {
      guard index >= 0, index < documentCount else {
        throw IndexError.corrupt(file: path, reason: "no document \(index)")
      }
      let row = documents.row(index)
      try documents.check()
      return try record(
        at: Int(truncatingIfNeeded: UInt64(littleEndian: row.loadUnaligned(as: UInt64.self))),
        what: "document \(index)")
    }

    /// The whole unit `index`; with `withText` false, without its stored part (heading,
    /// path and text, which are decompressed from their chunk): its id, departments and year.
    /// - Throws: `IndexError.corrupt` naming the file when its record or chunk is damaged.
    package func unit(_ index: Int, withText: Bool = true) throws -> SearchUnit {
      guard index >= 0, index < unitCount else {
        throw IndexError.corrupt(file: path, reason: "no unit \(index)")
      }
      let entry = self.entry(index)
      try units.check()
      try shapes.check()
      guard Int(entry.document) < documentCount else {
        throw IndexError.corrupt(file: path, reason: "unit \(index) names no document")
      }
      // The writer cuts longer units in pieces (`UnitPieces`): a longer one is damage.
      guard entry.length >= 0, entry.length <= IndexLimits.unitScalars,
        entry.headingLength >= 0, entry.headingLength <= entry.length
      else {
        throw IndexError.corrupt(
          file: path,
          reason: "unit \(index) has \(entry.length) characters (the limit is "
            + "\(IndexLimits.unitScalars))")
      }
      let bytes = try record(at: entry.offset, what: "unit \(index)")
      var reader = ByteReader(bytes, file: path)
      let idForm = try reader.int()
      var id: String
      switch idForm {
      case 0: id = try reader.string()
      case 1: id = try documentID(Int(entry.document)) + reader.string()
      default:
        guard let suffix = UnitIDSuffix.suffix(form: idForm, number: try reader.int()) else {
          throw IndexError.corrupt(file: path, reason: "unit \(index) has a bad id")
        }
        id = try documentID(Int(entry.document)) + suffix
      }
      let count = try reader.int()
      guard count >= 0, count <= IndexLimits.departmentsPerUnit else {
        throw IndexError.corrupt(file: path, reason: "bad department count")
      }
      var departments: [UnitDepartment] = []
      for _ in 0..<count {
        let name = try reader.string()
        let split = try reader.int()
        let canonical: String
        let prefix: String
        if split == 0 {
          canonical = try reader.string()
          prefix = try reader.string()
        } else {
          let bytes = Array(name.utf8)
          guard split >= 1, split - 1 <= bytes.count else {
            throw IndexError.corrupt(file: path, reason: "unit \(index) has a bad department")
          }
          prefix = String(decoding: bytes[..<(split - 1)], as: UTF8.self)
          canonical = String(decoding: bytes[(split - 1)...], as: UTF8.self)
        }
        let role = try reader.int()
        departments.append(
          UnitDepartment(
            name: name, canonical: canonical, levelPrefix: prefix.isEmpty ? nil : prefix,
            role: ResponsibilityRole.allCases[
              min(max(0, role), ResponsibilityRole.allCases.count - 1)]))
      }
      let year = try reader.int()
      let textStart = try reader.int()
      let line = try reader.int()
      let page = try reader.int()
      let pageLine = try reader.int()
      let storedStart = try reader.int()
      let chunkDistance = try reader.int()
      guard reader.isAtEnd else {
        throw IndexError.corrupt(file: path, reason: "unit \(index) is longer than its fields")
      }
      var fields = UnitFields(
        id: id, kind: entry.kind, heading: "", headingLength: Int(entry.headingLength),
        path: [], departments: departments, year: year == 0 ? nil : year &- 1,
        textStart: textStart, sourceLine: line,
        page: page > 0 ? SourcePage(page: page, line: pageLine) : nil)
      var text = ""
      if withText {
        guard chunkDistance > 0, chunkDistance <= entry.offset else {
          throw IndexError.corrupt(
            file: path, reason: "unit \(index)'s chunk lies outside the file")
        }
        let chunk = try self.chunk(at: entry.offset - chunkDistance, for: index)
        try chunk.withUnsafeBufferPointer { chunk in
          guard storedStart >= 0, storedStart < chunk.count else {
            throw IndexError.corrupt(
              file: path, reason: "unit \(index)'s text lies outside its chunk")
          }
          var stored = ByteReader(chunk, at: storedStart, file: path)
          fields.heading = try stored.string()
          fields.path = try stored.strings()
          text = try stored.string()
        }
      }
      return SearchUnit(fields: fields, document: Int(entry.document), text: text)
    }

    /// The stored chunk at `offset`, decompressed (or as decompressed last time).
    /// - Throws: `IndexError.corrupt` naming the file and `unit` when it is damaged.
    private func chunk(at offset: Int, for unit: Int) throws -> [UInt8] {
      if let known = chunks.bytes(at: offset) { return known }
      let what = "the stored text of unit \(unit)"
      let bytes = try record(at: offset, what: what)
      var reader = ByteReader(bytes, file: path)
      let rawLength = try reader.int()
      guard rawLength >= 0, rawLength <= UnitsFile.chunkBytes + IndexLimits.storedPartBytes else {
        throw IndexError.corrupt(file: path, reason: "\(what) has a bad length")
      }
      let method = UnitsFile.ChunkMethod(rawValue: try reader.byte())
      let stored = UnsafeBufferPointer(rebasing: bytes[reader.offset...])
      let raw: [UInt8]
      switch method {
      case .stored?:
        raw = Array(stored)
      case .zstandard?:
        raw = try decompress(stored, length: rawLength, what: what)
      case .codedZstandard?:
        let codedLength = try reader.int()
        // A byte codes to at most two.
        guard codedLength >= 0, codedLength <= 2 * rawLength else {
          throw IndexError.corrupt(file: path, reason: "\(what) has a bad length")
        }
        let coded = try decompress(
          UnsafeBufferPointer(rebasing: bytes[reader.offset...]), length: codedLength,
          what: what)
        guard
          let decoded = coded.withUnsafeBufferPointer({
            code.decode($0, expectedLength: rawLength)
          })
        else { throw IndexError.corrupt(file: path, reason: "\(what) does not decode") }
        raw = decoded
      case nil:
        throw IndexError.corrupt(file: path, reason: "\(what) has an unknown method")
      }
      guard raw.count == rawLength else {
        throw IndexError.corrupt(file: path, reason: "\(what) does not decompress")
      }
      chunks.keep(raw, at: offset)
      return raw
    }

    /// The Zstandard frame `frame` of `what`, decompressed to `length` bytes.
    private func decompress(_ frame: UnsafeBufferPointer<UInt8>, length: Int, what: String) throws
      -> [UInt8]
    {
      do {
        return try decompressor.decompress(frame, expectedLength: length)
      } catch .noMemory {
        throw IndexError.corrupt(file: path, reason: "no memory to decompress \(what)")
      } catch {
        throw IndexError.corrupt(file: path, reason: "\(what) does not decompress")
      }
    }
  }
}
