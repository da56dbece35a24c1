import Foundation

/// The folder every test writes its temporary files in: one per test process, under the
/// system's temporary directory, removed when the process exits.
public enum Scratch {
  /// The process's scratch folder, made at first use.
  public static let root: URL = {
    let url = URL(fileURLWithPath: path, isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: Scratch.path) }
    return url
  }()

  /// `root`'s path, which the exit handler reads (it may capture nothing).
  static let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "policyq-tests-\(getpid())"
  ).path
}
