#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole file read into `[UInt8]` with `read(2)`. `FileManager.contents(atPath:)`
/// returns `Data`, which then had to be copied into an array: a second pass over every
/// byte, and a second buffer's pages to fault in, for each document read.
enum FileBytes {
  /// The bytes of the file at `path`, or nil when it cannot be opened or read (the
  /// caller tells why).
  static func contents(atPath path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    let size = max(Int(status.st_size), 0)
    var failed = false
    // One byte more than the size: a full buffer means the file holds more than its size
    // said (a pipe, a file being written), and the rest is read on below.
    var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      while count < buffer.count {
        let got = read(descriptor, base + count, buffer.count - count)
        if got < 0 && errno == EINTR { continue }
        if got <= 0 {
          failed = got < 0
          return
        }
        count += got
      }
    }
    guard !failed else { return nil }
    guard bytes.count > size else { return bytes }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got < 0 { return nil }
      if got == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<got])
    }
  }
}
