import Foundation
import PolicyCompare
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// Comparing documents twice as large takes about twice the work, counted in steps (pairs
/// of measures scored, index postings visited, passage-search steps), not in seconds.
/// All-pairs scoring took 4 times the work for twice the measures.
@Suite struct ComparisonScalingTests {
  /// A plan of `count` numbered measures (500 to a section), each with its own numbers and
  /// the same sentence of boilerplate, so that every measure shares n-grams with all others.
  static func plan(measures count: Int, salt: Int) throws -> PolicyDocument {
    let sections = Array("一二三四五六七八九")
    var text = "某市重点任务实施方案\n\n"
    for first in stride(from: 0, to: count, by: 500) {
      text += "\(sections[first / 500])、重点任务\n\n"
      for i in first..<min(first + 500, count) {
        text +=
          "\(i - first + 1).推进第\(i)号任务。各部门要加强组织领导，完善工作机制，强化督促检查，确保任务落实到位。"
          + "重点建设项目清单编号\(i * 7 + salt)和\(i * 13 + salt)，年度投资\(i % 97 + salt)亿元。\n"
      }
    }
    let read = try DocumentReader().read(bytes: Array(text.utf8), path: "plan-\(salt).txt")
    return PolicyParser().parse(read)
  }

  /// The comparison of two generated plans of `count` measures each, and the share of
  /// measures aligned with the measure of the same number.
  static func compared(_ count: Int) throws -> (DocumentComparison, sameNumber: Double) {
    let lower = try plan(measures: count, salt: 1)
    let upper = try plan(measures: count, salt: 2)
    #expect(lower.measures.count == count && upper.measures.count == count)
    let comparison = DocumentComparison(lower: lower, upper: upper)
    let same = comparison.measurePairs.filter { pair in
      lower.measures[pair.lower].text.dropFirst(lower.measures[pair.lower].label.count)
        .prefix(12)
        == upper.measures[pair.upper].text.dropFirst(upper.measures[pair.upper].label.count)
        .prefix(12)
    }
    return (comparison, Double(same.count) / Double(comparison.measurePairs.count))
  }

  @Test func twiceTheMeasures_aboutTwiceTheWork() throws {
    let (small, smallSame) = try Self.compared(400)
    let (large, largeSame) = try Self.compared(800)
    let (a, b) = (small.work, large.work)
    #expect(a.lowerTexts == 400 && b.lowerTexts == 800)
    // Each of the 35 n-grams of boilerplate shared by all measures would cost 160,000 and
    // 640,000 postings (4 times): they are left out once they pass the budget, which grows
    // with the n-grams of the two plans.
    #expect(b.postingsVisited < 3 * a.postingsVisited, "\(a) \(b)")
    #expect(b.pairsScored <= b.postingsVisited)
    #expect(b.passageSteps < 3 * a.passageSteps, "\(a) \(b)")
    // The evidence of rewording is scored on pairs sharing a bigram held by few measures.
    #expect(b.evidencePairs < 3 * a.evidencePairs, "\(a) \(b)")
    // Each text is scored in full with at most 16 texts of the other side, from each side.
    #expect(b.evidencePairs <= 2 * 16 * (b.lowerTexts + b.upperTexts), "\(b)")
    #expect(large.ignoredShingles > 0)
    // Still the right answer: each measure with the measure of its number, as exact
    // scoring of all pairs finds.
    #expect(smallSame > 0.98 && largeSame > 0.98, "\(smallSame) \(largeSame)")
    #expect(large.measurePairs.count >= 800)
    // And the output says what was left out.
    #expect(ComparisonOutput.text(large).contains("n-grams held by many measures"))
    #expect(!ComparisonOutput.text(try Self.compared(20).0).contains("note:"))
  }

  /// One lower measure holding every upper measure: each upper measure pairs with it, and
  /// each pair's passage search is bounded by the upper (shorter) measure, not the long one.
  @Test func oneLongMeasureAgainstMany_passageSearchBoundedByTheShorter() throws {
    func compare(_ count: Int) throws -> DocumentComparison {
      let upper = try Self.plan(measures: count, salt: 2)
      let body = upper.measures.map { String($0.text.dropFirst($0.label.count)) }.joined()
      let text = "某区重点任务实施方案\n\n一、重点任务\n\n1.\(body)\n"
      let lower = PolicyParser().parse(
        try DocumentReader().read(bytes: Array(text.utf8), path: "long.txt"))
      #expect(lower.measures.count == 1)
      return DocumentComparison(lower: lower, upper: upper)
    }
    // The boilerplate recurs 100 and 200 times in the long measure: beyond `startLimit`.
    let small = try compare(100)
    let large = try compare(200)
    #expect(small.measurePairs.count == 100 && large.measurePairs.count == 200)
    #expect(large.work.passageSteps < 3 * small.work.passageSteps, "\(small.work) \(large.work)")
    // The boilerplate recurs once per measure in the long one: the passages listed stop at
    // the limit, and the pair says so.
    let pair = try #require(large.measurePairs.last)
    #expect(pair.passagesTruncated)
    #expect(pair.sharedPassages.count <= DocumentComparison.passageLimit)
    #expect(pair.sharedPassages.contains { $0.contains("推进第199号任务") })
  }
}
