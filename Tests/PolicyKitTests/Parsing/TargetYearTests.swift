import Foundation
import PolicyExtraction
import Testing

@testable import PolicyKit

/// The year a target is for (docs/gold-format.md, `year`): spans, deadlines within a year,
/// lead-ins and their items, plans for one year; years that date a state are none.
@Suite struct TargetYearTests {
  /// The targets of a text as "year value": what a reader checks first.
  private func years(_ text: String) throws -> [String] {
    try targets(of: text).map { "\($0.year.map(String.init) ?? "-") \(Int($0.value))\($0.unit)" }
  }

  @Test func span_givesItsLastYear() throws {
    #expect(try years("全力实施慢行交通品质提升，2024年-2025年累计完成慢行交通品质提升项目240项。\n") == ["2025 240项"])
    #expect(try years("2025年7月至2025年12月，新增白玉兰栽植及观赏点位30个。\n") == ["2025 30个"])
    #expect(try years("从2024年起至2026年底，完成2300亩存量违法用地整治。\n") == ["2026 2300亩"])
  }

  @Test func deadlinesWithinAYear() throws {
    #expect(try years("结合停车资源优化民心工程，2024年年内创建30个停车资源优化项目。\n") == ["2024 30个"])
    #expect(try years("2025年6月底前，新增白玉兰栽植及观赏点位30个。\n") == ["2025 30个"])
    #expect(
      try years("计划2024年推进远香湖南（4.73平方公里）、嘉北公园二期（10.46平方公里），共计15.19平方公里海绵城市建设达标评估。\n") == [
        "2024 15平方公里"
      ])
  }

  @Test func yearsThatDateAStateOrACitedPlan_areNone() throws {
    #expect(try years("截至2020年底，全区县道总里程427公里，桥梁371座。\n").isEmpty)
    #expect(try years("自2020年开展达标评估以来，共计完成25.2平方公里。\n").isEmpty)
    #expect(try years("按照《上海市绿化发展规划（2021-2025年）》，新建绿道50公里。\n").isEmpty)
  }

  /// In a sentence of several target years, each value takes the last one before it; a
  /// baseline year (较2020年) or the period of a cited plan (《…》) is none.
  @Test func eachValue_takesTheLastTargetYearBeforeIt() throws {
    #expect(
      try years("到2025年，绿色工厂达到10家，较2020年增长5%，到2030年，绿色工厂达到20家。\n") == [
        "2025 10家", "2025 5%", "2030 20家",
      ])
    #expect(
      try years("到2030年，按照《上海市绿化规划（2021-2025年）》，新建绿道50公里，2024年底前建成公园30座。\n") == [
        "2030 50公里", "2024 30座",
      ])
  }

  @Test func leadIn_carriesItsYearToItsItems() throws {
    let text = "到2023年，实现以下目标：\n——绿色工厂达到20家；\n——森林覆盖率达到18%。\n另行推进公园建设，建成公园30座。\n"
    #expect(try years(text) == ["2023 20家", "2023 18%"])
    // A paragraph that opens with its year and sets no target leads the numbered items.
    let goals = "二、工作目标\n到2020年，文物事业进一步发挥重要作用。\n1．文物基础信息共享，重大文物险情排除率达100%。\n2．博物馆体系基本形成。\n"
    #expect(try years(goals) == ["2020 100%"])
  }

  /// A phase headed by its deadline gives its year to what it sets ("（二）建设及试运行阶段
  /// （2025年年底前）"), each phase its own, however much full-width punctuation stands
  /// before it (parts are found by the text's spans, not the folded bytes').
  @Test func phaseHeadedByItsDeadline_givesItsYear() throws {
    let text = """
      四、实施步骤
      （一）建设筹备阶段（2024年年底前）
      持续推进低空飞行服务中心、监管服务平台等建设前期工作；开展研究、论证、评估。
      （二）建设及试运行阶段（2025年年底前）
      健全管理体系，完成空域基础分类划设工作。累计划设低空飞行航线不少于150条。
      （三）优化提升阶段（2027年年底前）
      全面形成航路网络架构，累计划设低空飞行航线不少于400条。

      """
    #expect(try years(text) == ["2025 150条", "2027 400条"])
    // An edition in brackets is no deadline: "任务分工（2024年版）".
    #expect(
      TargetYears.bracketedDeadline(in: "任务分工（2024年版）") == nil
        && TargetYears.bracketedDeadline(in: "建设及试运行阶段（2025年年底前）") == 2025)
  }

  @Test func siblingItems_doNotCarryAYear() throws {
    let text = "（一）到2022年，农村公路列养率保持100%。\n（二）县道年均养护工程比例不低于13%。\n"
    #expect(try years(text) == ["2022 100%"])
  }

  @Test func planForOneYear_givesItsYear() throws {
    let plan = "松江区城市更新2025年度实施计划\n一、行动任务\n4.完成旧住房修缮更新60万平方米。\n5.推进5个“美丽街区”建设。\n"
    #expect(try years(plan) == ["2025 60万平方米", "2025 5个"])
    // A plan for a period is no plan for one year: its quantities need a year of their own.
    let period = "松江区城市更新实施计划（2024—2026年）\n一、行动任务\n4.完成旧住房修缮更新60万平方米。\n"
    #expect(try years(period).isEmpty)
  }

  @Test func planYear_fromTheTitle() {
    #expect(TargetYears.planYear(title: "松江区城市更新2025年度实施计划") == 2025)
    #expect(TargetYears.planYear(title: "上海港提高靠港船舶岸电使用率实施方案（2023年）") == 2023)
    #expect(TargetYears.planYear(title: "2021年崇明区城市体检工作方案") == 2021)
    #expect(TargetYears.planYear(title: "奉贤区违法用地综合整治三年行动工作方案（2024-2026）") == nil)
    #expect(TargetYears.planYear(title: "国务院办公厅关于2019年部分节假日安排的通知") == nil)
  }

  @Test func countOverThePlansYears_isForItsLastYear() throws {
    let plan = "上海市交通领域精细化管理三年行动计划（2024-2026年）\n一、主要任务\n（七）推进轨道交通站点改造，三年累计新增电扶梯19台。\n"
    #expect(try years(plan) == ["2026 19台"])
  }

  @Test(.enabled(if: Corpus.hasReal)) func realPlans_yearsOfSpansDeadlinesAndOneYearPlans() throws {
    let shanghai = Corpus.realFiles("shanghai", ext: "md")
    let transport = try Parsed.file(
      try #require(shanghai.first { $0.lastPathComponent.contains("城市综合交通体系建设工作方案") }))
    #expect(transport.targets.first { $0.value == 240 }?.year == 2025)
    #expect(
      transport.targets.filter { $0.value == 4500 }.compactMap(\.year).sorted() == [2024, 2025])
    let renewal = try Parsed.file(
      try #require(shanghai.first { $0.lastPathComponent.contains("松江区城市更新2025年度实施计划") }))
    #expect(renewal.targets.count >= 8 && renewal.targets.allSatisfy { $0.year == 2025 })
    let heritage = try Parsed.file(
      try #require(shanghai.first { $0.lastPathComponent.contains("静安区文物保护工作") }))
    #expect(
      heritage.targets.contains {
        $0.year == 2020 && $0.value == 100 && $0.indicator.contains("险情排除率")
      })
    let refined = try Parsed.file(
      try #require(shanghai.first { $0.lastPathComponent.contains("精细化管理三年行动计划") }))
    #expect(refined.targets.first { $0.value == 1990 }?.year == 2026)
    let roads = try Parsed.file(
      try #require(shanghai.first { $0.lastPathComponent.contains("奉贤区深化农村公路") }))
    #expect(!roads.targets.contains { $0.value == 427 })
  }
}
