import Foundation
import PolicyCompare
import PolicyModel
import Testing

@testable import PolicyKit

/// A district rulebook that restates each municipal measure's heading as a section title
/// and splits the measure into items under it: the items and the measure are linked on
/// the section title (`heading_in_context`), and the evidence is the same either way.
@Suite struct SectionHeadingEvidenceTests {
  static let upper = """
    某市关于加强建筑垃圾管理的实施意见
    一、主要任务
    （一）加强消纳场所监管。市绿化市容局要会同有关部门制订消纳场所管理政策，推进消纳接收凭证管理，在消纳场所安装视频监控和称重系统。
    （二）推进数据平台建设。完善建筑垃圾综合服务监管平台，推动部门间数据互通，形成自动预警信息。
    （三）严打非法运输。公安部门会同城管执法部门开展专项整治行动，严厉打击非法运输建筑垃圾行为。
    """
  static let lower = """
    某区建筑垃圾管理细则
    一、具体操作要求
    （一）加强消纳场所监管
    1.落实土方调度。区级大型项目消纳场所接受区土方专班统一调度，调度量不少于备案总量的一半。
    2.落实属地管理。各街镇负责辖区内日常巡查，发现问题及时制止。
    （二）推进数据平台建设
    1.建设土方管理平台。区数据局负责平台建设和运维，推送案件线索。
    （三）严打非法运输
    1.开展专项行动。公安分局会同区城管执法局查处非法运输行为。
    """

  @Test func itemsUnderARestatedHeading_linkedWithTheReasonAndSymmetric() throws {
    let upper = try RewordingAlignmentTests.parse(Self.upper, "upper.txt")
    let lower = try RewordingAlignmentTests.parse(Self.lower, "lower.txt")
    #expect(upper.measures.count == 3 && lower.measures.count == 4)
    let comparison = DocumentComparison(lower: lower, upper: upper)
    func evidence(_ i: Int, _ j: Int) -> PairEvidence? {
      comparison.scoredPairs.first { $0.lower == i && $0.upper == j }?.evidence
    }
    // Items 0 and 1 stand under （一）加强消纳场所监管, item 2 under （二）.
    #expect((evidence(0, 0)?.headingInContext ?? 0) >= 0.99)
    #expect((evidence(1, 0)?.headingInContext ?? 0) >= 0.99)
    #expect((evidence(2, 0)?.headingInContext ?? 1) < 0.5)
    // Each upper measure is linked to an item under its heading, saying so.
    for (j, item) in [(0, 0), (1, 2), (2, 3)] {
      let pair = comparison.measurePairs.first { $0.upper == j && $0.lower == item }
      #expect(pair?.evidence.reasons.contains(.headingInContext) == true, "upper \(j)")
    }
    // The same evidence with the sides swapped.
    let swapped = DocumentComparison(lower: upper, upper: lower)
    for (i, j, evidence) in comparison.scoredPairs {
      let other = swapped.scoredPairs.first { $0.lower == j && $0.upper == i }?.evidence
      #expect(other?.headingInContext == evidence.headingInContext)
    }
  }
}
