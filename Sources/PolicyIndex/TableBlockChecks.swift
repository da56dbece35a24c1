import PolicyBytes

/// A table of fixed-size rows in a mapped index file, checked block by block when a row of
/// the block is first read: each block of `rowsPerBlock` rows has a `Checksum.record`
/// in an array after the table (itself checked when the file is opened). A query reads
/// the rows of the units it scores and pays for checking those blocks only, not the whole
/// table; the blocks found intact are remembered for the life of the reader.
///
/// Rows are read through `row(_:)`, which never throws (it is read in inner loops): a row
/// of a damaged block reads as zeros, and the damage is kept, to be raised by `check()`
/// before a result leaves the index (`Searcher` calls it at the end of every query). So a
/// damaged table is an error, never a wrong answer.
final class TableBlockChecks: @unchecked Sendable {
  static let rowsPerBlock = 2048

  private let rows: UnsafeRawPointer
  private let rowSize: Int
  private let rowCount: Int
  private let checksums: UnsafeRawPointer
  private let path: String
  private let what: String
  /// Per block: 0 not checked yet, 1 intact, 2 damaged. Written without a lock: two
  /// threads that check the same block at once find the same answer and store it.
  private let states: UnsafeMutablePointer<UInt8>
  private let blockCount: Int
  private let zeros: UnsafeMutableRawPointer
  /// Whether a block read so far was damaged. Like `states`, written without a lock by the
  /// threads of a walk on two threads (a long list's halves read the shape table at once):
  /// it only ever goes from false to true, and `check()` reads it after they have joined.
  /// Plain byte stores, not atomics (the package still builds for macOS 13, before the
  /// Synchronization module): a race the thread sanitizer would name, on the same value.
  private var damaged = false

  /// The blocks needed for `rows` rows.
  static func blockCount(rows: Int) -> Int { (rows + rowsPerBlock - 1) / rowsPerBlock }

  /// A table of `rowCount` rows of `rowSize` bytes at `rows`, with the block checksums at
  /// `checksums` (`blockCount(rows:)` of them), in the file `path`; `what` names the table
  /// in errors ("the unit table").
  init(
    rows: UnsafeRawPointer, rowSize: Int, rowCount: Int, checksums: UnsafeRawPointer,
    path: String, what: String
  ) {
    self.rows = rows
    self.rowSize = rowSize
    self.rowCount = rowCount
    self.checksums = checksums
    self.path = path
    self.what = what
    blockCount = Self.blockCount(rows: rowCount)
    states = .allocate(capacity: max(1, blockCount))
    states.initialize(repeating: 0, count: max(1, blockCount))
    zeros = .allocate(byteCount: rowSize, alignment: 8)
    zeros.initializeMemory(as: UInt8.self, repeating: 0, count: rowSize)
  }

  deinit {
    states.deallocate()
    zeros.deallocate()
  }

  /// The bytes of row `index` (in range), its block checked first; zeros when the block is
  /// damaged (and `check()` then throws).
  @inline(__always)
  func row(_ index: Int) -> UnsafeRawPointer {
    let block = index / Self.rowsPerBlock
    if states[block] != 1 {
      if states[block] == 0 { checkBlock(block) }
      if states[block] != 1 { return UnsafeRawPointer(zeros) }
    }
    return rows + index * rowSize
  }

  private func checkBlock(_ block: Int) {
    let first = block * Self.rowsPerBlock
    let count = min(Self.rowsPerBlock, rowCount - first)
    let bytes = UnsafeBufferPointer(
      start: (rows + first * rowSize).assumingMemoryBound(to: UInt8.self), count: count * rowSize)
    let stored = checksums.loadUnaligned(fromByteOffset: block * 4, as: UInt32.self)
    let intact = Checksum.record(bytes) == UInt32(littleEndian: stored)
    states[block] = intact ? 1 : 2
    if !intact { damaged = true }
  }

  /// Throws when a block read so far was damaged.
  /// - Throws: `IndexError.corrupt` naming the file and the table.
  func check() throws {
    if damaged { throw IndexError.corrupt(file: path, reason: "\(what): checksum mismatch") }
  }

  /// Checks every block.
  /// - Throws: `IndexError.corrupt` naming the file and the table.
  func checkAll() throws {
    for block in 0..<blockCount where states[block] == 0 { checkBlock(block) }
    try check()
  }

  /// The block checksums of `table` (rows of `rowSize` bytes), as the writer appends them.
  static func checksums(of table: UnsafeBufferPointer<UInt8>, rowSize: Int) -> [UInt8] {
    var writer = ByteWriter()
    var start = 0
    let blockBytes = rowsPerBlock * rowSize
    while start < table.count {
      let end = min(table.count, start + blockBytes)
      writer.uint32(Checksum.record(UnsafeBufferPointer(rebasing: table[start..<end])))
      start = end
    }
    return writer.bytes
  }
}
