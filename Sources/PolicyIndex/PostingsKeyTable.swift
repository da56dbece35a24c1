import PolicyBytes

/// The key table of `postings.bin`: keys in order, in blocks of `keysPerBlock`. A block
/// holds per key its delta from the key before (the first: 0), its list's length (the
/// lists lie one after another in key order, so the offsets add up) and the checksum of
/// the list's head (`PostingListEncoder.finish`); varints but the checksums. The top
/// table, 32 bytes per block, holds each block's first key, the offset of its first list,
/// where the block lies and its checksum. The top table is checked when the file is
/// opened (about half a byte per key), a block when a key in it is looked up: a query
/// checks the keys it reads, not the whole table.
enum PostingsKeyTable {
  static let keysPerBlock = 64
  static let topEntrySize = 32

  /// A key's entry, read from its block.
  struct Entry {
    var key: UInt64
    var offset: Int
    var length: Int
    var checksum: UInt32
  }

  /// Gathers the entries while the lists are written, and writes the blocks and the top
  /// table after them.
  struct Writer {
    private var blocks = ByteWriter()
    private var top = ByteWriter()
    private var block = ByteWriter()
    private var keysInBlock = 0
    private var previousKey: UInt64 = 0
    private var blockFirst: (key: UInt64, offset: Int) = (0, 0)
    private(set) var keyCount = 0

    /// Adds the list of `key` (keys in increasing order), written at `offset`.
    mutating func add(key: UInt64, offset: Int, length: Int, checksum: UInt32) {
      if keysInBlock == PostingsKeyTable.keysPerBlock { closeBlock() }
      if keysInBlock == 0 {
        blockFirst = (key, offset)
        previousKey = key
      }
      block.varint(key - previousKey)
      block.varint(length)
      block.uint32(checksum)
      previousKey = key
      keysInBlock += 1
      keyCount += 1
    }

    private mutating func closeBlock() {
      guard keysInBlock > 0 else { return }
      top.uint64(blockFirst.key)
      top.uint64(UInt64(blockFirst.offset))
      // The block's offset from the start of the blocks, fixed up in `write`.
      top.uint64(UInt64(blocks.bytes.count))
      top.uint32(UInt32(block.bytes.count))
      top.uint32(block.bytes.withUnsafeBufferPointer { Checksum.record($0) })
      blocks.bytes.append(contentsOf: block.bytes)
      block.bytes.removeAll(keepingCapacity: true)
      keysInBlock = 0
    }

    /// Appends the keys of `other` (all greater than this table's), whose lists were
    /// written `offset` bytes further into the file than `other` says.
    mutating func append(_ other: Writer, listsMovedBy offset: Int) {
      closeBlock()
      var other = other
      other.closeBlock()
      let blocksBefore = UInt64(blocks.bytes.count)
      var top = other.top.bytes
      for index in 0..<(top.count / PostingsKeyTable.topEntrySize) {
        let at = index * PostingsKeyTable.topEntrySize
        for (field, added) in [(8, UInt64(offset)), (16, blocksBefore)] {
          let value = top.withUnsafeBytes {
            $0.loadUnaligned(fromByteOffset: at + field, as: UInt64.self)
          }
          withUnsafeBytes(of: (UInt64(littleEndian: value) + added).littleEndian) { bytes in
            for byte in 0..<8 { top[at + field + byte] = bytes[byte] }
          }
        }
      }
      self.top.bytes += top
      blocks.bytes += other.blocks.bytes
      keyCount += other.keyCount
    }

    /// Writes the blocks at `out`'s end, then the top table; returns the top table's
    /// offset, its entry count and its checksum.
    mutating func write(to out: BufferedFileWriter) throws -> (
      offset: Int, blocks: Int, checksum: UInt64
    ) {
      closeBlock()
      let blocksOffset = out.length
      try out.write(blocks.bytes)
      var table = top.bytes
      let count = table.count / PostingsKeyTable.topEntrySize
      for index in 0..<count {
        let at = index * PostingsKeyTable.topEntrySize + 16
        let relative = table.withUnsafeBytes {
          $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)
        }
        withUnsafeBytes(of: (relative + UInt64(blocksOffset)).littleEndian) { bytes in
          for byte in 0..<8 { table[at + byte] = bytes[byte] }
        }
      }
      let offset = out.length
      let checksum = table.withUnsafeBufferPointer { Checksum.words($0) }
      try out.write(table)
      return (offset, count, checksum)
    }
  }

  /// Reads the key table of a mapped `postings.bin` whose top table lies at `topOffset`
  /// (checked when the file was opened). It reads the map through a pointer that its owner
  /// (`PostingsFile`, holding the `MappedFile`) keeps valid; nothing in it changes.
  struct Reader: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let topOffset: Int
    let blockCount: Int
    /// Where the lists end (the blocks start): every list lies before it.
    let listsEnd: Int

    private func topField<T: FixedWidthInteger>(_ block: Int, _ offset: Int, as: T.Type) -> T {
      T(
        littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(
          fromByteOffset: topOffset + block * PostingsKeyTable.topEntrySize + offset, as: T.self))
    }

    /// The first key of block `block`.
    func firstKey(ofBlock block: Int) -> UInt64 { topField(block, 0, as: UInt64.self) }

    /// The block that would hold `key`: the last whose first key is at most `key` (0 when
    /// none is).
    func block(holding key: UInt64) -> Int {
      // Keys have 42 bits: key + 1 does not overflow.
      let after = SortedSearch.lowerBound(key + 1, in: 0..<blockCount) { firstKey(ofBlock: $0) }
      return max(0, after - 1)
    }

    /// The entries of block `block`, checked against its checksum.
    /// - Throws: `IndexError.corrupt` naming the file when the block is damaged.
    func entries(ofBlock block: Int) throws -> [Entry] {
      let start = Int(truncatingIfNeeded: topField(block, 16, as: UInt64.self))
      let length = Int(topField(block, 24, as: UInt32.self))
      guard start >= listsEnd, length >= 0, start <= topOffset - length else {
        throw IndexError.corrupt(file: path, reason: "a block of the key table lies outside it")
      }
      let blockBytes = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
      guard Checksum.record(blockBytes) == topField(block, 28, as: UInt32.self) else {
        throw IndexError.corrupt(file: path, reason: "a block of the key table: checksum mismatch")
      }
      var reader = ByteReader(blockBytes, file: path)
      var entries: [Entry] = []
      var key = firstKey(ofBlock: block)
      var offset = Int(truncatingIfNeeded: topField(block, 8, as: UInt64.self))
      while !reader.isAtEnd {
        key &+= try reader.varint()
        let length = try reader.int()
        let checksum = try reader.uint32()
        guard offset >= 8, length > 0, offset <= listsEnd - length else {
          throw IndexError.corrupt(file: path, reason: "a posting list lies outside the file")
        }
        entries.append(Entry(key: key, offset: offset, length: length, checksum: checksum))
        offset += length
      }
      return entries
    }
  }
}
