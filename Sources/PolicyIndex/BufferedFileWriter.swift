import Foundation
import PolicyBytes

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file through a buffer, keeping its length and (unless it is a temporary file)
/// its checksum as it goes. Callers either copy bytes in or, for bulk encoding, write
/// straight into the buffer. A failed write throws `IndexError.unwritable` with the
/// system's reason in words ("no space left on device"), naming the file.
final class BufferedFileWriter {
  private let descriptor: Int32
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var used = 0
  /// nil for a temporary file, which is neither checksummed nor synced.
  private var checksum: Checksum.Stream?
  private let budget: WriteBudget?
  private var isOpen = true
  package private(set) var length = 0
  package let path: String
  private static let flushSize = 1 << 20

  /// Creates (or empties) the file at `path`; its writes count against `budget` if given.
  package init(path: String, temporary: Bool = false, budget: WriteBudget? = nil) throws {
    self.path = path
    self.budget = budget
    checksum = temporary ? nil : Checksum.Stream()
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw Self.failure(path, errno) }
    capacity = Self.flushSize + 4096
    storage = .allocate(capacity: capacity)
  }

  deinit {
    storage.deallocate()
    if isOpen { _ = systemClose(descriptor) }
  }

  /// The error for a failed system call on `path` with `code` (an `errno`).
  static func failure(_ path: String, _ code: Int32) -> IndexError {
    let reason: String
    switch code {
    case ENOSPC: reason = "no space left on device"
    case EDQUOT: reason = "disk quota exceeded"
    default: reason = String(cString: strerror(code)).lowercased()
    }
    return IndexError.unwritable(directory: path, reason: reason)
  }

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

  /// Appends the whole of the file at `path` (a temporary file this build wrote), read
  /// through the buffer a piece at a time.
  func appendContents(ofFile path: String) throws {
    let source = open(path, O_RDONLY | O_CLOEXEC)
    guard source >= 0 else { throw Self.failure(path, errno) }
    defer { _ = systemClose(source) }
    while true {
      try flush()
      let got = read(source, storage, capacity)
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else { throw Self.failure(path, errno) }
      if got == 0 { return }
      used = got
      length += got
    }
  }

  func flush() throws {
    guard used > 0 else { return }
    let bytes = UnsafeBufferPointer(start: storage, count: used)
    checksum?.update(bytes)
    if let code = budget?.take(used) { throw Self.failure(path, code) }
    var written = 0
    while written < used {
      let result = systemWrite(descriptor, storage + written, used - written)
      if result < 0 {
        if errno == EINTR { continue }
        throw Self.failure(path, errno)
      }
      // Nothing written and no error: the device takes no more; never loop on it.
      if result == 0 { throw Self.failure(path, EIO) }
      written += result
    }
    used = 0
  }

  /// Flushes and closes a temporary file.
  func closeTemporary() throws {
    precondition(checksum == nil, "a kept file is closed with close()")
    try flush()
    isOpen = false
    _ = systemClose(descriptor)
  }

  /// Flushes, syncs to disk and closes; returns the checksum of the bytes written
  /// (`Checksum.words` of the whole file).
  package func close() throws -> UInt64 {
    precondition(checksum != nil, "a temporary file is closed with closeTemporary()")
    try flush()
    let synced = fsync(descriptor) == 0 ? 0 : errno
    isOpen = false
    let closed = systemClose(descriptor) == 0 ? 0 : errno
    if synced != 0 && synced != EINVAL { throw Self.failure(path, synced) }
    if closed != 0 { throw Self.failure(path, closed) }
    return checksum!.finish()
  }
}

// The system's calls under names of their own: the writer's methods `write` and `close`
// hide them inside the class.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeMutablePointer<UInt8>, _ count: Int)
  -> Int
{
  write(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
