import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// The forms a blind batch of State Council documents showed (batch 7, docs/gold-format.md):
/// the decimal numbering of emergency plans (1 总则, 2.1.3 成员单位职责) with a table of
/// contents before the body, headings of a body's duties, lead-ins that announce their
/// items with 下列, principles parts, and role statements with 密切配合 or a second duty
/// joined by 并.
@Suite struct EmergencyPlanFormTests {
  func parse(_ text: String) throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "plan.txt", format: .plainText))
  }

  /// The labels of a section and its ancestors, outermost first ("2 2.1 2.1.1 （1）").
  func labels(_ document: PolicyDocument, _ section: Int) -> [String] {
    var chain: [String] = []
    var current: Int? = section
    while let index = current {
      chain.insert(document.sections[index].label, at: 0)
      current = document.sections[index].parent
    }
    return chain
  }

  /// "role:name" of every department of the measure whose labels end with `path`.
  func roles(_ document: PolicyDocument, at path: [String]) throws -> [String] {
    let measure = try #require(
      document.measures.first { labels(document, $0.section).suffix(path.count) == path[...] })
    return measure.responsibilities.flatMap {
      document.responsibilities[$0].departments.map { "\($0.role.rawValue):\($0.name)" }
    }
  }

  /// An emergency plan as the State Council publishes them: the plan's title, its table of
  /// contents, then the body in decimal numbering.
  static let emergencyPlan = """
    某市粮食应急预案

    目　　录

    1　总则

    　　1.1　编制目的及依据

    　　1.2　等级划分

    2　组织机构和职责

    　　2.1　市粮食应急工作指挥部

    3　应急保障

    1　总则

    1.1　编制目的及依据

    为了有效监测和控制粮食市场异常波动，制定本预案。

    1.2　等级划分

    1.2.1　市级（Ⅰ级）：全市出现粮食应急状态。

    1.2.2　区级（Ⅱ级）：一个区出现粮食应急状态。

    2　组织机构和职责

    2.1　市粮食应急工作指挥部

    总指挥：市发展改革委主要负责人。

    2.1.1　市粮食应急工作指挥部职责

    （1）掌握粮食市场形势，提出启动应急措施的建议。

    （2）完成市政府交办的其他事项。

    2.1.2　市粮食应急工作指挥部成员单位职责

    （1）市财政局负责安排应急所需经费。

    （2）海关总署、工商总局负责进口粮食的监管。

    （3）中国农业发展银行负责落实应急粮食所需贷款。

    3　应急保障

    3.1　粮食储备

    3.1.1　区人民政府必须按照规定落实地方粮食储备。

    3.1.2 所有粮食经营企业都要保持必要的库存量。

    3.2　奖励和处罚

    有下列行为之一的，依照有关规定处理。

    （1）不按照本预案规定采取应急措施的；

    （2）拒不执行粮食应急指令的。
    """

  @Test func decimalNumbering_nestsByItsLevels_afterTheTableOfContents() throws {
    let document = try parse(Self.emergencyPlan)
    let sectionLabels = document.sections.map(\.label)
    // The table of contents opens no sections: each heading is found once, in the body.
    #expect(sectionLabels.filter { $0 == "2.1" }.count == 1)
    #expect(sectionLabels.first == "1")
    let kinds = Dictionary(
      document.sections.map { ($0.label, $0.kind) }, uniquingKeysWith: { a, _ in a })
    #expect(kinds["1"] == .decimal1)
    #expect(kinds["2.1"] == .decimal2)
    #expect(kinds["2.1.2"] == .decimal3)
    // "3.1.2 所有…": three levels are read even where the space after them was lost.
    #expect(kinds["3.1.2"] == .decimal3)
    let paths = document.measures.map { labels(document, $0.section).joined(separator: " ") }
    #expect(
      paths == [
        "2 2.1 2.1.1 （1）", "2 2.1 2.1.1 （2）", "2 2.1 2.1.2 （1）", "2 2.1 2.1.2 （2）",
        "2 2.1 2.1.2 （3）", "3 3.1 3.1.1", "3 3.1 3.1.2", "3 3.2",
      ])
  }

  @Test func decimalNumbers_areNotQuantitiesOrSentences() throws {
    let document = try parse(
      """
      一、工作任务

      （一）扩大储备。

      2.5 万吨的储备粮由市粮食局负责轮换。

      12 月底前完成全部轮换，由区政府负责验收。

      1 各区要加强领导，确保完成任务。

      2.5　小时内完成报告。

      6.0　级以上地震由抗震救灾指挥部负责。

      30　分钟内到达现场。

      12　名成员单位参加演练。

      （二）完善机制。
      """)
    #expect(!document.sections.contains { $0.kind.rawValue.hasPrefix("decimal") })
    // The plan's own outline stays whole: （二） is 一、's second item.
    #expect(document.measures.map(\.label) == ["（一）", "（二）"])
  }

  @Test func decimalHeadings_withOrdinarySpaces_keepTheirLevels() throws {
    let document = try parse(
      """
      某区防汛应急预案

      1 总则

      1.1 编制目的

      为做好防汛工作，制定本预案。

      2 组织机构

      2.1 区防汛指挥部

      2.1.1 区防汛指挥部职责

      （1）统一指挥全区防汛工作。

      （2）完成区政府交办的其他事项。
      """)
    let kinds = document.sections.map { "\($0.label) \($0.kind.rawValue)" }
    #expect(
      kinds == [
        "1 decimal_1", "1.1 decimal_2", "2 decimal_1", "2.1 decimal_2", "2.1.1 decimal_3",
        "（1） parenthesized_arabic_ordinal", "（2） parenthesized_arabic_ordinal",
      ])
  }

  @Test func headingsOfABodysDuties_giveItEachItem_notItsMembers() throws {
    let document = try parse(Self.emergencyPlan)
    #expect(try roles(document, at: ["2.1.1", "（1）"]) == ["responsible:市粮食应急工作指挥部"])
    #expect(try roles(document, at: ["2.1.1", "（2）"]) == ["responsible:市粮食应急工作指挥部"])
    // 成员单位职责: each member's item names it; the members are no body of their own.
    #expect(try roles(document, at: ["2.1.2", "（1）"]) == ["responsible:市财政局"])
    // National bodies under their former names (工商总局 is now 市场监管总局), 总署 and
    // 中国… bodies.
    #expect(
      try roles(document, at: ["2.1.2", "（2）"]) == ["responsible:海关总署", "responsible:工商总局"])
    #expect(try roles(document, at: ["2.1.2", "（3）"]) == ["responsible:中国农业发展银行"])
    let merged = try #require(
      document.responsibilities.flatMap(\.departments).first { $0.name == "工商总局" })
    #expect(merged.canonical == "市场监管总局")
  }

  @Test func aTaskHeadingEndingInDuties_headsNoBlock() throws {
    let document = try parse(
      """
      一、工作任务

      （一）区应急局

      1.落实综合监管职责。

      2.组织开展安全生产大检查。

      （二）厘清监管部门职责

      1.明确牵头部门。

      2.建立会商机制。
      """)
    let named = document.responsibilities.flatMap(\.departments).map {
      "\($0.role.rawValue):\($0.name)"
    }
    // Both items of 区应急局's block are its duties; 厘清监管部门 is no body.
    #expect(named == ["responsible:区应急局", "responsible:区应急局"])
  }

  @Test func aPlansPartNamingABody_stillHeadsItsDuties() throws {
    let document = try parse(
      """
      第一部分　区发展改革委

      一、负责全区发展规划编制。

      二、负责重大项目审批。
      """)
    let named = document.responsibilities.flatMap(\.departments).map {
      "\($0.role.rawValue):\($0.name)"
    }
    #expect(Set(named) == ["responsible:区发展改革委"])
    #expect(document.measures.allSatisfy { !$0.responsibilities.isEmpty })
  }

  @Test func aLawsChapterNamingBodies_headsNoBlockOfDuties() throws {
    let document = try parse(
      """
      某市村民委员会组织办法

      第三章　村民委员会及其下属委员会

      第十条　村民委员会根据需要可以设立下属委员会。

      第十一条　乡镇人民政府负责村民委员会成员的培训工作。
      """)
    let named = document.responsibilities.flatMap(\.departments).map {
      "\($0.role.rawValue):\($0.name)"
    }
    #expect(named == ["responsible:乡镇人民政府"])
  }

  @Test func leadInsThatAnnounceTheirItems_keepThemInTheMeasure() throws {
    let document = try parse(
      """
      一、工作任务

      （一）加强执行。执行机构负责执行下列生效法律文书：

      （1）人民法院民事、行政判决；

      （2）依法应由人民法院执行的行政处罚决定。

      （二）从严处理。对有下列行为的单位，依照有关规定处理。

      （1）拒不执行指令的；

      （2）囤积居奇的。

      （三）保障经费。市财政局负责安排所需经费。
      """)
    #expect(document.measures.map(\.label) == ["（一）", "（二）", "（三）"])
  }

  @Test func principlesParts_holdNoMeasures() throws {
    let document = try parse(
      """
      二、清理整顿的原则

      （一）“双重”负责的原则。实行业务主管部门与登记管理机关双重负责的管理体制。

      （二）从严的原则。严格按照规定审查。

      三、主要任务

      （一）开展检查。民政部门负责组织检查。
      """)
    #expect(document.measures.map { labels(document, $0.section) } == [["三、", "（一）"]])
    // A task of applying a principle is a task.
    let task = try parse(
      """
      一、主要任务

      （一）落实属地管理原则。各街道负责辖区安全生产监管。

      （二）完善机制。
      """)
    #expect(task.measures.map(\.label) == ["（一）", "（二）"])
  }

  @Test func roleStatements_withAdverbs_andASecondDutyJoinedByAlso() throws {
    let document = try parse(
      """
      一、工作任务

      （一）依法查处。对违法社会团体，民政、公安、人民银行等有关部门要紧密配合，依法查处。

      （二）落实经费。西藏自治区人民政府要按照有关规定，负责提供学生的学习费用并及时拨给学校。

      （三）协助核查。居民委员会、村民委员会应当协助做好核查工作。

      （四）组织实施。负责扩大招生工作的各部门要加强协调。
      """)
    #expect(
      try roles(document, at: ["（一）"]) == [
        "cooperating:民政", "cooperating:公安", "cooperating:人民银行",
      ])
    #expect(try roles(document, at: ["（二）"]) == ["responsible:西藏自治区人民政府"])
    #expect(
      try roles(document, at: ["（三）"]) == ["cooperating:居民委员会", "cooperating:村民委员会"])
    // 负责…的各部门: the role word only qualifies a noun.
    #expect(try roles(document, at: ["（四）"]).isEmpty)
  }
}
