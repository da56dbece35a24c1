import PolicyBytes
import PolicyReaders

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size and modification time, read by one `stat`. `FileManager.attributesOfItem`
/// also looks up the names of the file's owner and group: about 0.2 ms a file, more than
/// reading a small document, and paid at the start of every search.
struct FileStatus: Equatable, Sendable {
  package var size: Int
  /// Seconds since 1970, with the file system's fraction.
  package var modified: Double

  /// nil when `path` cannot be read.
  package init?(path: String) {
    // A path whose names are shown in another form than their bytes (`NativePath`).
    guard let status = NativePath.status(of: path) else { return nil }
    size = Int(status.st_size)
    #if canImport(Darwin)
    modified = Double(status.st_mtimespec.tv_sec) + Double(status.st_mtimespec.tv_nsec) / 1e9
    #else
    modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
    #endif
  }
}
