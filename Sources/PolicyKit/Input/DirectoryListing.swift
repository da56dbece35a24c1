#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The entries under a directory, read with `readdir(3)`: each entry's type comes with its
/// name, so only directories are opened and nothing is `stat`ed unless the file system
/// does not say. `FileManager`'s enumerator takes about 16 µs an entry (corpus-real's
/// 3,700 files: 60 ms, 1.5% of indexing them).
public enum DirectoryListing {
  /// The paths of the entries under `directory`, relative to it (`sub/a.txt`), at every
  /// depth, hidden ones included; symbolic links are listed but not followed. Unordered.
  /// nil when `directory` cannot be opened.
  public static func relativePaths(under directory: String) -> [String]? {
    var found: [String] = []
    guard list(directory, prefix: "", into: &found) else { return nil }
    return found
  }

  private static func list(_ directory: String, prefix: String, into found: inout [String]) -> Bool {
    guard let stream = opendir(directory) else { return false }
    defer { closedir(stream) }
    var subdirectories: [(path: String, relative: String)] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != ".." else { continue }
      let relative = prefix + name
      found.append(relative)
      let path = directory + "/" + name
      if isDirectory(type: entry.pointee.d_type, path: path) { subdirectories.append((path, relative)) }
    }
    for (path, relative) in subdirectories { _ = list(path, prefix: relative + "/", into: &found) }
    return true
  }

  /// Whether an entry is a directory (not a link to one): from its `d_type`, or from
  /// `lstat` where the file system leaves the type unknown.
  private static func isDirectory(type: UInt8, path: String) -> Bool {
    if type == UInt8(DT_DIR) { return true }
    guard type == UInt8(DT_UNKNOWN) else { return false }
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }
}
