import Foundation
import PolicyBytes
import PolicyModel

/// The documents and units of an index, in `units.bin`: records, then a document table
/// and a unit table (offset, document, length, heading length, kind) that can be read
/// without decoding the records, then a footer.
package enum UnitsFile {
  /// Footer: document table offset, document count, unit table offset, unit count,
  /// checksum of the tables.
  package static let frame = IndexFileFrame(
    headerMagic: "PQUNIT01", footerMagic: "PQUNITND", fields: 5, kind: "units")
  static let unitEntrySize = 24

  /// A row of the unit table: where a unit's record is and the fixed fields a query
  /// reads without decoding it (a row of the file's layout, not a unit).
  package struct TableEntry: Sendable {
    package var offset: Int
    package var document: Int32
    /// Scalars of the folded text.
    package var length: Int32
    package var headingLength: Int32
    package var kind: SearchUnitKind
  }

  final class Writer {
    private let file: BufferedFileWriter
    private var documentOffsets: [Int] = []
    private var unitTable = ByteWriter()
    package private(set) var unitCount = 0

    package init(path: String) throws {
      file = try BufferedFileWriter(path: path)
      try file.write(Array(UnitsFile.frame.headerMagic.utf8))
    }

    func add(_ document: IndexedDocument) throws {
      documentOffsets.append(file.length)
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
      try file.write(writer.bytes)
    }

    /// Adds a unit's record (`UnitsFile.appendRecord`) of document `document`.
    func add(
      record: UnsafeBufferPointer<UInt8>, document: Int, kind: SearchUnitKind, foldedLength: Int,
      headingLength: Int
    ) throws {
      unitTable.uint64(UInt64(file.length))
      unitTable.uint32(UInt32(document))
      unitTable.uint32(UInt32(foldedLength))
      unitTable.uint32(UInt32(headingLength))
      unitTable.bytes.append(contentsOf: [kind.code, 0, 0, 0])
      try file.write(record)
      unitCount += 1
    }

    /// Writes the tables and footer; returns the checksum and length of the file.
    package func finish() throws -> (checksum: UInt64, length: Int) {
      var tables = ByteWriter()
      for offset in documentOffsets { tables.uint64(UInt64(offset)) }
      let documentTable = file.length
      let unitTableOffset = documentTable + tables.bytes.count
      tables.bytes.append(contentsOf: unitTable.bytes)
      let checksum = tables.bytes.withUnsafeBufferPointer { Checksum.words($0) }
      try file.write(tables.bytes)
      try file.write(
        UnitsFile.frame.footer([
          UInt64(documentTable), UInt64(documentOffsets.count), UInt64(unitTableOffset),
          UInt64(unitCount), checksum,
        ]))
      let length = file.length
      return (try file.close(), length)
    }
  }

  /// Appends the record of `unit` to `writer`: its fields, then its text, `textLength`
  /// bytes that `text` appends.
  static func appendRecord(
    of unit: UnitFields, textLength: Int, to writer: inout ByteWriter,
    text: (inout ByteWriter) -> Void
  ) {
    writer.string(unit.id)
    writer.string(unit.heading)
    writer.strings(unit.path)
    writer.varint(unit.departments.count)
    for department in unit.departments {
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
    private let documentCount: Int

    /// The documents, decoded on access.
    package var documents: DocumentView { DocumentView(reader: self) }

    package struct DocumentView: RandomAccessCollection {
      package let reader: Reader
      package var startIndex: Int { 0 }
      package var endIndex: Int { reader.documentCount }
      package subscript(position: Int) -> IndexedDocument { reader.document(position) }
    }

    /// Document `index`; a damaged record reads as a document named "(damaged)".
    package func document(_ index: Int) -> IndexedDocument {
      let bytes = file.bytes
      var reader = ByteReader(bytes, at: documentTable + index * 8, file: path)
      guard let offset = try? reader.uint64(), offset < UInt64(documentTable),
        let document = try? Self.document(bytes, at: Int(offset), file: path)
      else {
        return IndexedDocument(
          id: "(damaged)", path: path, title: "(damaged)", documentNumber: nil, issuer: nil,
          level: nil,
          regionPath: [], kind: nil, planKind: nil, year: nil, periodStart: nil, periodEnd: nil,
          fileSize: 0, modified: 0, contentHash: "")
      }
      return document
    }

    /// The unit entries, read from the map on access.
    package var entries: EntryView { EntryView(reader: self) }

    package struct EntryView: RandomAccessCollection {
      package let reader: Reader
      package var startIndex: Int { 0 }
      package var endIndex: Int { reader.table.count }
      package subscript(position: Int) -> TableEntry { reader.entry(position) }
    }

    /// The unit table inside the map: 24 bytes per unit.
    package struct EntryTable {
      package let offset: Int
      package let count: Int
      let recordsEnd: Int
    }

    package var unitCount: Int { table.count }

    /// The fixed part of unit `index`.
    @inline(__always)
    package func entry(_ index: Int) -> TableEntry {
      let base =
        UnsafeRawPointer(file.bytes.baseAddress!) + table.offset + index * UnitsFile.unitEntrySize
      let offset = base.loadUnaligned(as: UInt64.self)
      let document = base.loadUnaligned(fromByteOffset: 8, as: Int32.self)
      let length = base.loadUnaligned(fromByteOffset: 12, as: Int32.self)
      let heading = base.loadUnaligned(fromByteOffset: 16, as: Int32.self)
      let code = base.loadUnaligned(fromByteOffset: 20, as: UInt8.self)
      return TableEntry(
        offset: Int(min(offset, UInt64(table.recordsEnd))), document: max(0, document),
        length: length, headingLength: heading,
        kind: SearchUnitKind(code: code) ?? .section)
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
        unitTable == documentTable + documentCount * 8,
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

    private static func document(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, file: String)
      throws -> IndexedDocument
    {
      var reader = ByteReader(bytes, at: offset, file: file)
      func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
      func optionalInt(_ value: Int) -> Int? { value == 0 ? nil : value - 1 }
      return IndexedDocument(
        id: try reader.string(), path: try reader.string(), title: try reader.string(),
        documentNumber: optional(try reader.string()), issuer: optional(try reader.string()),
        level: optional(try reader.string()), regionPath: try reader.strings(),
        kind: optional(try reader.string()),
        planKind: optional(try reader.string()), year: optionalInt(try reader.int()),
        periodStart: optionalInt(try reader.int()), periodEnd: optionalInt(try reader.int()),
        fileSize: try reader.int(), modified: Double(bitPattern: try reader.uint64()),
        contentHash: try reader.string())
    }

    /// The whole unit `index`; with `withText` false, everything but its text.
    package func unit(_ index: Int, withText: Bool = true) throws -> SearchUnit {
      guard index >= 0, index < table.count else {
        throw IndexError.corrupt(file: path, reason: "no unit \(index)")
      }
      let entry = self.entry(index)
      guard Int(entry.document) < documentCount else {
        throw IndexError.corrupt(file: path, reason: "unit \(index) names no document")
      }
      var reader = ByteReader(file.bytes, at: entry.offset, file: path)
      let id = try reader.string()
      let heading = try reader.string()
      let unitPath = try reader.strings()
      let count = try reader.int()
      guard count >= 0, count < 10_000 else {
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
      return SearchUnit(
        fields: UnitFields(
          id: id, kind: entry.kind, heading: heading, headingLength: Int(entry.headingLength),
          path: unitPath, departments: departments, year: year == 0 ? nil : year - 1,
          textStart: textStart, sourceLine: line),
        document: Int(entry.document), text: text)
    }
  }
}
