import PolicyBytes
import PolicyText

/// One document's units made ready for the index on the thread that parses the document:
/// their `units.bin` records back to back, their stored parts (heading, path, text) in
/// chunks (coded and compressed once the index's code and dictionary are known:
/// `compressChunks`), and their folded scalars back to back, with where each unit ends.
/// The writing thread then only copies bytes, and a parsed unit's text is copied from the
/// document's text without being made into a `String` first.
struct EncodedUnits: Sendable {
  /// Where one unit's record and folded scalars end in the buffers, with what the
  /// writing thread needs of its fields (a layout entry of the batch, not a unit).
  struct Extent: Sendable {
    var recordEnd: Int
    var foldedEnd: Int
    /// The chunk of `chunks` that holds its stored part.
    var chunk: Int
    package var kind: SearchUnitKind
    package var headingLength: Int
    /// Bytes of its text, counted in the index's text size (none for a target: its
    /// sentence is also in the unit around it).
    package var textBytes: Int
    /// Bytes of its stored part before compressing.
    var storedBytes: Int
  }

  /// The records: per unit its fields (`UnitsFile.appendFields`) and where its stored part
  /// starts in its chunk; the writer adds where the chunk lies in the file.
  package private(set) var records = ByteWriter()
  /// The stored parts: several units to a chunk, a new chunk when one reaches
  /// `UnitsFile.chunkBytes`.
  package private(set) var chunks: [UnitsFile.StoredChunk] = []
  package private(set) var folded: [UInt32] = []
  package private(set) var extents: [Extent] = []
  /// The stored parts of the chunk being filled.
  private var pending = ByteWriter()

  /// Makes room for the units of a document of `textBytes` bytes, so that the arrays do
  /// not grow (and copy themselves) unit by unit: a scalar for every two bytes.
  package mutating func reserve(textBytes: Int) {
    records.bytes.reserveCapacity(textBytes / 16 + 256)
    pending.bytes.reserveCapacity(min(textBytes, UnitsFile.chunkBytes) + 1024)
    folded.reserveCapacity(textBytes / 2 + 256)
  }

  /// Adds `unit` (one taken from a previous index) of the document `documentID`, folding
  /// its text.
  package mutating func append(_ unit: SearchUnit, documentID: String) {
    let start = startUnit(unit.fields, documentID: documentID)
    let textLength = unit.text.utf8.count
    UnitsFile.appendStoredPart(of: unit.fields, textLength: textLength, to: &pending) {
      $0.bytes.append(contentsOf: unit.text.utf8)
    }
    BigramKey.appendFoldedScalars(of: unit.text, to: &folded)
    appendExtent(unit.fields, textLength: textLength, storedStart: start)
  }

  /// Adds `unit` of the document `documentID`, cut from `text` by `UnitBuilder`: its text
  /// is copied from `text` by its spans, and its folded scalars are sliced from the text's
  /// folded form.
  package mutating func append(_ unit: UnitDraft, of text: PolicyText, documentID: String) {
    let start = startUnit(unit.fields, documentID: documentID)
    let bytes = text.utf8
    let ranges = unit.byteRanges(in: text)
    let textLength = ranges.reduce(max(0, ranges.count - 1)) { $0 + $1.count }
    UnitsFile.appendStoredPart(of: unit.fields, textLength: textLength, to: &pending) { writer in
      bytes.withUnsafeBufferPointer { bytes in
        for (number, range) in ranges.enumerated() {
          if number > 0 { writer.bytes.append(0x0A) }
          writer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
      }
    }
    BigramKey.appendFoldedScalars(of: unit.spans, in: text, to: &folded)
    appendExtent(unit.fields, textLength: textLength, storedStart: start)
  }

  /// Closes the chunk being filled; call it after the last unit.
  package mutating func closeChunk() {
    guard !pending.bytes.isEmpty else { return }
    chunks.append(UnitsFile.StoredChunk(raw: pending.bytes))
    pending.bytes.removeAll(keepingCapacity: true)
  }

  /// Whether every unit's stored part is in a closed chunk.
  var isClosed: Bool { pending.bytes.isEmpty }

  /// Codes and compresses the closed chunks not yet compressed.
  mutating func compressChunks(with codec: StoredTextCompression.Codec) {
    for index in chunks.indices { chunks[index].compress(with: codec) }
  }

  /// The closed chunks not yet compressed, as they are: samples to train the code and the
  /// dictionary on.
  var uncompressedChunks: [[UInt8]] { chunks.filter { !$0.isCompressed }.map(\.bytes) }

  /// Writes the fields of a unit's record, after closing a full chunk; returns where its
  /// stored part starts in the chunk.
  private mutating func startUnit(_ fields: UnitFields, documentID: String) -> Int {
    if pending.bytes.count >= UnitsFile.chunkBytes { closeChunk() }
    let start = pending.bytes.count
    UnitsFile.appendFields(of: fields, documentID: documentID, to: &records)
    records.varint(start)
    return start
  }

  private mutating func appendExtent(_ unit: UnitFields, textLength: Int, storedStart: Int) {
    extents.append(
      Extent(
        recordEnd: records.bytes.count, foldedEnd: folded.count, chunk: chunks.count,
        kind: unit.kind, headingLength: unit.headingLength,
        textBytes: unit.kind == .target ? 0 : textLength,
        storedBytes: pending.bytes.count - storedStart))
  }
}
