import Foundation
import PolicyTestSupport
import Testing

/// `policyq compare --index DIR --upper DOC`: the implementation map as an HTML heat map,
/// CSV in long form and JSON; the page drawn by headless Chromium is not blank.
@Suite struct ImplementationMapTests {
  /// An index of the seeds (built once per test process).
  static let index: URL = {
    let directory = Scratch.root.appendingPathComponent("policyq-map-\(UUID().uuidString)")
    _ = try? Policyq.run(
      ["index", "corpus/documents", "--index", directory.path],
      bounds: RunBounds(seconds: 120, memoryMiB: 2048))
    return directory
  }()

  static func map(_ extra: [String]) throws -> CommandResult {
    try Policyq.run(
      ["compare", "--index", index.path, "--upper", Policyq.seed("001")] + extra,
      bounds: RunBounds(seconds: 120, memoryMiB: 2048))
  }

  /// 001 (municipal) against the three district seeds, which take up most of its measures.
  @Test func html_heatMapWithACellPerMeasureAndTargetAndDocument() throws {
    let result = try Self.map(["--format", "html"])
    #expect(result.status == 0, "\(result.stderr)")
    let page = result.stdout
    #expect(page.contains("<svg") && !page.contains("<script"))
    let measureCells = ["carried_over", "rewritten", "absent"].map {
      page.components(separatedBy: "<rect class=\"cell \($0)\"").count - 1
    }
    // 12 measures and 9 targets of 001, three documents.
    #expect(measureCells.reduce(0, +) == 12 * 3)
    #expect(page.components(separatedBy: "<rect class=\"cell target\"").count - 1 == 9 * 3)
    #expect(measureCells[0] + measureCells[1] > 0)
    // Every link of the map leads to the texts side by side.
    let links = page.components(separatedBy: "<a href=\"#cell-").dropFirst().compactMap {
      $0.split(separator: "\"").first.map { "cell-\($0)" }
    }
    #expect(links.count == measureCells[0] + measureCells[1])
    #expect(links.allSatisfy { page.contains("<section id=\"\($0)\">") })
    #expect(page.contains("<td>coverage</td>"))
  }

  @Test func csvLongForm_andJSON() throws {
    let csv = try Self.map(["--table", "map", "--format", "csv"])
    #expect(csv.status == 0)
    let rows = csv.stdout.split(separator: "\n")
    #expect(
      rows.first
        == "upper_item,upper_label,lower_document,lower_file,lower_item,lower_label,relation,score")
    #expect(rows.count > 12 * 3)
    let relations = Set(
      rows.dropFirst().compactMap {
        $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().last
      })
    #expect(
      relations.isSubset(of: [
        "carried_over", "rewritten", "absent", "stronger", "weaker", "same", "not_comparable",
      ]))
    let json = try Self.map(["--table", "map", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let documents = try #require(object["documents"] as? [[String: Any]])
    #expect(documents.count == 3)
    #expect(documents.allSatisfy { ($0["measure_coverage"] as? Double ?? 0) >= 0.3 })
    #expect((object["measures"] as? [Any])?.count == 12)
  }

  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Headless Chromium draws the page; the screenshot holds the heat map's colours, not
  /// a blank page (skipped when Chromium is not installed).
  @Test(.enabled(if: chromium != nil)) func html_screenshotIsNotBlank() throws {
    let result = try Self.map(["--format", "html"])
    let page = Scratch.root.appendingPathComponent("map-\(UUID().uuidString).html")
    try Data(result.stdout.utf8).write(to: page)
    let shot = Scratch.root.appendingPathComponent("map-\(UUID().uuidString).png")
    let profile = Scratch.root.appendingPathComponent("chromium-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.chromium ?? "chromium")
    process.arguments = [
      "--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile.path)",
      "--screenshot=\(shot.path)", "--window-size=1200,900", page.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + 120) {
      if process.isRunning { kill(pid, SIGKILL) }
    }
    process.waitUntilExit()
    let png = try Data(contentsOf: shot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    // The colours of the cells: counted by Python's PIL when installed (python3-pil);
    // otherwise a blank page's PNG is a few KB, a drawn map's tens.
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    check.arguments = [
      "python3", "-c",
      """
      import sys
      from PIL import Image
      image = Image.open(sys.argv[1]).convert("RGB")
      colours = {(r, g, b) for r, g, b in image.getdata()}
      orange = sum(1 for p in image.getdata() if p == (0xf9, 0xa8, 0x25) or p == (0x2e, 0x7d, 0x32))
      print(len(colours), orange)
      """, shot.path,
    ]
    let output = Pipe()
    check.standardOutput = output
    check.standardError = FileHandle.nullDevice
    try check.run()
    check.waitUntilExit()
    let words = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    if check.terminationStatus == 0, words.count == 2 {
      #expect(words[0] > 20, "colours \(words)")
      #expect(words[1] > 1000, "cell pixels \(words)")
    } else {
      #expect(png.count > 20_000)
    }
  }
}
