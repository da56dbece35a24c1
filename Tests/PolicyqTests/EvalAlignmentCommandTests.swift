import Foundation
import PolicyTestSupport
import Testing

/// `policyq eval` on alignment files: measure pairs scored, a missing document skipped
/// while the others are scored, `--min-f1 alignment=X` failing the run.
@Suite struct EvalAlignmentCommandTests {
  /// A folder with two small plans and an alignment of them, plus an alignment whose
  /// second document is missing.
  static func folder() throws -> URL {
    let directory = Scratch.root.appendingPathComponent("policyq-align-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let lower = """
      某区绿色发展实施方案

      一、重点任务

      1.创建绿色工厂。引导企业以绿色工厂指标体系为发展目标，加快创建绿色工厂。
      2.发展绿色金融。发挥财政资金引导作用，鼓励银行开发绿色信贷产品。
      3.加强人才培养。引进高层次人才。

      """
    let upper = """
      某市绿色发展实施方案

      一、构建绿色制造体系。引导企业以绿色工厂指标体系为发展目标，加快创建绿色工厂。
      二、强化金融支持。鼓励银行开发绿色信贷产品。

      """
    try Data(lower.utf8).write(to: directory.appendingPathComponent("lower.txt"))
    try Data(upper.utf8).write(to: directory.appendingPathComponent("upper.txt"))
    func alignment(_ b: String) -> String {
      """
      {"gold_format": 1, "kind": "alignment",
       "a": {"corpus": "corpus-real", "path": "lower.txt"}, "b": {"corpus": "corpus-real", "path": "\(b)"},
       "upper": "b", "annotation": {"annotator": "test", "date": "2026-12-06"},
       "measures_a": [{"path": ["一、", "1."], "lead": "创建绿色工厂"}, {"path": ["一、", "2."], "lead": "发展绿色金融"},
                      {"path": ["一、", "3."], "lead": "加强人才培养"}],
       "measures_b": [{"path": ["一、"], "lead": "构建绿色制造体系"}, {"path": ["二、"], "lead": "强化金融支持"}],
       "links": [{"a": [["一、", "1."]], "b": [["一、"]], "relation": "rewritten"},
                 {"a": [["一、", "2."], ["一、", "3."]], "b": [["二、"]], "relation": "merged"}]}
      """
    }
    try Data(alignment("upper.txt").utf8).write(
      to: directory.appendingPathComponent("a-pair.align.json"))
    try Data(alignment("absent.txt").utf8).write(
      to: directory.appendingPathComponent("b-missing.align.json"))
    return directory
  }

  @Test func alignmentFolder_pairsScoredAndMissingDocumentSkipped() throws {
    let directory = try Self.folder()
    let result = try Policyq.run(
      ["eval", directory.path, "--corpus-real", directory.path, "--format", "json"],
      bounds: RunBounds(seconds: 60, memoryMiB: 2048))
    #expect(!result.timedOut)
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let alignment = try #require(report["alignment"] as? [String: Any])
    // 1.↔一、 and 2.↔二、 found; 3.↔二、 (merged by the annotator) missed.
    #expect(alignment["gold"] as? Int == 3)
    #expect(alignment["found"] as? Int == 2)
    #expect(alignment["matched"] as? Int == 2)
    let skipped = try #require(report["skipped"] as? [[String: Any]])
    #expect(skipped.map { $0["name"] as? String } == ["b-missing"])
    #expect((skipped.first?["reason"] as? String)?.contains("absent.txt") == true)
    // Text: the pooled figures and the miss, with -v.
    let text = try Policyq.run(
      ["eval", directory.path, "--corpus-real", directory.path, "-v"],
      bounds: RunBounds(seconds: 60, memoryMiB: 2048))
    #expect(text.stdout.contains("precision 1.000 recall 0.667 F1 0.800"))
    #expect(text.stdout.contains("missed: 一、 3. ↔ 二、"))
  }

  @Test func minimumAlignmentF1_failsTheRunWhenBelow() throws {
    let directory = try Self.folder()
    let result = try Policyq.run(
      ["eval", directory.path, "--corpus-real", directory.path, "--min-f1", "alignment=0.9"],
      bounds: RunBounds(seconds: 60, memoryMiB: 2048))
    #expect(result.status == 1)
    #expect(result.stderr.contains("alignment 0.800 is below 0.9"))
  }

  /// The gold alignments of the repository: the figure this branch reached stays reached.
  @Test func goldAlignments_f1AtLeastWhatWasReached() throws {
    guard FileManager.default.fileExists(atPath: EvalCommandTests.corpusReal.path) else { return }
    let result = try Policyq.run(
      [
        "eval", "Tests/GoldAlignment", "--corpus-real", EvalCommandTests.corpusReal.path,
        "--format", "json", "--min-f1", "alignment=0.8",
      ], bounds: RunBounds(seconds: 300, memoryMiB: 4096))
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let alignment = try #require(report["alignment"] as? [String: Any])
    #expect((alignment["pairs"] as? [Any])?.count == 12)
  }
}
