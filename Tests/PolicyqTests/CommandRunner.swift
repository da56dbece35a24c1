import Foundation

/// Runs the built `policyq` binary and captures what it prints.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
  /// Whether the run was killed for going over its time bound (`Policyq.run(_:bounds:)`).
  var timedOut = false
}

/// Bounds on one run of the command, so that a regression to unbounded time or memory
/// fails its test instead of taking the machine down.
struct RunBounds {
  /// Wall-clock seconds before the process is killed.
  var seconds: Double
  /// Address space the process may map, in MiB (`ulimit -v`).
  var memoryMiB: Int

  /// Generous for any test input: 60 s and 4 GiB of address space.
  static let standard = RunBounds(seconds: 60, memoryMiB: 4096)
}

enum Policyq {
  /// The repository root.
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// The `policyq` executable next to the test bundle (the same build directory).
  static let executable: URL = {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("policyq")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    return root.appendingPathComponent(".build/debug/policyq")
  }()

  static func seed(_ prefix: String) -> String {
    let directory = root.appendingPathComponent("corpus/documents")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    let name = names.sorted().first { $0.hasPrefix(prefix) } ?? prefix
    return directory.appendingPathComponent(name).path
  }

  /// Runs `policyq arguments…` with `stdin` as standard input.
  static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil)
    throws -> CommandResult
  {
    try run(arguments, stdin: stdin, environment: environment, bounds: nil)
  }

  /// Runs `policyq arguments…` within `bounds`: its address space limited by the shell's
  /// `ulimit -v`, and killed when it runs longer (`timedOut` is then true).
  static func run(
    _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
    bounds: RunBounds?
  ) throws -> CommandResult {
    let process = Process()
    if let bounds {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments =
        ["-c", "ulimit -v \(bounds.memoryMiB * 1024) && exec \"$0\" \"$@\"", executable.path]
        + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    process.currentDirectoryURL = root
    var environment = environment ?? ProcessInfo.processInfo.environment
    environment["COLUMNS"] = "100"
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = input
    try process.run()
    let timer = TimeBound(process: process, seconds: bounds?.seconds)
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Both pipes are drained at once: a command that fills one while the other is read
    // would otherwise wait forever.
    nonisolated(unsafe) var errData = Data()
    let errorDone = DispatchSemaphore(value: 0)
    let drain = Thread {
      errData = error.fileHandleForReading.readDataToEndOfFile()
      errorDone.signal()
    }
    drain.start()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    errorDone.wait()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), timedOut: timer.fired)
  }
}

/// Kills a process that runs past its bound.
private final class TimeBound: @unchecked Sendable {
  private let lock = NSLock()
  private var firedValue = false
  /// Whether the bound was reached and the process killed.
  var fired: Bool { lock.withLock { firedValue } }

  init(process: Process, seconds: Double?) {
    guard let seconds else { return }
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
      guard process.isRunning else { return }
      lock.withLock { firedValue = true }
      kill(pid, SIGKILL)
    }
  }
}
