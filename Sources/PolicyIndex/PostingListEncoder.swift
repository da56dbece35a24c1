import PolicyBytes

/// Encodes one key's posting list in blocks of `PostingsFile.blockSize` units, each part
/// an `IntegerChunk` (the layout is described in `PostingsFile`), writing each block as
/// soon as it is full: the list of the most frequent bigram of a large corpus never sits
/// in memory whole.
/// Units are added in increasing order with their counts and their positions, already as
/// deltas (the first from 0).
struct PostingListEncoder {
  private var units: [UInt32] = []
  private var totals: [UInt32] = []
  private var inHeading: [UInt32] = []
  private var positions: [UInt32] = []
  private var lastUnit = -1
  private var unitCount = 0
  /// Units added since `begin`: at the end they must be the `unitCount` announced.
  private var unitsAdded = 0
  /// Per block written: its last unit and the lengths of its two parts.
  private var skipList = ByteWriter()
  private var blockCount = 0
  /// A list of one block is gathered here, its checksum being of the whole list.
  private var single = ByteWriter()
  private var part = ByteWriter()
  private var start = 0

  /// Starts the list of a key that `unitCount` units hold, at the end of `out`.
  mutating func begin(unitCount: Int, out: BufferedFileWriter) throws {
    self.unitCount = unitCount
    unitsAdded = 0
    start = out.length
    blockCount = (unitCount + PostingsFile.blockSize - 1) / PostingsFile.blockSize
    lastUnit = -1
    skipList.bytes.removeAll(keepingCapacity: true)
    skipList.uint32(UInt32(truncatingIfNeeded: unitCount))
    single.bytes.removeAll(keepingCapacity: true)
    single.varint(unitCount)
    single.varint(blockCount)
    if blockCount > 1 {
      try out.write(single.bytes)
      single.bytes.removeAll(keepingCapacity: true)
    }
  }

  /// Adds unit `unit` with `total` positions (`headingCount` of them in its heading); its
  /// position deltas follow through `addPosition`. A full block is written first.
  mutating func add(unit: Int, total: Int, inHeading headingCount: Int, out: BufferedFileWriter)
    throws
  {
    if units.count == PostingsFile.blockSize { try closeBlock(out: out) }
    units.append(UInt32(truncatingIfNeeded: unit - lastUnit - 1))
    totals.append(UInt32(truncatingIfNeeded: total - 1))
    inHeading.append(UInt32(truncatingIfNeeded: headingCount))
    lastUnit = unit
    unitsAdded += 1
  }

  /// Appends a position delta of the unit added last.
  @inline(__always)
  mutating func addPosition(_ delta: UInt32) { positions.append(delta) }

  /// Writes the units added since the last block as a block: its unit part, then its
  /// positions part, each with its checksum first when the list has several blocks.
  private mutating func closeBlock(out: BufferedFileWriter) throws {
    guard !units.isEmpty else { return }
    part.bytes.removeAll(keepingCapacity: true)
    // Unit gaps in the smaller coding. In a long list, the counts (mostly 0 and alike)
    // bit-packed, and positions exp-Golomb coded only where that saves a tenth: such lists
    // are read by the million in a query on frequent bigrams, and the smaller coding
    // would save little there and slow it. A short list is read in microseconds either way.
    let short = blockCount <= PostingsFile.shortListBlocks
    units.withUnsafeBufferPointer { IntegerChunk.encode($0, to: &part) }
    totals.withUnsafeBufferPointer { encodeCounts($0, short: short) }
    inHeading.withUnsafeBufferPointer { encodeCounts($0, short: short) }
    let unitPart = try emit(out: out)
    positions.withUnsafeBufferPointer { positions in
      var start = 0
      while start < positions.count {
        let chunk = UnsafeBufferPointer(
          rebasing: positions[start..<min(positions.count, start + PostingsFile.blockSize)])
        IntegerChunk.encode(
          chunk, to: &part, expGolombShare: short ? 1 : PostingsFile.positionsExpGolombShare)
        start += chunk.count
      }
    }
    let positionPart = try emit(out: out)
    skipList.uint32(UInt32(truncatingIfNeeded: lastUnit))
    skipList.uint32(UInt32(truncatingIfNeeded: unitPart))
    skipList.uint32(UInt32(truncatingIfNeeded: positionPart))
    units.removeAll(keepingCapacity: true)
    totals.removeAll(keepingCapacity: true)
    inHeading.removeAll(keepingCapacity: true)
    positions.removeAll(keepingCapacity: true)
  }

  /// Appends a block's counts to `part`: in the smaller coding in a short list, else
  /// bit-packed.
  private mutating func encodeCounts(_ counts: UnsafeBufferPointer<UInt32>, short: Bool) {
    if short {
      IntegerChunk.encode(counts, to: &part)
    } else {
      PatchedBitPacking.encode(counts, to: &part)
    }
  }

  /// Writes `part` (to `single` for a list of one block); returns the bytes it took.
  private mutating func emit(out: BufferedFileWriter) throws -> Int {
    defer { part.bytes.removeAll(keepingCapacity: true) }
    guard blockCount > 1 else {
      single.bytes.append(contentsOf: part.bytes)
      return part.bytes.count
    }
    var checksum = ByteWriter()
    checksum.uint32(part.bytes.withUnsafeBufferPointer { Checksum.record($0) })
    try out.write(checksum.bytes)
    try out.write(part.bytes)
    guard out.length - start <= IndexLimits.postingListBytes else {
      throw IndexError.unwritable(
        directory: out.path,
        reason: "a posting list of more than \(IndexLimits.postingListBytes) bytes")
    }
    return part.bytes.count + 4
  }

  /// Writes what is left of the list (its skip list, for a list of several blocks);
  /// returns its length and the checksum its key-table entry keeps (of the whole list when
  /// it is one block, else of its skip list).
  mutating func finish(out: BufferedFileWriter) throws -> (length: Int, checksum: UInt32) {
    try closeBlock(out: out)
    // The head and the skip list announced `unitCount` units: a list that holds another
    // number would be refused by every query that reads it.
    guard unitsAdded == unitCount else {
      throw IndexError.unwritable(
        directory: out.path,
        reason: "a posting list of \(unitsAdded) units announced as \(unitCount) (a merge error)")
    }
    let checked = blockCount > 1 ? skipList.bytes : single.bytes
    try out.write(checked)
    let length = out.length - start
    guard length <= IndexLimits.postingListBytes else {
      throw IndexError.unwritable(
        directory: out.path,
        reason: "a posting list of \(length) bytes (the limit is \(IndexLimits.postingListBytes))")
    }
    return (length, checked.withUnsafeBufferPointer { Checksum.record($0) })
  }
}
