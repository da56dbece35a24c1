#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of file a path names, from `stat`'s mode or `readdir`'s entry type: only
/// regular files are read; a FIFO or a device would block or never end.
package enum FileKind: Equatable, Sendable, CustomStringConvertible {
  case regular
  case directory
  case symbolicLink
  case fifo
  case socket
  case characterDevice
  case blockDevice
  /// A type the file system does not say (`DT_UNKNOWN`), or one not listed here.
  case unknown

  /// The kind a `stat` mode (`st_mode`) says.
  package init(mode: mode_t) {
    switch mode & S_IFMT {
    case S_IFREG: self = .regular
    case S_IFDIR: self = .directory
    case S_IFLNK: self = .symbolicLink
    case S_IFIFO: self = .fifo
    case S_IFSOCK: self = .socket
    case S_IFCHR: self = .characterDevice
    case S_IFBLK: self = .blockDevice
    default: self = .unknown
    }
  }

  /// The kind a directory entry's `d_type` says.
  package init(direntType: UInt8) {
    switch Int32(direntType) {
    case Int32(DT_REG): self = .regular
    case Int32(DT_DIR): self = .directory
    case Int32(DT_LNK): self = .symbolicLink
    case Int32(DT_FIFO): self = .fifo
    case Int32(DT_SOCK): self = .socket
    case Int32(DT_CHR): self = .characterDevice
    case Int32(DT_BLK): self = .blockDevice
    default: self = .unknown
    }
  }

  /// The kind of the file at `path` (NUL-terminated), links followed; nil when it cannot
  /// be `stat`ed (missing, a dangling link).
  package static func ofFile(atPath path: UnsafePointer<CChar>) -> FileKind? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return FileKind(mode: status.st_mode)
  }

  /// The kind of the file whose path is the bytes `path`, links followed; nil when it
  /// cannot be `stat`ed.
  package static func ofFile(atPath path: [UInt8]) -> FileKind? {
    FileBytes.withCString(path) { ofFile(atPath: $0) }
  }

  /// Whether a file of this kind is neither a regular file, a directory nor a link: one
  /// whose reading would block or never end.
  package var isSpecial: Bool {
    switch self {
    case .fifo, .socket, .characterDevice, .blockDevice: return true
    case .regular, .directory, .symbolicLink, .unknown: return false
    }
  }

  /// In words, after "not a regular file": "a FIFO", "a character device".
  package var description: String {
    switch self {
    case .regular: return "a regular file"
    case .directory: return "a directory"
    case .symbolicLink: return "a symbolic link"
    case .fifo: return "a FIFO"
    case .socket: return "a socket"
    case .characterDevice: return "a character device"
    case .blockDevice: return "a block device"
    case .unknown: return "a file of unknown type"
    }
  }
}
