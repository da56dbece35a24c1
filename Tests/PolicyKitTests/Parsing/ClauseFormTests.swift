import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// The clause forms of the field guide (§4) that the seeds do not all show, on short texts.
@Suite struct ClauseFormTests {
  func parse(_ text: String) throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "clauses.txt", format: .plainText))
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
    let document = try parse(
      "一、重点任务\n（一）关爱困难群体。开展慰问。（责任单位：区残联、区民政局、区文联、区侨联、区科协、各镇街、区红十字会）\n（二）建立联席会议。（包括牵头单位自身）\n")
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
    #expect(
      roles(document.responsibilities[0]) == ["lead:税务总局", "responsible:财政部", "responsible:海关总署"])
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

  /// The roles of every clause, as "role:name", in reading order.
  func allRoles(_ document: PolicyDocument) -> [[String]] {
    document.responsibilities.map(roles)
  }

  // MARK: Labelled clauses

  /// Labels end their list at 。 as at ；: "（牵头单位：A，B。配合单位：C）".
  @Test func labelsSeparatedByAFullStop() throws {
    let document = try parse("一、主要任务\n1.建设绿道。推进建设。（牵头单位：市绿化市容局，地产集团。配合单位：市规划资源局、市财政局）\n")
    #expect(
      allRoles(document) == [
        ["lead:市绿化市容局", "lead:地产集团", "cooperating:市规划资源局", "cooperating:市财政局"]
      ])
  }

  /// Any short label before a colon that ends as a label does gives the role of its words:
  /// 牵头部门 (lead), 实施部门 and 实施主体 (responsible), 支撑单位 (cooperating); a label of
  /// no role word (指导单位) gives none.
  @Test func labelsByTheirWords() throws {
    let text = """
      一、主要任务
      （一）完善设施。推进建设。（牵头部门：市交通委港务监管处；实施部门：市港航中心、各区交通主管部门）
      （二）改造项目。推进改造。（牵头单位：九里亭街道，支撑单位：区规划资源局、区经委）
      （三）审核方案。加强审核。（指导单位：市住房城乡建设管理委；责任单位：区建设管理委）
      """
    let document = try parse(text + "\n")
    #expect(
      allRoles(document) == [
        ["lead:市交通委港务监管处", "responsible:市港航中心", "responsible:各区交通主管部门"],
        ["lead:九里亭街道", "cooperating:区规划资源局", "cooperating:区经委"],
        ["responsible:区建设管理委"],
      ])
  }

  /// Role words after the names they give a role to, a list at a time: 牵头负责 then 组织落实,
  /// after ， or 、; 按职责 is no part of a name.
  @Test func roleWordsWithinOneList() throws {
    let text = """
      一、重点任务
      1.整治隐患。依法处罚。（市住房城乡建设管理委牵头负责，各区政府组织落实）
      2.加强监管。依法查处。（市交通委牵头负责、各区政府组织落实）
      3.开展检查。严格检查。（市公安局牵头负责，市市场监管局、各区政府组织落实）
      4.推广装置。加快安装。（市住房城乡建设管理委、市财政局牵头负责，市民政局按职责组织配合）
      """
    let document = try parse(text + "\n")
    #expect(
      allRoles(document) == [
        ["lead:市住房城乡建设管理委", "responsible:各区政府"],
        ["lead:市交通委", "responsible:各区政府"],
        ["lead:市公安局", "responsible:市市场监管局", "responsible:各区政府"],
        ["lead:市住房城乡建设管理委", "lead:市财政局", "cooperating:市民政局"],
      ])
  }

  /// "A会同B负责": the subject of 会同 leads, its objects cooperate.
  @Test func togetherWith_subjectLeads() throws {
    let document = try parse("一、重点任务\n1.编制规划。组织编制。（区文化局会同区规土局负责）\n")
    #expect(allRoles(document) == [["lead:区文化局", "cooperating:区规土局"]])
  }

  /// 指导 is no role word: the body named with it has no role (docs/gold-format.md).
  @Test func guidingIsNoRole() throws {
    let document = try parse("一、主要任务\n（一）推进回收。加快推进。（商务部指导，供销合作总社参与）\n")
    #expect(allRoles(document) == [["cooperating:供销合作总社"]])
  }

  /// A list of bodies closing a measure, without a role word, is responsible; notes in
  /// brackets after a title or a name are no clause.
  @Test func bareListClosingAMeasure() throws {
    let text = """
      四、重点任务
      1.开展收储出让。条件适宜的地块可收储。（各街镇、区规划资源局、区土储中心）
      2.发挥国企作用。推动存量土地开发。（区属国企）。
      3.建设场所。建设应急避难场所（Ⅰ类固定中心）。
      """
    let document = try parse(text + "\n")
    #expect(
      allRoles(document) == [
        ["responsible:各街镇", "responsible:区规划资源局", "responsible:区土储中心"], ["responsible:区属国企"],
      ])
  }

  // MARK: Names

  /// Collectives count when they name a kind of body, not when only 部门, 单位 or 机构
  /// follows 各 / 有关 / 相关; regulated parties are no departments.
  @Test func collectivesAndRegulatedParties() throws {
    let text = """
      一、重点任务
      1.推进示范。加快推进。（责任单位：市交通委、各区政府、相关街镇、各有关部门、有关区级部门、各行业部门）
      2.建设光伏。加快建设。（责任单位：机场集团、各航空公司、各交通行业企业、各项目实施主体、区属国有公司）
      """
    let document = try parse(text + "\n")
    #expect(
      allRoles(document) == [
        ["responsible:市交通委", "responsible:各区政府", "responsible:相关街镇"],
        ["responsible:机场集团", "responsible:区属国有公司"],
      ])
  }

  /// A shared ending is given to each name ("浦东新区、普陀区政府"); 和 between two bodies
  /// separates them, not inside a name (住房和城乡建设局); a label right after a name is
  /// part of it ("…工作专班牵头单位").
  @Test func sharedEndingsJoinedNamesAndLabelledCollectives() throws {
    let text = """
      一、重点任务
      1.建设绿地。加快建设。（牵头单位：浦东新区、长宁区、宝山区政府，临港新片区管委会）
      2.强化科技赋能。推进攻关。（区科技局牵头，区住房和城乡建设委、有关镇街和区属国有公司按职责分工负责）
      3.加大招商力度。拓展渠道。（省商务厅牵头，省十大新兴产业推进组工作专班牵头单位按职责分工负责）
      """
    let document = try parse(text + "\n")
    #expect(
      allRoles(document) == [
        ["lead:浦东新区政府", "lead:长宁区政府", "lead:宝山区政府", "lead:临港新片区管委会"],
        ["lead:区科技局", "responsible:区住房和城乡建设委", "responsible:有关镇街", "responsible:区属国有公司"],
        ["lead:省商务厅", "responsible:省十大新兴产业推进组工作专班牵头单位"],
      ])
    // The name as the text has it, for each district.
    let first = try #require(document.responsibilities.first?.departments.first)
    #expect(document.string(first.span) == "浦东新区")
  }

  /// Sectors before 等部门 are named bodies, each as written; a division in brackets after
  /// a department is no department of its own, a note inside a name is part of it.
  @Test func sectorsDivisionsAndNotesInNames() throws {
    let text = """
      一、重点任务
      1.开展整治。联合执法。（公安、市场监管、城管执法等部门配合）
      2.推进改造。加快推进。（牵头部门：市交通委（科信处、宣传处）；配合部门：街道（开发区）办事处）
      """
    let document = try parse(text + "\n")
    #expect(
      allRoles(document) == [
        ["cooperating:公安", "cooperating:市场监管", "cooperating:城管执法"],
        ["lead:市交通委", "cooperating:街道（开发区）办事处"],
      ])
  }

  // MARK: Rules stated once

  /// The rule in its variants: with 下同 it governs the clauses after it, without it only
  /// its own clause; stated in the text before the tasks, it governs those after it.
  @Test(arguments: ["排在第一位的部门为牵头部门", "列第一位者为牵头单位", "第一个为牵头单位", "排名第一的为牵头单位"])
  func firstListedIsLead_variants(rule: String) throws {
    let withSameBelow = try parse("一、重点任务\n（一）优化税制。（税务总局、财政部负责，\(rule)，下同）\n（二）便利通关。（海关总署、商务部负责）\n")
    #expect(
      allRoles(withSameBelow) == [
        ["lead:税务总局", "responsible:财政部"], ["lead:海关总署", "responsible:商务部"],
      ])
    let alone = try parse("一、重点任务\n（一）优化税制。（税务总局、财政部负责，\(rule)）\n（二）便利通关。（海关总署、商务部负责）\n")
    #expect(
      allRoles(alone) == [
        ["lead:税务总局", "responsible:财政部"], ["responsible:海关总署", "responsible:商务部"],
      ])
    let stated = try parse("各项任务中\(rule)。\n一、重点任务\n（一）优化税制。（税务总局、财政部负责）\n（二）便利通关。（海关总署、商务部负责）\n")
    #expect(
      allRoles(stated) == [["lead:税务总局", "responsible:财政部"], ["lead:海关总署", "responsible:商务部"]])
  }

  @Test func numberingGapIsADiagnostic() throws {
    let document = try parse("一、总体要求\n二、重点任务\n1.第一项。内容。\n2.第二项。内容。\n4.第四项。内容。\n四、保障措施\n")
    let messages = document.diagnostics.map(\.message)
    #expect(messages.contains { $0.contains("jumps from 2 to 4") && $0.contains("4.") })
    #expect(messages.contains { $0.contains("jumps from 2 to 4") && $0.contains("四、") })
    #expect(document.measures.count == 3)
  }
}
