import Foundation

/// The stored chunks of `units.bin` decompressed last (a few), kept so that units read in order (a
/// document's, an export's, `--verify`'s) decompress each chunk once. Several threads may read
/// one index (the units of unchanged files are read back while others are parsed): the
/// few entries are kept under a lock.
final class StoredChunkCache: @unchecked Sendable {
  /// Enough for the threads that may read at once (`--jobs` is at most the cores).
  private static let capacity = 8
  private let lock = NSLock()
  /// Offset of the chunk in the file, and its decompressed bytes; the newest last.
  private var entries: [(offset: Int, bytes: [UInt8])] = []

  /// The decompressed chunk at `offset`, if kept.
  func bytes(at offset: Int) -> [UInt8]? {
    lock.withLock { entries.last { $0.offset == offset }?.bytes }
  }

  /// Keeps `bytes`, the chunk at `offset`, in place of the oldest.
  func keep(_ bytes: [UInt8], at offset: Int) {
    lock.withLock {
      if entries.count == Self.capacity { entries.removeFirst() }
      entries.append((offset, bytes))
    }
  }
}
