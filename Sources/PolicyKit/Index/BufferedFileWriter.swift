import Foundation

/// Writes a file through a buffer, keeping its length and checksum as it goes.
final class BufferedFileWriter {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var checksum = Checksum.Stream()
  private(set) var length = 0
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
    try bytes.withUnsafeBufferPointer { try write($0) }
  }

  func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    buffer.append(contentsOf: bytes)
    length += bytes.count
    if buffer.count >= 1 << 20 { try flush() }
  }

  func flush() throws {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBufferPointer { checksum.update($0) }
    do { try handle.write(contentsOf: buffer) } catch {
      throw IndexError.unwritable(directory: path, reason: "\(error)")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes, for temporary files that need neither a sync nor a checksum.
  func closeWithoutChecksum() throws {
    try flush()
    try? handle.close()
  }

  /// Flushes, syncs to disk and closes; returns the checksum of the bytes written
  /// (`Checksum.words` of the whole file).
  func close() throws -> UInt64 {
    try flush()
    try? handle.synchronize()
    try? handle.close()
    return checksum.finish()
  }
}
