import Foundation
import PolicyTestSupport
import Testing

@Suite struct SearchCommandTests {
  func temporary() throws -> URL {
    let url = Scratch.root.appendingPathComponent("policyq-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func indexThenSearch_readableListAndExitCodes() throws {
    let directory = try temporary().appendingPathComponent("index")
    let indexing = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    #expect(indexing.status == 0)
    #expect(
      indexing.stdout.contains("indexed 5 documents (5 parsed, 0 unchanged, 0 removed, 0 failed)"))
    let search = try Policyq.run([
      "search", "绿色工厂", "dept:区经济信息委", "--index", directory.path, "--limit", "3",
    ])
    #expect(search.status == 0)
    #expect(search.stdout.contains("9.创建绿色工厂"))
    #expect(search.stdout.contains("responsible: 区经济信息委"))
    #expect(search.stdout.contains("000_3cf4a8736e0c5b8a.txt:66"))
    let nothing = try Policyq.run(["search", "量子计算机", "--index", directory.path])
    #expect(nothing.status == 1)
    #expect(nothing.stdout.contains("0 matches"))
    let again = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    #expect(again.stdout.contains("(0 parsed, 5 unchanged"))
  }

  @Test func csvRowsCarryTheDocumentsMetadata() throws {
    let directory = try temporary().appendingPathComponent("index")
    _ = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    let search = try Policyq.run([
      "search", "绿色工厂", "dept:区经济信息委", "--index", directory.path, "--format", "csv", "--limit", "3",
    ])
    #expect(search.status == 0)
    let rows = search.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(rows.first)
    #expect(
      header.prefix(12) == [
        "rank", "id", "kind", "score", "document_id", "document_title", "document_number", "issuer",
        "level", "region", "year", "document_kind",
      ])
    #expect(rows.count == 4)
    let first = Dictionary(uniqueKeysWithValues: zip(header, rows[1]))
    #expect(first["document_number"] == "永川府发〔2022〕11号")
    #expect(first["level"] == "district")
    #expect(first["region"] == "永川区")
    #expect(first["year"] == "2022")
    #expect(first["responsible_departments"]?.contains("区经济信息委") == true)
  }

  @Test func jsonHitsCarryExtractIds() throws {
    let directory = try temporary().appendingPathComponent("index")
    _ = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    let search = try Policyq.run([
      "search", "固废", "--index", directory.path, "--format", "json", "--explain",
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
    let hits = try #require(object["hits"] as? [[String: Any]])
    #expect(!hits.isEmpty)
    let extract = try Policyq.run(["extract", Policyq.seed("000")])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any])
    let measureIDs = Set(
      (document["measures"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
    #expect(hits.contains { measureIDs.contains($0["id"] as? String ?? "") })
    #expect((object["synonyms"] as? [[String: Any]])?.isEmpty == false)
  }

  /// JSON reports how many hits of each term stand as words; `--no-word-ranking` ranks by
  /// BM25 alone and leaves the count out.
  @Test func wordCounts_inJSON_andSwitchedOff() throws {
    let directory = try temporary().appendingPathComponent("index")
    _ = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    func terms(_ arguments: [String]) throws -> [[String: Any]] {
      let search = try Policyq.run(
        ["search", "用电", "--index", directory.path, "--format", "jsonl"] + arguments)
      #expect(search.status == 0)
      return try search.stdout.split(separator: "\n").flatMap { line -> [[String: Any]] in
        let hit = try #require(
          try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return hit["terms"] as? [[String: Any]] ?? []
      }
    }
    // 推广使用电、LNG等新能源乘用车 (seed 003): 用电 straddles 使用|电.
    #expect(try terms([]).contains { $0["term"] as? String == "用电" && $0["as_word"] as? Int == 0 })
    #expect(try terms(["--no-word-ranking"]).allSatisfy { $0["as_word"] == nil })
  }

  @Test func damagedIndex_clearErrorExit2() throws {
    let directory = try temporary().appendingPathComponent("index")
    _ = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    let current = try String(
      contentsOf: directory.appendingPathComponent("CURRENT"), encoding: .utf8
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let postings = directory.appendingPathComponent(current).appendingPathComponent("postings.bin")
    try Data(try Data(contentsOf: postings).prefix(100)).write(to: postings)
    let search = try Policyq.run(["search", "固废", "--index", directory.path])
    #expect(search.status == 2)
    #expect(search.stderr.contains("postings.bin: error: the index is damaged"))
  }

  @Test func bundledCorpus_indexedOnFirstUseIntoTheCache() throws {
    let cache = try temporary()
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = cache.path
    let first = try Policyq.run(["search", "固废", "--limit", "2"], environment: environment)
    #expect(first.status == 0)
    #expect(first.stderr.contains("indexing the bundled corpus"))
    let second = try Policyq.run(["search", "固废", "--limit", "2"], environment: environment)
    #expect(second.status == 0)
    #expect(second.stderr.isEmpty)
    #expect(first.stdout == second.stdout)
  }

  @Test func interruptedIndexing_leavesThePreviousIndexIntact() throws {
    let base = try temporary()
    let directory = base.appendingPathComponent("index")
    _ = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    let before = try Policyq.run(["search", "固废", "--index", directory.path])
    // A larger corpus to index: the seeds copied many times.
    let big = base.appendingPathComponent("big")
    try FileManager.default.createDirectory(at: big, withIntermediateDirectories: true)
    let seeds = try FileManager.default.contentsOfDirectory(
      atPath: Policyq.root.appendingPathComponent("corpus/documents").path)
    for copy in 0..<150 {
      for seed in seeds {
        try FileManager.default.copyItem(
          at: Policyq.root.appendingPathComponent("corpus/documents").appendingPathComponent(seed),
          to: big.appendingPathComponent("\(copy)-\(seed)"))
      }
    }
    let process = Process()
    process.executableURL = Policyq.executable
    process.arguments = ["index", big.path, "--index", directory.path]
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    // Killed once its new generation exists beside the live one: mid-build, whatever the
    // machine's speed (the generation's files are written last).
    func generationCount() -> Int {
      ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
        $0.hasPrefix("gen-")
      }.count
    }
    let deadline = Date().addingTimeInterval(60)
    while generationCount() < 2 && process.isRunning && Date() < deadline { usleep(5_000) }
    #expect(process.isRunning, "indexing finished before it could be interrupted")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let after = try Policyq.run(["search", "固废", "--index", directory.path])
    #expect(after.status == 0)
    #expect(after.stdout == before.stdout)
    // The next run cleans up and succeeds.
    let rerun = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    #expect(rerun.status == 0)
    let generations = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.hasPrefix("gen-")
    }
    #expect(generations.count == 1)
  }
}

/// What `policyq index` and `search` do with input a user mistypes.
@Suite struct IndexInputTests {
  func freshIndex() throws -> URL {
    let directory = Scratch.root.appendingPathComponent("policyq-cli-\(UUID().uuidString)")
      .appendingPathComponent("index")
    #expect(try Policyq.run(["index", "corpus/documents", "--index", directory.path]).status == 0)
    return directory
  }

  /// The paths given are the whole corpus, so a mistyped one must not empty the index.
  @Test func missingPath_leavesTheIndexUnchanged() throws {
    let directory = try freshIndex()
    let typo = try Policyq.run(["index", "corpus/documnets", "--index", directory.path])
    #expect(typo.status == 2)
    #expect(
      typo.stderr.contains(
        "corpus/documnets: error: no such file or directory; the index is left unchanged"))
    let search = try Policyq.run(["search", "固废", "--index", directory.path])
    #expect(search.status == 0)
    #expect(search.stdout.contains("000_3cf4a8736e0c5b8a.txt"))
  }

  /// Standard input and an empty directory are refused before anything is written.
  @Test func indexOfStandardInputOrEmptyDirectory_isAnError() throws {
    let directory = try freshIndex()
    let before = try String(
      contentsOf: directory.appendingPathComponent("CURRENT"), encoding: .utf8)
    let stdin = try Policyq.run(["index", "-", "--index", directory.path])
    #expect(stdin.status == 2)
    #expect(
      stdin.stderr.contains(
        "-: error: policyq index reads files and directories, not standard input"))
    let empty = Scratch.root.appendingPathComponent("policyq-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let none = try Policyq.run(["index", empty.path, "--index", directory.path])
    #expect(none.status == 2)
    #expect(
      none.stderr.contains(
        "\(empty.path): error: no .txt, .md, .html, .docx, .pdf or .ofd file in this directory"))
    #expect(
      try String(contentsOf: directory.appendingPathComponent("CURRENT"), encoding: .utf8) == before
    )
  }

  /// A mistyped long option is an error naming it (exit 64), not a query word: the query
  /// takes the words ArgumentParser does not know, so that -光伏 can be an exclusion.
  @Test func mistypedOption_isAnError() throws {
    let directory = try freshIndex()
    for arguments in [["search", "固废", "--limt", "3"], ["search", "固废", "--colour", "never"]] {
      let result = try Policyq.run(arguments + ["--index", directory.path])
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stderr.contains("Unknown option '\(arguments[2])'"), "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
    }
  }

  /// An exclusion is written like an option (-光伏): it belongs to the query.
  @Test func exclusionThatLooksLikeAnOption() throws {
    let directory = try freshIndex()
    func ids(_ words: [String]) throws -> Set<String> {
      let result = try Policyq.run(
        ["search"] + words + ["--index", directory.path, "--limit", "1000", "--format", "jsonl"])
      #expect(result.status == 0, "\(words): \(result.stderr)")
      return Set(
        try result.stdout.split(separator: "\n").map { line in
          let hit = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
          return try #require(hit["id"] as? String)
        })
    }
    let green = try ids(["绿色"])
    let withSolar = try ids(["绿色", "光伏"])
    let withoutSolar = try ids(["绿色", "-光伏"])
    #expect(!withSolar.isEmpty)
    #expect(withoutSolar == green.subtracting(withSolar))
  }
}
