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
      // Only the bytes up to the name's NUL: a record is as long as its name, so loading
      // the whole `d_name` array read past the end of readdir's buffer (a crash when that
      // was the end of a mapping: 1 run in 3 of `extract ../shared/corpus-real`).
      let name = Self.name(of: entry)
      guard name != [0x2E], name != [0x2E, 0x2E] else { continue }
      entries.append(Entry(name: name, kind: FileKind(direntType: entry.pointee.d_type)))
    }
    return .success(entries)
  }

  /// The bytes of an entry's name, read up to its NUL and no further.
  private static func name(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
    guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return [] }
    let start = UnsafeRawPointer(entry) + offset
    let length = strlen(start.assumingMemoryBound(to: CChar.self))
    return Array(UnsafeRawBufferPointer(start: start, count: length))
  }
}
