import Foundation
import PolicyTestSupport
import Testing

@Suite struct ExtractCommandTests {
  @Test func json_oneDocumentWithLocatedItems() throws {
    let result = try Policyq.run(["extract", Policyq.seed("000")])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 2)
    let id = try #require(object["id"] as? String)
    let measures = try #require(object["measures"] as? [[String: Any]])
    #expect(measures.count == 23)  // 1.–19. and the four items of 四、实施保障
    #expect(measures[4]["id"] as? String == "\(id)#m5")
    #expect(measures[4]["lead_departments"] as? [String] == ["区经济信息委"])
    let targets = try #require(object["targets"] as? [[String: Any]])
    let energy = try #require(
      targets.first { ($0["indicator_key"] as? String) == "industrial_energy_intensity" })
    #expect(energy["value"] as? Double == 14.5)
    let location = try #require(energy["location"] as? [String: Any])
    #expect(location["line"] as? Int == 30)
    // The source bytes of the location are the characters "14.5%".
    let bytes = try #require(location["source_bytes"] as? [Int])
    let source = try Data(contentsOf: URL(fileURLWithPath: Policyq.seed("000")))
    #expect(String(decoding: source[bytes[0]..<bytes[1]], as: UTF8.self) == "14.5%")
    let metadata = try #require(object["metadata"] as? [String: Any])
    let number = try #require(metadata["document_number"] as? [String: Any])
    #expect(number["issuer_code"] as? String == "永川府发")
    #expect(number["serial"] as? Int == 11)
  }

  /// A custom dictionary's short rows are reported with file and line, and the rest is used.
  @Test func customDictionaries_shortRowsWarnedWithLine() throws {
    let directory = Scratch.root.appendingPathComponent("policyq-dicts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try
      "# key\tlabel\tphrasings\nenergy_intensity\t单位GDP能耗\t单位地区生产总值能耗|单位工业增加值能耗\nwater_intensity\t用水量\n"
      .write(
        to: directory.appendingPathComponent("indicators.tsv"), atomically: true, encoding: .utf8)
    try "固废\t固体废物\n\n危废\n".write(
      to: directory.appendingPathComponent("synonyms.tsv"), atomically: true, encoding: .utf8)
    let result = try Policyq.run([
      "extract", Policyq.seed("000"), "--dictionaries", directory.path, "--format", "csv",
      "--table", "targets",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.contains("indicators.tsv:3: warning: needs a key, a label and phrasings"))
    #expect(result.stderr.contains("synonyms.tsv:3: warning: needs a term and its synonyms"))
    #expect(result.stdout.contains("energy_intensity"))
  }

  /// A custom word list saved in GBK would match nothing: it is an error naming the file.
  @Test func customDictionaries_notUTF8IsAnError() throws {
    let directory = Scratch.root.appendingPathComponent("policyq-dicts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // "固废\t固体废物\n" in GBK.
    let gbk: [UInt8] = [
      0xB9, 0xCC, 0xB7, 0xCF, 0x09, 0xB9, 0xCC, 0xCC, 0xE5, 0xB7, 0xCF, 0xCE, 0xEF, 0x0A,
    ]
    try Data(gbk).write(to: directory.appendingPathComponent("synonyms.tsv"))
    let result = try Policyq.run(["extract", Policyq.seed("000"), "--dictionaries", directory.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("synonyms.tsv: error: cannot read the file: not UTF-8"))
    #expect(result.stdout.isEmpty)
  }

  @Test func json_severalDocumentsResolveReferences() throws {
    let result = try Policyq.run(["extract", Policyq.seed("000"), Policyq.seed("002")])
    #expect(result.status == 0)
    let documents = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(documents.count == 2)
    let references = try #require(documents[1]["references"] as? [[String: Any]])
    let resolved = references.filter {
      $0["resolved_document"] as? String == documents[0]["id"] as? String
    }
    #expect(resolved.count == 1)
  }

  @Test func jsonl_oneLinePerDocument_directoryExpanded() throws {
    let result = try Policyq.run(["extract", "--format", "jsonl", "corpus/documents"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 5)
    for line in lines {
      #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
    }
  }

  @Test func csv_responsibilitiesOneRowPerDepartment() throws {
    let result = try Policyq.run([
      "extract", "--format", "csv", "--table", "responsibilities", Policyq.seed("000"),
    ])
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      rows[0].hasPrefix(
        "document_id,file,document_number,level,region,year,clause_id,measure_id,measure_label,role,department,canonical"
      ))
    let measure5 = rows.filter { $0.contains(",5.,") }
    #expect(measure5.count == 6)
    #expect(measure5.first?.contains(",lead,区经济信息委,经济信息委,区,") == true)
    // Every row carries the document's number, level, region and year.
    #expect(measure5.first?.contains(",永川府发〔2022〕11号,district,永川区,2022,") == true)
  }

  @Test func csv_documentsTable_holdsWhatTheJSONHolds() throws {
    let json = try Policyq.run(["extract", "--format", "json", "corpus/documents"])
    let documents = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let csv = try Policyq.run([
      "extract", "--format", "csv", "--table", "documents", "--bom", "corpus/documents",
    ])
    #expect(csv.status == 0)
    #expect(Array(csv.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let rows = try CSVRows.parse(String(csv.stdout.dropFirst()))
    let header = try #require(rows.first)
    #expect(rows.count == documents.count + 1)
    for (document, row) in zip(documents, rows.dropFirst()) {
      let field = { (name: String) in row[header.firstIndex(of: name) ?? 0] }
      let metadata = document["metadata"] as? [String: Any] ?? [:]
      let number = metadata["document_number"] as? [String: Any]
      #expect(field("document_id") == document["id"] as? String)
      #expect(field("document_number") == (number?["normalized"] as? String ?? ""))
      #expect(field("issuer") == (metadata["issuer"] as? String ?? ""))
      #expect(field("level") == (metadata["level"] as? String ?? ""))
      #expect(field("title") == (metadata["title"] as? String ?? ""))
      for table in ["sections", "measures", "responsibilities", "targets", "references"] {
        #expect(field(table) == String((document[table] as? [Any])?.count ?? -1), "\(table)")
      }
    }
  }

  @Test func tree_readableOutline() throws {
    let result = try Policyq.run(["extract", "--format", "tree", Policyq.seed("003")])
    #expect(result.status == 0)
    #expect(result.stdout.contains("专栏 节能环保产业项目"))
    #expect(result.stdout.contains("27. 强化政策赋能  [m27]"))
  }

  @Test func badFile_reportedOthersStillExtracted() throws {
    let result = try Policyq.run([
      "extract", "--format", "jsonl", "missing.txt", Policyq.seed("001"),
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("missing.txt: error: cannot read the file"))
    #expect(result.stdout.split(separator: "\n").count == 1)
  }

  @Test func tableWithoutCSV_isAUsageError() throws {
    let result = try Policyq.run(["extract", "--table", "targets", Policyq.seed("001")])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--table goes with --format csv"))
  }

  /// A directory is read as a batch: JSON is an array even when it holds one file, and a
  /// directory with nothing to read is an error naming it (the other paths still read).
  @Test func directories_arrayJSON_emptyOneIsAnError() throws {
    let folder = Scratch.root.appendingPathComponent("policyq-dirs-\(UUID().uuidString)")
    let one = folder.appendingPathComponent("one")
    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: one, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Policyq.seed("000"), toPath: one.appendingPathComponent("plan.txt").path)
    let batch = try Policyq.run(["extract", one.path])
    #expect(batch.status == 0)
    #expect((try JSONSerialization.jsonObject(with: Data(batch.stdout.utf8)) as? [Any])?.count == 1)
    let mixed = try Policyq.run(["extract", empty.path, Policyq.seed("001"), "--format", "jsonl"])
    #expect(mixed.status == 1)
    #expect(
      mixed.stderr.contains(
        "\(empty.path): error: no .txt, .md, .html, .docx, .pdf or .ofd file in this directory"))
    #expect(mixed.stdout.split(separator: "\n").count == 1)
    let text = try Policyq.run(["text", empty.path])
    #expect(text.status == 1)
  }
}
