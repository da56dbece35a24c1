import Foundation
import PolicyBytes
import PolicyModel

/// The documents and units of an index, in `units.bin`:
///
/// - header `PQUNIT03`;
/// - records, documents' and units', each framed: its `Checksum.record` (4 bytes), its
///   length (a varint), its bytes;
/// - the document table, 8 bytes per document: its record's offset; then one checksum per
///   block of 2,048 rows (`TableBlockChecks`);
/// - the unit table, 16 bytes per unit: its record's offset (40 bits), kind (4 bits) and
///   heading length (20 bits) in one word, its document, its folded length; then the
///   block checksums;
/// - footer: document table offset, document count, unit table offset, unit count,
///   `Checksum.words` of the two arrays of block checksums, `PQUNITND`.
///
/// The arrays of block checksums are checked when the file is opened (4 bytes per 2,048
/// rows); a block of rows when a row in it is first read; a record whenever it is decoded.
/// So a query checks what it reads, and a damaged row or record is an error, never a
/// wrong field.
package enum UnitsFile {
  /// Footer: document table offset, document count, unit table offset, unit count,
  /// checksum of the block checksums.
  package static let frame = IndexFileFrame(
    headerMagic: "PQUNIT03", footerMagic: "PQUNITND", fields: 5, kind: "units")
  static let unitRowSize = 16
  static let documentRowSize = 8
  /// Record offsets are kept in 40 bits: `units.bin` holds at most a terabyte of records.
  static let offsetLimit = 1 << 40

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
    private var documentTable = ByteWriter()
    private var documentCount = 0
    /// The unit table goes to a temporary file as it grows (16 bytes a unit would be the
    /// one part of a build's memory that grows with the corpus); its block checksums stay.
    private let unitTable: BufferedFileWriter
    private var unitBlock = ByteWriter()
    private var unitChecksums = ByteWriter()
    package private(set) var unitCount = 0

    package init(path: String, budget: WriteBudget? = nil) throws {
      file = try BufferedFileWriter(path: path, budget: budget)
      unitTable = try BufferedFileWriter(path: path + ".table.tmp", temporary: true, budget: budget)
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
      documentTable.uint64(UInt64(file.length))
      try writer.bytes.withUnsafeBufferPointer { try writeRecord($0) }
      documentCount += 1
    }

    /// Writes `record` framed: checksum, length, bytes.
    private func writeRecord(_ record: UnsafeBufferPointer<UInt8>) throws {
      guard record.count <= IndexLimits.recordBytes, file.length < UnitsFile.offsetLimit else {
        throw IndexError.unwritable(
          directory: file.path,
          reason: "a record of \(record.count) bytes at \(file.length) (the limits are "
            + "\(IndexLimits.recordBytes) bytes, at most \(UnitsFile.offsetLimit))")
      }
      var frame = ByteWriter()
      frame.uint32(Checksum.record(record))
      frame.varint(record.count)
      try file.write(frame.bytes)
      try file.write(record)
    }

    /// Adds a unit's record (`UnitsFile.appendRecord`) of document `document`.
    func add(
      record: UnsafeBufferPointer<UInt8>, document: Int, kind: SearchUnitKind, foldedLength: Int,
      headingLength: Int
    ) throws {
      guard unitCount < IndexLimits.units, document < IndexLimits.documents,
        foldedLength <= IndexLimits.unitScalars, headingLength <= foldedLength
      else {
        throw IndexError.unwritable(
          directory: file.path, reason: "unit \(unitCount) is beyond the limits of the format")
      }
      let offset = UInt64(file.length)
      try writeRecord(record)
      unitBlock.uint64(offset | UInt64(kind.code) << 40 | UInt64(headingLength) << 44)
      unitBlock.uint32(UInt32(document))
      unitBlock.uint32(UInt32(foldedLength))
      unitCount += 1
      if unitCount % TableBlockChecks.rowsPerBlock == 0 { try flushUnitBlock() }
    }

    private func flushUnitBlock() throws {
      guard !unitBlock.bytes.isEmpty else { return }
      unitBlock.bytes.withUnsafeBufferPointer { unitChecksums.uint32(Checksum.record($0)) }
      try unitTable.write(unitBlock.bytes)
      unitBlock.bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the tables and footer; returns the checksum and length of the file.
    package func finish() throws -> (checksum: UInt64, length: Int) {
      try flushUnitBlock()
      try unitTable.closeTemporary()
      defer { try? FileManager.default.removeItem(atPath: unitTable.path) }
      let documentTableOffset = file.length
      let documentChecksums = documentTable.bytes.withUnsafeBufferPointer {
        TableBlockChecks.checksums(of: $0, rowSize: UnitsFile.documentRowSize)
      }
      try file.write(documentTable.bytes)
      try file.write(documentChecksums)
      let unitTableOffset = file.length
      try file.appendContents(ofFile: unitTable.path)
      try file.write(unitChecksums.bytes)
      let checksum = (documentChecksums + unitChecksums.bytes).withUnsafeBufferPointer {
        Checksum.words($0)
      }
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

}
