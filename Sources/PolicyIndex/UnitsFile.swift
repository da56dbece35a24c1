import Foundation
import PolicyBytes
import PolicyModel

/// The documents and units of an index, in `units.bin`:
///
/// - header `PQUNIT07`;
/// - the code of the stored text, framed as a record (empty: none): the characters of the
///   first documents' stored parts in the order of how often they occur there
///   (`ScalarCode`);
/// - the dictionary of the stored text, framed as a record (empty: none): a Zstandard
///   dictionary trained on the same stored parts, coded (`StoredTextCompression`);
/// - records, each framed: its `Checksum.record` (4 bytes), its length (a varint), its
///   bytes. Per document: its record, then its stored chunks, then its units' records. A
///   stored chunk holds the stored parts (heading, path, text) of several units of the
///   document: its length before compression (a varint), its method (a byte: 2 a
///   Zstandard frame made with the file's dictionary of the parts coded with the file's
///   code, the coded length first as a varint; 1 such a frame of the parts as they are; 0
///   as they are, should libzstd have failed), then its bytes. A
///   unit's record holds the fields filters read (its id, departments, year, where it
///   starts in the text and the source, and for a PDF or OFD its page and the line on it)
///   and where its stored part lies: its start in the decompressed chunk and how far
///   before the unit's record the chunk's record starts;
/// - the document table, 8 bytes per document: its record's offset; then one checksum per
///   block of 2,048 rows (`TableBlockChecks`);
/// - the unit table, 12 bytes per unit: its record's offset (40 bits), kind (4 bits) and
///   heading length (20 bits) in one word, then its document; then the block checksums;
/// - the shape table, 4 bytes per unit, what a query reads of every unit it scores: its
///   folded length (17 bits) and kind (2 bits); then the block checksums. A frequent
///   term's query checks a quarter of the bytes it would check in the unit table;
/// - footer: document table offset, document count, unit table offset, unit count, shape
///   table offset, `Checksum.words` of the three arrays of block checksums, `PQUNITND`.
///
/// The arrays of block checksums (4 bytes per 2,048 rows), the code and the dictionary are
/// checked when the file is opened; a block of rows when a row in it is first read; a
/// record or chunk whenever it is decoded. So a query checks what it reads, and a damaged row,
/// record or chunk is an error, never a wrong field.
package enum UnitsFile {
  /// Footer: document table offset, document count, unit table offset, unit count, shape
  /// table offset, checksum of the block checksums.
  package static let frame = IndexFileFrame(
    headerMagic: "PQUNIT07", footerMagic: "PQUNITND", fields: 6, kind: "units")
  static let unitRowSize = 12
  static let shapeRowSize = 4
  static let documentRowSize = 8

  /// A unit's row of the shape table: its folded length (at most `IndexLimits.unitScalars`,
  /// 17 bits) and its kind's code (2 bits).
  static func shape(length: Int, kind: SearchUnitKind) -> UInt32 {
    UInt32(length) | UInt32(kind.code & 3) << 17
  }
  /// Record offsets are kept in 40 bits: `units.bin` holds at most a terabyte of records.
  static let offsetLimit = 1 << 40
  /// Stored parts are gathered into a chunk until it holds this many bytes or more: a new
  /// chunk starts when the one being filled has reached it (a unit's stored part is never
  /// split, so a chunk may hold up to `IndexLimits.storedPartBytes` more).
  static let chunkBytes = 64 * 1024
  /// The Zstandard level of stored chunks: with a code and a dictionary trained on the
  /// first megabyte, level 3 takes the stored text of corpus-real to 0.23 of its size
  /// (0.28 with the dictionary alone), faster than raw deflate took it to 0.35 at level 1.
  static let compressionLevel: Int32 = 3
  /// How a stored chunk's bytes are kept (the byte after its length).
  enum ChunkMethod: UInt8 {
    /// As they are.
    case stored = 0
    /// A Zstandard frame made with the file's dictionary.
    case zstandard = 1
    /// The coded length (a varint), then a Zstandard frame of the bytes coded with the
    /// file's `ScalarCode`, made with the file's dictionary.
    case codedZstandard = 2
  }

  /// The stored parts of some units of one document: as they are until compressed (and
  /// so, should libzstd fail for want of memory).
  package struct StoredChunk: Sendable {
    /// Bytes before compressing.
    package var rawLength: Int
    /// How `bytes` are kept.
    var method = ChunkMethod.stored
    /// Bytes coded, before Zstandard (0 unless `method` is `codedZstandard`).
    var codedLength = 0
    package var bytes: [UInt8]

    /// Whether `bytes` are a Zstandard frame.
    package var isCompressed: Bool { method != .stored }

    /// `raw`, not yet compressed.
    init(raw: [UInt8]) {
      rawLength = raw.count
      bytes = raw
    }

    /// Codes and compresses the bytes with `codec` unless they are already.
    mutating func compress(with codec: StoredTextCompression.Codec) {
      guard !isCompressed else { return }
      if let encoder = codec.encoder {
        var coded: [UInt8] = []
        bytes.withUnsafeBufferPointer { encoder.encode($0, to: &coded) }
        guard let frame = coded.withUnsafeBufferPointer({ codec.compressor.compress($0) })
        else { return }
        (bytes, codedLength, method) = (frame, coded.count, .codedZstandard)
      } else {
        guard let frame = bytes.withUnsafeBufferPointer({ codec.compressor.compress($0) })
        else { return }
        (bytes, method) = (frame, .zstandard)
      }
    }
  }

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
    /// The shape table likewise.
    private let shapeTable: BufferedFileWriter
    private var shapeBlock = ByteWriter()
    private var shapeChecksums = ByteWriter()
    /// A unit's record as it is written (reused).
    private var unitRecord = ByteWriter()
    package private(set) var unitCount = 0
    /// Whether the code and dictionary records are written (they come before the first
    /// document).
    private var tablesWritten = false

    package init(path: String, budget: WriteBudget? = nil) throws {
      file = try BufferedFileWriter(path: path, budget: budget)
      unitTable = try BufferedFileWriter(path: path + ".table.tmp", temporary: true, budget: budget)
      shapeTable = try BufferedFileWriter(
        path: path + ".shapes.tmp", temporary: true, budget: budget)
      try file.write(Array(UnitsFile.frame.headerMagic.utf8))
    }

    /// Writes the code and the dictionary the stored chunks are compressed with (each
    /// empty: none); once, before the first document.
    func writeTables(_ tables: StoredTextCompression.Tables) throws {
      precondition(!tablesWritten && documentCount == 0, "the code and dictionary come first")
      try tables.code.withUnsafeBufferPointer { try writeRecord($0) }
      try tables.dictionary.withUnsafeBufferPointer { try writeRecord($0) }
      tablesWritten = true
    }

    func add(_ document: IndexedDocument) throws {
      if !tablesWritten { try writeTables(.none) }
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

    /// Writes `chunks` (a document's, after its record); returns the offset of each.
    func add(chunks: [StoredChunk]) throws -> [Int] {
      var offsets: [Int] = []
      offsets.reserveCapacity(chunks.count)
      var record = ByteWriter()
      for chunk in chunks {
        offsets.append(file.length)
        record.bytes.removeAll(keepingCapacity: true)
        record.varint(chunk.rawLength)
        record.bytes.append(chunk.method.rawValue)
        if chunk.method == .codedZstandard { record.varint(chunk.codedLength) }
        record.bytes.append(contentsOf: chunk.bytes)
        try record.bytes.withUnsafeBufferPointer { try writeRecord($0) }
      }
      return offsets
    }

    /// Adds a unit's record of document `document`: its `fields` (`EncodedUnits.records`),
    /// then where the chunk of its stored part lies (`chunkOffset`, kept as the distance
    /// back from the record).
    func add(
      fields: UnsafeBufferPointer<UInt8>, chunkOffset: Int, document: Int, kind: SearchUnitKind,
      foldedLength: Int, headingLength: Int
    ) throws {
      guard unitCount < IndexLimits.units, document < IndexLimits.documents,
        foldedLength <= IndexLimits.unitScalars, headingLength <= foldedLength
      else {
        throw IndexError.unwritable(
          directory: file.path, reason: "unit \(unitCount) is beyond the limits of the format")
      }
      let offset = UInt64(file.length)
      unitRecord.bytes.removeAll(keepingCapacity: true)
      unitRecord.bytes.append(contentsOf: fields)
      // Where the chunk lies, as the distance back from this record: the document's
      // chunks are written just before its units' records, so a few bytes, not five.
      precondition(chunkOffset < Int(offset), "a unit's chunk is written before its record")
      unitRecord.varint(Int(offset) - chunkOffset)
      try unitRecord.bytes.withUnsafeBufferPointer { try writeRecord($0) }
      unitBlock.uint64(offset | UInt64(kind.code) << 40 | UInt64(headingLength) << 44)
      unitBlock.uint32(UInt32(document))
      shapeBlock.uint32(UnitsFile.shape(length: foldedLength, kind: kind))
      unitCount += 1
      if unitCount % TableBlockChecks.rowsPerBlock == 0 { try flushUnitBlock() }
    }

    private func flushUnitBlock() throws {
      guard !unitBlock.bytes.isEmpty else { return }
      unitBlock.bytes.withUnsafeBufferPointer { unitChecksums.uint32(Checksum.record($0)) }
      try unitTable.write(unitBlock.bytes)
      unitBlock.bytes.removeAll(keepingCapacity: true)
      shapeBlock.bytes.withUnsafeBufferPointer { shapeChecksums.uint32(Checksum.record($0)) }
      try shapeTable.write(shapeBlock.bytes)
      shapeBlock.bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the tables and footer; returns the checksum and length of the file.
    package func finish() throws -> (checksum: UInt64, length: Int) {
      if !tablesWritten { try writeTables(.none) }
      try flushUnitBlock()
      try unitTable.closeTemporary()
      try shapeTable.closeTemporary()
      defer {
        try? FileManager.default.removeItem(atPath: unitTable.path)
        try? FileManager.default.removeItem(atPath: shapeTable.path)
      }
      let documentTableOffset = file.length
      let documentChecksums = documentTable.bytes.withUnsafeBufferPointer {
        TableBlockChecks.checksums(of: $0, rowSize: UnitsFile.documentRowSize)
      }
      try file.write(documentTable.bytes)
      try file.write(documentChecksums)
      let unitTableOffset = file.length
      try file.appendContents(ofFile: unitTable.path)
      try file.write(unitChecksums.bytes)
      let shapeTableOffset = file.length
      try file.appendContents(ofFile: shapeTable.path)
      try file.write(shapeChecksums.bytes)
      let checksum = (documentChecksums + unitChecksums.bytes + shapeChecksums.bytes)
        .withUnsafeBufferPointer {
          Checksum.words($0)
        }
      try file.write(
        UnitsFile.frame.footer([
          UInt64(documentTableOffset), UInt64(documentCount), UInt64(unitTableOffset),
          UInt64(unitCount), UInt64(shapeTableOffset), checksum,
        ]))
      let length = file.length
      return (try file.close(), length)
    }
  }

  /// Appends the fields of `unit`'s record to `writer`: its id (as the part after
  /// `documentID` when it starts with it, as a unit's id does, and that part as a letter
  /// and a number when it is one: `UnitIDSuffix`), its departments (those
  /// beyond `IndexLimits.departmentsPerUnit` left out: `IndexBuilder` warns of them first),
  /// its year, where it starts in the text, its source line, and its page and the line on
  /// it (0 and 0 for a file without pages).
  static func appendFields(of unit: UnitFields, documentID: String, to writer: inout ByteWriter) {
    if unit.id.utf8.starts(with: documentID.utf8) {
      let suffix = unit.id.utf8.dropFirst(documentID.utf8.count)
      if let (letter, number) = UnitIDSuffix.parts(of: suffix) {
        writer.varint(UnitIDSuffix.firstLetterForm + letter)
        writer.varint(number)
      } else {
        writer.varint(1)
        writer.string(String(decoding: suffix, as: UTF8.self))
      }
    } else {
      writer.varint(0)
      writer.string(unit.id)
    }
    let departments = unit.departments.prefix(IndexLimits.departmentsPerUnit)
    writer.varint(departments.count)
    for department in departments {
      // Most names are their level prefix and canonical name (区 + 经济信息委): then one
      // varint, the prefix's bytes plus one, says where the canonical name starts.
      let prefix = department.levelPrefix ?? ""
      writer.string(department.name)
      let name = department.name.utf8
      if name.starts(with: prefix.utf8),
        name.dropFirst(prefix.utf8.count).elementsEqual(department.canonical.utf8)
      {
        writer.varint(prefix.utf8.count + 1)
      } else {
        writer.varint(0)
        writer.string(department.canonical)
        writer.string(prefix)
      }
      writer.varint(ResponsibilityRole.allCases.firstIndex(of: department.role) ?? 1)
    }
    writer.varint((unit.year ?? -1) + 1)
    writer.varint(unit.textStart)
    writer.varint(unit.sourceLine)
    writer.varint(unit.page?.page ?? 0)
    writer.varint(unit.page?.line ?? 0)
  }

  /// Appends the stored part of `unit` to `writer`: its heading, its path, then its text,
  /// `textLength` bytes that `text` appends.
  static func appendStoredPart(
    of unit: UnitFields, textLength: Int, to writer: inout ByteWriter,
    text: (inout ByteWriter) -> Void
  ) {
    writer.string(unit.heading)
    writer.strings(unit.path)
    writer.varint(textLength)
    text(&writer)
  }
}
