#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read into `[UInt8]` with `read(2)`. `FileManager.contents(atPath:)`
/// returns `Data`, which then had to be copied into an array: a second pass over every
/// byte, and a second buffer's pages to fault in, for each document read.
///
/// Only regular files are read: the path is `stat`ed before it is opened (opening a FIFO
/// for reading waits for a writer), and opened without blocking in case it changed in
/// between. A file that grows while it is read is read up to `maximumGrowth` bytes past
/// the size it had when opened (`/dev/zero` behind a link, a log being written).
package enum FileBytes {
  /// How many bytes past its size at opening a file may grow while it is read.
  package static let maximumGrowth = 64 << 20

  /// Why a file could not be read: the `errno` of the call that failed, or what kind of
  /// file it is when it is not a regular one.
  package struct Failure: Error, Equatable {
    package let code: Int32
    /// The file's kind when it is neither a regular file nor a directory.
    package var kind: FileKind?
    /// For a file that grew while it was read (`EFBIG`), the bytes it was allowed to grow.
    package var growthLimit: Int?
    /// For a stream that held more than may be read of one (`E2BIG`), that limit in bytes.
    package var readLimit: Int?

    /// The file does not exist.
    package var isMissing: Bool { code == ENOENT }

    /// In words, for an error message after the file's name.
    package var reason: String {
      if let kind { return "not a regular file (\(kind))" }
      switch code {
      case ENOENT: return "no such file"
      case EISDIR: return "it is a directory"
      case EACCES: return "permission denied"
      case EFBIG:
        let limit =
          growthLimit.map { $0 >= 1 << 20 ? "\($0 >> 20) MiB" : "\($0) bytes" } ?? "the limit"
        return "it grew by more than \(limit) while it was read"
      case E2BIG:
        return
          "it holds more than \((readLimit ?? 0) >> 20) MiB, the most read from a stream; give a file"
      default: return String(cString: strerror(code))
      }
    }
    package init(code: Int32, kind: FileKind? = nil, growthLimit: Int? = nil, readLimit: Int? = nil)
    {
      self.code = code
      self.kind = kind
      self.growthLimit = growthLimit
      self.readLimit = readLimit
    }
  }

  /// The bytes of the file at `path`, or why they cannot be read.
  /// - Parameter maximumGrowth: how many bytes past its size at opening the file may grow
  ///   while it is read.
  package static func contents(
    atPath path: String, maximumGrowth: Int = FileBytes.maximumGrowth
  ) -> Result<[UInt8], Failure> {
    path.withCString { contents(atPath: $0, maximumGrowth: maximumGrowth) }
  }

  /// The bytes of the file whose path is the bytes `path` (which need not be UTF-8).
  package static func contents(atPathBytes path: [UInt8]) -> Result<[UInt8], Failure> {
    withCString(path) { contents(atPath: $0, maximumGrowth: maximumGrowth) }
  }

  /// Calls `body` with the bytes `path` as a NUL-terminated C string, for the system calls
  /// that take a path (a name that is not UTF-8 cannot go through `String`).
  package static func withCString<Result>(
    _ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result
  ) -> Result {
    let terminated = path.map { CChar(bitPattern: $0) } + [0]
    return body(terminated)
  }

  /// The bytes of the file at `path` (NUL-terminated).
  private static func contents(atPath path: UnsafePointer<CChar>, maximumGrowth: Int) -> Result<
    [UInt8], Failure
  > {
    // Before opening: a FIFO would block in open(2), a device would be opened.
    guard let kind = FileKind.ofFile(atPath: path) else {
      return .failure(Failure(code: errno))
    }
    if let failure = failure(for: kind) { return .failure(failure) }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(Failure(code: errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(Failure(code: errno)) }
    // What was opened, which may not be what was looked at.
    if let failure = failure(for: FileKind(mode: status.st_mode)) { return .failure(failure) }
    let size = max(Int(status.st_size), 0)
    var failure: Int32 = 0
    // One byte more than the size: a full buffer means the file holds more than its size
    // said (a file being written, or one in /proc), and the rest is read on below.
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
    let limit = size + maximumGrowth
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got < 0 { return .failure(Failure(code: errno)) }
      if got == 0 { return .success(bytes) }
      if bytes.count + got > limit {
        return .failure(Failure(code: EFBIG, growthLimit: maximumGrowth))
      }
      bytes.append(contentsOf: chunk[..<got])
    }
  }

  /// The most bytes read from standard input (a stream has no size to check first).
  package static let standardInputLimit = 512 << 20

  /// The bytes of standard input, or why they cannot be read: more than `limit` of them
  /// (`/dev/zero`, a runaway pipe) is an error, not a process that grows until it is killed.
  package static func standardInput(limit: Int = standardInputLimit) -> Result<[UInt8], Failure> {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got < 0 { return .failure(Failure(code: errno)) }
      if got == 0 { return .success(bytes) }
      if bytes.count + got > limit { return .failure(Failure(code: E2BIG, readLimit: limit)) }
      bytes.append(contentsOf: chunk[..<got])
    }
  }

  /// Why a file of `kind` is not read, or nil for a regular file.
  private static func failure(for kind: FileKind) -> Failure? {
    switch kind {
    case .regular: return nil
    case .directory: return Failure(code: EISDIR)
    default: return Failure(code: EINVAL, kind: kind)
    }
  }
}
