import Foundation
import PolicyCompare
import PolicyModel
import Testing

@testable import PolicyKit

/// A district plan whose task breakdown (in another part, as a 附件 table would be)
/// restates its own body's tasks: an item lends the link of the body task it restates
/// (`echo`), the same either way round.
@Suite struct DocumentEchoTests {
  static let upper = """
    某市海绵城市建设实施意见
    一、重点任务
    （一）建设城市森林体系。建设环城生态公园带和生态走廊，推进防护林和林水复合建设。
    （二）提升防汛除涝能力。推进骨干河道整治和泵闸建设，提升区域水系蓄排能力。
    """
  static let lower = """
    某区海绵城市建设实施方案
    一、重点任务
    （一）加强生态空间保护。建设环城生态走廊和生态间隔带，形成生态网络空间。
    （二）提升防汛除涝能力。推进骨干河道断点打通和泵闸建设，提升蓄排能力。
    二、重点任务分解
    1.生态空间保护。建设嘉青生态走廊、环城生态走廊和生态间隔带，形成生态网络空间。
    2.河湖水系除涝。推进双塘泵闸建设和骨干河道断点打通工程建设。
    """

  @Test func tableRowRestatingABodyTask_echoesItsLinkSymmetric() throws {
    let upper = try RewordingAlignmentTests.parse(Self.upper, "upper.txt")
    let lower = try RewordingAlignmentTests.parse(Self.lower, "lower.txt")
    #expect(upper.measures.count == 2 && lower.measures.count == 4)
    #expect(lower.measures[2].path.first != lower.measures[0].path.first)
    let comparison = DocumentComparison(lower: lower, upper: upper)
    func evidence(_ i: Int, _ j: Int) -> PairEvidence? {
      comparison.scoredPairs.first { $0.lower == i && $0.upper == j }?.evidence
    }
    // Row 1. restates body （一）, which is linked with upper （一）.
    #expect((evidence(2, 0)?.echo ?? 0) >= DocumentEchoes.threshold)
    #expect((evidence(2, 0)?.echo ?? 0) > (evidence(2, 1)?.echo ?? 0))
    // The body's own pairs echo nothing of their own (no echo of a text in its own part).
    #expect((evidence(0, 1)?.echo ?? 0) < DocumentEchoes.threshold)
    let swapped = DocumentComparison(lower: upper, upper: lower)
    for (i, j, evidence) in comparison.scoredPairs {
      let other = swapped.scoredPairs.first { $0.lower == j && $0.upper == i }?.evidence
      #expect(other?.echo == evidence.echo)
    }
  }
}
