#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of one directory as `readdir(3)` gives them: each name as its bytes (which
/// need not be UTF-8) with the kind the file system reports, "." and ".." left out.
package enum DirectoryEntries {
  /// One entry of a directory.
  package struct Entry: Equatable, Sendable {
    /// The name's bytes.
    package var name: [UInt8]
    /// The kind `d_type` says: `.unknown` where the file system does not say.
    package var kind: FileKind
  }

  /// The entries of the directory at the bytes `directory`, unordered, or why it cannot
  /// be opened.
  package static func read(_ directory: [UInt8]) -> Result<[Entry], FileBytes.Failure> {
    guard let stream = FileBytes.withCString(directory, { opendir($0) }) else {
      return .failure(FileBytes.Failure(code: errno))
    }
    defer { closedir(stream) }
    var entries: [Entry] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
      guard name != [0x2E], name != [0x2E, 0x2E] else { continue }
      entries.append(Entry(name: name, kind: FileKind(direntType: entry.pointee.d_type)))
    }
    return .success(entries)
  }
}
