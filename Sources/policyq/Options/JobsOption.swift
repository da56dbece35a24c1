import ArgumentParser
import Foundation

/// `--jobs N`: how many files are read and parsed at once.
struct JobsOption: ParsableArguments {
  @Option(
    name: .customLong("jobs"),
    help: ArgumentHelp(
      "Files read and parsed at once, on as many threads (default: the active processor count; 1 parses one file at a time). The output is the same for any number.",
      valueName: "N"))
  var value: Int?

  func validate() throws {
    if let value, value < 1 || value > 256 {
      throw ValidationError("--jobs: from 1 to 256 (got \(value))")
    }
  }

  /// The number of threads to parse with.
  var count: Int { value ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
