import Foundation
import PolicyTestSupport
import Testing

/// `policyq export --opensearch DIR`: the format of what it writes (the bulk lines against
/// docs/opensearch-bulk.schema.json, the template as JSON with its analyzer chain and
/// keyword fields), the units the same as the index's, and a failed run that loses
/// nothing. No OpenSearch engine is run: these tests check the files only.
@Suite struct OpenSearchExportTests {
  static let bounds = RunBounds(seconds: 120, memoryMiB: 4096)

  /// A new folder under the scratch root.
  func folder(_ name: String) throws -> URL {
    let url = Scratch.root.appendingPathComponent("opensearch-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The lines of every `bulk-*.ndjson` of `directory`, files in name order.
  static func bulkLines(in directory: URL) throws -> (files: [String], lines: [Substring]) {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasPrefix("bulk-") }.sorted()
    var lines: [Substring] = []
    for name in names {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      #expect(text.hasSuffix("\n"), "\(name) ends without a line feed")
      lines += text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }
    return (names, lines)
  }

  /// The JSON object of `line`.
  static func object(_ line: Substring) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  /// Checks that `lines` are action and document pairs with matching, unique ids; returns
  /// the document lines.
  static func checkPairs(_ lines: [Substring]) throws -> [Substring] {
    #expect(lines.count % 2 == 0)
    var ids = Set<String>()
    var documents: [Substring] = []
    for pair in stride(from: 0, to: lines.count - 1, by: 2) {
      let action = try object(lines[pair])
      let id = try #require((action["index"] as? [String: Any])?["_id"] as? String)
      #expect(action.count == 1)
      let unitID = try object(lines[pair + 1])["unit_id"] as? String
      #expect(unitID == id)
      #expect(ids.insert(id).inserted, "\(id) twice")
      documents.append(lines[pair + 1])
    }
    return documents
  }

  @Test func export_seeds_unitLinesMatchTheIndexAndIdsAreUnique() throws {
    let scratch = try folder("seeds")
    let out = scratch.appendingPathComponent("out")
    let export = try Policyq.run(
      ["export", "--opensearch", out.path, "corpus/documents"], bounds: Self.bounds)
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("5 documents"), "\(export.stdout)")
    let (files, lines) = try Self.bulkLines(in: out)
    #expect(files == ["bulk-0001.ndjson"])
    let documents = try Self.checkPairs(lines)
    // The index of the same files holds as many units.
    let index = scratch.appendingPathComponent("index")
    let built = try Policyq.run(
      ["index", "--index", index.path, "corpus/documents"], bounds: Self.bounds)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stdout.contains(" \(documents.count) units"), "\(built.stdout)")
    // Read straight from that index, the units are the same, byte for byte.
    let fromIndex = scratch.appendingPathComponent("from-index")
    let second = try Policyq.run(
      ["export", "--opensearch", fromIndex.path, "--index", index.path], bounds: Self.bounds)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try Self.bulkLines(in: fromIndex).lines == lines)
    // A search hit is a unit of the export, with the filters' fields filled in.
    let search = try Policyq.run(
      ["search", "--index", index.path, "--format", "jsonl", "--limit", "1", "lead:区经济信息委"],
      bounds: Self.bounds)
    let firstHit = try #require(search.stdout.split(separator: "\n").first, "\(search.stderr)")
    let hitID = try #require(try Self.object(firstHit)["id"] as? String)
    let unit = try #require(
      try documents.map(Self.object).first { $0["unit_id"] as? String == hitID })
    let lead = try #require(
      ((unit["departments"] as? [String: Any])?["lead"] as? [String: Any])?["prefixed"]
        as? [String])
    #expect(lead.contains("区经济信息委"))
    #expect((unit["document"] as? [String: Any])?["level"] as? String == "district")
    // Nothing but the export is left beside it.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == [
        "from-index", "index", "out",
      ])
  }

  @Test(.enabled(if: JSONSchemaCheck.isAvailable))
  func export_seeds_everyDocumentLineValidatesAgainstTheSchema() throws {
    let out = try folder("schema").appendingPathComponent("out")
    let export = try Policyq.run(
      ["export", "--opensearch", out.path, "corpus/documents"], bounds: Self.bounds)
    #expect(export.status == 0, "\(export.stderr)")
    let documents = try Self.checkPairs(try Self.bulkLines(in: out).lines)
    #expect(documents.count > 100)
    let (status, report) = try JSONSchemaCheck.validate(
      documents, against: "opensearch-bulk.schema.json", label: ["unit_id"])
    #expect(status == 0, "\(report)")
    // The schema refuses a line with a field the template does not map.
    let extra = documents[0].dropLast() + ",\"unmapped\":1}"
    #expect(
      try JSONSchemaCheck.validate([extra], against: "opensearch-bulk.schema.json").status != 0)
  }

  @Test func export_template_hasTheAnalyzerChainAndKeywordFields() throws {
    let out = try folder("template").appendingPathComponent("out")
    let export = try Policyq.run(
      ["export", "--opensearch", out.path, Policyq.seed("000")], bounds: Self.bounds)
    #expect(export.status == 0, "\(export.stderr)")
    let data = try Data(contentsOf: out.appendingPathComponent("template.json"))
    let template = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(template["index_patterns"] as? [String] == ["policyq-units*"])
    let body = try #require(template["template"] as? [String: Any])
    let analysis = try #require(
      (body["settings"] as? [String: Any])?["analysis"] as? [String: Any])
    let analyzers = try #require(analysis["analyzer"] as? [String: [String: Any]])
    let filters = try #require(analysis["filter"] as? [String: [String: Any]])
    let charFilters = try #require(analysis["char_filter"] as? [String: [String: Any]])
    for (name, unigrams) in [("policyq_unigrams_bigrams", true), ("policyq_bigrams", false)] {
      let analyzer = try #require(analyzers[name], "\(name)")
      #expect(analyzer["tokenizer"] as? String == "standard")
      let chars = try #require(analyzer["char_filter"] as? [String])
      #expect(chars.map { charFilters[$0]?["type"] as? String } == ["icu_normalizer"])
      #expect(chars.map { charFilters[$0]?["name"] as? String } == ["nfkc_cf"])
      let chain = try #require(analyzer["filter"] as? [String]).map { try #require(filters[$0]) }
      #expect(chain.map { $0["type"] as? String } == ["icu_transform", "cjk_bigram"])
      #expect(chain[0]["id"] as? String == "Traditional-Simplified")
      #expect(chain[1]["output_unigrams"] as? Bool == unigrams)
    }
    let properties = try #require(
      (body["mappings"] as? [String: Any])?["properties"] as? [String: [String: Any]])
    #expect(properties["text"]?["analyzer"] as? String == "policyq_unigrams_bigrams")
    #expect(properties["text"]?["search_analyzer"] as? String == "policyq_bigrams")
    #expect(properties["unit_kind"]?["type"] as? String == "keyword")
    let document = try #require(properties["document"]?["properties"] as? [String: [String: Any]])
    for field in ["number", "number_folded", "level", "region_path", "region_folded", "kind"] {
      #expect(document[field]?["type"] as? String == "keyword", "document.\(field)")
    }
    #expect(document["year"]?["type"] as? String == "integer")
    let departments = try #require(
      properties["departments"]?["properties"] as? [String: [String: Any]])
    #expect(Set(departments.keys) == ["any", "lead", "responsible", "cooperating"])
    for (role, group) in departments {
      let keys = try #require(group["properties"] as? [String: [String: Any]])
      #expect(
        Set(keys.keys) == ["name", "canonical", "prefixed"]
          && keys.values.allSatisfy { $0["type"] as? String == "keyword" }, "\(role)")
    }
    // load.sh is written beside it (shown, never run by policyq or its tests).
    let script = try String(
      contentsOf: out.appendingPathComponent("load.sh"), encoding: .utf8)
    #expect(script.contains("_index_template/policyq-units") && script.contains("/_bulk"))
    // It parses as a shell script (`sh -n` reads it without running a command).
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/bin/sh")
    check.arguments = ["-n", out.appendingPathComponent("load.sh").path]
    try check.run()
    check.waitUntilExit()
    #expect(check.terminationStatus == 0)
  }

  @Test func export_smallBulkSize_splitsIntoFilesOfWholePairs() throws {
    let scratch = try folder("split")
    let whole = scratch.appendingPathComponent("whole")
    let split = scratch.appendingPathComponent("split")
    for (out, size) in [(whole, "50"), (split, "0.05")] {
      let export = try Policyq.run(
        ["export", "--opensearch", out.path, "--bulk-mib", size, "corpus/documents"],
        bounds: Self.bounds)
      #expect(export.status == 0, "\(export.stderr)")
    }
    let (files, lines) = try Self.bulkLines(in: split)
    #expect(files.count > 3, "\(files)")
    #expect(files.first == "bulk-0001.ndjson")
    for name in files {
      let bytes = try Data(contentsOf: split.appendingPathComponent(name))
      let pairs = bytes.split(separator: 0x0A).count / 2
      // At most 0.05 MiB, unless one unit alone is larger.
      #expect(bytes.count <= 52_429 || pairs == 1, "\(name): \(bytes.count) bytes")
      #expect(bytes.split(separator: 0x0A).count % 2 == 0, "\(name) cuts a pair")
    }
    #expect(lines == (try Self.bulkLines(in: whole).lines))
  }

  @Test func export_unreadableFile_isNamedAndTheOthersAreExported() throws {
    let scratch = try folder("bad")
    let bad = scratch.appendingPathComponent("broken.docx")
    try Data("not a zip".utf8).write(to: bad)
    let out = scratch.appendingPathComponent("out")
    let result = try Policyq.run(
      ["export", "--opensearch", out.path, Policyq.seed("000"), bad.path, Policyq.seed("001")],
      bounds: Self.bounds)
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.docx: error:"), "\(result.stderr)")
    let documents = try Self.checkPairs(try Self.bulkLines(in: out).lines)
    let paths = Set(
      try documents.map {
        try #require((try Self.object($0)["document"] as? [String: Any])?["path"] as? String)
      })
    #expect(paths == [Policyq.seed("000"), Policyq.seed("001")])
  }

  /// Files are parsed on `--jobs` threads and written in their order: one thread and four
  /// give the same bulk files and the same messages, a broken file named in its place.
  @Test func export_jobsOneAndFour_sameFilesAndMessages() throws {
    let scratch = try folder("jobs")
    let bad = scratch.appendingPathComponent("broken.docx")
    try Data("not a zip".utf8).write(to: bad)
    var runs: [(files: [String], lines: [Substring], stderr: String)] = []
    for jobs in ["1", "4"] {
      let out = scratch.appendingPathComponent("out-\(jobs)")
      let result = try Policyq.run(
        ["export", "--opensearch", out.path, "--jobs", jobs, Policyq.seed("000"), bad.path]
          + ["corpus/documents"], bounds: Self.bounds)
      #expect(result.status == 1)
      let (files, lines) = try Self.bulkLines(in: out)
      runs.append((files, lines, result.stderr))
    }
    #expect(runs[0].lines.count > 100)
    #expect(runs[0].files == runs[1].files && runs[0].lines == runs[1].lines)
    #expect(runs[0].stderr == runs[1].stderr && runs[0].stderr.contains("broken.docx: error:"))
  }

  @Test func export_directoryThatIsNotAnExport_isLeftAsItWas() throws {
    let scratch = try folder("foreign")
    let out = scratch.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: out.appendingPathComponent("notes.txt"))
    let result = try Policyq.run(
      ["export", "--opensearch", out.path, Policyq.seed("000")], bounds: Self.bounds)
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(out.path): error: exists and is not an export"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["notes.txt"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["mine"])
  }

  @Test func export_again_replacesTheEarlierExportWhole() throws {
    let scratch = try folder("again")
    let out = scratch.appendingPathComponent("out")
    let first = try Policyq.run(
      ["export", "--opensearch", out.path, "--bulk-mib", "0.05", "corpus/documents"],
      bounds: Self.bounds)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try Self.bulkLines(in: out).files.count > 1)
    // Written `out/`, it is the same directory (the temporary one goes beside it).
    let second = try Policyq.run(
      ["export", "--opensearch", out.path + "/", Policyq.seed("002")], bounds: Self.bounds)
    #expect(second.status == 0, "\(second.stderr)")
    let (files, lines) = try Self.bulkLines(in: out)
    #expect(files == ["bulk-0001.ndjson"])
    let paths = Set(
      try Self.checkPairs(lines).map {
        try #require((try Self.object($0)["document"] as? [String: Any])?["path"] as? String)
      })
    #expect(paths == [Policyq.seed("002")])
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out"])
  }

  @Test func export_bothOrNeitherTarget_isAUsageError() throws {
    let out = try folder("usage")
    let both = try Policyq.run(
      [
        "export", "--sqlite", out.appendingPathComponent("a.db").path, "--opensearch",
        out.appendingPathComponent("b").path, Policyq.seed("000"),
      ], bounds: Self.bounds)
    #expect(both.status == 64)
    #expect(both.stderr.contains("exactly one of --sqlite"), "\(both.stderr)")
    let neither = try Policyq.run(["export", Policyq.seed("000")], bounds: Self.bounds)
    #expect(neither.status == 64)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  @Test func export_killedWhileWriting_leavesNoDirectoryThenThePreviousIntact() throws {
    let scratch = try folder("killed")
    let killer = ExportInterruptionTests()
    let input = try killer.plan(measures: 4000, in: scratch)
    let out = scratch.appendingPathComponent("out").path
    let first = try #require(
      try killer.killWhileWriting(input, into: out, target: "--opensearch"),
      "the run ended too soon")
    #expect(!FileManager.default.fileExists(atPath: out))
    // The next run removes the killed run's temporary directory and writes DIR.
    let seeds = try Policyq.run(
      ["export", "--opensearch", out, "corpus/documents"], bounds: Self.bounds)
    #expect(seeds.status == 0, "\(seeds.stderr)")
    #expect(!FileManager.default.fileExists(atPath: first))
    let before = try Self.bulkLines(in: URL(fileURLWithPath: out)).lines
    #expect(!before.isEmpty)
    // Killed with an export at DIR: it is left as it was.
    _ = try #require(
      try killer.killWhileWriting(input, into: out, target: "--opensearch"),
      "the run ended too soon")
    #expect(try Self.bulkLines(in: URL(fileURLWithPath: out)).lines == before)
  }
}
