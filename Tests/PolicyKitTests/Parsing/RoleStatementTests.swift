import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// Role statements in running text and departments that head blocks of duties, on short
/// texts (docs/gold-format.md, "What is a role statement").
@Suite struct RoleStatementTests {
  func parse(_ text: String) throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "statements.txt", format: .plainText)
    )
  }

  /// "role:name" for every department of every clause, in reading order.
  func roles(_ document: PolicyDocument) -> [String] {
    document.responsibilities.flatMap { $0.departments.map { "\($0.role.rawValue):\($0.name)" } }
  }

  /// The roles of the clauses of the measure labelled `label`.
  func roles(_ document: PolicyDocument, measure label: String) throws -> [String] {
    try document.roles(measure: label)
  }

  @Test func byLeadThenCooperate() throws {
    let document = try parse("一、重点任务\n1.治理河道。由区生态环境局牵头，区水务局配合落实，开展综合治理。\n")
    #expect(roles(document) == ["lead:区生态环境局", "cooperating:区水务局"])
    // The clause is the sentence, attached to its measure.
    #expect(try roles(document, measure: "1.") == ["lead:区生态环境局", "cooperating:区水务局"])
  }

  /// Names the reader makes from a list ("市公安交管部门" of "市、区公安交管部门") stand
  /// nowhere as one: their span is the sentence that names them, not bytes that happen
  /// to be as long.
  @Test func madeNames_spanTheirSentence() throws {
    let text = "一、重点任务\n（一）加强道路管理。市、区公安交管部门负责道路巡查。\n"
    let document = try parse(text)
    let utf8 = Array(document.text.text.utf8)
    let mentions = document.responsibilities.flatMap(\.departments)
    #expect(mentions.map(\.name).sorted() == ["区公安交管部门", "市公安交管部门"])
    for mention in mentions {
      let spanned = String(decoding: utf8[mention.span.start..<mention.span.end], as: UTF8.self)
      #expect(
        spanned == mention.name || spanned.contains("市、区公安交管部门"), "\(mention.name) spans \(spanned)"
      )
    }
  }

  /// A sector's department named by its sector (公安部门, 城市管理综合执法部门) is a body;
  /// bodies pointed at without a name (有关部门, 下列部门) are not.
  @Test func sectorDepartments_areBodies() throws {
    let text = "一、重点任务\n（一）严打黑车。公安部门要会同交通部门开展整治。城市管理综合执法部门负责查处；有关部门负责配合。下列部门负责实施。\n"
    let document = try parse(text)
    #expect(
      try roles(document, measure: "（一）") == [
        "lead:公安部门", "cooperating:交通部门", "responsible:城市管理综合执法部门",
      ])
  }

  /// Sectors listed before a department's ending share it: "生态环境、绿化市容、城管执法部门"
  /// are three departments; a place before it (城市、县…主管部门) is no sector.
  @Test func sectorsShareADepartmentsEnding() throws {
    let text = "一、重点任务\n（一）严管倾倒。生态环境、绿化市容、城管执法部门要会同建设主管部门加强查处。\n（二）加强监督。卫生、教育部门负责监督。\n"
    let document = try parse(text)
    #expect(
      try roles(document, measure: "（一）") == [
        "lead:生态环境部门", "lead:绿化市容部门", "lead:城管执法部门", "cooperating:建设主管部门",
      ])
    #expect(try roles(document, measure: "（二）") == ["responsible:卫生部门", "responsible:教育部门"])
  }

  /// A numbered item that opens with a body goes on about it: a later sentence that
  /// opens with its role word ("负责配合…") has that body as subject; a sentence with a
  /// subject of its own, or one in an article, does not take it.
  @Test func itemsOpeningBody_isTheSubjectOfLaterSentences() throws {
    let text =
      "一、职责分工\n（一）区财政局按规定对消防资金进行预算管理，落实经费保障。负责配合金融管理部门做好消防工作。\n（二）区水务局指导供水设施管理。区消防救援支队负责维护消防水源。\n"
    let document = try parse(text)
    #expect(try roles(document, measure: "（一）") == ["cooperating:区财政局"])
    #expect(try roles(document, measure: "（二）") == ["responsible:区消防救援支队"])
  }

  /// Levels joined by 或者 name a department each ("市或者区（县）土地管理部门"), bodies after
  /// 会同 cooperate whoever leads, and 同级 before them is no part of their names.
  @Test func levelAlternatives_sameLevelBodies_andBodiesAfterTogether() throws {
    let text = """
      一、重点任务
      1.储备地块的出让工作，由市或者区（县）土地管理部门会同投资、规划等管理部门组织实施。
      2.市、区绿化市容部门可以会同同级发展改革、财政等有关部门制定政策。
      3.开展智慧城市建设，会同城管执法、市场监管等部门开展应用开发。

      """
    let document = try parse(text)
    #expect(
      try roles(document, measure: "1.").sorted() == [
        "cooperating:投资", "cooperating:规划", "lead:区（县）土地管理部门", "lead:市土地管理部门",
      ])
    #expect(
      try roles(document, measure: "2.").sorted() == [
        "cooperating:发展改革", "cooperating:财政", "lead:区绿化市容部门", "lead:市绿化市容部门",
      ])
    #expect(try roles(document, measure: "3.") == ["cooperating:城管执法", "cooperating:市场监管"])
  }

  /// Enterprises a level of government manages are bodies (区管企业), as state-owned
  /// ones are; enterprises in general are regulated parties.
  @Test func enterprisesOfALevel_areBodies() throws {
    let text = "一、职责分工\n（九）各街镇、区管企业\n负责落实区域内属地管理职责。\n（十）有关企业\n负责落实主体责任。\n"
    let document = try parse(text)
    #expect(roles(document).contains("responsible:区管企业"))
    #expect(!roles(document).contains("responsible:有关企业"))
  }

  @Test func subjectsOfRoleWords() throws {
    let text = """
      一、重点任务
      1.统筹推进。市住房城乡建设管理委牵头负责统筹协调本市海绵城市建设。
      2.加强执法。区城管执法局负责查处违法行为，区公安分局按职责配合。
      3.编制规划。区级文物保护单位由区文化局会同区规土局共同编制。
      4.建立专班。由市交通委会同市公安局等部门落实工作专班。
      """
    let document = try parse(text + "\n")
    #expect(try roles(document, measure: "1.") == ["lead:市住房城乡建设管理委"])
    #expect(try roles(document, measure: "2.") == ["responsible:区城管执法局", "cooperating:区公安分局"])
    #expect(try roles(document, measure: "3.") == ["lead:区文化局", "cooperating:区规土局"])
    #expect(try roles(document, measure: "4.") == ["lead:市交通委", "cooperating:市公安局"])
  }

  /// A role word without a subject of its own is the sentence's subject's; the object of
  /// 配合 gets no role.
  @Test func roleWordWithoutASubject() throws {
    let text = """
      一、重点任务
      1.明确资金。区交通委根据养护规范，负责编制全区养护计划，报区财政局审核。
      2.落实职责。镇政府配合市交通委做好改革工作，负责乡道、村道的管理养护。
      """
    let document = try parse(text + "\n")
    #expect(try roles(document, measure: "1.") == ["responsible:区交通委"])
    #expect(try roles(document, measure: "2.") == ["cooperating:镇政府", "responsible:镇政府"])
  }

  /// Sectors before 等部门 are named bodies; 责任主体 and 落实主体责任 make their subject
  /// responsible.
  @Test func sectorsAndAccountableBodies() throws {
    let text = """
      一、重点任务
      1.加强协调。发改、财政、房管等部门要加强协调配合。
      2.压实责任。各区政府是公园带建设的责任主体。各镇政府、街道办事处和头桥集团落实主体责任。
      """
    let document = try parse(text + "\n")
    #expect(
      try roles(document, measure: "1.") == ["cooperating:发改", "cooperating:财政", "cooperating:房管"])
    #expect(
      try roles(document, measure: "2.") == [
        "responsible:各区政府", "responsible:各镇政府", "responsible:街道办事处", "responsible:头桥集团",
      ])
  }

  /// The governments of a level (省级政府) and 地方政府 name kinds of body; 落实 with no
  /// subject of its own makes the government holding the responsibility responsible, not a
  /// regulated party nor a field; a role word describing a system of government is no role.
  @Test func governmentsHoldingResponsibilities_andSystemsOfGovernment() throws {
    let text = """
      一、重点任务
      （一）防范风险。省级政府对本辖区债务负总责，积极稳妥处置存量债务。
      （二）稳定市场。坚持分类指导，落实地方政府主体责任，支持居民自住需求。
      （三）强化监管。严格落实行业主管部门、相关部门监管责任和地方政府属地监管责任。
      （四）压实责任。落实企业主体责任，落实消防安全主体责任。
      （五）深化改革。对农村义务教育实行在国务院领导下，由地方政府负责、分级管理、以县为主的新体制。
      （六）加强执法。地方政府、各级有关部门应当予以配合和协助。
      """
    let document = try parse(text + "\n")
    #expect(try roles(document, measure: "（一）") == ["responsible:省级政府"])
    #expect(try roles(document, measure: "（二）") == ["responsible:地方政府"])
    #expect(try roles(document, measure: "（三）") == ["responsible:地方政府"])
    #expect(try roles(document, measure: "（四）").isEmpty)
    #expect(try roles(document, measure: "（五）").isEmpty)
    #expect(try roles(document, measure: "（六）") == ["cooperating:地方政府"])
  }

  /// "由A牵头，会同B…": A, brought in by 由 at the head of the sentence, is the subject of
  /// 会同 too; a level written alone before a name is its level too ("市、区交通运输部门");
  /// the units before 等单位 are named ("高校、科研院所等单位"); 做好 may stand between a
  /// body and its role word.
  @Test func sharedSubjectsLevelsAndUnits() throws {
    let text = """
      一、重点任务
      1.推进建设。由市发展改革委、市规划资源局牵头，会同相关部门和各区政府按照职责协同推进建设工作。
      2.明确职责。市、区交通运输部门负责公路超限运输许可。
      3.组织评价。评价工作由国家能源局统筹组织，市场运营机构、高校、科研院所等单位共同参与。
      4.加强领导。各级交通主管部门要主动作为，既做好改革举措推进，又做好牵头改革任务统筹协调。
      """
    let document = try parse(text + "\n")
    #expect(
      try roles(document, measure: "1.") == ["lead:市发展改革委", "lead:市规划资源局", "cooperating:各区政府"])
    #expect(try roles(document, measure: "2.") == ["responsible:区交通运输部门", "responsible:市交通运输部门"])
    #expect(
      try roles(document, measure: "3.") == [
        "cooperating:市场运营机构", "cooperating:高校", "cooperating:科研院所",
      ])
    #expect(try roles(document, measure: "4.") == ["lead:各级交通主管部门"])
  }

  /// 和 inside a name the dictionaries know stays (工业和信息化部), between two bodies it
  /// separates them (河北省委和省政府); a province or city before a body is its level
  /// (河北省委), not a word with 市 in it (构建市场多元监管格局); 有关方面 names no body.
  @Test func namesJoinedByAnd_provincesAndCities() throws {
    let text = """
      一、重点任务
      （一）加强统筹。财政部要会同发展改革委、工业和信息化部、农业农村部等部门，加强统筹协调。
      （二）压实责任。河北省委和省政府要切实履行主体责任，加强组织领导。
      （三）开展督查。国务院办公厅将会同有关方面统筹组织开展相关督查激励工作。
      """
    let document = try parse(text + "\n")
    #expect(
      try roles(document, measure: "（一）") == [
        "lead:财政部", "cooperating:发展改革委", "cooperating:工业和信息化部", "cooperating:农业农村部",
      ])
    #expect(try roles(document, measure: "（二）") == ["responsible:河北省委", "responsible:省政府"])
    #expect(try roles(document, measure: "（三）") == ["lead:国务院办公厅"])
  }

  /// A paragraph headed by a company or a place is that body's block of duties; a heading
  /// of a kind of unit, or a field of a page, is none; people drawn from units are no units.
  @Test func paragraphHeadsThatAreAndAreNotBodies() throws {
    let text = """
      三、工作职责
      新城公司：推进南桥源城市更新建设。
      清运单位：装修垃圾清运由各街镇集体环卫作业企业负责。
      发文机关：国务院办公厅
      四、组织保障
      协调小组下设办公室，抽调区建设管理委、消防支队等单位人员成立工作专班，具体负责组织协调工作。
      """
    let document = try parse(text + "\n")
    #expect(roles(document) == ["responsible:新城公司"])
  }

  /// Not role statements: a body as an actor without a role word, people (负责人), a verb
  /// before a name, unnamed bodies, parties the plan regulates, and a role word that only
  /// qualifies a noun.
  @Test func notRoleStatements() throws {
    let text = """
      一、重点任务
      1.加强监管。市住房城乡建设管理委要加强监管，联合市规划资源局推动整治。
      2.落实责任。区政府主要负责人为第一责任人。鼓励保险公司积极参与。
      3.协同推进。各有关部门负责配合，建设单位负责清运。
      4.联系各方。各旗县区人民政府，参与数字政府建设工作的各部门。
      """
    let document = try parse(text + "\n")
    #expect(roles(document).isEmpty, "\(roles(document))")
  }

  /// The subject of a later role word is the nearest body the sentence names before it,
  /// even one that names no department ("各部门").
  @Test func nearestSubject() throws {
    let document = try parse("一、保障措施\n（一）加强领导。各区政府要切实履行绿化主体责任，各部门根据职责分工，协同推进科学绿化。\n")
    #expect(roles(document) == ["responsible:各区政府"])
  }

  /// A paragraph headed by its body ("区民防办：…") is that body's block of duties:
  /// responsible, and the subject of its role words; a heading that is only a body's name
  /// makes each item under it that body's duty, or the heading's own text when it has none.
  @Test func blocksOfDuties() throws {
    let text = """
      五、职责分工
      区民防办：负责制定应急避难场所专业规划；参与检查和验收。
      六、职责清单
      （一）区建设管理委
      1.源头工地监管
      督促施工单位配备管理人员。
      2.资源化利用推进
      会同区绿化市容局推动废弃混凝土回收利用。
      （二）区农业农村委
      配合做好农用地土方利用的监管。
      """
    let document = try parse(text + "\n")
    #expect(roles(document).prefix(2) == ["responsible:区民防办", "cooperating:区民防办"])
    #expect(try roles(document, measure: "1.") == ["responsible:区建设管理委"])
    #expect(
      try roles(document, measure: "2.") == [
        "responsible:区建设管理委", "lead:区建设管理委", "cooperating:区绿化市容局",
      ])
    // (二) has no items: its heading is the duty, and the block's body the subject of 配合.
    let heading = try #require(document.responsibilities.first { $0.text == "区农业农村委" })
    #expect(heading.departments.map(\.role) == [.responsible])
    #expect(roles(document).suffix(1) == ["cooperating:区农业农村委"])
  }

  /// An item whose run-in heading is a body's name ("（一）区房管局。负责…") is that body's
  /// duty, and the body the subject of its role words; the addressees before the text
  /// ("区政府各部门、各街道办事处：") state no role.
  @Test func itemsHeadedByTheirBody_addresseesAreNone() throws {
    let text = """
      区政府各部门、各街道办事处、有关单位：
      现将实施意见印发给你们。
      四、各单位按以下职能分工开展排查工作。
      （一）区房管局。负责定期召开排查工作例会。
      （二）公安消防支队。对优秀历史建筑的消防隐患进行排查。
      """
    let document = try parse(text + "\n")
    #expect(try roles(document, measure: "（一）") == ["responsible:区房管局"])
    #expect(try roles(document, measure: "（二）") == ["responsible:公安消防支队"])
    #expect(!roles(document).contains("responsible:各街道办事处"))
  }

  /// A task table flattened cell by cell is the tables' to read: its cells state no role
  /// in running text and head no blocks (a clause in parentheses is read as before).
  @Test func flattenedTaskTablesAreLeftAlone() throws {
    let text = """
      一、重点任务
      1.加强执法。区城管执法局负责查处违法行为。
      附件
      任务分工表
      序号
      工作任务
      牵头单位
      配合单位
      1
      由区城管执法局牵头开展联合执法
      区城管执法局
      区公安分局
      2
      建立数据平台（区数据局牵头）
      区数据局
      区城运中心
      """
    let document = try parse(text + "\n")
    #expect(roles(document) == ["responsible:区城管执法局", "lead:区数据局"])
  }

  /// A member list is no block of duties: names one after another, each its own item.
  @Test func memberListIsNoBlock() throws {
    let text = """
      三、组织领导
      成员单位：
      1.区规划资源局
      2.区经委
      3.区财政局
      """
    let document = try parse(text + "\n")
    #expect(roles(document).isEmpty, "\(roles(document))")
  }
}
