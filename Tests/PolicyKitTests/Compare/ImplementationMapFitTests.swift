import Foundation
import PolicyCompare
import PolicyModel
import Testing

@testable import PolicyKit

/// Which lower documents the implementation map takes as implementing a plan that they do
/// not cite: one on the plan's subject that takes up its measures in other words, not one
/// on another subject that shares only the frame every plan has (加强组织领导, 加强宣传引导).
@Suite struct ImplementationMapFitTests {
  static let plan = """
    上海市关于全面加强建筑垃圾管理的实施意见
    一、加强源头减量。推进建筑垃圾源头减量，工程渣土、泥浆、装修垃圾分类收集，施工单位编制建筑垃圾处理方案。
    二、规范运输处置。建筑垃圾运输车辆全部安装卫星定位，渣土消纳场所实行备案管理，严禁偷倒乱倒。
    三、推进资源化利用。建设建筑垃圾资源化利用设施，推广拆除垃圾和装修垃圾再生产品。
    四、加强组织领导。各区政府加强组织领导，落实责任，强化监督考核。
    五、加强宣传引导。通过报纸、电视、网络等媒体广泛宣传，营造全社会共同参与的良好氛围。
    """
  static let sameSubject = """
    某区关于加强建筑垃圾管理的实施意见
    一、抓好源头管控。工地按规定编制建筑垃圾处理方案，装修垃圾和工程渣土分类收集、分类运输。
    二、严管运输消纳。渣土运输车辆安装卫星定位装置，消纳场所备案，查处偷倒乱倒行为。
    三、提升资源化水平。建成建筑垃圾资源化利用设施一处，再生产品优先用于政府投资工程。
    四、强化保障。区政府各部门加强组织领导，强化监督考核。
    """
  static let otherSubject = """
    某区关于加强景观照明管理的实施意见
    一、编制专项规划。景观照明专项规划明确核心区域、重要道路两侧建筑的灯光设置要求。
    二、规范设施运行。景观灯光设施按时开启关闭，节假日延长开灯时间，做好设施维护。
    三、推进节能改造。推广使用节能灯具和智能控制系统，降低景观照明能耗。
    四、加强组织领导。落实责任。
    五、加强宣传引导。做好政策解读。
    """

  static func parse(_ text: String, _ name: String) throws -> PolicyDocument {
    try RewordingAlignmentTests.parse(text, name)
  }

  @Test func subjectSimilarity_sameSubjectAboveTheThresholdOtherBelowSymmetric() throws {
    let plan = try Self.parse(Self.plan, "plan.txt")
    let same = try Self.parse(Self.sameSubject, "same.txt")
    let other = try Self.parse(Self.otherSubject, "other.txt")
    #expect(plan.measures.count == 5 && other.measures.count == 5)
    let near = SubjectSimilarity.of(same, plan)
    let far = SubjectSimilarity.of(other, plan)
    #expect(near >= ImplementationMap.subjectThreshold, "\(near)")
    #expect(far < ImplementationMap.subjectThreshold, "\(far)")
    #expect(SubjectSimilarity.of(plan, same) == near)
    #expect(abs(SubjectSimilarity.of(plan, plan) - 1) < 1e-9)
  }

  @Test func map_takesTheDocumentOnTheSubjectNotTheOneSharingTheFrame() throws {
    let plan = try Self.parse(Self.plan, "plan.txt")
    let comparisons = try [Self.sameSubject, Self.otherSubject].enumerated().map {
      DocumentComparison(lower: try Self.parse($1, "lower\($0).txt"), upper: plan)
    }
    // The shared frame (加强组织领导, 加强宣传引导) links: coverage alone would take it.
    #expect(comparisons[1].measureCoverage >= ImplementationMap.coverageThreshold)
    let map = ImplementationMap(upper: plan, comparisons: comparisons)
    #expect(map.columns.map(\.comparison.lower.text.source.path) == ["lower0.txt"])
    #expect(map.columns.first?.foundBy == .coverage)
    #expect(map.notImplementing.map(\.lower.text.source.path) == ["lower1.txt"])
  }
}
