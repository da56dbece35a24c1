import Foundation
import PolicyTestSupport
import Testing

@Suite struct CompareCommandTests {
  @Test func text_summaryFirstThenDetails() throws {
    let result = try Policyq.run(["compare", Policyq.seed("000"), Policyq.seed("004")])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("lower: "))
    #expect(lines.contains { $0.hasPrefix("targets: ") && $0.contains("stronger") })
    #expect(result.stdout.contains("industrial_energy_intensity: weaker — 14.5% vs 16%"))
  }

  @Test func json_andCSVTables() throws {
    let json = try Policyq.run([
      "compare", Policyq.seed("000"), Policyq.seed("003"), "--format", "json",
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let pairs = try #require(object["measure_pairs"] as? [[String: Any]])
    #expect(
      pairs.contains {
        ($0["lower"] as? String)?.hasSuffix("#m1") == true
          && ($0["upper"] as? String)?.hasSuffix("#m1") == true
      })
    let csv = try Policyq.run([
      "compare", Policyq.seed("000"), Policyq.seed("004"), "--format", "csv", "--table", "targets",
    ])
    #expect(
      csv.stdout.split(separator: "\n").first?.hasPrefix(
        "lower_document,upper_document,indicator_key") == true)
    #expect(csv.stdout.contains("bulk_industrial_solid_waste_utilisation"))
    // Each side's unit has its column (they may differ: 万吨 against 亿吨).
    let rows = csv.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(rows.first)
    let energy = try #require(rows.first { $0.contains("industrial_energy_intensity") })
    let fields = Dictionary(uniqueKeysWithValues: zip(header, energy))
    #expect(fields["lower_unit"] == "%" && fields["upper_unit"] == "%")
    #expect(fields["lower_value"] == "14.5" && fields["upper_value"] == "16")
  }

  @Test func html_selfContainedWithChartAndLinks() throws {
    let result = try Policyq.run([
      "compare", Policyq.seed("000"), Policyq.seed("003"), "--format", "html",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(result.stdout.contains("<svg"))
    #expect(
      result.stdout.components(separatedBy: "<div").count
        == result.stdout.components(separatedBy: "</div>").count)
    #expect(result.stdout.contains("href=\"#upper-0\""))
    #expect(
      !result.stdout.contains("http://") || result.stdout.contains("http://www.w3.org/2000/svg"))
    #expect(!result.stdout.contains("<script"))
  }

  static let browser: String? = [
    "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
  ]
  .first { FileManager.default.isExecutableFile(atPath: $0) }

  @Test(.enabled(if: CompareCommandTests.browser != nil))
  func html_rendersInAHeadlessBrowser() throws {
    let result = try Policyq.run([
      "compare", Policyq.seed("000"), Policyq.seed("004"), "--format", "html",
    ])
    let directory = Scratch.root.appendingPathComponent("policyq-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let page = directory.appendingPathComponent("compare.html")
    try result.stdout.write(to: page, atomically: true, encoding: .utf8)
    let screenshot = directory.appendingPathComponent("compare.png")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.browser))
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(screenshot.path)",
      "--window-size=1200,1600", page.absoluteString,
    ]
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    process.waitUntilExit()
    let size =
      (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
    #expect(size > 10_000, "screenshot of \(size) bytes")
  }

  @Test func indexAndUpper_comparesEveryLowerLevelDocument() throws {
    let directory = Scratch.root.appendingPathComponent("policyq-compare-\(UUID().uuidString)")
    _ = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    // 001 is municipal: the three district seeds are compared with it, 004 (no level) is not.
    let result = try Policyq.run([
      "compare", "--index", directory.path, "--upper", Policyq.seed("001"), "--format", "csv",
      "--table", "measures",
    ])
    #expect(result.status == 0)
    let lowers = Set(
      result.stdout.split(separator: "\n").dropFirst().compactMap {
        $0.split(separator: ",").first.map(String.init)
      })
    #expect(lowers.count == 3)
    // 000 is a district plan: no level lies below it. A warning, exit 1, no output.
    let none = try Policyq.run([
      "compare", "--index", directory.path, "--upper", Policyq.seed("000"), "--format", "json",
    ])
    #expect(none.status == 1)
    #expect(none.stderr.contains("warning: no document of a level below"))
    #expect(none.stdout.isEmpty)
    // 004 is a news report of a municipal plan, without a title, number or signature: no
    // level is read from it, so every other document is compared with it, with a warning.
    let reported = try Policyq.run([
      "compare", "--index", directory.path, "--upper", Policyq.seed("004"), "--format", "json",
    ])
    #expect(reported.stderr.contains("warning: no administrative level found"))
    let below = try #require(
      try JSONSerialization.jsonObject(with: Data(reported.stdout.utf8)) as? [[String: Any]])
    #expect(below.count == 4)
    // A plan with no level: a warning, and the five documents are compared, as a list.
    let plain = directory.appendingPathComponent("plain.txt")
    try "推进绿色发展的若干措施\n一、重点任务\n（一）推进绿色制造。创建绿色工厂。\n".write(
      to: plain, atomically: true, encoding: .utf8)
    let unleveled = try Policyq.run([
      "compare", "--index", directory.path, "--upper", plain.path, "--format", "json",
    ])
    #expect(unleveled.status == 0)
    #expect(unleveled.stderr.contains("warning: no administrative level found"))
    let all = try #require(
      try JSONSerialization.jsonObject(with: Data(unleveled.stdout.utf8)) as? [[String: Any]])
    #expect(all.count == 5)
  }

  @Test func unreadableUpper_clearErrorNamingTheFile() throws {
    let result = try Policyq.run(["compare", Policyq.seed("000"), "missing-upper.txt"])
    #expect(result.status == 1)
    #expect(result.stderr == "missing-upper.txt: error: cannot read the file: no such file\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func wrongArguments_usageError() throws {
    let result = try Policyq.run(["compare", Policyq.seed("000")])
    #expect(result.status == 64)
  }

  /// Several lower plans against one upper plan: JSON is one array, CSV has one header
  /// even when the first lower file cannot be read, HTML (one comparison per page) refuses.
  @Test func severalLowerPlans_oneDocumentPerFormat() throws {
    let upper = Policyq.seed("004")
    let json = try Policyq.run([
      "compare", "--upper", upper, Policyq.seed("000"), Policyq.seed("003"), "--format", "json",
    ])
    #expect(json.status == 0)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 2)
    // With --upper the JSON is a list whatever the count: one lower plan gives a list of one.
    let one = try Policyq.run([
      "compare", "--upper", upper, Policyq.seed("000"), "--format", "json",
    ])
    #expect(
      (try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [[String: Any]])?.count
        == 1)
    let csv = try Policyq.run([
      "compare", "--upper", upper, "/no/such/plan.txt", Policyq.seed("000"), "--format", "csv",
    ])
    #expect(csv.status == 1)
    #expect(csv.stderr.contains("/no/such/plan.txt: error"))
    #expect(
      csv.stdout.split(separator: "\n").first?.hasPrefix("lower_document,upper_document") == true)
    #expect(csv.stdout.components(separatedBy: "lower_document,").count == 2)
    let html = try Policyq.run([
      "compare", "--upper", upper, Policyq.seed("000"), Policyq.seed("003"), "--format", "html",
    ])
    #expect(html.status == 64)
    #expect(html.stderr.contains("--format html shows one comparison"))
    let nothing = try Policyq.run(["compare", "--upper", upper])
    #expect(nothing.status == 64)
  }

  /// A value too large for an integer (a typo in a plan) is printed, not a crash.
  @Test func hugeTargetValue_printedNotACrash() throws {
    let folder = Scratch.root.appendingPathComponent("policyq-huge-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let plan = folder.appendingPathComponent("plan.txt")
    try
      "区工业发展实施方案\n\n一、主要目标\n\n到2025年，全区工业总产值达到99999999999999999999999亿元，单位工业增加值能耗下降99999999999999999999999%。\n"
      .write(to: plan, atomically: true, encoding: .utf8)
    let tree = try Policyq.run(["extract", plan.path, "--format", "tree"])
    #expect(tree.status == 0)
    #expect(tree.stdout.contains("e+22") || tree.stdout.contains("e+23"))
    let compare = try Policyq.run(["compare", plan.path, plan.path])
    #expect(compare.status == 0)
    let csv = try Policyq.run(["extract", plan.path, "--format", "csv", "--table", "targets"])
    #expect(csv.status == 0)
  }

  /// Two plans of about 1 and 2 MB (the seeds 000 and 003 written 60 times over) took
  /// minutes when every measure was scored against every other; the same pairs and
  /// coverage as for one copy each now come within the bounds.
  @Test func longRepetitivePlans_comparedWithinBounds() throws {
    let folder = Scratch.root.appendingPathComponent("policyq-long-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let lower = folder.appendingPathComponent("lower.txt")
    let upper = folder.appendingPathComponent("upper.txt")
    let lowerText = try String(contentsOfFile: Policyq.seed("000"), encoding: .utf8)
    let upperText = try String(contentsOfFile: Policyq.seed("003"), encoding: .utf8)
    try String(repeating: lowerText, count: 60).write(to: lower, atomically: true, encoding: .utf8)
    try String(repeating: upperText, count: 60).write(to: upper, atomically: true, encoding: .utf8)
    func pairs(_ lower: String, _ upper: String, bounds: RunBounds) throws -> [String: Any] {
      let result = try Policyq.run(
        ["compare", lower, upper, "--format", "json"], bounds: bounds)
      #expect(!result.timedOut && result.status == 0, "\(result.stderr.suffix(300))")
      return try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
    let long = try pairs(lower.path, upper.path, bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    let one = try pairs(Policyq.seed("000"), Policyq.seed("003"), bounds: .standard)
    func summary(_ object: [String: Any]) -> Set<String> {
      let pairs = object["measure_pairs"] as? [[String: Any]] ?? []
      return Set(
        pairs.map {
          "\($0["lower_label"] ?? "") ↔ \($0["upper_label"] ?? "") \($0["similarity"] ?? "")"
        })
    }
    #expect(!summary(one).isEmpty && summary(long) == summary(one))
    #expect(
      (long["coverage"] as? [String: Double]) == (one["coverage"] as? [String: Double]))
    #expect(long["ignored_ngrams"] == nil)
  }

  /// A lower plan whose one measure holds all 300 upper measures, boilerplate and all: the
  /// passages listed per pair stop at a limit, and every format says so (text and JSON in
  /// the output, CSV by a warning naming the files).
  @Test func oneLongMeasureAgainstMany_limitsSaid() throws {
    let folder = Scratch.root.appendingPathComponent("policyq-limits-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let items = (0..<300).map {
      "推进第\($0)号任务。各部门要加强组织领导，完善工作机制，强化督促检查，确保任务落实到位。"
    }
    let upper = folder.appendingPathComponent("upper.txt")
    let lower = folder.appendingPathComponent("lower.txt")
    try ("某市实施方案\n\n一、重点任务\n\n" + items.enumerated().map { "\($0 + 1).\($1)\n" }.joined())
      .write(to: upper, atomically: true, encoding: .utf8)
    try ("某区实施方案\n\n一、重点任务\n\n1." + items.joined() + "\n")
      .write(to: lower, atomically: true, encoding: .utf8)
    let bounds = RunBounds(seconds: 30, memoryMiB: 2048)
    let text = try Policyq.run(["compare", lower.path, upper.path], bounds: bounds)
    #expect(text.status == 0 && !text.timedOut)
    #expect(text.stdout.contains("(search stopped at its limit)"))
    #expect(text.stdout.contains("note: 300 of 300 aligned pairs list only part of their"))
    let json = try Policyq.run(
      ["compare", lower.path, upper.path, "--format", "json"], bounds: bounds)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let pairs = try #require(object["measure_pairs"] as? [[String: Any]])
    #expect(pairs.count == 300)
    #expect(pairs.allSatisfy { $0["shared_passages_truncated"] as? Bool == true })
    // The copy of the upper measure is found among the boilerplate it repeats.
    #expect(
      (pairs.last?["shared_passages"] as? [String])?.first?.hasPrefix("推进第299号任务") == true)
    let csv = try Policyq.run(
      ["compare", lower.path, upper.path, "--format", "csv", "--table", "measures"],
      bounds: bounds)
    #expect(csv.status == 0)
    #expect(
      csv.stderr.contains(
        "\(lower.path): warning: compared with \(upper.path): 300 of 300 aligned pairs"))
  }
}
