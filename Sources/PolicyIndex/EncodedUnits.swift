import PolicyBytes
import PolicyText

/// One document's units made ready for the index on the thread that parses the document:
/// their `units.bin` records back to back, and their folded scalars back to back, with
/// where each unit ends. The writing thread then only copies bytes, and a parsed unit's
/// text is copied from the document's text without being made into a `String` first.
struct EncodedUnits: Sendable {
  /// Where one unit's record and folded scalars end in the buffers, with what the
  /// writing thread needs of its fields (a layout entry of the batch, not a unit).
  struct Extent: Sendable {
    var recordEnd: Int
    var foldedEnd: Int
    package var kind: SearchUnitKind
    package var headingLength: Int
    /// Bytes of its text, counted in the index's text size (none for a target: its
    /// sentence is also in the unit around it).
    package var textBytes: Int
  }

  package private(set) var records = ByteWriter()
  package private(set) var folded: [UInt32] = []
  package private(set) var extents: [Extent] = []

  /// Makes room for the units of a document of `textBytes` bytes, so that the arrays do
  /// not grow (and copy themselves) unit by unit: its text once with a little more for the
  /// fields and the target sentences told twice, and a scalar for every two bytes.
  package mutating func reserve(textBytes: Int) {
    records.bytes.reserveCapacity(textBytes + textBytes / 4 + 1024)
    folded.reserveCapacity(textBytes / 2 + 256)
  }

  /// Adds `unit` (one taken from a previous index), folding its text.
  package mutating func append(_ unit: SearchUnit) {
    let textLength = unit.text.utf8.count
    UnitsFile.appendRecord(of: unit.fields, textLength: textLength, to: &records) {
      $0.bytes.append(contentsOf: unit.text.utf8)
    }
    BigramKey.appendFoldedScalars(of: unit.text, to: &folded)
    appendExtent(unit.fields, textLength: textLength)
  }

  /// Adds `unit`, cut from `text` by `UnitBuilder`: its text is copied from `text` by its
  /// spans, and its folded scalars are sliced from the text's folded form.
  package mutating func append(_ unit: UnitDraft, of text: PolicyText) {
    let bytes = text.utf8
    let ranges = unit.byteRanges(in: text)
    let textLength = ranges.reduce(max(0, ranges.count - 1)) { $0 + $1.count }
    UnitsFile.appendRecord(of: unit.fields, textLength: textLength, to: &records) { writer in
      bytes.withUnsafeBufferPointer { bytes in
        for (number, range) in ranges.enumerated() {
          if number > 0 { writer.bytes.append(0x0A) }
          writer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
      }
    }
    BigramKey.appendFoldedScalars(of: unit.spans, in: text, to: &folded)
    appendExtent(unit.fields, textLength: textLength)
  }

  private mutating func appendExtent(_ unit: UnitFields, textLength: Int) {
    extents.append(
      Extent(
        recordEnd: records.bytes.count, foldedEnd: folded.count, kind: unit.kind,
        headingLength: unit.headingLength,
        textBytes: unit.kind == .target ? 0 : textLength))
  }
}
