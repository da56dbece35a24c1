import PolicyBytes

/// Encodes one key's posting list in blocks of `PostingsFile.blockSize` units, bit-packed
/// (the layout is described in `PostingsFile`). Units are added in increasing order with
/// their counts and their positions, already as deltas (the first from 0).
struct PostingListEncoder {
  private var units: [UInt32] = []
  private var totals: [UInt32] = []
  private var inHeading: [UInt32] = []
  private var positions: [UInt32] = []
  private var lastUnit = -1
  private var unitCount = 0
  /// Per block: the last unit, the lengths of its unit part and positions part.
  private var blocks: [(lastUnit: Int, unitPart: Int, positionPart: Int)] = []
  private var unitParts = ByteWriter()
  private var positionParts = ByteWriter()

  /// Adds unit `unit` with `total` positions (`headingCount` of them in its heading); its
  /// position deltas follow through `addPosition`. Close a full block first (`blockIsFull`).
  mutating func add(unit: Int, total: Int, inHeading headingCount: Int) {
    units.append(UInt32(truncatingIfNeeded: unit - lastUnit))
    totals.append(UInt32(truncatingIfNeeded: total - 1))
    inHeading.append(UInt32(truncatingIfNeeded: headingCount))
    lastUnit = unit
    unitCount += 1
  }

  /// Appends a position delta of the unit added last.
  @inline(__always)
  mutating func addPosition(_ delta: UInt32) { positions.append(delta) }

  /// Whether the current block is full (it must then be closed before the next unit).
  var blockIsFull: Bool { units.count == PostingsFile.blockSize }

  /// Encodes the units added since the last block as a block.
  mutating func closeBlock() {
    guard !units.isEmpty else { return }
    let unitStart = unitParts.bytes.count
    let positionStart = positionParts.bytes.count
    for values in [units, totals, inHeading] {
      values.withUnsafeBufferPointer { PatchedBitPacking.encode($0, to: &unitParts) }
    }
    positions.withUnsafeBufferPointer { positions in
      var start = 0
      while start < positions.count {
        let chunk = UnsafeBufferPointer(
          rebasing: positions[start..<min(positions.count, start + PostingsFile.blockSize)])
        PatchedBitPacking.encode(chunk, to: &positionParts)
        start += chunk.count
      }
    }
    blocks.append(
      (
        lastUnit, unitParts.bytes.count - unitStart,
        positionParts.bytes.count - positionStart
      ))
    units.removeAll(keepingCapacity: true)
    totals.removeAll(keepingCapacity: true)
    inHeading.removeAll(keepingCapacity: true)
    positions.removeAll(keepingCapacity: true)
  }

  /// The encoded list and the checksum its key-table entry keeps (of the whole list when
  /// it is one block, else of its head); the encoder is emptied for the next key.
  mutating func finish() -> (list: [UInt8], checksum: UInt32) {
    closeBlock()
    var list = ByteWriter()
    list.varint(unitCount)
    list.varint(blocks.count)
    let multiBlock = blocks.count > 1
    if multiBlock {
      var previous = -1
      for block in blocks {
        list.varint(block.lastUnit - previous)
        list.varint(block.unitPart + 4)
        list.varint(block.positionPart + 4)
        previous = block.lastUnit
      }
    }
    let headLength = list.bytes.count
    // Each part of a list of several blocks starts with its own checksum.
    func appendParts(_ parts: ByteWriter, lengths: [Int]) {
      parts.bytes.withUnsafeBufferPointer { bytes in
        var start = 0
        for length in lengths {
          let part = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
          if multiBlock { list.uint32(Checksum.record(part)) }
          list.bytes.append(contentsOf: part)
          start += length
        }
      }
    }
    appendParts(unitParts, lengths: blocks.map(\.unitPart))
    appendParts(positionParts, lengths: blocks.map(\.positionPart))
    let checksum = list.bytes.withUnsafeBufferPointer {
      Checksum.record(UnsafeBufferPointer(rebasing: $0[..<(multiBlock ? headLength : $0.count)]))
    }
    blocks.removeAll(keepingCapacity: true)
    unitParts.bytes.removeAll(keepingCapacity: true)
    positionParts.bytes.removeAll(keepingCapacity: true)
    lastUnit = -1
    unitCount = 0
    return (list.bytes, checksum)
  }
}
