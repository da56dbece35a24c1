import Foundation
import PolicyTestSupport
import Testing

/// The pandas example of docs/sqlite-schema.md runs on an export of the seeds (skipped
/// where pandas is not installed: `apt-get install python3-pandas` or `pip install pandas`).
@Suite struct ExportExampleTests {
  /// A Python 3 that imports pandas: the one on PATH, else the system's (Debian's
  /// python3-pandas installs into /usr/bin/python3 when PATH holds another, as pyenv's).
  static let pythonWithPandas: [String]? = {
    for command in [["/usr/bin/env", "python3"], ["/usr/bin/python3"]] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: command[0])
      process.arguments = Array(command.dropFirst()) + ["-c", "import pandas"]
      process.standardError = Pipe()
      guard (try? process.run()) != nil else { continue }
      process.waitUntilExit()
      if process.terminationStatus == 0 { return command }
    }
    return nil
  }()

  /// The first ```python block after the "## pandas" heading.
  static func pandasExample() throws -> String {
    let doc = try String(
      contentsOf: Policyq.root.appendingPathComponent("docs/sqlite-schema.md"), encoding: .utf8)
    let section = try #require(doc.range(of: "\n## pandas\n"))
    let rest = doc[section.upperBound...]
    let start = try #require(rest.range(of: "```python\n"))
    let end = try #require(rest[start.upperBound...].range(of: "\n```"))
    return String(rest[start.upperBound..<end.lowerBound])
  }

  @Test(.enabled(if: SQLiteTool.isAvailable && ExportExampleTests.pythonWithPandas != nil))
  func pandasExample_runsOnAnExportOfTheSeeds() throws {
    let folder = Scratch.root.appendingPathComponent("export-pandas-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let export = try Policyq.run(
      ["export", "--sqlite", folder.appendingPathComponent("corpus.db").path, "corpus/documents"],
      bounds: .standard)
    #expect(export.status == 0)
    let process = Process()
    let python = try #require(Self.pythonWithPandas)
    process.executableURL = URL(fileURLWithPath: python[0])
    process.arguments = Array(python.dropFirst()) + ["-c", try Self.pandasExample()]
    process.currentDirectoryURL = folder
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let err = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(err)")
    // The seeds name 固废 in 9 measures (as `policyq search 固废 --no-synonyms` finds).
    #expect(out.contains("9 measures name 固废"), "\(out)")
    #expect(out.contains("district"))
  }
}
