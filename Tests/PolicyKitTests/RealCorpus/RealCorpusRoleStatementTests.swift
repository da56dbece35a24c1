import Foundation
import PolicyModel
import Testing

@testable import PolicyKit

/// Role statements in the running text of real plans and regulations, and departments
/// heading blocks of duties (skipped when ../shared/corpus-real is absent).
@Suite(.enabled(if: Corpus.hasReal)) struct RealCorpusRoleStatementTests {
  /// The Shanghai document whose file name contains `name`.
  func shanghai(_ name: String) throws -> PolicyDocument {
    let file = try #require(
      Corpus.realFiles("shanghai", ext: "md").first { $0.lastPathComponent.contains(name) })
    return try Parsed.file(file)
  }

  /// "role:name" for each department of the clause whose text starts with `text`.
  func roles(_ document: PolicyDocument, _ text: String) throws -> [String] {
    let clause = try #require(
      document.responsibilities.first { $0.text.hasPrefix(text) }, "no clause opening with \(text)")
    return clause.departments.map { "\($0.role.rawValue):\($0.name)" }
  }

  /// "成立由市交通委牵头，市发展改革委、…、市电力公司等部门共同参与的推进机制".
  @Test func transportPhotovoltaic_byLeadAndMembersThatTakePart() throws {
    let document = try shanghai("上海交通领域光伏推广应用实施方案")
    #expect(
      try roles(document, "成立由市交通委牵头") == [
        "lead:市交通委", "cooperating:市发展改革委", "cooperating:市住房城乡建设管理委", "cooperating:市经济信息化委",
        "cooperating:市规划资源局", "cooperating:民航华东管理局", "cooperating:市水务局", "cooperating:市邮政管理局",
        "cooperating:市电力公司",
      ])
  }

  /// A regulation's article of duties: "消防救援机构负责…", and 物业服务企业, a regulated
  /// party, in none.
  @Test func buildingFireFacilities_articleOfDuties() throws {
    let document = try shanghai("上海市建筑消防设施管理规定")
    #expect(try roles(document, "消防救援机构负责对建筑消防设施管理实施具体监督") == ["responsible:消防救援机构"])
    #expect(try roles(document, "住房城乡建设管理部门负责") == ["responsible:住房城乡建设管理部门"])
    #expect(
      !document.responsibilities.contains { $0.departments.contains { $0.name.hasSuffix("企业") } })
  }

  /// "镇政府配合做好…，负责做好乡道、村道的管理养护工作": one body, two role words.
  @Test func ruralRoads_oneSubjectTwoRoleWords() throws {
    let document = try shanghai("上海市深化农村公路管理养护体制改革实施方案")
    #expect(try roles(document, "镇政府配合做好") == ["cooperating:镇政府", "responsible:镇政府"])
  }

  /// Sectors before 等部门, and 由…会同….
  @Test func jinganHeritage_sectorsAndTogetherWith() throws {
    let document = try shanghai("进一步加强静安区文物保护工作的实施意见")
    #expect(
      try roles(document, "在有关行政许可和行政审批项目中") == [
        "cooperating:发改", "cooperating:财政", "cooperating:房管", "cooperating:建管", "cooperating:规土",
        "cooperating:文物",
      ])
    let together = try #require(document.responsibilities.first { $0.text.contains("由区文化局会同区规土局") })
    #expect(together.departments.map(\.name) == ["区文化局", "区规土局"])
    #expect(together.departments.map(\.role) == [.lead, .cooperating])
  }

  /// "区房屋管理部门会同区发展改革、规划资源等部门联合认定": the level of the first sector is
  /// the others'.
  @Test func affordableRentalHousing_sectorsShareTheirLevel() throws {
    let document = try shanghai("关于加快发展本市保障性租赁住房的实施意见")
    #expect(
      try roles(document, "新实施的保障性租赁住房项目") == [
        "lead:区房屋管理部门", "cooperating:区发展改革", "cooperating:区规划资源",
      ])
    #expect(try roles(document, "各区政府要全面落实属地主体责任") == ["responsible:各区政府"])
  }

  /// The plan's closing paragraph: "由市发展改革委、…牵头，会同相关部门和各区政府按照职责协同推进".
  @Test func communityServiceFacilities_leadsAndTheObjectsOfTogetherWith() throws {
    let document = try shanghai("上海市社区嵌入式服务设施建设工程实施方案")
    #expect(
      try roles(document, "由市发展改革委、市住房城乡建设管理委、市规划资源局牵头") == [
        "lead:市发展改革委", "lead:市住房城乡建设管理委", "lead:市规划资源局", "cooperating:各区政府",
      ])
  }

  /// "市、区交通运输部门负责…；市公安交管部门负责…".
  @Test func oversizeTransport_levelsSharedByOneName() throws {
    let document = try shanghai("大件运输")
    #expect(
      try roles(document, "市、区交通运输部门负责") == [
        "responsible:区交通运输部门", "responsible:市交通运输部门", "responsible:市公安交管部门", "responsible:区公安交管部门",
      ])
  }

  /// Fengxian's park-city opinions: 三、工作职责 lists "(一)区发展改革委：负责…" and
  /// "(十八)各镇、街道、开发区：…", each department responsible for its item.
  @Test func fengxianParkCity_departmentsHeadingTheirDuties() throws {
    let document = try shanghai("关于加快推进本区公园城市建设实施意见")
    #expect(try roles(document, "区发展改革委：") == ["responsible:区发展改革委"])
    #expect(
      try roles(document, "各镇、街道、开发区：") == ["responsible:各镇", "responsible:街道", "responsible:开发区"])
    #expect(try roles(document, "区规划资源局：") == ["responsible:区规划资源局", "cooperating:区规划资源局"])
  }

  /// Qingpu's 职责清单 (附件2): "三、区建设管理委" then its items 1、2、3、, each the
  /// department's duty; "会同…" in an item makes it lead there.
  @Test func qingpuDutyList_headingDepartmentsAndTheirItems() throws {
    let document = try shanghai("青浦区关于全面加强建筑垃圾管理的实施意见")
    let items = document.responsibilities.filter {
      $0.departments.map(\.name) == ["区建设管理委"] && $0.departments[0].role == .responsible
    }
    #expect(items.map(\.text).filter { ["源头工地监管", "数据与协同", "资源化利用推进"].contains($0) }.count == 3)
    let together = try #require(
      document.responsibilities.first { $0.text.hasPrefix("会同相关部门打击非法运输") })
    #expect(together.departments.map { "\($0.role.rawValue):\($0.name)" } == ["lead:区城管执法局"])
  }

  /// Hongkou's heritage-risk opinions: "（一）区房管局。负责…" … "（五）各街道办事处。负责…" with
  /// items 1. 2. 3. naming each street office; the addressee line names no role.
  @Test func hongkouHeritage_itemsHeadedByTheirBodies() throws {
    let document = try shanghai("虹口区历史风貌区和优秀历史建筑")
    let housing = try #require(document.measures.first { $0.title == "区房管局" })
    #expect(document.departments(of: housing, .responsible) == ["区房管局"])
    let fire = try #require(document.measures.first { $0.title == "公安消防支队" })
    #expect(document.departments(of: fire, .responsible) == ["公安消防支队"])
    #expect(!document.responsibilities.contains { $0.text.hasPrefix("区政府各部门、各街道办事处") })
  }

  /// Fengxian's land-use plan ends with 附件2, a table of 单位 and 职责分工 flattened cell by
  /// cell: its duties are the table's, not running text; the body's statements are read.
  @Test func fengxianLandUse_flattenedTableLeftToTheTables() throws {
    let document = try shanghai("奉贤区违法用地综合整治三年行动工作方案")
    #expect(!document.responsibilities.contains { $0.text.hasPrefix("各街镇是违法用地综合整治三年行动的责任主体") })
    #expect(try roles(document, "相关街镇要严格落实属地管理责任") == ["responsible:相关街镇"])
  }

  /// Fengxian's shelters plan: "区民防办：负责…;…参与…" (responsible and cooperating),
  /// and "区民防办、应急管理局牵头，…，各镇政府、街道(开发区)办事处和头桥集团落实主体责任".
  @Test func fengxianShelters_dutiesAndAccountableBodies() throws {
    let document = try shanghai("奉贤区关于进一步推进应急避难场所建设的实施方案")
    #expect(try roles(document, "区民防办：") == ["responsible:区民防办", "cooperating:区民防办"])
    #expect(
      try roles(document, "按照条块结合、属地负责的原则") == [
        "lead:区民防办", "lead:应急管理局", "responsible:各镇政府", "responsible:街道(开发区)办事处", "responsible:头桥集团",
      ])
  }
}
