import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output written under a temporary name beside its final one (`OUT.partial-PID`) and
/// renamed at the end, so that an interrupted or failed run leaves the final name as it
/// was: the SQLite export's database and the OpenSearch export's directory.
package enum PartialOutput {
  /// The temporary name a run writes beside `path`: `path.partial-PID`.
  package static func path(for path: String, process: Int32 = getpid()) -> String {
    "\(path).partial-\(process)"
  }

  /// Removes what runs that were killed left beside `path` (`path.partial-PID` and
  /// `path.old-PID`, files or directories, whose process is gone).
  package static func removeStale(of path: String) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    for entry in names {
      for prefix in [name + ".partial-", name + ".old-"] where entry.hasPrefix(prefix) {
        guard let process = Int32(entry.dropFirst(prefix.count)) else { continue }
        if process == getpid() || kill(process, 0) != 0 && errno == ESRCH {
          try? FileManager.default.removeItem(atPath: directory + "/" + entry)
        }
      }
    }
  }

  /// Syncs the directory holding `path`, so that a rename outlives a crash.
  package static func syncParent(of path: String) {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let descriptor = open(directory, O_RDONLY)
    if descriptor >= 0 {
      fsync(descriptor)
      close(descriptor)
    }
  }
}
