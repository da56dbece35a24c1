import Foundation
import PolicyBytes

/// Where policyq keeps what it can rebuild (the folding table, the bundled corpus's index):
/// `$XDG_CACHE_HOME/policyq`, else `~/.cache/policyq`.
public enum CacheDirectory {
  /// The folder; nil when neither variable is set.
  public static var url: URL? {
    // getenv, not ProcessInfo: this runs at the start of every search.
    func variable(_ name: String) -> String? {
      getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
    guard
      let base = variable("XDG_CACHE_HOME").map({ URL(fileURLWithPath: $0) })
        ?? variable("HOME").map({ URL(fileURLWithPath: $0).appendingPathComponent(".cache") })
    else { return nil }
    return base.appendingPathComponent("policyq")
  }

  /// A folder of the cache for `path`, named `<prefix>-<hash of the path>`.
  public static func folder(_ prefix: String, for path: String) -> URL? {
    let hash = Array(path.utf8).withUnsafeBufferPointer { Checksum.fnv1a($0) }
    return url?.appendingPathComponent("\(prefix)-\(String(hash, radix: 16))")
  }
}
