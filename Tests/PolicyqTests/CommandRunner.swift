import Foundation

/// Runs the built `policyq` binary and captures what it prints.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
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
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
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
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
