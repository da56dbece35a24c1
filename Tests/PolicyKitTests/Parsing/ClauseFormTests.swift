import Foundation
import Testing

@testable import PolicyKit

/// The clause forms of the field guide (§4) that the seeds do not all show, on short texts.
@Suite struct ClauseFormTests {
  func parse(_ text: String) throws -> PolicyDocument {
    PolicyParser().parse(try DocumentReader().read(bytes: Array(text.utf8), path: "clauses.txt", format: .plainText))
  }

  func roles(_ clause: ResponsibilityClause) -> [String] {
    clause.departments.map { "\($0.role.rawValue):\($0.name)" }
  }

  @Test func participateIsCooperating_andNationalBodies() throws {
    let document = try parse("一、重点任务\n（一）加强监管。推进工作。（生态环境部牵头，国家发展改革委、工业和信息化部参与）\n")
    let clause = try #require(document.responsibilities.first)
    #expect(roles(clause) == ["lead:生态环境部", "cooperating:国家发展改革委", "cooperating:工业和信息化部"])
    #expect(clause.departments[1].levelPrefix == "国家")
    #expect(clause.departments[1].canonical == "发展改革委")
  }

  /// People's organisations a district lists among the responsible units are departments,
  /// known to the dictionaries or not; a note in brackets is not a clause.
  @Test func peoplesOrganisationsAreDepartments_notesAreNot() throws {
    let document = try parse("一、重点任务\n（一）关爱困难群体。开展慰问。（责任单位：区残联、区民政局、区文联、区侨联、区科协、各镇街、区红十字会）\n（二）建立联席会议。（包括牵头单位自身）\n")
    #expect(document.responsibilities.count == 1)
    let clause = try #require(document.responsibilities.first)
    #expect(clause.departments.map(\.name) == ["区残联", "区民政局", "区文联", "区侨联", "区科协", "各镇街", "区红十字会"])
  }

  @Test func firstListedIsLead_sameBelow() throws {
    let text = """
      一、重点任务
      （一）优化税制。落实政策。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）
      （二）便利通关。简化手续。（海关总署、商务部负责）
      """
    let document = try parse(text + "\n")
    #expect(document.responsibilities.count == 2)
    #expect(roles(document.responsibilities[0]) == ["lead:税务总局", "responsible:财政部", "responsible:海关总署"])
    #expect(roles(document.responsibilities[1]) == ["lead:海关总署", "responsible:商务部"])
  }

  @Test func deadlineAndAssessedLead() throws {
    let document = try parse("一、重点任务\n1.建设平台。完成建设。（6月底完成，牵头考核单位：市工信局）\n")
    let clause = try #require(document.responsibilities.first)
    #expect(clause.deadline == "6月底完成")
    #expect(roles(clause) == ["lead:市工信局"])
    // 工信局 elsewhere is 经济信息委 in Chongqing: one kind of body.
    #expect(clause.departments[0].canonical == "经济信息委")
  }

  @Test func labelsWithSemicolonAndAliases() throws {
    let document = try parse("一、重点任务\n1.推进改革。深化改革。（牵头单位：区发改委；配合单位：区经信委、各镇街等有关单位）\n")
    let clause = try #require(document.responsibilities.first)
    #expect(roles(clause) == ["lead:区发改委", "cooperating:区经信委", "cooperating:各镇街"])
    #expect(clause.departments.map(\.canonical) == ["发展改革委", "经济信息委", "各镇街"])
    #expect(clause.departments[2].isCollective)
  }

  @Test func responsibleAloneWithFullStop() throws {
    let document = try parse("一、重点任务\n1.创建绿色工厂。加快创建。（责任单位：区经济信息委。）\n")
    #expect(roles(try #require(document.responsibilities.first)) == ["responsible:区经济信息委"])
  }

  @Test func parenthesesThatAreNotClauses() throws {
    let document = try parse("一、重点任务\n1.推广应用程序（APP）。实施方案（以下简称“方案”）负责落实。\n")
    #expect(document.responsibilities.isEmpty)
  }

  @Test func numberingGapIsADiagnostic() throws {
    let document = try parse("一、总体要求\n二、重点任务\n1.第一项。内容。\n2.第二项。内容。\n4.第四项。内容。\n四、保障措施\n")
    let messages = document.diagnostics.map(\.message)
    #expect(messages.contains { $0.contains("jumps from 2 to 4") && $0.contains("4.") })
    #expect(messages.contains { $0.contains("jumps from 2 to 4") && $0.contains("四、") })
    #expect(document.measures.count == 3)
  }
}
