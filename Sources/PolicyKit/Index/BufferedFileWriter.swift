import Foundation

/// Writes a file through a buffer, keeping its length and checksum as it goes.
final class BufferedFileWriter {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private(set) var length = 0
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  let path: String

  init(path: String) throws {
    self.path = path
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw IndexError.unwritable(directory: path, reason: "cannot create the file") }
    self.handle = handle
    buffer.reserveCapacity(1 << 20)
  }

  func write(_ bytes: [UInt8]) throws {
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    buffer.append(contentsOf: bytes)
    length += bytes.count
    if buffer.count >= 1 << 20 { try flush() }
  }

  func flush() throws {
    guard !buffer.isEmpty else { return }
    do { try handle.write(contentsOf: buffer) } catch {
      throw IndexError.unwritable(directory: path, reason: "\(error)")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs to disk and closes; returns the checksum of everything written.
  func close() throws -> UInt64 {
    try flush()
    try? handle.synchronize()
    try? handle.close()
    return hash
  }
}
