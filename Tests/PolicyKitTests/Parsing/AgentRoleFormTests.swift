import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// Role statements whose body is not the words right before the role word, as State
/// Council documents and laws write them (blind batch 7, docs/gold-format.md): the agent
/// 由 brings in before a verb of its own, the body a sentence opens with before its
/// members, an office set up under a body, a body that answers for something (对…负责),
/// the bodies of a place (所在地的…), a government's department named by its duty, and
/// terms a document defines for bodies it does not name.
@Suite struct AgentRoleFormTests {
  func parse(_ text: String) throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "plan.txt", format: .plainText))
  }

  /// "role:name" of every department the document names with a role, in order.
  func roles(_ text: String) throws -> [String] {
    try parse("某项工作方案\n\n一、工作任务\n\n（一）组织实施。" + text).responsibilities.flatMap {
      $0.departments.map { "\($0.role.rawValue):\($0.name)" }
    }
  }

  @Test func theBodyASentenceOpensWith_isTheSubjectAfterItsMembers() throws {
    #expect(
      try roles("试点工作小组办公室设在国家医保局，由国家医保局、国家卫生健康委、联合采购办公室选派人员参加，具体负责组织开展试点。")
        == [
          "cooperating:国家医保局", "cooperating:国家卫生健康委", "cooperating:联合采购办公室",
          "responsible:试点工作小组办公室",
        ])
    // 由 opens the sentence, or a body that runs the mechanism: the mechanism is
    // responsible, and no named body.
    #expect(try roles("由市发展改革委牵头，市财政局参加，负责统筹推进。") == ["lead:市发展改革委", "cooperating:市财政局"])
    #expect(
      try roles("区政府统筹全区工作，由区发展改革委牵头，区财政局参加，负责项目审批。") == [
        "lead:区发展改革委", "cooperating:区财政局",
      ])
  }

  @Test func theAgentOfBy_beforeAVerbOfItsOwn() throws {
    #expect(try roles("由市医药集中采购事务管理所承担日常工作并负责具体实施。") == ["responsible:市医药集中采购事务管理所"])
    // 由 of a word is no agent; nor is a body that sends another.
    #expect(try roles("海南自由贸易港推进建立政府主导、企业参与的机制。").isEmpty)
  }

  @Test func anOfficeSetUpUnderABody_isNamedByIt() throws {
    #expect(try roles("市粮食应急工作指挥部下设办公室，负责日常工作。") == ["responsible:市粮食应急工作指挥部办公室"])
  }

  @Test func aBodyAnsweringForSomething_isResponsible_notOneAnsweringToABody() throws {
    #expect(try roles("各级人民政府对本行政区域的大气环境质量负责。") == ["responsible:各级人民政府"])
    #expect(try roles("县人民政府对本级人民代表大会负责并报告工作。").isEmpty)
  }

  @Test func theBodiesOfAPlace_andAlternatives() throws {
    #expect(
      try roles("户籍所在地的公安派出所、居民委员会或者村民委员会等有关单位和个人应当协助核查。") == [
        "cooperating:公安派出所", "cooperating:居民委员会", "cooperating:村民委员会",
      ])
  }

  @Test func listsJoinedByAndAlso_areReadEach() throws {
    // Bodies after 以及 that name no department (国有企业事业单位) add none.
    #expect(
      try roles("公安、民政、财政等有关部门以及国有企业事业单位应当协助国家安全机关做好安置工作。") == [
        "cooperating:公安", "cooperating:民政", "cooperating:财政",
      ])
    #expect(
      try roles("人民法院执行，公安机关以及居民委员会、村民委员会等应当协助执行。") == [
        "cooperating:公安机关", "cooperating:居民委员会", "cooperating:村民委员会",
      ])
  }

  @Test func kindsOfPlace_shareTheirGovernment() throws {
    #expect(
      Set(try roles("乡、镇人民政府和街道办事处负责社区戒毒工作。")) == [
        "responsible:乡人民政府", "responsible:镇人民政府", "responsible:街道办事处",
      ])
    #expect(
      Set(try roles("省、自治区、直辖市人民政府能源主管部门会同有关部门编制规划。")) == [
        "lead:省人民政府能源主管部门", "lead:自治区人民政府能源主管部门", "lead:直辖市人民政府能源主管部门",
      ])
  }

  @Test func aGovernmentsDepartmentNamedByItsDuty_isOneName() throws {
    #expect(
      try roles("省、自治区、直辖市人民政府管理专利工作的部门负责本行政区域内的专利代理管理工作。") == [
        "responsible:省人民政府管理专利工作的部门", "responsible:自治区人民政府管理专利工作的部门",
        "responsible:直辖市人民政府管理专利工作的部门",
      ])
    // One scope in brackets is one name; a list whose first name is a body is a list.
    #expect(
      try roles("县（市、区）人民政府管理专利工作的部门负责本行政区域内的专利保护工作。")
        == ["responsible:县（市、区）人民政府管理专利工作的部门"])
  }

  @Test func aTermForNamedBodies_namesThem() throws {
    #expect(
      try roles("各区人民政府（以下简称“区政府”）应当加强领导。区政府负责组织开展应急演练。")
        == ["responsible:区政府"])
  }

  @Test func aTermForUnnamedBodies_namesNone_butATermForNamedOnesDoes() throws {
    // 相关区政府 names a kind of body; the term for it and 相关行业主管部门 names none.
    #expect(
      try roles("相关行业主管部门和相关区政府（以下统称专区监管部门）落实监管责任。专区监管部门负责监督运营单位。")
        == ["responsible:相关区政府"])
    #expect(
      try roles("各级铁路、邮政等行政管理部门（以下统称交通主管部门）做好保障。由县级以上人民政府国防交通主管机构会同交通主管部门编制规划。")
        == ["lead:县级以上人民政府国防交通主管机构", "cooperating:交通主管部门"])
  }

  @Test func theLeadOfAJointMeeting_andPeopleOfABody() throws {
    #expect(try roles("联席会议由教育部、财政部等部门组成，教育部为牵头单位。") == ["lead:教育部"])
    #expect(try roles("区财政局作为牵头单位，负责资金统筹。").contains("lead:区财政局"))
    // 代表 as a verb: the body acts for another.
    #expect(try roles("区国资委代表国家履行出资人职责，负责监管区属国有企业。") == ["responsible:区国资委"])
    // 各试点地区代表: the regions' representatives, not the regions.
    #expect(
      try roles("联合采购办公室由试点城市各派1名代表组成，各试点地区代表作为副主任，负责实施集中采购。")
        == ["responsible:联合采购办公室"])
  }

  /// Reply letters report what bodies did (blind batch 16): 已, 已经, 正在 stand between a
  /// body and its role word, and national bodies are named by their short forms (扶贫办,
  /// 西部开发办, 振兴东北办, 环保总局 — the last a predecessor of 生态环境部).
  @Test func whatABodyHasDone_andNationalShortForms() throws {
    #expect(
      try roles("扶贫办已会同交通部、水利部等部门赴广安市进行了实地调查。") == [
        "lead:扶贫办", "cooperating:交通部", "cooperating:水利部",
      ])
    #expect(
      try roles("发展改革委会同西部开发办研究提出了办理意见。") == [
        "lead:发展改革委", "cooperating:西部开发办",
      ])
    #expect(
      try roles("环保总局会同发展改革委、水利部等部门研究提出了办理意见。") == [
        "lead:环保总局", "cooperating:发展改革委", "cooperating:水利部",
      ])
    #expect(try roles("振兴东北办正在会同国资委研究。") == ["lead:振兴东北办", "cooperating:国资委"])
  }

  /// A role taken level by level (逐级负责, 层层落实…责任) is the sentence's subject's; a
  /// heading that counts places ("极贫乡镇：1个（代化镇…）") heads no duties (blind batch 16).
  @Test func levelByLevel_andCountsAfterAColon() throws {
    #expect(
      try roles("各级地方人民政府要依据有关法律法规，健全安全生产责任制，逐级负责、逐级抓好落实。") == [
        "responsible:各级地方人民政府"
      ])
    #expect(try roles("\n\n（二）极贫乡镇：1个（代化镇，贫困发生率29%）。") == [])
    #expect(try roles("\n\n（二）区民防办：负责人防工程建设。") == ["responsible:区民防办"])
    // A date or a duty's number after the colon is no count: the body heads its duties.
    #expect(try roles("\n\n（二）区发展改革委：2025年6月底前牵头制定实施细则。") == ["responsible:区发展改革委"])
  }
}
