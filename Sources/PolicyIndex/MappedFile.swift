#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory for as long as this object lives: the index files
/// are read through it without copying them and without a closure per access.
final class MappedFile: @unchecked Sendable {
  package let path: String
  /// The file's bytes; valid while this object is alive.
  package let bytes: UnsafeBufferPointer<UInt8>
  private let mapping: UnsafeMutableRawPointer?
  private let length: Int

  /// Maps `path`.
  /// - Throws: `IndexError.corrupt` naming the file when it cannot be opened or mapped.
  package init(path: String) throws {
    self.path = path
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw IndexError.corrupt(
        file: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw IndexError.corrupt(
        file: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
    }
    length = Int(status.st_size)
    guard length > 0 else {
      mapping = nil
      bytes = UnsafeBufferPointer(start: nil, count: 0)
      return
    }
    let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0)
    guard let address, address != MAP_FAILED else {
      throw IndexError.corrupt(
        file: path, reason: "cannot be mapped: \(String(cString: strerror(errno)))")
    }
    mapping = address
    bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: length)
  }

  deinit {
    if let mapping { munmap(mapping, length) }
  }
}
