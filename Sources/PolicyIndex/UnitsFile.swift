import Foundation
import PolicyBytes
import PolicyModel

/// The documents and units of an index, in `units.bin`: records, then a document table
/// (per document: its record's offset, length and checksum) and a unit table (per unit:
/// its record's offset, its document, folded length, heading length and kind, its
/// record's length and checksum) that can be read without decoding the records, then a
/// footer. The tables are checked as a whole when the file is opened; each record is
/// checked against its checksum whenever it is decoded, so a damaged record is an error,
/// never a wrong field.
package enum UnitsFile {
  /// Footer: document table offset, document count, unit table offset, unit count,
  /// checksum of the tables.
  package static let frame = IndexFileFrame(
    headerMagic: "PQUNIT02", footerMagic: "PQUNITND", fields: 5, kind: "units")
  static let unitEntrySize = 32
  static let documentEntrySize = 16

  /// A row of the unit table: where a unit's record is and the fixed fields a query
  /// reads without decoding it (a row of the file's layout, not a unit).
  package struct TableEntry: Sendable {
    package var offset: Int
    package var document: Int32
    /// Scalars of the folded text.
    package var length: Int32
    package var headingLength: Int32
    package var kind: SearchUnitKind
    /// Bytes of the unit's record.
    package var recordLength: Int
    /// `Checksum.record` of the unit's record.
    package var checksum: UInt32
  }

  final class Writer {
    private let file: BufferedFileWriter
    private var documentTable = ByteWriter()
    private var documentCount = 0
    private var unitTable = ByteWriter()
    package private(set) var unitCount = 0

    package init(path: String, budget: WriteBudget? = nil) throws {
      file = try BufferedFileWriter(path: path, budget: budget)
      try file.write(Array(UnitsFile.frame.headerMagic.utf8))
    }

    func add(_ document: IndexedDocument) throws {
      var writer = ByteWriter()
      writer.string(document.id)
      writer.string(document.path)
      writer.string(document.title)
      writer.string(document.documentNumber ?? "")
      writer.string(document.issuer ?? "")
      writer.string(document.level ?? "")
      writer.strings(document.regionPath)
      writer.string(document.kind ?? "")
      writer.string(document.planKind ?? "")
      writer.varint((document.year ?? -1) + 1)
      writer.varint((document.periodStart ?? -1) + 1)
      writer.varint((document.periodEnd ?? -1) + 1)
      writer.varint(document.fileSize)
      writer.uint64(document.modified.bitPattern)
      writer.string(document.contentHash)
      try writeEntry(of: writer.bytes, to: &documentTable)
      documentCount += 1
    }

    /// Writes `record` and appends its offset, length and checksum to `table`.
    private func writeEntry(of record: [UInt8], to table: inout ByteWriter) throws {
      try record.withUnsafeBufferPointer { record in
        try checkLength(record)
        table.uint64(UInt64(file.length))
        table.uint32(UInt32(record.count))
        table.uint32(Checksum.record(record))
        try file.write(record)
      }
    }

    private func checkLength(_ record: UnsafeBufferPointer<UInt8>) throws {
      guard record.count <= IndexLimits.recordBytes else {
        throw IndexError.unwritable(
          directory: file.path,
          reason: "a record of \(record.count) bytes (the limit is \(IndexLimits.recordBytes))")
      }
    }

    /// Adds a unit's record (`UnitsFile.appendRecord`) of document `document`.
    func add(
      record: UnsafeBufferPointer<UInt8>, document: Int, kind: SearchUnitKind, foldedLength: Int,
      headingLength: Int
    ) throws {
      try checkLength(record)
      guard unitCount < IndexLimits.units, document < IndexLimits.documents,
        foldedLength <= IndexLimits.unitScalars, headingLength <= foldedLength
      else {
        throw IndexError.unwritable(
          directory: file.path, reason: "unit \(unitCount) is beyond the limits of the format")
      }
      unitTable.uint64(UInt64(file.length))
      unitTable.uint32(UInt32(document))
      unitTable.uint32(UInt32(foldedLength))
      unitTable.uint32(UInt32(headingLength))
      unitTable.bytes.append(contentsOf: [kind.code, 0, 0, 0])
      unitTable.uint32(UInt32(record.count))
      unitTable.uint32(Checksum.record(record))
      try file.write(record)
      unitCount += 1
    }

    /// Writes the tables and footer; returns the checksum and length of the file.
    package func finish() throws -> (checksum: UInt64, length: Int) {
      var tables = documentTable
      let documentTableOffset = file.length
      let unitTableOffset = documentTableOffset + tables.bytes.count
      tables.bytes.append(contentsOf: unitTable.bytes)
      let checksum = tables.bytes.withUnsafeBufferPointer { Checksum.words($0) }
      try file.write(tables.bytes)
      try file.write(
        UnitsFile.frame.footer([
          UInt64(documentTableOffset), UInt64(documentCount), UInt64(unitTableOffset),
          UInt64(unitCount), checksum,
        ]))
      let length = file.length
      return (try file.close(), length)
    }
  }

  /// Appends the record of `unit` to `writer`: its fields, then its text, `textLength`
  /// bytes that `text` appends. Departments beyond `IndexLimits.departmentsPerUnit` are
  /// left out (`IndexBuilder` warns of them first).
  static func appendRecord(
    of unit: UnitFields, textLength: Int, to writer: inout ByteWriter,
    text: (inout ByteWriter) -> Void
  ) {
    writer.string(unit.id)
    writer.string(unit.heading)
    writer.strings(unit.path)
    let departments = unit.departments.prefix(IndexLimits.departmentsPerUnit)
    writer.varint(departments.count)
    for department in departments {
      writer.string(department.name)
      writer.string(department.canonical)
      writer.string(department.levelPrefix ?? "")
      writer.varint(ResponsibilityRole.allCases.firstIndex(of: department.role) ?? 1)
    }
    writer.varint((unit.year ?? -1) + 1)
    writer.varint(unit.textStart)
    writer.varint(unit.sourceLine)
    writer.varint(textLength)
    text(&writer)
  }

  /// Reads `units.bin` through a memory map.
  package struct Reader: Sendable {
    private let file: MappedFile
    package var path: String { file.path }
    package let table: EntryTable
    private let documentTable: Int
    /// The number of documents.
    package let documentCount: Int

    /// The unit table inside the map: `unitEntrySize` bytes per unit.
    package struct EntryTable {
      package let offset: Int
      package let count: Int
      let recordsEnd: Int
    }

    package var unitCount: Int { table.count }

    /// The unit entries, read from the map on access.
    package var entries: EntryView { EntryView(reader: self) }

    package struct EntryView: RandomAccessCollection {
      package let reader: Reader
      package var startIndex: Int { 0 }
      package var endIndex: Int { reader.table.count }
      package subscript(position: Int) -> TableEntry { reader.entry(position) }
    }

    /// The fixed part of unit `index` (the table was checked when the file was opened).
    @inline(__always)
    package func entry(_ index: Int) -> TableEntry {
      let base =
        UnsafeRawPointer(file.bytes.baseAddress!) + table.offset + index * UnitsFile.unitEntrySize
      let offset = base.loadUnaligned(as: UInt64.self)
      let document = base.loadUnaligned(fromByteOffset: 8, as: Int32.self)
      let length = base.loadUnaligned(fromByteOffset: 12, as: Int32.self)
      let heading = base.loadUnaligned(fromByteOffset: 16, as: Int32.self)
      let code = base.loadUnaligned(fromByteOffset: 20, as: UInt8.self)
      let recordLength = base.loadUnaligned(fromByteOffset: 24, as: UInt32.self)
      let checksum = base.loadUnaligned(fromByteOffset: 28, as: UInt32.self)
      return TableEntry(
        offset: Int(min(offset, UInt64(table.recordsEnd))), document: max(0, document),
        length: length, headingLength: heading,
        kind: SearchUnitKind(code: code) ?? .section, recordLength: Int(recordLength),
        checksum: checksum)
    }

    package init(path: String) throws {
      file = try MappedFile(path: path)
      let bytes = file.bytes
      let footer = try UnitsFile.frame.footerValues(of: bytes, file: path)
      let (documentTable, documentCount, unitTable, unitCount) = (
        Int(truncatingIfNeeded: footer[0]), Int(truncatingIfNeeded: footer[1]),
        Int(truncatingIfNeeded: footer[2]), Int(truncatingIfNeeded: footer[3])
      )
      let tablesEnd = bytes.count - UnitsFile.frame.footerSize
      // Each value is bounded by the file's size before any arithmetic (a damaged footer may hold anything).
      guard documentTable >= 8, documentTable <= tablesEnd, documentCount >= 0, unitCount >= 0,
        documentCount < bytes.count,
        unitCount < bytes.count,
        unitTable == documentTable + documentCount * UnitsFile.documentEntrySize,
        unitTable + unitCount * UnitsFile.unitEntrySize == tablesEnd
      else { throw IndexError.corrupt(file: path, reason: "the tables do not fit the file") }
      guard
        Checksum.words(UnsafeBufferPointer(rebasing: bytes[documentTable..<tablesEnd])) == footer[4]
      else {
        throw IndexError.corrupt(file: path, reason: "table checksum mismatch")
      }
      self.documentTable = documentTable
      self.documentCount = documentCount
      table = EntryTable(offset: unitTable, count: unitCount, recordsEnd: documentTable)
    }

    /// The bytes of the record at `offset`, `length` long, once they match `checksum`.
    /// - Throws: `IndexError.corrupt` naming the file and `what` when they lie outside the
    ///   records or do not match.
    private func record(at offset: Int, length: Int, checksum: UInt32, what: String) throws
      -> UnsafeBufferPointer<UInt8>
    {
      guard offset >= 8, length >= 0, offset <= documentTable - length else {
        throw IndexError.corrupt(file: path, reason: "\(what) lies outside the records")
      }
      let bytes = UnsafeBufferPointer(rebasing: file.bytes[offset..<(offset + length)])
      guard Checksum.record(bytes) == checksum else {
        throw IndexError.corrupt(file: path, reason: "\(what): checksum mismatch")
      }
      return bytes
    }

    /// Document `index`, decoded.
    /// - Throws: `IndexError.corrupt` naming the file when its record is damaged.
    package func document(_ index: Int) throws -> IndexedDocument {
      guard index >= 0, index < documentCount else {
        throw IndexError.corrupt(file: path, reason: "no document \(index)")
      }
      let base =
        UnsafeRawPointer(file.bytes.baseAddress!) + documentTable + index
        * UnitsFile.documentEntrySize
      let what = "document \(index)"
      let bytes = try record(
        at: Int(truncatingIfNeeded: base.loadUnaligned(as: UInt64.self)),
        length: Int(base.loadUnaligned(fromByteOffset: 8, as: UInt32.self)),
        checksum: base.loadUnaligned(fromByteOffset: 12, as: UInt32.self), what: what)
      var reader = ByteReader(bytes, file: path)
      func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
      func optionalInt(_ value: Int) -> Int? { value == 0 ? nil : value - 1 }
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

    /// The whole unit `index`; with `withText` false, everything but its text.
    /// - Throws: `IndexError.corrupt` naming the file when its record is damaged.
    package func unit(_ index: Int, withText: Bool = true) throws -> SearchUnit {
      guard index >= 0, index < table.count else {
        throw IndexError.corrupt(file: path, reason: "no unit \(index)")
      }
      let entry = self.entry(index)
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
      let bytes = try record(
        at: entry.offset, length: entry.recordLength, checksum: entry.checksum,
        what: "unit \(index)")
      var reader = ByteReader(bytes, file: path)
      let id = try reader.string()
      let heading = try reader.string()
      let unitPath = try reader.strings()
      let count = try reader.int()
      guard count >= 0, count <= IndexLimits.departmentsPerUnit else {
        throw IndexError.corrupt(file: path, reason: "bad department count")
      }
      var departments: [UnitDepartment] = []
      for _ in 0..<count {
        let name = try reader.string()
        let canonical = try reader.string()
        let prefix = try reader.string()
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
      let text = withText ? try reader.string() : ""
      guard !withText || reader.isAtEnd else {
        throw IndexError.corrupt(file: path, reason: "unit \(index) is longer than its fields")
      }
      return SearchUnit(
        fields: UnitFields(
          id: id, kind: entry.kind, heading: heading, headingLength: Int(entry.headingLength),
          path: unitPath, departments: departments, year: year == 0 ? nil : year - 1,
          textStart: textStart, sourceLine: line),
        document: Int(entry.document), text: text)
    }
  }
}
