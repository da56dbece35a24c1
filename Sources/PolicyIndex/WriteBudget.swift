import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes a build may still write to its index files before its writes fail the way
/// they fail on a full disk (`ENOSPC`). It lets a test reach the full-disk error path
/// without filling a disk. One budget is shared by the files of one build, written from
/// the two threads of the postings merge: it is taken under a lock.
final class WriteBudget: @unchecked Sendable {
  private var remaining: Int
  private let lock = NSLock()

  /// A budget of `bytes`.
  package init(bytes: Int) {
    remaining = bytes
  }

  /// Takes `count` bytes; nil when they fit, else the `errno` a full disk gives.
  func take(_ count: Int) -> Int32? {
    lock.lock()
    defer { lock.unlock() }
    guard count <= remaining else {
      remaining = 0
      return ENOSPC
    }
    remaining -= count
    return nil
  }
}
