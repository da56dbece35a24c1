import Foundation
import PolicyModel
import Testing

@testable import PolicyKit

/// Responsibility clauses in the forms real plans write them (skipped when
/// ../shared/corpus-real is absent): each test reads one document where the form occurs
/// and checks the roles a researcher would read off its clauses.
@Suite(.enabled(if: Corpus.hasReal)) struct RealCorpusClauseTests {
  /// The Shanghai document whose file name contains `name`.
  func shanghai(_ name: String) throws -> PolicyDocument {
    let file = try #require(
      Corpus.realFiles("shanghai", ext: "md").first { $0.lastPathComponent.contains(name) })
    return try Parsed.file(file)
  }

  /// The clause whose text contains `text`.
  func clause(_ document: PolicyDocument, _ text: String) throws -> ResponsibilityClause {
    try #require(
      document.responsibilities.first { $0.text.contains(text) }, "no clause with \(text)")
  }

  /// "role:name" for each department of `clause`.
  func roles(_ clause: ResponsibilityClause) -> [String] {
    clause.departments.map { "\($0.role.rawValue):\($0.name)" }
  }

  /// The 燃气 campaign closes each item with "（A牵头负责，B、C组织落实）" or "（A牵头负责、B组织落实）".
  @Test func gasSafety_leadThenOrganisedImplementation() throws {
    let document = try shanghai("城镇燃气安全专项整治实施方案")
    #expect(
      roles(try clause(document, "（市公安局牵头负责，市市场监管局、市住房城乡建设管理委、各区政府组织落实）")) == [
        "lead:市公安局", "responsible:市市场监管局", "responsible:市住房城乡建设管理委", "responsible:各区政府",
      ])
    #expect(
      roles(try clause(document, "（市交通委牵头负责、各区政府组织落实）")) == ["lead:市交通委", "responsible:各区政府"])
    #expect(
      roles(try clause(document, "市民政局按职责组织配合")) == [
        "lead:市住房城乡建设管理委", "lead:市财政局", "cooperating:市民政局",
      ])
    // "各部门按职责分工牵头负责" names no department.
    #expect(roles(try clause(document, "（各部门按职责分工牵头负责、各区政府组织落实）")) == ["responsible:各区政府"])
  }

  /// The 环城生态公园带 opinions: "（牵头单位：A，B、C区政府。配合单位：D）", the districts
  /// sharing 政府.
  @Test func ringEcologicalPark_labelsAcrossAFullStop_sharedEnding() throws {
    let document = try shanghai("环城生态公园带规划建设")
    #expect(
      roles(try clause(document, "（牵头单位：浦东新区、普陀区政府，地产集团。配合单位：市绿化市容局）")) == [
        "lead:浦东新区政府", "lead:普陀区政府", "lead:地产集团", "cooperating:市绿化市容局",
      ])
    let measure = try #require(document.measures.first { $0.label.hasPrefix("10.") })
    #expect(
      document.departments(of: measure, .lead) == ["嘉定区政府", "松江区政府", "青浦区政府", "奉贤区政府", "临港新片区管委会"])
  }

  /// Songjiang's 2025 renewal plan: "支撑单位" cooperates, and 街道 and 镇 lead.
  @Test func songjiangRenewal_supportingUnitsAndTownships() throws {
    let document = try shanghai("松江区城市更新2025年度实施计划")
    #expect(
      roles(try clause(document, "（牵头单位：经济技术开发区、九里亭街道，支撑单位：")) == [
        "lead:经济技术开发区", "lead:九里亭街道", "cooperating:区规划资源局", "cooperating:区建设管理委", "cooperating:区经委",
      ])
  }

  /// The 岸电 plan labels 牵头部门 and 实施部门 (responsible), with divisions of 市交通委
  /// written after it.
  @Test func shorePower_implementingDepartments() throws {
    let document = try shanghai("上海港提高靠港船舶岸电使用率实施方案")
    #expect(
      roles(try clause(document, "（牵头部门：市交通委港务监管处；实施部门：市港航中心、中国船级社上海分社）")) == [
        "lead:市交通委港务监管处", "responsible:市港航中心", "responsible:中国船级社上海分社",
      ])
  }

  /// Jiading's land plan closes each item with a bare list of bodies: all responsible.
  @Test func jiadingLand_bareListsCloseTheItems() throws {
    let document = try shanghai("嘉定区盘活低效用地提升产业能级行动方案")
    let measure = try #require(
      document.measures.first { $0.label.hasPrefix("2.") && $0.title.hasPrefix("加强资金支持") })
    #expect(document.departments(of: measure, .responsible) == ["各街镇", "区财政局", "区土储中心"])
    #expect(roles(try clause(document, "（各街镇、区属国企）")) == ["responsible:各街镇", "responsible:区属国企"])
  }

  /// The 交通光伏 plan names companies as collectives (各航空公司, 各项目公司) and
  /// enterprises: regulated parties, no departments.
  @Test func transportPhotovoltaic_regulatedPartiesAreNoDepartments() throws {
    let document = try shanghai("上海交通领域光伏推广应用实施方案")
    let names = Set(document.responsibilities.flatMap { $0.departments.map(\.name) })
    #expect(names.isDisjoint(with: ["各航空公司", "各项目公司", "各交通行业企业", "各项目实施主体"]))
    #expect(roles(try clause(document, "（责任单位：机场集团、各航空公司）")) == ["responsible:机场集团"])
  }
}
