import Foundation
import PolicyEvaluation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// Scoring measure pairs against a gold alignment: pairs from the links, measures located
/// by path, then line, then lead; files that are not alignments refused by name.
@Suite struct AlignmentEvaluatorTests {
  static let lowerText = """
    某区绿色发展实施方案

    一、重点任务

    1.创建绿色工厂。引导企业以绿色工厂指标体系为发展目标，加快创建绿色工厂。
    2.发展绿色金融。发挥财政资金引导作用，鼓励银行开发绿色信贷产品。
    3.加强人才培养。引进高层次人才。

    """
  static let upperText = """
    某市绿色发展实施方案

    一、构建绿色制造体系。引导企业以绿色工厂指标体系为发展目标，加快创建绿色工厂。
    二、强化金融支持。鼓励银行开发绿色信贷产品。

    """

  static func document(_ text: String, _ name: String) throws -> PolicyDocument {
    PolicyParser().parse(try DocumentReader().read(bytes: Array(text.utf8), path: name))
  }

  /// An alignment file of the two documents above, with `measuresA` as given.
  static func gold(measuresA: String, links: String) throws -> GoldAlignment {
    let json = """
      {"gold_format": 1, "kind": "alignment",
       "a": {"corpus": "corpus-real", "path": "lower.txt"},
       "b": {"corpus": "corpus-real", "path": "upper.txt"},
       "upper": "b", "annotation": {"annotator": "test", "date": "2026-12-06"},
       "measures_a": \(measuresA),
       "measures_b": [{"path": ["一、"], "lead": "构建绿色制造体系"}, {"path": ["二、"], "lead": "强化金融支持"}],
       "links": \(links)}
      """
    let file = try Corpus.temporaryDirectory().appendingPathComponent("pair.align.json")
    try Data(json.utf8).write(to: file)
    return try GoldAlignment.load(contentsOf: file.path)
  }

  static let measuresA = """
    [{"path": ["一、", "1."], "lead": "创建绿色工厂"}, {"path": ["一、", "2."], "lead": "发展绿色金融"},
     {"path": ["一、", "3."], "lead": "加强人才培养"}]
    """
  static let links = """
    [{"a": [["一、", "1."]], "b": [["一、"]], "relation": "rewritten"},
     {"a": [["一、", "2."], ["一、", "3."]], "b": [["二、"]], "relation": "merged"}]
    """

  @Test func pairsOfEveryLink_matchedExtraAndMissedCounted() throws {
    let a = try Self.document(Self.lowerText, "lower.txt")
    let b = try Self.document(Self.upperText, "upper.txt")
    #expect(a.measures.count == 3 && b.measures.count == 2)
    let gold = try Self.gold(measuresA: Self.measuresA, links: Self.links)
    // The second link has two measures of a: two gold pairs.
    #expect(gold.pairs.count == 3)
    let evaluation = AlignmentEvaluator().evaluate(
      pairs: [(0, 0), (2, 0), (1, 1)], a: a, b: b, against: gold, name: "pair",
      paths: ("lower.txt", "upper.txt"))
    #expect(evaluation.count == MatchCount(matched: 2, extra: 1, missed: 1))
    #expect(evaluation.unlocated == 0)
    #expect(evaluation.findings.contains { $0.verdict == .missed && $0.item.contains("3.") })
    #expect(evaluation.findings.contains { $0.verdict == .extra && $0.item.contains("加强人才培养") })
  }

  @Test func measureWithAnotherPath_locatedByLead() throws {
    let a = try Self.document(Self.lowerText, "lower.txt")
    let b = try Self.document(Self.upperText, "upper.txt")
    // The annotator numbered the first measure otherwise; its lead still finds it.
    let measures = Self.measuresA.replacingOccurrences(
      of: "[\"一、\", \"1.\"]", with: "[\"一、\", \"（一）\"]")
    let links = Self.links.replacingOccurrences(
      of: "[\"一、\", \"1.\"]", with: "[\"一、\", \"（一）\"]")
    let gold = try Self.gold(measuresA: measures, links: links)
    let evaluation = AlignmentEvaluator().evaluate(
      pairs: [(0, 0)], a: a, b: b, against: gold, name: "pair", paths: ("lower.txt", "upper.txt"))
    #expect(evaluation.count.matched == 1)
    #expect(evaluation.unlocated == 0)
  }

  @Test func compareOfTheTwo_findsTheRewrittenPairs() throws {
    let a = try Self.document(Self.lowerText, "lower.txt")
    let b = try Self.document(Self.upperText, "upper.txt")
    let gold = try Self.gold(measuresA: Self.measuresA, links: Self.links)
    let comparison = DocumentComparison(lower: a, upper: b)
    let evaluation = AlignmentEvaluator().evaluate(
      pairs: comparison.measurePairs.map { ($0.lower, $0.upper) }, a: a, b: b, against: gold,
      name: "pair", paths: ("lower.txt", "upper.txt"))
    // 1. ↔ 一、 and 2. ↔ 二、 share a sentence each; 3. shares nothing with 二、.
    #expect(evaluation.count == MatchCount(matched: 2, extra: 0, missed: 1))
  }

  @Test func goldMeasureTheExtractionSplitIntoItems_standsForItsItems() throws {
    // The annotator took 1. as one measure; the extraction reads its items (1) and (2).
    let text = """
      某区绿色发展实施方案

      一、重点任务

      1.创建绿色工厂。加快创建绿色工厂。
      （1）引导企业以绿色工厂指标体系为发展目标。
      （2）鼓励银行开发绿色信贷产品。
      2.加强人才培养。引进高层次人才。

      """
    let a = try Self.document(text, "lower.txt")
    let b = try Self.document(Self.upperText, "upper.txt")
    #expect(a.measures.map(\.label) == ["（1）", "（2）", "2."])
    let measures = """
      [{"path": ["一、", "1."], "lead": "创建绿色工厂"}, {"path": ["一、", "2."], "lead": "加强人才培养"}]
      """
    let links = """
      [{"a": [["一、", "1."]], "b": [["一、"], ["二、"]], "relation": "merged"}]
      """
    let gold = try Self.gold(measuresA: measures, links: links)
    let evaluation = AlignmentEvaluator().evaluate(
      pairs: [(0, 0), (1, 0), (1, 1), (2, 1)], a: a, b: b, against: gold, name: "pair",
      paths: ("lower.txt", "upper.txt"))
    // (1) and (2) with 一、 are the one gold pair 1. ↔ 一、; (2) ↔ 二、 the other; 2. ↔ 二、 is
    // not gold.
    #expect(evaluation.count == MatchCount(matched: 2, extra: 1, missed: 0))
    #expect(evaluation.unlocated == 0)
    #expect(evaluation.matchedPairs == [[0, 0], [1, 0], [1, 1]])
    #expect(!evaluation.findings.contains { $0.item.contains("not a gold measure") })
  }

  @Test func documentGoldGivenAsAlignment_refusedNamingTheFile() throws {
    let file = try Corpus.temporaryDirectory().appendingPathComponent("wrong.align.json")
    try Data(#"{"gold_format": 1, "kind": "document"}"#.utf8).write(to: file)
    #expect {
      _ = try GoldAlignment.load(contentsOf: file.path)
    } throws: { error in
      "\(error)".hasPrefix(file.path) && "\(error)".contains("not an alignment file")
    }
  }
}
