#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of files a process may hold open.
package enum OpenFileLimit {
  /// Raises the soft limit to the hard one (Debian's soft limit is 1,024): the merge of a
  /// large index reads about 170 segment files per GB of text on each of two threads.
  package static func raiseToHardLimit() {
    #if os(Linux)
    let resource = Int32(RLIMIT_NOFILE.rawValue)
    #else
    let resource = RLIMIT_NOFILE
    #endif
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(resource, &limit)
  }
}
