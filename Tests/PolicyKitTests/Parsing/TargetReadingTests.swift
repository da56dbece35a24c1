import Foundation
import Testing

@testable import PolicyKit

/// Directions, 累计 and its kin, hedges, and 分别 / 均, as docs/gold-format.md settles them.
@Suite struct TargetReadingTests {
  @Test func increment_isAnIncreaseWhateverVerbReachesIt() throws {
    let found = try targets(of: "到2025年，全市交通领域新增光伏装机容量确保达到120MW，力争达到180MW。\n")
    #expect(found.map(described) == ["2025 光伏装机容量 increase 120mw", "2025 光伏装机容量 increase 180mw"])
    #expect(found.map(\.hedges) == [[], ["力争"]])
    // 新建 and 建成 are counts to reach.
    #expect(try targets(of: "到2025年，新建绿道50公里。\n").first?.direction == .reach)
  }

  /// 翻一番, 翻两番: doubling is an increase counted in 番, from the baseline year (work
  /// reports 2006, 2016: 国内生产总值比2010年翻一番); 一番 elsewhere is no count.
  @Test func doubling_isAnIncreaseInFan() throws {
    let found = try targets(of: "到2020年，实现人均国内生产总值比2010年翻一番，经过一番努力，杜绝三番五次检查。\n")
    #expect(found.map(described) == ["2020 人均国内生产总值 increase 1番"])
    #expect(found.first?.baselineYear == 2010)
    // The words before the year are no part of the indicator; 翻了一番 says what is done.
    #expect(
      try targets(of: "奋斗目标是到2020年实现国内生产总值比2010年翻一番。\n").map(\.indicator) == ["国内生产总值"])
    #expect(try targets(of: "2020年，国内生产总值比2010年翻了一番。\n").isEmpty)
    #expect(
      try targets(of: "到2000年，国民生产总值比1980年翻两番。\n").map(described) == ["2000 国民生产总值 increase 2番"])
  }

  /// A law's 应当 before the verb is no part of the indicator (…比重应当达到2.5%).
  @Test func lawsModal_isNoPartOfTheIndicator() throws {
    let found = try targets(of: "到2025年，全社会研究与试验发展经费支出占生产总值的比重应当达到2.5%。\n")
    #expect(found.map(\.indicator) == ["全社会研究与试验发展经费支出占生产总值的比重"])
  }

  /// A change from one level to another (由75%提高到100%, 从60.2%提高到65.2%) sets the
  /// level it reaches; the level it starts from is none, and 由 / 从 are no part of the
  /// indicator.
  @Test func changeFromALevel_setsTheLevelItReaches() throws {
    let found = try targets(
      of: "到2025年，科技型中小企业研发费用加计扣除比例由75%提高到100%，常住人口城镇化率从60.2%提高到65.2%。\n")
    #expect(found.map(\.value) == [100, 65.2])
    #expect(found.map(\.indicator) == ["科技型中小企业研发费用加计扣除比例", "常住人口城镇化率"])
    // 将 (as 把) before what it acts on opens no indicator.
    let acted = try targets(of: "到2025年，将制造业企业加计扣除比例从75%提高到100%。\n")
    #expect(acted.map(\.indicator) == ["制造业企业加计扣除比例"])
  }

  @Test func emissionCuts_decrease() throws {
    let found = try targets(of: "到2025年，重点行业化学需氧量减排3301.03吨，氨氮减排120.91吨。\n")
    #expect(found.map(described) == ["2025 化学需氧量 decrease 3301.03吨", "2025 氨氮 decrease 120.91吨"])
    #expect(found.first?.indicatorKey == "cod_reduction")
  }

  @Test func verbAfterTheValue_whenNoneStandsBefore() throws {
    let plan = "包头市2022年数字政府建设考评办法\n46．全市90%的重点领域市场主体纳入自治区智慧监管平台。\n"
    #expect(try targets(of: plan).map(described) == ["2022 重点领域市场主体 reach 90%"])
    let found = try targets(of: "到2020年，文物本体保护100%达标。到2026年，对300个公交站台进行适老化改造，更新投运无障碍低地板公交车1200辆。\n")
    #expect(
      found.map(described) == [
        "2020 文物本体保护 reach 100%", "2026 公交站台 reach 300个", "2026 无障碍低地板公交车 reach 1200辆",
      ])
    // 二次 of 二次开发 is a word, not a count.
    #expect(try targets(of: "包头市2022年数字政府建设考评办法\n54．统一平台，减少二次开发费用。\n").isEmpty)
  }

  @Test func boundsAndLevels_areTheirItemsOwn() throws {
    let found = try targets(of: "到2025年，大宗工业固废利用率保持在85%以上，节水型示范标杆企业18家。\n")
    #expect(found.map(\.direction) == [.atLeast, .reach])
  }

  @Test func cumulative_forTheWholeListItOpens() throws {
    let list = try targets(of: "到2027年，全市累计新建200家绿色工厂、5家绿色供应链管理企业和24个近零碳园区试点，发展高效节水灌溉2.72万亩。\n")
    #expect(list.map(\.isCumulative) == [true, true, true, false])
    let totals = try targets(of: "2025年7月至2025年12月，新增白玉兰栽植及观赏点位30个，总计达60个。\n")
    #expect(totals.map(described) == ["2025 白玉兰栽植及观赏点位 increase 30个", "2025 白玉兰栽植及观赏点位 reach 60个"])
    #expect(totals.map(\.isCumulative) == [false, true])
    #expect(try targets(of: "到2025年，建设用地面积共计52.12平方公里。\n").first?.isCumulative == true)
  }

  @Test func semicolon_itemsTakeTheVerbOfTheFirst() throws {
    let found = try targets(of: "2026年11月底前，新增白玉兰栽植及观赏点位40个，总计达100个；特色道路10条，总计达30条。\n")
    #expect(
      found.map(described) == [
        "2026 白玉兰栽植及观赏点位 increase 40个", "2026 白玉兰栽植及观赏点位 reach 100个", "2026 特色道路 increase 10条",
        "2026 特色道路 reach 30条",
      ])
  }

  @Test func hedges_fromTheClosedListWhereTheyStand() throws {
    // A hedge that opens the sentence holds for each of its targets.
    let opening = try targets(of: "力争到2025年，我区累计建设高标准农田30万亩，农业灌溉水有效利用系数达到0.5117。\n")
    #expect(opening.map(\.hedges) == [["力争"], ["力争"]])
    #expect(try targets(of: "2024年-2025年计划新增约2万个公共充电桩。\n").first?.hedges == ["约"])
    // 约 of 节约 is no hedge.
    #expect(try targets(of: "到2025年，节约用水量达到300万立方米。\n").first?.hedges == [])
  }

  @Test func respectively_sharesOutValuesOverTheListedIndicators() throws {
    let shares = try targets(of: "到2024年，全省与其他RCEP国家货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%。\n")
    #expect(shares.map(\.indicator) == ["与其他rcep国家货物贸易占比", "对外投资占比", "实际利用外资占比"])
    #expect(shares.map(\.value) == [30, 20, 10])
    // Short items share the ending the last one writes once.
    let roads = try targets(of: "到2022年，县道和乡村道年均养护工程比例分别不低于13%和8%。\n")
    #expect(roads.map(\.indicator) == ["县道年均养护工程比例", "乡村道年均养护工程比例"])
    let cuts = try targets(of: "到2025年，全区化肥、农药使用量较2021年分别减少1%以上。\n")
    #expect(cuts.map(described) == ["2025 化肥使用量 at_least 1%", "2025 农药使用量 at_least 1%"])
    #expect(cuts.allSatisfy { $0.baselineYear == 2021 && $0.scope == "全区" })
  }

  @Test func each_givesEveryIndicatorTheValue() throws {
    let found = try targets(of: "到2025年，秸秆综合利用率和畜禽粪污综合利用率均达到90%。\n")
    #expect(found.map(described) == ["2025 秸秆综合利用率 reach 90%", "2025 畜禽粪污综合利用率 reach 90%"])
    // 人均 is an average, not 均.
    #expect(try targets(of: "到2025年，全区人均避难面积达到2.3平方米。\n").count == 1)
    // 都 before a modal says each as 均 does (government work reports of 2014 and 2015).
    let both = try targets(of: "到2025年，化学需氧量、氨氮排放都要减少2%左右。\n")
    #expect(both.map(\.value) == [2, 2])
    #expect(both.allSatisfy { $0.direction == .decrease && !$0.indicator.contains("都") })
    // 成都 names a place: no each.
    #expect(try targets(of: "到2025年，成都、重庆两地研发投入强度达到3%。\n").count == 1)
  }

  @Test func respectively_valuesWithTheirHedges() throws {
    let found = try targets(of: "到2025年，二氧化硫、氮氧化物排放要分别减少3%左右和5%左右。\n")
    #expect(found.map(\.value) == [3, 5])
    #expect(found.map(\.indicator).last?.hasPrefix("氮氧化物") == true)
  }

  @Test(.enabled(if: Corpus.hasReal)) func realPlans_incrementsTotalsAndShares() throws {
    let magnolia = try Parsed.file(
      try #require(
        Corpus.realFiles("shanghai", ext: "md").first {
          $0.lastPathComponent.contains("白玉兰推广应用三年行动计划")
        }))
    let roads2026 = magnolia.targets.filter { $0.year == 2026 && $0.indicator.hasSuffix("特色道路") }
    #expect(
      Set(roads2026.map { "\($0.direction.rawValue) \(Int($0.value)) \($0.isCumulative)" })
        .isSuperset(of: ["increase 10 false", "reach 30 true"]))
    let anhui = try Parsed.file(
      try #require(
        Corpus.realFiles("pkulaw", ext: "txt").first { $0.lastPathComponent.hasPrefix("安徽省推进") }))
    #expect(anhui.targets.map(\.indicator) == ["与其他rcep国家货物贸易占比", "对外投资占比", "实际利用外资占比"])
  }
}
