import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// The forms of Shanghai's municipal rules (政府规章) that blind batch 10 showed
/// (docs/gold-format.md): a body approving "by way of" (经市物价部门会同…), a body or a list
/// of levels sharing an ending (市城雕委办公室或者区、县城市雕塑管理机构会同…), a first issue
/// without a decree amended by a later one, and a part listing the documents a rule rests
/// on (审批依据).
@Suite struct MunicipalRuleFormTests {
  func parse(_ text: String) throws -> PolicyDocument {
    try Parsed.text(text, path: "rule.txt")
  }

  @Test func byWayOf_andAlternativeLevels_nameTheBodies() throws {
    let document = try parse(
      """
      上海市某某管理办法

      第一条　临时占路费收取的具体标准，由市市政工程管理部门提出，经市物价部门会同市财政部门核定后执行。

      第二条　城市雕塑项目建成后，应当由市城雕委办公室或者区、县城市雕塑管理机构会同规划管理部门组织验收。

      第三条　本市经济信息化工作由市经信委会同市财政局负责。
      """)
    #expect(
      try document.roles(measure: "第一条").contains("lead:市物价部门"))
    #expect(
      try Set(document.roles(measure: "第二条"))
        == [
          "lead:市城雕委办公室", "lead:区城市雕塑管理机构", "lead:县城市雕塑管理机构",
          "cooperating:规划管理部门",
        ])
    // 经 is part of 经信委: only 经 before a level is dropped.
    #expect(try document.roles(measure: "第三条").contains("lead:市经信委"))
  }

  /// "（1996年3月3日上海市人民政府发布，根据2010年…令第52号…修正并重新发布）": the decree
  /// is the amendment's, not the rule's number; the date is the first issue's.
  @Test func firstIssueWithoutDecree_hasNoNumber() throws {
    let document = try parse(
      """
      上海市某某管理办法

      （1996年3月3日上海市人民政府发布，根据2010年12月20日上海市人民政府令第52号公布的《上海市人民政府关于修改〈上海市农机事故处理暂行规定〉等148件市政府规章的决定》修正并重新发布）

      第一条　为了加强管理，制定本办法。

      第二条　本办法自发布之日起施行。
      """)
    #expect(document.metadata.documentNumber == nil)
    #expect(document.metadata.writtenDate == "1996-03-03")
    let amended = try parse(
      """
      上海市某某管理办法

      （1995年8月28日上海市人民政府令第13号发布，根据2010年12月20日上海市人民政府令第52号修正）

      第一条　为了加强管理，制定本办法。
      """)
    #expect(amended.metadata.documentNumber?.text == "上海市人民政府令第13号")
  }

  /// 一、审批依据 lists titles: no measures; the parts after it hold them.
  @Test func basisPart_holdsNoMeasures() throws {
    let document = try parse(
      """
      某区工程建设项目审查管理办法

      一、审批依据

      （一）《建设工程质量管理条例》

      （二）《建筑工程设计文件编制深度规定》

      二、审查范围和职责

      （一）区建设管理委负责本区政府投资项目的初步设计审查。

      （二）区发展改革委负责项目概算的审核。
      """)
    let labels = document.measures.map { measure -> String in
      let section = document.sections[measure.section]
      let parent = section.parent.map { document.sections[$0].label } ?? ""
      return parent + section.label
    }
    #expect(labels == ["二、（一）", "二、（二）"])
  }

  /// A title that opens with what it implements takes that law's level; a congress's
  /// sitting without a name before it stays as written.
  @Test func implementingTitle_level_andSitting() throws {
    let rule = try parse("实施《中华人民共和国反外国制裁法》的规定\n\n第一条　为了实施，制定本规定。\n")
    #expect(rule.metadata.level == .national)
    #expect(MetadataExtractor.withoutSitting("第十四届全国人民代表大会第三次会议") == "全国人民代表大会")
    #expect(MetadataExtractor.withoutSitting("第三次会议") == "第三次会议")
  }
}
