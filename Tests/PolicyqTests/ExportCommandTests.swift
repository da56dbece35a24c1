import Foundation
import PolicyTestSupport
import Testing

/// `policyq export --sqlite`: the database opens in the system's sqlite3, its keys hold,
/// its tables hold what `policyq extract --format json` holds, and a failed or killed run
/// never leaves half a database.
@Suite(.enabled(if: SQLiteTool.isAvailable)) struct ExportCommandTests {
  static let bounds = RunBounds(seconds: 120, memoryMiB: 4096)

  /// A new folder under the scratch root.
  func folder(_ name: String) throws -> URL {
    let url = Scratch.root.appendingPathComponent("export-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The rows each table should hold, counted in the JSON of `policyq extract` (without
  /// documents of a text already seen, which the database holds once).
  static func expectedCounts(ofExtractJSON json: String) throws -> [String: Int] {
    let documents = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    var counts: [String: Int] = [:]
    var seen = Set<String>()
    for document in documents {
      guard let id = document["id"] as? String, seen.insert(id).inserted else { continue }
      counts["documents", default: 0] += 1
      for key in [
        "sections", "measures", "targets", "target_sentences", "references", "diagnostics",
      ] {
        counts[key, default: 0] += (document[key] as? [Any])?.count ?? 0
      }
      // One row per department named in a clause.
      for clause in document["responsibilities"] as? [[String: Any]] ?? [] {
        counts["responsibilities", default: 0] += (clause["departments"] as? [Any])?.count ?? 0
      }
    }
    counts["measure_fts"] = counts["measures"]
    return counts
  }

  /// Checks that `database` opens, passes its integrity and key checks, carries the schema
  /// version, and holds the rows `json` holds.
  static func checkDatabase(_ database: String, againstExtractJSON json: String) throws {
    let integrity = try SQLiteTool.query(database, "PRAGMA integrity_check;")
    #expect(integrity.status == 0, "\(integrity.error)")
    #expect(integrity.lines == ["ok"])
    let keys = try SQLiteTool.query(database, "PRAGMA foreign_key_check;")
    #expect(keys.status == 0 && keys.lines.isEmpty, "\(keys.lines.prefix(5)) \(keys.error)")
    #expect(try SQLiteTool.query(database, "PRAGMA user_version;").lines == ["1"])
    for (table, expected) in try expectedCounts(ofExtractJSON: json).sorted(by: { $0.key < $1.key })
    {
      #expect(try SQLiteTool.count(database, table) == expected, "\(table)")
    }
  }

  @Test func export_seeds_opensWithKeysCheckedAndCountsOfTheExtractJSON() throws {
    let out = try folder("seeds").appendingPathComponent("seeds.db").path
    let export = try Policyq.run(
      ["export", "--sqlite", out, "corpus/documents"], bounds: Self.bounds)
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("5 documents"))
    let extract = try Policyq.run(
      ["extract", "--format", "json", "corpus/documents"], bounds: Self.bounds)
    try Self.checkDatabase(out, againstExtractJSON: extract.stdout)
    // The views join: every measure has its document, every target its document.
    #expect(
      try SQLiteTool.query(out, "SELECT count(*) FROM measures_with_document;").lines
        == [String(try #require(try SQLiteTool.count(out, "measures")))])
    #expect(
      try SQLiteTool.query(out, "SELECT count(*) FROM targets_with_measure_and_document;").lines
        == [String(try #require(try SQLiteTool.count(out, "targets")))])
    // No temporary file is left beside it.
    let names = try FileManager.default.contentsOfDirectory(
      atPath: URL(fileURLWithPath: out).deletingLastPathComponent().path)
    #expect(names == ["seeds.db"])
  }

  @Test func export_fullTextFindsTheMeasuresSearchFinds() throws {
    let scratch = try folder("fts")
    let out = scratch.appendingPathComponent("seeds.db").path
    let index = scratch.appendingPathComponent("index").path
    #expect(
      try Policyq.run(["export", "--sqlite", out, "corpus/documents"], bounds: Self.bounds).status
        == 0)
    #expect(
      try Policyq.run(["index", "--index", index, "corpus/documents"], bounds: Self.bounds).status
        == 0)
    func searched(_ extra: [String]) throws -> Set<String> {
      let result = try Policyq.run(
        [
          "search", "固废", "--index", index, "--unit", "measure", "--limit", "1000", "--format",
          "jsonl",
        ] + extra, bounds: Self.bounds)
      return Set(
        result.stdout.split(separator: "\n").compactMap {
          (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"]
            as? String
        })
    }
    let found = try SQLiteTool.query(
      out, "SELECT measure_id FROM measure_fts WHERE measure_fts MATCH '\"固 废\"';")
    #expect(found.status == 0, "\(found.error)")
    let exact = try searched(["--no-synonyms"])
    #expect(exact.count >= 5, "the seeds name 固废 in several measures")
    #expect(Set(found.lines) == exact)
    #expect(found.lines.count == exact.count)
    // With its synonyms (固体废物 …) search finds more; the full-text table knows none.
    #expect(try searched([]).isSuperset(of: exact))
    // The body is folded: the measures of the seed in Traditional characters (固廢) are
    // found by 固废; a query is not folded, so "固 廢" finds nothing (docs/sqlite-schema.md).
    let traditional = try Policyq.run(
      ["extract", "--format", "jsonl", Policyq.seed("004")], bounds: Self.bounds)
    let traditionalID = try #require(
      (try JSONSerialization.jsonObject(with: Data(traditional.stdout.utf8)) as? [String: Any])?[
        "id"] as? String)
    #expect(found.lines.contains { $0.hasPrefix(traditionalID + "#") })
    let unfolded = try SQLiteTool.query(
      out, "SELECT count(*) FROM measure_fts WHERE measure_fts MATCH '\"固 廢\"';")
    #expect(unfolded.lines == ["0"])
  }

  @Test func export_fromIndex_equalsTheExportOfThePaths() throws {
    let scratch = try folder("index")
    let index = scratch.appendingPathComponent("index").path
    let byPaths = scratch.appendingPathComponent("paths.db").path
    let byIndex = scratch.appendingPathComponent("index.db").path
    #expect(
      try Policyq.run(["index", "--index", index, "corpus/documents"], bounds: Self.bounds).status
        == 0)
    let paths = try Policyq.run(
      ["export", "--sqlite", byPaths, "corpus/documents"], bounds: Self.bounds)
    let indexed = try Policyq.run(
      ["export", "--sqlite", byIndex, "--index", index], bounds: Self.bounds)
    #expect(paths.status == 0 && indexed.status == 0, "\(indexed.stderr)")
    let dumpOfPaths = try SQLiteTool.query(byPaths, ".dump")
    let dumpOfIndex = try SQLiteTool.query(byIndex, ".dump")
    #expect(dumpOfPaths.lines.count > 100)
    // The index keeps the paths as they were given: the same files, the same rows.
    #expect(dumpOfIndex.lines == dumpOfPaths.lines)
  }

  @Test func export_badFile_isNamedAndTheRestExportedWithExit1() throws {
    let scratch = try folder("bad")
    let bad = scratch.appendingPathComponent("broken.docx")
    try Data("not a zip".utf8).write(to: bad)
    let out = scratch.appendingPathComponent("out.db").path
    let result = try Policyq.run(
      ["export", "--sqlite", out, bad.path, Policyq.seed("000"), Policyq.seed("001")],
      bounds: Self.bounds)
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.docx: error:"), "\(result.stderr)")
    #expect(try SQLiteTool.count(out, "documents") == 2)
  }

  @Test func export_failingRename_leavesWhatStoodAtOutAndNoTemporaryFile() throws {
    let scratch = try folder("unwritable")
    // A directory stands at OUT: the database is written, then cannot replace it.
    let out = scratch.appendingPathComponent("out.db")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("kept".utf8).write(to: out.appendingPathComponent("inside.txt"))
    let result = try Policyq.run(
      ["export", "--sqlite", out.path, Policyq.seed("000")], bounds: Self.bounds)
    #expect(result.status == 1)
    #expect(result.stderr.contains("out.db: error: sqlite: rename"), "\(result.stderr)")
    #expect(
      try Data(contentsOf: out.appendingPathComponent("inside.txt")) == Data("kept".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out.db"])
  }
}
