import PolicyBytes

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's device and inode: what tells whether two paths reach the same file (`d/a.txt`
/// through `d` and `d/`, a link and its target, a hard link).
package struct FileIdentity: Hashable, Sendable {
  package var device: UInt64
  package var inode: UInt64

  /// The identity of the file at `path`, links followed (found by its bytes when a name
  /// in it is shown in another form); nil when it cannot be `stat`ed.
  package init?(path: String) {
    guard let status = NativePath.status(of: path) else { return nil }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
  }

  /// `paths` with each file once: the first path to reach it kept, in order. Paths that
  /// cannot be `stat`ed (missing ones, whose error comes when they are read) are kept,
  /// and "-" (standard input) once.
  package static func firstOfEach(_ paths: [String]) -> [String] {
    var seen: Set<FileIdentity> = []
    var seenPaths: Set<String> = []
    return paths.filter { path in
      guard seenPaths.insert(path).inserted else { return false }
      guard path != "-", let identity = FileIdentity(path: path) else { return true }
      return seen.insert(identity).inserted
    }
  }
}
