import Foundation
import PolicyTestSupport
import Testing

/// `policyq export --sqlite` over ../shared/corpus-real, when it is there (skipped when
/// it is not): the database opens, its keys hold, and it holds the rows of the JSON. The
/// laws folder (63 of its 71 MB) is left out: a debug build takes minutes over it; the
/// benchmark (Scripts/benchmark-export.sh) exports the whole corpus.
@Suite struct ExportCorpusRealTests {
  static let corpusReal = Policyq.root.deletingLastPathComponent().appendingPathComponent(
    "shared/corpus-real")

  /// The folders of corpus-real exported, those present.
  static let folders: [String] = [
    "state-council", "shanghai", "work-reports", "county-html",
    "gov-html", "pkulaw",
  ].map { corpusReal.appendingPathComponent($0).path }.filter {
    FileManager.default.fileExists(atPath: $0)
  }

  @Test(.enabled(if: SQLiteTool.isAvailable && !ExportCorpusRealTests.folders.isEmpty))
  func export_corpusReal_opensWithKeysCheckedAndCountsOfTheExtractJSON() throws {
    let bounds = RunBounds(seconds: 600, memoryMiB: 8192)
    let folder = Scratch.root.appendingPathComponent("export-real-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let out = folder.appendingPathComponent("real.db").path
    let export = try Policyq.run(["export", "--sqlite", out] + Self.folders, bounds: bounds)
    #expect(!export.timedOut)
    // Files that cannot be read (empty ones) are named, and the rest is exported.
    #expect(
      export.status == 0 || export.stderr.contains(": error:"), "\(export.stderr.suffix(500))")
    let extract = try Policyq.run(["extract", "--format", "json"] + Self.folders, bounds: bounds)
    #expect(extract.status == export.status)
    try ExportCommandTests.checkDatabase(out, againstExtractJSON: extract.stdout)
    #expect(try SQLiteTool.count(out, "documents") ?? 0 > 100)
  }
}
