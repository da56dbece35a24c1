import Foundation
import PolicyText

/// A program policyq runs for a format it does not read itself (LibreOffice for .doc,
/// tesseract for scans): found on PATH, run under `timeout` (which kills its whole process
/// group when the time is up), its input empty, its errors discarded.
struct ExternalCommand {
  /// What the program is called in messages ("LibreOffice").
  let displayName: String
  /// Its path.
  let path: String

  /// The first of `names` that is an executable on PATH, if any.
  init?(displayName: String, names: [String]) {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    for name in names {
      for directory in directories
      where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        self.displayName = displayName
        self.path = "\(directory)/\(name)"
        return
      }
    }
    return nil
  }

  /// What a run gave: its exit status and its standard output.
  struct Outcome {
    var status: Int32
    var output: Data
  }

  /// Runs the program with `arguments` for the file `file`, at most `seconds`.
  /// - Throws: `TextError` naming `file` when the program cannot be started or takes
  ///   longer (`doing` says what for: "to convert this file").
  func run(_ arguments: [String], seconds: Int, for file: String, doing: String) throws
    -> Outcome
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = ["-k", "5", String(seconds), path] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw TextError.unreadable(path: file, reason: "cannot run \(displayName): \(error)")
    }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus == 124 || process.terminationStatus == 137 {
      throw TextError.malformedContainer(
        path: file, reason: "\(displayName) took more than \(seconds) s \(doing); not read")
    }
    return Outcome(status: process.terminationStatus, output: output)
  }
}
