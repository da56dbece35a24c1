import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// The forms of government work reports (政府工作报告, blind batch 9, docs/gold-format.md):
/// a report delivered to a congress names its body in "我代表国务院，向大会报告" and its day
/// under the title; it reviews the past year (工作回顾: achievements, no tasks, no
/// targets), then sets this year's targets ("今年发展主要预期目标是：国内生产总值增长5%左右")
/// and tasks, with budget settings among them that are no targets (赤字率拟按3%安排); the
/// copies researchers hold end with a repository's licence notice.
@Suite struct WorkReportFormTests {
  static let report = """
    2023年某某省人民政府工作报告

    ——2023年1月12日在某某省第十四届人民代表大会第一次会议上

    省长　某某

    各位代表：

    现在，我代表省人民政府，向大会报告工作，请予审议。

    一、过去一年工作回顾

    （一）稳住经济大盘。全省生产总值增长4.5%，新增就业60万人。

    （二）办好民生实事。新建学校120所。

    二、今年工作安排

    今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业55万人以上；城镇调查失业率5.5%左右。

    积极的财政政策要加力提效。赤字率拟按3%安排，拟安排地方政府专项债券1200亿元，比去年增加100亿元。

    （一）扩大有效需求。完成高标准农田建设100万亩。

    （二）推进绿色发展。单位地区生产总值能耗下降2.5%。

    本作品是中华人民共和国的法律、法规，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，及其官方正式译文。根据《中华人民共和国著作权法》第五条第一项，本作品不适用于该法，属于公有领域。

    Public domain
    """

  func parse(_ text: String) throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "report.txt", format: .plainText))
  }

  /// The body the speaker speaks for is the issuer; the day of delivery is the date.
  @Test func deliveredReport_issuerAndDate() throws {
    let document = try parse(Self.report)
    #expect(document.metadata.issuer == "省人民政府")
    #expect(document.metadata.writtenDate == "2023-01-12")
    #expect(MetadataExtractor.bodySpokenFor(in: "现在，我代表国务院，向大会报告政府工作") == "国务院")
    #expect(MetadataExtractor.bodySpokenFor(in: "我代表中国政府和人民，向各国朋友致以问候") == nil)
    // The comma may be left out (the report of 2010).
    #expect(MetadataExtractor.bodySpokenFor(in: "现在，我代表国务院向大会作政府工作报告") == "国务院")
    #expect(MetadataExtractor.bodySpokenFor(in: "我代表中国政府和人民向各国朋友致以问候") == nil)
    // No 向 at all (the report of 2006).
    #expect(MetadataExtractor.bodySpokenFor(in: "各位代表，现在，我代表国务院，作政府工作报告，请予审议") == "国务院")
    #expect(MetadataExtractor.bodySpokenFor(in: "我代表中华全国供销合作总社，向大会报告") == "中华全国供销合作总社")
  }

  /// The review holds no measures and no targets; the year's part holds both, for the
  /// report's year; budget settings are no targets.
  @Test func reviewAndYear_measuresAndTargets() throws {
    let document = try parse(Self.report)
    let measures = document.measures.map { document.sections[$0.section].title }
    #expect(measures == ["扩大有效需求", "推进绿色发展"])
    let targets = document.targets.map {
      "\($0.year.map(String.init) ?? "-") \($0.value)\($0.unit)"
    }
    #expect(
      targets == [
        "2023 6.0%", "2023 55.0万人", "2023 5.5%", "2023 100.0万亩", "2023 2.5%",
      ])
  }

  /// Items of a list of targets with no verb of their own share the verb of the item before
  /// (城镇新增就业55万人以上 → increase), but a rate the item names itself with a
  /// percentage states its level ("城镇调查失业率5.5%左右": reach), and the items after it
  /// share the list's verb again ("居民消费价格涨幅3%左右": increase).
  @Test func rateInAList_statesItsLevel() throws {
    let document = try parse(
      """
      2024年某某省人民政府工作报告

      二、今年工作安排

      今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇新增就业55万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。

      （一）推进绿色发展。新建充电桩1000个，换电站50座。
      """)
    let directions = Dictionary(
      document.targets.map { ($0.indicator, $0.direction) }, uniquingKeysWith: { first, _ in first }
    )
    #expect(directions["城镇调查失业率"] == .reach)
    #expect(directions["居民消费价格涨幅"] == .increase)
    #expect(directions["地区生产总值"] == .increase)
    // A count after a count still shares the verb (新建…，换电站50座).
    #expect(document.targets.first { $0.indicator == "换电站" }?.verb == "新建")
  }

  /// A work report names the value of an indicator as its expected goal (预期, 预期目标,
  /// 目标): the goal word is no indicator. After the verb (经济增长预期目标为5%左右) the verb
  /// is part of what is measured, 经济增长; before it (广义货币M2预期增长13%左右) 预期 is
  /// dropped; and 总目标 stays a noun (完成总目标的75%).
  /// Who set a target is no part of its indicator: what follows 提出 (提出了) is
  /// (中央提出今年经济增长预期目标为8%左右, 政府工作报告提出国内生产总值增长8%左右).
  @Test func reportingVerb_isNoPartOfTheIndicator() throws {
    let document = try parse(
      """
      2004年某某省人民政府工作报告

      二、今年工作安排

      中央提出今年经济增长预期目标为8%左右。我们提出居民消费价格涨幅控制在4%左右。《纲要》提出了单位国内生产总值能源消耗降低20%左右。
      """)
    let indicators = document.targets.map(\.indicator)
    #expect(indicators.contains("经济增长"), "\(indicators)")
    #expect(indicators.contains("居民消费价格涨幅"), "\(indicators)")
    #expect(indicators.contains("单位国内生产总值能源消耗"), "\(indicators)")
    #expect(!indicators.contains { $0.contains("提出") }, "\(indicators)")
  }

  /// Pollutants listed before one ending share it, and share one value as they share two
  /// with 分别: "二氧化硫、氮氧化物排放量要下降3%" is a target for each, 二氧化硫排放量 as
  /// 氮氧化物排放量 (the reports of 2014 to 2019). A list whose items are not each a known
  /// indicator keeps one target: its value may be their sum (保障性住房、棚户区改造住房
  /// 1000万套), or their common level (中小企业宽带和专线平均资费).
  @Test func pollutantsListed_shareTheEndingAndTheValue() throws {
    let document = try parse(
      """
      2019年某某省人民政府工作报告

      二、今年工作安排

      今年二氧化硫、氮氧化物排放量要下降3%，化学需氧量、氨氮排放量要分别下降2%、2.5%。今年中小企业宽带和专线平均资费再降低15%。今年建设保障性住房、棚户区改造住房1000万套。今年氨氮、氮氧化物排放量要分别下降1.5%、2.2%。
      """)
    let found = document.targets.map {
      let value = $0.value == $0.value.rounded() ? String(Int($0.value)) : String($0.value)
      return "\($0.indicator) \(value)\($0.unit)"
    }
    #expect(found.contains("二氧化硫排放量 3%"), "\(found)")
    #expect(found.contains("氮氧化物排放量 3%"), "\(found)")
    #expect(found.contains("化学需氧量排放量 2%"), "\(found)")
    #expect(found.contains("氨氮排放量 2.5%"), "\(found)")
    // A short first item takes the known indicator's ending, not a guess by position.
    #expect(found.contains("氨氮排放量 1.5%"), "\(found)")
    #expect(found.contains("氮氧化物排放量 2.2%"), "\(found)")
    #expect(found.filter { $0.hasSuffix("15%") }.count == 1, "\(found)")
    #expect(found.filter { $0.hasSuffix("1000万套") }.count == 1, "\(found)")
  }

  /// A rate of change names what it does without a verb: "居民消费价格涨幅3%左右" states a
  /// target in a sentence that carries the report's year (the reports of 2007, 2009, 2010
  /// and 2025 write it so, restating it after the goals); a share with no verb still states
  /// none.
  @Test func rateOfChange_statesATargetWithoutAVerb() throws {
    let document = try parse(
      """
      2010年某某省人民政府工作报告

      二、今年工作安排

      提出居民消费价格涨幅3%左右，综合考虑了各方面因素。今年城镇居民人均住房面积30平方米。
      """)
    let found = document.targets.map { "\($0.indicator) \($0.direction.rawValue)" }
    #expect(found == ["居民消费价格涨幅 increase"], "\(found)")
  }

  @Test func expectedGoal_namesNoIndicator() throws {
    let document = try parse(
      """
      2024年某某省人民政府工作报告

      二、今年工作安排

      提出上述预期目标，综合考虑了各方面因素。经济增长预期目标为5%左右，既是稳就业的需要，也有潜力支撑。今年的经济增长预期为6%左右。广义货币M2预期增长13%左右，进出口总额预期增长7.5%左右。广义货币增长目标为16%。社会融资规模增长目标拟定为12%左右。

      （一）推进农村改革。2025年前完成总目标的75%，固定资产投资完成年度目标的80%。
      """)
    let indicators = document.targets.map(\.indicator)
    #expect(indicators.filter { $0 == "经济增长" }.count == 2, "\(indicators)")
    #expect(indicators.contains("广义货币m2") || indicators.contains("广义货币M2"), "\(indicators)")
    #expect(indicators.contains("进出口总额"), "\(indicators)")
    // What precedes the verb is measured when it names something by itself.
    #expect(indicators.filter { $0 == "广义货币" }.count == 1, "\(indicators)")
    #expect(indicators.contains("社会融资规模"), "\(indicators)")
    // 目标的80%: a share of the goal, not the goal set.
    #expect(indicators.contains("年度目标"), "\(indicators)")
    #expect(
      !indicators.contains { $0.contains("预期") || $0 == "目标" || $0.hasSuffix("拟定") },
      "\(indicators)")
    #expect(indicators.contains("总目标"), "\(indicators)")
    #expect(document.targets.first { $0.indicator == "经济增长" }?.direction == .increase)
  }

  /// A fraction in words is a value right after a verb, as a bare number is: 减少一半以上
  /// (0.5), 压减三分之一 (0.3333 to four places); 千分之十三 is 13‰ as 百分之七十 is 70%;
  /// a fraction with no verb before it (占世界人口五分之一, 人口的一半) sets nothing.
  @Test func fractionInWords_afterAVerb_isAValue() throws {
    let document = try parse(
      """
      2024年某某省人民政府工作报告

      二、今年工作安排

      （一）深化改革。政府定价项目再减少一半以上，工程建设项目审批时间压减三分之一。人口自然增长率控制在千分之十三左右。我们这个占世界人口五分之一的国家，超过人口的一半居住在城镇。婴儿死亡率控制在千分之六点一以内，误差率降低十万分之三。
      """)
    let targets = document.targets.map { ($0.indicator, $0.value, $0.unit, $0.direction) }
    #expect(
      document.targets.contains { $0.indicator == "政府定价项目" && $0.value == 0.5 && $0.unit.isEmpty },
      "\(targets)")
    #expect(
      document.targets.contains {
        $0.indicator == "工程建设项目审批时间" && $0.value == 0.3333 && $0.direction == .decrease
      }, "\(targets)")
    #expect(document.targets.contains { $0.value == 13 && $0.unit == "‰" }, "\(targets)")
    #expect(!document.targets.contains { $0.value == 0.2 }, "\(targets)")
    #expect(
      document.targets.contains { abs($0.value - 6.1) < 1e-9 && $0.unit == "‰" }, "\(targets)")
    // 十万分之三 is too small for four places: no value of 0.
    #expect(!document.targets.contains { $0.value == 0 }, "\(targets)")
    #expect(document.targets.count == 4, "\(targets)")
  }

  /// An age is a value right after a verb, as a bare number is (人均预期寿命再提高1岁: 1岁,
  /// its indicator without the 再 of a further step); an age limit is none (3岁以下婴幼儿,
  /// 年满60岁).
  @Test func ageAfterAVerb_isAValue_ageLimitIsNot() throws {
    let document = try parse(
      """
      2024年某某省人民政府工作报告

      二、今年工作安排

      今年全省发展的主要预期目标是：人均预期寿命再提高1岁，每千人口拥有3岁以下婴幼儿托位数达到4.5个，年满60岁的老年人参保率继续保持在95%以上。
      """)
    let ages = document.targets.filter { $0.unit == "岁" }
    #expect(ages.map(\.indicator) == ["人均预期寿命"])
    #expect(ages.first?.value == 1 && ages.first?.direction == .increase)
    #expect(document.targets.contains { $0.value == 4.5 && $0.unit == "个" })
    #expect(!document.targets.contains { $0.value == 3 || $0.value == 60 })
    #expect(document.targets.first { $0.value == 95 }?.indicator.hasSuffix("继续") == false)
  }

  /// The licence notice and what follows are dropped: no 著作权法 reference, no "Public domain".
  @Test func licenceNotice_dropped() throws {
    let document = try parse(Self.report)
    #expect(document.references.isEmpty)
    #expect(!String(decoding: document.text.utf8, as: UTF8.self).contains("公有领域"))
    #expect(!String(decoding: document.text.utf8, as: UTF8.self).contains("Public domain"))
    #expect(document.text.cleaning[.licenceNotice] == 1)
    // A line that opens the same way without the notice's words stays.
    let kept = try parse("某某办法\n\n第一条 本作品是指本市收藏的作品。\n")
    #expect(String(decoding: kept.text.utf8, as: UTF8.self).contains("本作品是指"))
  }

  /// Only a government work report is a plan for its year: a department's report on a
  /// year sets no targets; a review is also headed "…的回顾" or "过去五年的工作"; a clause
  /// set last year (去年…增长) is past, one compared with it (比去年增加) is not.
  @Test func pastYear_andOtherReports_noTargets() throws {
    let annual = try parse(
      "某市生态环境局2022年工作报告\n\n一、主要工作成效\n\n全市空气质量优良天数比率达到88.5%，完成造林面积3万亩。\n")
    #expect(annual.targets.isEmpty)
    let report = try parse(
      """
      2011年某某省人民政府工作报告

      一、“十一五”时期经济社会发展的回顾

      五年来全省生产总值年均增长11%。

      二、过去五年的工作

      城镇新增就业达到300万人。

      三、2011年的主要任务

      去年全省粮食产量增长3%。今年全省城镇新增就业50万人以上，比去年增加5万人。
      """)
    #expect(
      report.measures.isEmpty
        || report.measures.allSatisfy { report.sections[$0.section].label != "一、" })
    let targets = report.targets.map { "\($0.year ?? 0) \($0.value)\($0.unit)" }
    #expect(targets == ["2011 50.0万人", "2011 5.0万人"])
  }

  /// A revenue target is a target; a budget line's rise "比上年增长" is a setting.
  @Test func revenue_isATarget_budgetRise_isNot() throws {
    let plan = try parse(
      """
      某市财政工作方案

      一、工作目标

      到2025年，全市一般公共预算收入达到500亿元。

      二、保障措施

      2025年中央财政安排科技投入716亿元，比上年增长19.2%。

      2025年中央财政拟投入社会保障资金2930亿元，比上年预计数增加439亿元，增长17.6%。

      2025年安排中央本级支出增长3.9%。

      2025年进一步提高粮食最低收购价，早籼稻、粳稻每斤分别提高3分和5分，小麦每斤提高3分钱。
      """)
    // Each rise says more of the budget's amount the clauses before it name, or is a price
    // the state sets (the reports of 2009, 2010, 2016, 2019, 2022, 2024 and 2025).
    #expect(plan.targets.map(\.value) == [500])
  }

  /// A report in the first year of a five-year plan sets the plan's goals in a part of its
  /// own ("二、“十三五”时期主要目标任务和重大举措"): a target there without a year is for the
  /// period's end; the year's tasks after it are for the report's year (the reports of
  /// 2006, 2011, 2016 and 2021).
  @Test func fiveYearGoalsPart_targetsThePeriodsEnd() throws {
    let report = try parse(
      """
      2016年政府工作报告

      一、2015年工作回顾

      （一）经济运行。国内生产总值增长6.9%。

      二、“十三五”时期主要目标任务和重大举措

      ——保持经济中高速增长。单位国内生产总值能耗下降15%，森林覆盖率达到23.04%。

      三、2016年重点工作

      （一）推进绿色发展。单位国内生产总值能耗下降3.4%以上。
      """)
    #expect(report.targets.map(\.value) == [15, 23.04, 3.4])
    #expect(report.targets.map(\.year) == [2020, 2020, 2016])
    // A part of the period's tasks without its goals gives no year ("“十四五”期间主要任务").
    let tasks = try parse(
      """
      某某区生态公园带建设实施意见

      一、“十四五”期间主要任务

      1.到2025年，建成绿道200公里。

      2.规划建设五个生态公园带。
      """)
    #expect(tasks.targets.map(\.value) == [200])
  }

  /// Goal quantities of a year's tasks whose verb is 解决, 新开工 or 扩招 (the reports of
  /// 2008, 2015 and 2019).
  @Test func solveStartAndEnrol_areTargetVerbs() throws {
    let report = try parse(
      """
      2015年政府工作报告

      一、2015年重点工作

      （一）改善民生。再解决6000万农村人口饮水安全问题，新开工保障性安居工程740万套，高职院校扩招100万人。
      """)
    #expect(report.targets.map(\.value) == [6000, 740, 100])
    #expect(report.targets.map(\.direction) == [.reach, .reach, .increase])
    #expect(report.targets.allSatisfy { $0.year == 2015 })
  }

  /// Quantities to phase out (淘汰, 退出) or to widen a pilot to (扩大到, 扩大) are targets
  /// (the reports of 2008, 2014, 2015 and 2017); a 要 alone before the verb names nothing.
  @Test func phaseOutAndWiden_areTargetVerbs() throws {
    let report = try parse(
      """
      2017年政府工作报告

      一、2017年重点工作

      （一）扎实有效去产能。今年要淘汰燃煤小锅炉5万台，退出煤炭产能1.5亿吨以上，粮改饲试点面积扩大到1000万亩以上。
      """)
    #expect(report.targets.map(\.value) == [5, 1.5, 1000])
    // Phasing out is a cut (blind batch 20: 淘汰 → decrease); a bound decides before it.
    #expect(report.targets.map(\.direction) == [.decrease, .atLeast, .atLeast])
    #expect(report.targets.first?.indicator == "燃煤小锅炉")
    #expect(report.targets.last?.indicator == "粮改饲试点面积")
  }

  /// "过去五年，…。" opens a paragraph of achievements: the sentences after it say what was
  /// done, and give no targets of the report's year (the reports of 2011 and 2021); a
  /// sentence with a year of its own still does.
  @Test func pastOpening_carriesToItsParagraph() throws {
    let report = try parse(
      """
      2021年政府工作报告

      二、“十三五”时期发展成就和“十四五”时期主要目标任务

      过去五年，我国经济社会发展取得新的历史性成就。5575万农村贫困人口实现脱贫，1亿农业转移人口在城镇落户。到2025年，森林覆盖率提高到24.1%。

      ——坚持创新驱动发展。全社会研发经费投入年均增长7%以上、力争投入强度高于“十三五”时期实际。

      三、2021年重点工作

      今年发展主要预期目标是：城镇新增就业1100万人以上。
      """)
    #expect(report.targets.map(\.value) == [24.1, 7, 1100])
    // The goals are the later period's; 高于“十三五”时期 is a baseline, no year.
    #expect(report.targets.map(\.year) == [2025, 2025, 2021])
  }

  /// A title wrapped over lines is joined to the line under it by cleaning
  /// ("政府工作报告——2017年3月5日在…会议上"): the day of delivery is still read (the reports
  /// of 2017 and 2021).
  @Test func wrappedTitle_dateOfDelivery() throws {
    let report = try parse(
      """
      2017年中华人民共和国国务院政府工作报告

      政府工作报
      告
      ——2017年3月5日在第十二届全国人民代表大会第五次会议上

      现在，我代表国务院，向大会报告政府工作，请予审议。
      """)
    #expect(report.metadata.writtenDate == "2017-03-05")
    #expect(report.metadata.issuer == "国务院")
  }

  /// What the readings of periods, past work, 都 and 开工 must not take (a review of this
  /// stop's rules): a heading of goals met (a review since blind batch 16), a sentence that only mentions 五年来, a place
  /// ending in 都, a count already started, a baseline of the earlier period.
  @Test func periodPastAndEach_doNotOverreach() throws {
    let report = try parse(
      """
      2021年政府工作报告

      一、“十三五”时期主要目标完成情况

      常住人口城镇化率提高到89%。

      二、2021年重点工作

      城镇新增就业1100万人以上。五年来的经验弥足珍贵。全年完成城镇老旧小区改造5.3万个。

      到2025年，重庆、成都分别增长5%和6%。新开工保障性安居工程700万套以上。已开工的57个项目要加快建设。“十四五”时期，单位生产总值能耗下降幅度高于“十三五”时期，下降13.5%。
      """)
    let found = report.targets.map { "\($0.year ?? 0) \($0.indicator) \($0.value)" }
    // Goals met are no goals of the period (not 2020), and a part headed …完成情况 reports
    // what was achieved: its figures are no targets at all.
    #expect(!found.contains { $0.hasPrefix("2020 ") })
    #expect(!found.contains { $0.contains("常住人口城镇化率") })
    #expect(found.first == "2021 就业 1100.0")
    #expect(found.contains("2021 城镇老旧小区改造 5.3"))
    #expect(found.contains("2025 成都 6.0"))
    #expect(found.contains("2025 保障性安居工程 700.0"))
    #expect(!found.contains { $0.hasSuffix(" 57.0") })
    #expect(found.last?.hasPrefix("2025 ") == true)
  }

  /// Blind batch 18: a goal clause with no value of its own (国际收支保持基本平衡) does not
  /// end the list of goals; the year's graduates are a count the report forecasts, no
  /// target, unless the clause says what is done for them; 标准箱 is a unit.
  @Test func goalsAfterAValuelessClause_graduatesForecast_standardCases() throws {
    let report = try parse(
      Self.report.replacingOccurrences(
        of: "城镇调查失业率5.5%左右。",
        with: """
          城镇调查失业率5.5%左右；国际收支保持基本平衡；粮食产量1.3万亿斤以上。

          预计今年高校毕业生超过1170万人，实现高校毕业生就业创业90万人。今年要淘汰平板玻璃3500万标准箱。
          """))
    let found = report.targets.map { "\($0.indicator) \($0.value) \($0.unit)" }
    #expect(found.contains("粮食产量 1.3 万亿斤"))
    #expect(!found.contains { $0.hasSuffix(" 1170.0 万人") })
    // Only the cohort itself, at most after a time, is forecast; a verb acting on them is not.
    #expect(TargetGrammar.forecastsCohort("今年高校毕业生将达"))
    #expect(!TargetGrammar.forecastsCohort("今年招募高校毕业生"))
    #expect(!TargetGrammar.forecastsCohort("选派"))
    #expect(found.contains { $0.hasSuffix(" 90.0 万人") })
    #expect(found.contains { $0.hasSuffix(" 3500.0 万标准箱") })
  }

  /// Blind batch 20: closing capacity down is a cut (淘汰, 关停, 退出 → decrease), and a
  /// heading of the year's overall requirements frames the report whatever else it names
  /// ("今年经济社会发展的总体要求、主要预期目标和宏观经济政策"): its run-in paragraphs are no measures.
  @Test func capacityCuts_andTheYearsRequirements() throws {
    let report = try parse(
      """
      2013年政府工作报告

      一、过去五年工作回顾

      经济平稳较快发展。

      二、今年经济社会发展的总体要求、主要预期目标和宏观经济政策

      关于经济增长目标。今年国内生产总值增长7.5%左右。

      继续实施积极的财政政策。合理扩大财政赤字和国债规模。

      三、对今年政府工作的建议

      （一）加快转变经济发展方式。今年要淘汰落后炼铁产能3000万吨，关停小火电机组1000万千瓦。

      （二）强化农业农村发展基础。稳定粮食生产。

      """)
    #expect(report.measures.map(\.label) == ["（一）", "（二）"])
    let cuts = report.targets.filter { $0.unit.hasPrefix("万") }.map(\.direction)
    #expect(cuts == [.decrease, .decrease])
  }
}
