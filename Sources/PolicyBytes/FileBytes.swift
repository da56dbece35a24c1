#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read into `[UInt8]` with `read(2)`. `FileManager.contents(atPath:)`
/// returns `Data`, which then had to be copied into an array: a second pass over every
/// byte, and a second buffer's pages to fault in, for each document read.
package enum FileBytes {
  /// Why a file could not be read: the `errno` of the call that failed.
  package struct Failure: Error, Equatable {
    package let code: Int32

    /// The file does not exist.
    package var isMissing: Bool { code == ENOENT }

    /// In words, for an error message after the file's name.
    package var reason: String {
      switch code {
      case ENOENT: return "no such file"
      case EISDIR: return "it is a directory"
      case EACCES: return "permission denied"
      default: return String(cString: strerror(code))
      }
    }
    package init(code: Int32) {
      self.code = code
    }
  }

  /// The bytes of the file at `path`, or why they cannot be read.
  package static func contents(atPath path: String) -> Result<[UInt8], Failure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(Failure(code: errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(Failure(code: errno)) }
    if status.st_mode & S_IFMT == S_IFDIR { return .failure(Failure(code: EISDIR)) }
    let size = max(Int(status.st_size), 0)
    var failure: Int32 = 0
    // One byte more than the size: a full buffer means the file holds more than its size
    // said (a pipe, a file being written), and the rest is read on below.
    var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      while count < buffer.count {
        let got = read(descriptor, base + count, buffer.count - count)
        if got < 0 && errno == EINTR { continue }
        if got < 0 { failure = errno }
        if got <= 0 { return }
        count += got
      }
    }
    guard failure == 0 else { return .failure(Failure(code: failure)) }
    guard bytes.count > size else { return .success(bytes) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got < 0 { return .failure(Failure(code: errno)) }
      if got == 0 { return .success(bytes) }
      bytes.append(contentsOf: chunk[..<got])
    }
  }
}
