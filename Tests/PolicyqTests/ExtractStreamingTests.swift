import Foundation
import PolicyTestSupport
import Testing

/// `policyq extract` streams: each document is written once parsed, in the order of the
/// files, with references among the batch resolved in both directions, on any number of
/// threads, in memory that does not grow with the batch.
@Suite struct ExtractStreamingTests {
  /// Three plans citing each other: a.txt cites b.txt by title and c.txt by number (both
  /// after it), c.txt cites a.txt by number (before it).
  static let citing = [
    "a.txt": """
    某市人民政府办公室关于印发某市推进绿色工厂建设实施方案的通知
    某府办发〔2024〕3号
    各区人民政府：
    一、总体要求
    认真落实《某市数字经济发展行动计划》和《某市节水型社会建设规划》（某府发〔2024〕9号），推进绿色工厂建设。

    """,
    "b.txt": """
    某市人民政府关于印发某市数字经济发展行动计划的通知
    某府发〔2024〕7号
    各区人民政府：
    一、总体要求
    加快数字经济发展。

    """,
    "c.txt": """
    某市人民政府关于印发某市节水型社会建设规划的通知
    某府发〔2024〕9号
    各区人民政府：
    一、总体要求
    按照《某市推进绿色工厂建设实施方案》（某府办发〔2024〕3号）要求，建设节水型社会。

    """,
  ]

  /// A new folder under the scratch folder holding `files` (name → text).
  static func folder(_ name: String, _ files: [String: String]) throws -> URL {
    let folder = Scratch.root.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (file, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(file))
    }
    return folder
  }

  /// The JSONL lines of `stdout` as objects.
  static func objects(_ stdout: String) throws -> [[String: Any]] {
    try stdout.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  @Test func references_resolvedForwardAndBackward() throws {
    let folder = try Self.folder("citing", Self.citing)
    for jobs in ["1", "2"] {
      let result = try Policyq.run(
        ["extract", "--format", "jsonl", "--jobs", jobs, folder.path],
        bounds: RunBounds(seconds: 60, memoryMiB: 1024))
      #expect(result.status == 0)
      let documents = try Self.objects(result.stdout)
      try #require(documents.count == 3)
      let ids = documents.map { $0["id"] as? String ?? "" }
      let references = documents.map { $0["references"] as? [[String: Any]] ?? [] }
      let resolved = references.map { list in
        list.map {
          "\($0["resolved_document"] as? String ?? "-") \($0["resolved_by"] as? String ?? "-")"
        }
      }
      #expect(resolved[0] == ["\(ids[1]) title", "\(ids[2]) document_number"])
      #expect(resolved[1].isEmpty)
      #expect(resolved[2] == ["\(ids[0]) document_number"])
    }
  }

  /// Standard input in a batch is read once (it cannot be read again for the second pass)
  /// and its references and the others' to it are resolved.
  @Test func standardInputInABatch_readOnceAndResolved() throws {
    let folder = try Self.folder("stdin", Self.citing.filter { $0.key != "a.txt" })
    let result = try Policyq.run(
      [
        "extract", "--format", "jsonl", "-", folder.appendingPathComponent("b.txt").path,
        folder.appendingPathComponent("c.txt").path,
      ], stdin: Data(try #require(Self.citing["a.txt"]).utf8),
      bounds: RunBounds(seconds: 60, memoryMiB: 1024))
    #expect(result.status == 0)
    let documents = try Self.objects(result.stdout)
    try #require(documents.count == 3)
    #expect((documents[0]["source"] as? [String: Any])?["path"] as? String == "-")
    let ids = documents.map { $0["id"] as? String ?? "" }
    let resolved = documents.map { document in
      (document["references"] as? [[String: Any]] ?? []).map {
        $0["resolved_document"] as? String ?? "-"
      }
    }
    #expect(resolved == [[ids[1], ids[2]], [], [ids[0]]])
  }

  /// Every format and table comes out the same, stdout and stderr, with one thread or four.
  @Test func jobsOneAndFour_sameOutput() throws {
    var files = Self.citing
    files["broken.docx"] = "not a zip archive"
    files["d.txt"] = "一、总体要求\n（一）推进绿色发展。\n（一）加强统筹。\n"
    let folder = try Self.folder("jobs", files)
    let seeds = Policyq.root.appendingPathComponent("corpus/documents").path
    let formats = [
      ["--format", "json"], ["--format", "jsonl"], ["--format", "tree"],
      ["--format", "csv", "--table", "documents"], ["--format", "csv", "--table", "references"],
      ["--format", "csv", "--table", "measures", "--bom"],
    ]
    for format in formats {
      let runs = try ["1", "4"].map {
        try Policyq.run(
          ["extract", "--jobs", $0] + format + [seeds, folder.path],
          bounds: RunBounds(seconds: 60, memoryMiB: 1024))
      }
      #expect(runs[0].status == 1, "\(format)")
      #expect(runs[0].stderr.contains("broken.docx: error"))
      #expect(!runs[0].stdout.isEmpty)
      #expect(runs[1].status == runs[0].status, "\(format)")
      #expect(runs[1].stdout == runs[0].stdout, "\(format)")
      #expect(runs[1].stderr == runs[0].stderr, "\(format)")
    }
  }

  /// Web pages read on two threads from a fresh process: libxml2 sets up its global state
  /// on first use, and two threads starting it at once waited on each other for ever (the
  /// CI's extract of corpus-real hung so once; 36 of 300 runs of this folder hung before
  /// the fix, none of 300 after). Thirty fresh processes must all finish.
  @Test func htmlOnTwoThreads_firstUse_finishes() throws {
    var files: [String: String] = [:]
    for number in 0..<4 {
      files["page\(number).html"] =
        "<html><body><h1>某区实施方案</h1><table><tr><td>任务\(number)</td></tr></table></body></html>"
    }
    let folder = try Self.folder("html-threads", files)
    for _ in 0..<30 {
      let run = try Policyq.run(
        ["extract", "--jobs", "2", "--format", "jsonl", folder.path],
        bounds: RunBounds(seconds: 30, memoryMiB: 1024))
      #expect(!run.timedOut)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.split(separator: "\n").count == 4)
    }
  }

  /// A file that cannot be read in the middle of a parallel batch is reported by name, in
  /// its place, and the others are all written, in order.
  @Test func failureInParallelBatch_reportedAndOthersWrittenInOrder() throws {
    var files: [String: String] = [:]
    for number in 1...9 {
      files[String(format: "f%02d.txt", number)] =
        "某区关于第\(number)项工作的通知\n一、总体要求\n推进第\(number)项工作。\n"
    }
    files["f05.txt"] = nil
    files["f05.docx"] = "PK\u{03}\u{04} a broken zip archive"
    let folder = try Self.folder("failing", files)
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", "--jobs", "4", folder.path],
      bounds: RunBounds(seconds: 60, memoryMiB: 1024))
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(folder.path)/f05.docx: error"))
    let paths = try Self.objects(result.stdout).map {
      (($0["source"] as? [String: Any])?["path"] as? String ?? "")
        .replacingOccurrences(of: folder.path + "/", with: "")
    }
    #expect(
      paths == [
        "f01.txt", "f02.txt", "f03.txt", "f04.txt", "f06.txt", "f07.txt", "f08.txt", "f09.txt",
      ])
  }

  /// A JSON array is written a document at a time: `[`, the documents, `]`; a batch where
  /// nothing can be read is still an array, empty.
  @Test func jsonArray_streamedWhole_emptyWhenNothingRead() throws {
    let folder = try Self.folder("array", Self.citing)
    let result = try Policyq.run(
      ["extract", "--format", "json", folder.path], bounds: RunBounds(seconds: 60, memoryMiB: 1024))
    #expect(result.status == 0)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 3)
    #expect(result.stdout.hasPrefix("[\n  {\n    \"schema_version\": 2,"))
    #expect(result.stdout.hasSuffix("\n  }\n]\n"))
    let broken = try Self.folder("broken", ["x.docx": "no zip", "y.docx": "no zip either"])
    let none = try Policyq.run(
      ["extract", "--format", "json", broken.path], bounds: RunBounds(seconds: 60, memoryMiB: 1024))
    #expect(none.status == 1)
    #expect(none.stdout == "[]\n")
    #expect(none.stderr.contains("x.docx: error") && none.stderr.contains("y.docx: error"))
  }

  /// 400 files of 200 KB (80 MB) are extracted within 400 MiB of address space: the
  /// documents are not all held. Before extract streamed, it held every document and
  /// failed this bound (it needed more than 500 MiB, checked with the debug build).
  @Test func manyFiles_memoryDoesNotGrowWithTheBatch() throws {
    let folder = try Self.folder("many", [:])
    let sentence = "坚持以新发展理念为指导，推动高质量发展，构建新发展格局，全面推进产业转型升级。"
    let paragraph = String(repeating: sentence, count: 8)
    for number in 0..<400 {
      var text = "某市人民政府关于印发某市第\(number)号产业发展实施方案的通知\n某府发〔2024〕\(number + 1)号\n一、总体要求\n"
      var line = 0
      while text.utf8.count < 200_000 {
        line += 1
        text += paragraph + "第\(number)-\(line)段。\n"
      }
      try Data(text.utf8).write(
        to: folder.appendingPathComponent(String(format: "doc%03d.txt", number)))
    }
    let result = try Policyq.run(
      ["extract", "--format", "csv", "--table", "documents", folder.path],
      bounds: RunBounds(seconds: 120, memoryMiB: 400))
    #expect(!result.timedOut)
    #expect(result.status == 0, "\(result.stderr.suffix(500))")
    let rows = try CSVRows.parse(result.stdout)
    #expect(rows.count == 401)
    #expect(rows.last?[1].hasSuffix("doc399.txt") == true)
  }
}
