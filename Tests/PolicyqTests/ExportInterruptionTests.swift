import Foundation
import PolicyTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A `policyq export --sqlite` killed while it writes leaves no file at OUT, or the
/// previous database there intact; the next run removes its temporary file.
@Suite(.enabled(if: SQLiteTool.isAvailable)) struct ExportInterruptionTests {
  /// A plan with `count` numbered measures, each with a target and two departments: a
  /// few seconds of writing in a debug build.
  func plan(measures count: Int, in folder: URL) throws -> String {
    var lines = ["关于印发某区行动方案的通知", "一、重点任务"]
    for number in 1...count {
      lines.append(
        "（\(number)）推进第\(number)项固废综合利用工作，到2025年利用率达到\(number % 90)%。"
          + "（责任单位：区生态环境局、区发展改革委）")
    }
    let file = folder.appendingPathComponent("plan.txt")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
    return file.path
  }

  /// Starts an export of `input` into `out` (`target`: `--sqlite` or `--opensearch`),
  /// kills it with SIGKILL as soon as its temporary file appears, and returns that file's
  /// path (nil if the run ended first).
  func killWhileWriting(_ input: String, into out: String, target: String = "--sqlite") throws
    -> String?
  {
    let process = Process()
    process.executableURL = Policyq.executable
    process.arguments = ["export", target, out, input]
    process.standardOutput = Pipe()
    process.standardError = FileHandle.nullDevice
    try process.run()
    let partial = "\(out).partial-\(process.processIdentifier)"
    let deadline = Date().addingTimeInterval(120)
    defer {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    while process.isRunning && Date() < deadline {
      if FileManager.default.fileExists(atPath: partial) {
        kill(process.processIdentifier, SIGKILL)
        return partial
      }
      usleep(2_000)
    }
    return nil
  }

  @Test func export_killedWhileWriting_leavesNoFileAtOutThenThePreviousIntact() throws {
    let scratch = Scratch.root.appendingPathComponent("export-killed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let input = try plan(measures: 4000, in: scratch)
    let out = scratch.appendingPathComponent("out.db").path

    // Killed with nothing at OUT: nothing is there after.
    let first = try #require(try killWhileWriting(input, into: out), "the run ended too soon")
    #expect(!FileManager.default.fileExists(atPath: out))

    // The next run removes the killed run's temporary file and writes OUT.
    let seeds = try Policyq.run(
      ["export", "--sqlite", out, "corpus/documents"],
      bounds: RunBounds(seconds: 120, memoryMiB: 4096))
    #expect(seeds.status == 0, "\(seeds.stderr)")
    #expect(!FileManager.default.fileExists(atPath: first))
    let before = try Data(contentsOf: URL(fileURLWithPath: out))

    // Killed with a database at OUT: it is left as it was, and still opens.
    _ = try #require(try killWhileWriting(input, into: out), "the run ended too soon")
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
    #expect(try SQLiteTool.query(out, "PRAGMA integrity_check;").lines == ["ok"])
    #expect(try SQLiteTool.count(out, "documents") == 5)
  }
}
