import Foundation
import PolicyBytes

/// Writes a file through a buffer, keeping its length and (unless it is a temporary file)
/// its checksum as it goes. Callers either copy bytes in or, for bulk encoding, write
/// straight into the buffer.
final class BufferedFileWriter {
  private let handle: FileHandle
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var used = 0
  /// nil for a temporary file, which is neither checksummed nor synced.
  private var checksum: Checksum.Stream?
  package private(set) var length = 0
  package let path: String
  private static let flushSize = 1 << 20

  package init(path: String, temporary: Bool = false) throws {
    self.path = path
    checksum = temporary ? nil : Checksum.Stream()
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw IndexError.unwritable(directory: path, reason: "cannot create the file") }
    self.handle = handle
    capacity = Self.flushSize + 4096
    storage = .allocate(capacity: capacity)
  }

  deinit { storage.deallocate() }

  package func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBufferPointer { try write($0) }
  }

  package func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    try append(count: bytes.count) { $0.update(from: base, count: bytes.count) }
  }

  /// Appends `count` bytes that `fill` writes in place, from the pointer it is given.
  package func append(count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) throws {
    if used + count > capacity {
      try flush()
      if count > capacity {
        storage.deallocate()
        capacity = count
        storage = .allocate(capacity: capacity)
      }
    }
    fill(storage + used)
    used += count
    length += count
    if used >= Self.flushSize { try flush() }
  }

  func flush() throws {
    guard used > 0 else { return }
    let bytes = UnsafeBufferPointer(start: storage, count: used)
    checksum?.update(bytes)
    do { try handle.write(contentsOf: UnsafeRawBufferPointer(bytes)) } catch {
      throw IndexError.unwritable(directory: path, reason: "\(error)")
    }
    used = 0
  }

  /// Flushes and closes a temporary file.
  func closeTemporary() throws {
    precondition(checksum == nil, "a kept file is closed with close()")
    try flush()
    try? handle.close()
  }

  /// Flushes, syncs to disk and closes; returns the checksum of the bytes written
  /// (`Checksum.words` of the whole file).
  package func close() throws -> UInt64 {
    precondition(checksum != nil, "a temporary file is closed with closeTemporary()")
    try flush()
    try? handle.synchronize()
    try? handle.close()
    return checksum!.finish()
  }
}
