import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// The parser on documents nobody on this project wrote (skipped when ../shared/corpus-real
/// is absent).
@Suite(.enabled(if: Corpus.hasReal)) struct RealCorpusTests {
  @Test func pkulawProvincialPlan_eighteenLeadClauses() throws {
    let file = try #require(
      Corpus.realFiles("pkulaw", ext: "txt").first { $0.lastPathComponent.hasPrefix("安徽省推进") })
    let document = try Parsed.file(file)
    let withLead = document.responsibilities.filter { !$0.departments(.lead).isEmpty }
    #expect(withLead.count == 18)
    // Every lead is a provincial body or the customs office, read with its level, or the
    // lead units of a provincial task force, a collective named as written
    // ("省十大新兴产业推进组工作专班牵头单位").
    #expect(
      withLead.allSatisfy {
        $0.departments(.lead).allSatisfy {
          $0.levelPrefix == "省" || $0.name.hasPrefix("合肥")
            || $0.isCollective && $0.name.hasPrefix("省")
        }
      })
    #expect(withLead.contains { $0.departments(.lead).map(\.name) == ["省十大新兴产业推进组工作专班牵头单位"] })
    let first = try #require(withLead.first)
    #expect(first.departments.map(\.name) == ["省商务厅", "合肥海关"])
    #expect(first.departments.map(\.role) == [.lead, .cooperating])
    #expect(document.metadata.level == .provincial)
    // Enterprise groups named as departments (…集团, read by the ending 团):
    // （合肥海关牵头，省港航集团、省机场集团按职责分工负责）.
    let groups = Set(
      document.responsibilities.flatMap(\.departments).map(\.name).filter { $0.hasSuffix("集团") })
    #expect(groups.isSuperset(of: ["省港航集团", "省机场集团"]))
  }

  /// The State Council's work report of `year`, parsed.
  /// The law of corpus-real's laws/ whose file is named `name`, parsed.
  private func law(_ name: String) throws -> PolicyDocument {
    try Parsed.file(
      try #require(Corpus.realFiles("laws", ext: "md").first { $0.lastPathComponent == name }))
  }

  private func workReport(_ year: String) throws -> PolicyDocument {
    try Parsed.file(
      try #require(
        Corpus.realFiles("work-reports", ext: "txt").first {
          $0.lastPathComponent.contains("_\(year)年中华人民共和国国务院政府工作报告")
        }))
  }

  /// The State Council's work reports: the unemployment rate of a list of targets is a
  /// level (城镇新增就业1200万人左右，城镇调查失业率5.5%左右), and the CPI rise after it still
  /// shares the list's verb; an age after a verb is a value (人均预期寿命再提高1岁); quantities
  /// to phase out or to widen a pilot to are targets (淘汰燃煤小锅炉5万台, 粮改饲试点面积扩大到
  /// 1000万亩以上).
  @Test func workReports_ratesAgesAndPhaseOuts() throws {
    let report2023 = try workReport("2023")
    let unemployment = report2023.targets.filter { $0.indicator == "城镇调查失业率" && $0.year == 2023 }
    #expect(!unemployment.isEmpty && unemployment.allSatisfy { $0.direction == .reach })
    let prices = report2023.targets.first { $0.indicator == "居民消费价格涨幅" && $0.year == 2023 }
    #expect(prices?.direction == .increase)
    let report2021 = try workReport("2021")
    let lifespan = report2021.targets.first { $0.unit == "岁" }
    #expect(lifespan?.indicator == "人均预期寿命")
    #expect(lifespan?.value == 1 && lifespan?.direction == .increase)
    let report2017 = try workReport("2017")
    #expect(report2017.targets.contains { $0.indicator == "粮改饲试点面积" && $0.value == 1000 })
    let report2014 = try workReport("2014")
    #expect(report2014.targets.contains { $0.indicator == "燃煤小锅炉" && $0.value == 5 })
  }

  /// The work reports' expected goals, fractions in words and percentages with decimals,
  /// on the State Council's reports: 经济增长预期目标为5%左右 (2025) names 经济增长, not 预期
  /// 目标; 广义货币M2预期增长13%左右 (2016) names 广义货币M2; 收费项目再减少一半以上 (2017) is
  /// at least 0.5; 国民生产总值比上年增长百分之十二点八 (1993) is 12.8%, not 12%.
  @Test func workReports_expectedGoalsFractionsAndDecimals() throws {
    let report2025 = try workReport("2025")
    #expect(report2025.targets.contains { $0.indicator == "经济增长" && $0.value == 5 })
    #expect(!report2025.targets.contains { $0.indicator.contains("预期") })
    let report2016 = try workReport("2016")
    #expect(
      report2016.targets.contains {
        $0.indicator.lowercased() == "广义货币m2" && $0.value == 13 && $0.direction == .increase
      })
    let report2017 = try workReport("2017")
    #expect(report2017.targets.contains { $0.indicator == "收费项目" && $0.value == 0.5 })
    let report1993 = try workReport("1993")
    #expect(report1993.targets.contains { $0.indicator == "国民生产总值" && $0.value == 12.8 })
    #expect(!report1993.targets.contains { $0.indicator == "国民生产总值" && $0.value == 12 })
  }

  /// Who set a target, a law's 应当, the level a change starts from and 将 are no part of
  /// an indicator, on real documents: 中央提出今年经济增长预期目标为7%左右 (2004; 8% in 2005)
  /// names 经济增长; 提出居民消费价格涨幅控制在4%左右 (2012) names 居民消费价格涨幅; 研发费用加计
  /// 扣除比例由50%提高到75% (2017) sets 75%, not 50%; 将制造业企业加计扣除比例提高到100%
  /// (2021); a province's …支出的比例应当分别达到8%、4.2%、3.2% (浙江省科学技术进步条例).
  @Test func targets_reportsModalsStartingLevelsAndActedOn() throws {
    for (year, growth) in [("2004", 7.0), ("2005", 8.0)] {
      let report = try workReport(year)
      #expect(report.targets.contains { $0.indicator == "经济增长" && $0.value == growth }, "\(year)")
      #expect(!report.targets.contains { $0.indicator.contains("提出") }, "\(year)")
    }
    let report2012 = try workReport("2012")
    #expect(report2012.targets.contains { $0.indicator == "居民消费价格涨幅" && $0.value == 4 })
    let report2017 = try workReport("2017")
    let deduction = report2017.targets.filter { $0.indicator.hasSuffix("加计扣除比例") }
    #expect(deduction.map(\.value) == [75], "\(deduction.map(\.indicator))")
    let report2021 = try workReport("2021")
    #expect(report2021.targets.contains { $0.indicator == "制造业企业加计扣除比例" && $0.value == 100 })
    let law = try Parsed.file(
      try #require(
        Corpus.realFiles("laws", ext: "md").first {
          $0.lastPathComponent == "浙江省科学技术进步条例(2011-05-25).md"
        }))
    let shares = law.targets.filter { $0.indicator.hasSuffix("财政经常性支出的比例") }
    #expect(shares.map(\.value) == [8, 4.2, 3.2], "\(law.targets.map(\.indicator))")
  }

  /// The names of blind batches 26 and 28, on the regulations they came from: places
  /// sharing a department (青岛 建筑节能), a dozen sectors before 等部门 (浙江 土地整治),
  /// 住房和城乡建设部门 on its own (丽水 养犬), bodies closed by 等人民政府的派出机关 with a note
  /// holding 、 (台州 电梯), an organ named by its work and 机构 (防汛条例), and a law's
  /// amendment history, which holds no target (青岛 建筑节能).
  @Test func laws_namesOfBatches26And28() throws {
    let energy = try law("青岛市民用建筑节能条例(2022-01-21).md")
    #expect(
      try energy.roles(measure: "第四条").contains("responsible:崂山区建设主管部门")
        && energy.roles(measure: "第四条").contains("responsible:各县级市建设主管部门"))
    #expect(energy.targets.isEmpty)
    let land = try law("浙江省土地整治条例(2018-11-30).md")
    #expect(try land.roles(measure: "第五条").contains("responsible:海洋与渔业"))
    #expect(try !land.roles(measure: "第五条").contains("responsible:县级以上人民政府"))
    let dogs = try law("丽水市城市养犬管理规定(2020-08-14).md")
    #expect(try dogs.roles(measure: "第八条").contains("responsible:住房和城乡建设部门"))
    let lifts = try law("台州市电梯安全管理规定(2017-12-15).md")
    #expect(
      try lifts.roles(measure: "第三条") == [
        "cooperating:乡（镇）人民政府", "cooperating:街道办事处", "cooperating:开发区（集聚区、园区）管理机构",
      ])
    let floods = try law("防汛条例(2011-01-08).md")
    #expect(try floods.roles(measure: "第六条").contains("responsible:国家防汛总指挥部"))
  }

  /// The lists of sectors of blind batch 14, on the regulations they came from: 市场监管
  /// takes the list's 市 (上海口岸服务条例), 经济和信息化 is one sector (杭州城市大脑…条例),
  /// 国务院 is each sector's (可再生能源法), 农业农村 is a sector (台州…水源保护条例), names
  /// joined after a closed list are read (口岸服务条例 第二十条), and the bodies of a place
  /// are named after it (驻马店市山体保护条例: 山体保护范围内的村（居）民委员会协助…).
  @Test func laws_sectorListsOfBatch14() throws {
    let port = try law("上海口岸服务条例(2020-05-14).md")
    #expect(try port.roles(measure: "第二十四条").contains("lead:市市场监管"))
    #expect(try !port.roles(measure: "第二十四条").contains { $0.hasSuffix(":市场监管") })
    #expect(
      try port.roles(measure: "第二十条").prefix(2) == ["cooperating:市发展改革", "cooperating:市口岸服务"])
    let brain = try law("杭州城市大脑赋能城市治理促进条例(2020-12-09).md")
    #expect(try brain.roles(measure: "第六条").contains("cooperating:经济和信息化"))
    #expect(try !brain.roles(measure: "第六条").contains("cooperating:信息化"))
    let energy = try law("可再生能源法(2009-12-26).md")
    #expect(try energy.roles(measure: "第二十四条").contains("cooperating:国务院价格主管部门"))
    let reservoir = try law("台州市长潭水库饮用水水源保护条例(2020-08-20).md")
    // The towns of the protected area cooperate: the bodies of a place, named after it
    // (…范围内的乡（镇）人民政府), a level noted in brackets.
    #expect(
      try reservoir.roles(measure: "第十五条") == [
        "lead:农业农村主管部门", "lead:林业主管部门", "cooperating:乡（镇）人民政府",
      ])
    let mountain = try law("驻马店市山体保护条例(2019-07-09).md")
    #expect(try mountain.roles(measure: "第四条").contains("cooperating:村（居）民委员会"))
  }

  /// The work reports of blind batch 15 and the pollutants of the reports before: the
  /// rise of a budgeted amount is no target (2009: …社会保障资金2930亿元，…增长17.6%), nor a
  /// grain price (2010: 每斤提高3分钱); the price goal without a verb is (2010: 居民消费价格涨幅
  /// 3%左右); the speaker is read without a comma (2010); pollutants listed before one
  /// ending are a target each (2019: 二氧化硫、氮氧化物排放量要下降3%).
  @Test func workReports_budgetPricesAndPollutants() throws {
    let report2009 = try workReport("2009")
    #expect(!report2009.targets.contains { $0.value == 17.6 || $0.value == 25.6 })
    let report2010 = try workReport("2010")
    #expect(report2010.metadata.issuer == "国务院")
    #expect(!report2010.targets.contains { $0.indicator.contains("稻") })
    #expect(report2010.targets.contains { $0.indicator == "居民消费价格涨幅" && $0.value == 3 })
    let report2019 = try workReport("2019")
    for pollutant in ["二氧化硫排放量", "氮氧化物排放量"] {
      #expect(
        report2019.targets.contains { $0.indicator == pollutant && $0.value == 3 }, "\(pollutant)")
    }
  }

  /// This stop's forms on the real documents that showed them (blind batches 16–20): a
  /// department named by its duty (地震安全性评价管理条例), a joint decree (军工关键设备设施管理
  /// 条例), the issuer of a report with no 向 and titles broken out of their 《》 (2006), a
  /// graduates' forecast (2014), a phase headed by its deadline (低空飞行服务管理能力建设实施方案).
  @Test func laws_andReports_ofBatches16To20() throws {
    let seismic = try law("地震安全性评价管理条例(2019-03-02).md")
    #expect(
      try seismic.roles(measure: "第四条").contains(
        "responsible:县级以上地方人民政府负责管理地震工作的部门或者机构"))
    #expect(try !seismic.roles(measure: "第四条").contains("responsible:县级以上地方人民政府"))
    let military = try law("军工关键设备设施管理条例(2011-06-24).md")
    #expect(military.metadata.issuer == "中华人民共和国国务院")
    #expect(military.metadata.coIssuers == ["中华人民共和国中央军事委员会"])
    let report2006 = try workReport("2006")
    #expect(report2006.metadata.issuer == "国务院")
    #expect(report2006.references.contains { $0.title == "重大动物疫情应急条例" })
    #expect(!report2006.references.contains { $0.title == "建议" })
    #expect(report2006.targets.contains { $0.year == 2010 && $0.value == 7.5 })
    let report2014 = try workReport("2014")
    #expect(!report2014.targets.contains { $0.value == 727 })
    let flights = try Parsed.file(
      try #require(
        Corpus.realFiles("shanghai", ext: "md").first {
          $0.lastPathComponent.contains("低空飞行服务管理能力建设实施方案")
        }))
    #expect(
      flights.targets.filter { $0.unit == "条" }.map { $0.year ?? 0 } == [2025, 2027])
  }

  /// This stop's forms on the real documents that showed them (blind batches 21–25): 区县
  /// as one level (重庆市地质灾害防治条例), a body named by the place it serves (医疗器械经营
  /// 监督管理办法), a congress adopting a law in session (北京市种子条例), a regulation
  /// adopted at the State Council's executive meeting (货物进出口管理条例), points numbered in
  /// words (2005 report), doubling (2016 report), headings on lines of their own (2001).
  @Test func laws_andReports_ofBatches21To25() throws {
    let landslides = try law("重庆市地质灾害防治条例(2020-06-05).md")
    #expect(
      try landslides.roles(measure: "第七条").contains("responsible:市规划自然资源主管部门"))
    #expect(try !landslides.roles(measure: "第七条").contains { $0.contains("市县") })
    let devices = try law("医疗器械经营监督管理办法(2022-03-10).md")
    #expect(
      try devices.roles(measure: "第五十五条") == ["responsible:库房所在地药品监督管理部门"])
    let seeds = try law("北京市种子条例(2022-01-10).md")
    #expect(seeds.metadata.issuer == "北京市人民代表大会")
    let trade = try law("货物进出口管理条例(2001-12-10).md")
    #expect(trade.metadata.writtenDate == "2001-10-31")
    #expect(trade.targets.isEmpty)
    let report2005 = try workReport("2005")
    #expect(report2005.measures.filter { $0.label.hasSuffix("，") }.count == 6)
    let report2016 = try workReport("2016")
    #expect(
      report2016.targets.contains { $0.unit == "番" && $0.year == 2020 && $0.direction == .increase }
    )
    let report2001 = try Parsed.file(try realFile("work-reports", "government_work_reports_042_"))
    #expect(report2001.measures.contains { $0.title == "加快农业和农村经济结构调整" })
    // Batch 25's forms: 国务院 shared over a long first sector (清洁生产促进法), levels with 级
    // (食品生产经营监督检查管理办法), 县级市 in a note (威海市节约用水条例).
    let cleaner = try law("清洁生产促进法(2012-02-29).md")
    #expect(
      try cleaner.roles(measure: "第五条").contains("responsible:国务院环境保护部门"))
    let food = try law("食品生产经营监督检查管理办法(2021-12-24).md")
    #expect(
      try Set(food.roles(measure: "第九条")).isSuperset(of: [
        "responsible:设区的市级市场监督管理部门", "responsible:县级市场监督管理部门",
      ]))
    let water = try law("威海市节约用水条例(2020-01-17).md")
    #expect(try water.roles(measure: "第四条").contains("responsible:市水行政主管部门"))
  }

  /// The 第X条 lines of the text, found by a plain pattern independent of the parser.
  private func articleLines(_ text: String) -> Int {
    let numerals = "零一二三四五六七八九十百千〇两"
    return text.split(separator: "\n").filter { line in
      guard line.hasPrefix("第") else { return false }
      let rest = line.dropFirst().drop { numerals.contains($0) }
      guard rest.count < line.count - 1, rest.hasPrefix("条") else { return false }
      let after = rest.dropFirst().first
      return after == nil || after == " " || after == "\u{3000}" || after == "："
    }.count
  }

  @Test func laws_everyArticleHeadingBecomesAnArticle() throws {
    let laws = Corpus.realFiles("laws", ext: "md")
    #expect(laws.count > 3000)
    // A spread-out sample of 120 laws, national and local.
    let step = max(1, laws.count / 120)
    var checked = 0
    for (index, file) in laws.enumerated() where index % step == 0 {
      let document = try Parsed.file(file)
      let expected = articleLines(document.text.text)
      let articles = document.sections.filter { $0.kind == .article }
      #expect(
        articles.count == expected,
        "\(file.lastPathComponent): \(articles.count) articles, \(expected) 第X条 lines")
      // A law's measures are its articles (a 决定 without articles has its items instead).
      if !articles.isEmpty {
        #expect(document.measures.count == articles.count, "\(file.lastPathComponent)")
      }
      checked += 1
    }
    #expect(checked >= 100)
  }

  @Test func stateCouncil_numberFromTheMetadataTableMatchesTheCrawl() throws {
    for page in Corpus.realFiles("state-council", ext: "html") {
      let document = try Parsed.file(page)
      let crawl = try String(
        contentsOf: page.deletingPathExtension().appendingPathExtension("txt"), encoding: .utf8)
      guard let line = crawl.split(separator: "\n").first(where: { $0.hasPrefix("发文字号：") }),
        let expected = DocumentNumber.first(in: String(line))
      else { continue }
      #expect(
        document.metadata.documentNumber?.normalized == expected.number.normalized,
        "\(page.lastPathComponent)")
      #expect(document.metadata.level == .national, "\(page.lastPathComponent)")
    }
  }

  @Test func everyDocument_parsesWithAStructureOrSaysWhyNot() throws {
    var files: [URL] = []
    for folder in ["state-council", "pkulaw", "county-html", "work-reports"] {
      files += Corpus.realFiles(folder, ext: "txt") + Corpus.realFiles(folder, ext: "html")
    }
    let laws = Corpus.realFiles("laws", ext: "md")
    files += laws.enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
    #expect(files.count > 500)
    var withoutMeasures = 0
    for file in files {
      let document = try Parsed.file(file)
      if document.sections.isEmpty || document.measures.isEmpty {
        withoutMeasures += 1
        #expect(
          document.diagnostics.contains { $0.severity == .note },
          "\(file.lastPathComponent): empty structure without a diagnostic")
      }
      // Every item's location lies inside the text and maps into the source file.
      for measure in document.measures {
        #expect(measure.span.end <= document.text.utf8.count)
        #expect(
          document.sourceSpan(of: measure.span).byteRange.upperBound
            <= document.text.source.byteCount)
      }
    }
    // Most documents have an outline with measures.
    #expect(
      withoutMeasures * 4 < files.count, "\(withoutMeasures) of \(files.count) without measures")
  }

  /// The State Council's grain emergency plan, numbered in decimals after a table of
  /// contents: each heading once (the table opens none), the command's duties its items',
  /// the members' items their own, and every document's HTML page read the same.
  @Test func emergencyPlan_decimalOutlineAndDutyBlocks() throws {
    for ext in ["txt", "html"] {
      let document = try Parsed.file(try realFile("state-council", "041_", ext: ext))
      #expect(document.sections.filter { $0.label == "2.1" }.count == 1, "\(ext)")
      #expect(document.sections.first?.label == "1", "\(ext)")
      func labels(_ section: Int) -> String {
        var chain: [String] = []
        var current: Int? = section
        while let index = current {
          chain.insert(document.sections[index].label, at: 0)
          current = document.sections[index].parent
        }
        return chain.joined(separator: " ")
      }
      func roles(_ path: String) -> [String] {
        guard let measure = document.measures.first(where: { labels($0.section) == path }) else {
          return ["no measure \(path)"]
        }
        return measure.responsibilities.flatMap {
          document.responsibilities[$0].departments.map { "\($0.role.rawValue):\($0.name)" }
        }
      }
      #expect(roles("2 2.1 2.1.1 （2）") == ["responsible:国家粮食应急工作指挥部"], "\(ext)")
      #expect(roles("2 2.1 2.1.3 （4）") == ["responsible:财政部"], "\(ext)")
      // The first part (总则: 编制目的, 等级划分, 适用范围, 工作原则) holds no measures.
      #expect(!document.measures.contains { labels($0.section).hasPrefix("1 ") }, "\(ext)")
      #expect(document.measures.count > 45, "\(ext)")
    }
  }

  /// The State Council's government work reports (blind batch 9): the 2023 report's
  /// issuer and day of delivery, no measure or target in its review of the past year, this
  /// year's expected targets for 2023 (not the 3% deficit ratio), and the Wikisource
  /// licence notice after it is no part of it; no government work report cites the
  /// 著作权法 of the notices after 65 of them.
  @Test func workReports_reviewTargetsAndLicence() throws {
    let document = try Parsed.file(try realFile("work-reports", "government_work_reports_004_"))
    #expect(document.metadata.issuer == "国务院")
    #expect(document.metadata.writtenDate == "2023-03-05")
    let review = try #require(document.sections.first { $0.label == "一、" })
    #expect(review.title.hasSuffix("工作回顾"))
    let inReview = { (span: TextSpan) in
      span.start >= review.extent.start && span.end <= review.extent.end
    }
    #expect(!document.measures.contains { inReview(document.sections[$0.section].extent) })
    #expect(!document.targets.contains { inReview($0.valueSpan) })
    let targets = document.targets.map { "\($0.year ?? 0) \($0.indicator) \($0.value)\($0.unit)" }
    #expect(targets.contains("2023 国内生产总值 5.0%"), "\(targets)")
    #expect(!document.targets.contains { $0.clause.contains("赤字") }, "\(targets)")
    for file in Corpus.realFiles("work-reports", ext: "txt")
    where file.lastPathComponent.hasPrefix("government_work_reports_0") {
      let parsed = try Parsed.file(file)
      #expect(
        !parsed.references.contains { $0.title.contains("著作权法") }, "\(file.lastPathComponent)")
    }
  }

  /// Regulations of blind batches 10 and 11, read as published: 浙江省湿地保护条例 takes its
  /// same-day announcement's number and names 省海洋与渔业 as one sector; the Shanghai
  /// 城市雕塑 rule, first issued without a decree, has no number (令第52号 amended it) and
  /// its 市城雕委办公室或者区、县城市雕塑管理机构会同… gives each body its role.
  @Test func regulations_announcementNumber_jointSector_alternativeBodies() throws {
    let wetland = try Parsed.file(try realFile("laws/DLC", "浙江省湿地保护条例", ext: "md"))
    #expect(wetland.metadata.documentNumber?.text == "浙江省第十一届人民代表大会常务委员会公告第79号")
    #expect(try wetland.roles(measure: "第十二条").contains("cooperating:省海洋与渔业"))
    let sculpture = try Parsed.file(try realFile("shanghai", "上海市城市雕塑", ext: "md"))
    #expect(sculpture.metadata.documentNumber == nil)
    #expect(sculpture.metadata.writtenDate == "1996-03-03")
    let roles = try sculpture.roles(measure: "第十五条")
    #expect(roles.contains("lead:市城雕委办公室") && roles.contains("lead:县城市雕塑管理机构"))
  }

  /// The real file of `folder` whose name starts with `prefix`.
  private func realFile(_ folder: String, _ prefix: String, ext: String = "txt") throws -> URL {
    try #require(
      Corpus.realFiles(folder, ext: ext).first { $0.lastPathComponent.hasPrefix(prefix) })
  }

  /// A transmittal names the office that forwards, not the ministry whose opinion it carries.
  @Test func stateCouncilTransmittal_issuerEndsBefore转发() throws {
    let metadata = try Parsed.file(try realFile("state-council", "050_国务院办公厅转发民政部", ext: "html"))
      .metadata
    #expect(metadata.issuer == "国务院办公厅")
    #expect(metadata.planTitle == "民政部关于清理整顿社会团体意见")
    #expect(metadata.level == .national)
  }

  @Test func pkulawTransmittals_issuerEndsBeforeTheVerbOutsideTheBookTitle() throws {
    // "北京市经济和信息化局印发《关于推进…的指导意见》的通知": the 关于 inside 《》 is the plan's.
    let beijing = try Parsed.file(try realFile("pkulaw", "北京市经济和信息化局印发"))
    #expect(beijing.metadata.issuer == "北京市经济和信息化局")
    // "包头市人民政府办公室关于印发《…》的通知" keeps its issuer.
    let baotou = try Parsed.file(try realFile("pkulaw", "包头市人民政府办公室关于印发"))
    #expect(baotou.metadata.issuer == "包头市人民政府办公室")
  }

  @Test func countyPages_titleIsNoNumberedItem() throws {
    for prefix in ["02_", "08_"] {
      for ext in ["txt", "html"] {
        let document = try Parsed.file(try realFile("county-html", prefix, ext: ext))
        // No title at all is right where the page has no title line (the .txt joins it to the next).
        guard let title = document.metadata.title else { continue }
        // "1.普通高中（1900元/生•年）" and "1.《黔南州…实施方案…》" are items of the body.
        let opening = Array(title.utf8).withUnsafeBufferPointer {
          ParagraphScanner.paragraphs(of: $0).first
        }
        #expect(opening?.isHeading == false, "\(prefix)\(ext): title \(title)")
      }
    }
  }

  @Test func pkulawBaotou_bracketedNoteIsNoResponsibilityClause() throws {
    let document = try Parsed.file(try realFile("pkulaw", "包头市人民政府办公室关于印发"))
    // "（包括牵头单位自身）" names no department.
    #expect(!document.responsibilities.contains { $0.text.contains("包括牵头单位自身") })
    let names = document.responsibilities.flatMap { $0.departments.map(\.name) }
    #expect(!names.contains("包括") && !names.contains("自身"))
    #expect(!document.responsibilities.isEmpty)
  }

  /// "（商务部指导，供销合作总社参与）": 指导 is no role word (docs/gold-format.md), so
  /// 商务部 has no role there; 供销合作总社 cooperates.
  @Test func stateCouncilWasteFreeCities_guidingIsNoRole() throws {
    let document = try Parsed.file(
      try realFile("state-council", "007_国务院办公厅关于印发“无废城市”", ext: "html"))
    let clause = try #require(document.responsibilities.first { $0.text.contains("商务部指导") })
    #expect(clause.departments.map(\.name) == ["供销合作总社"])
    #expect(clause.departments.map(\.role) == [.cooperating])
  }

  /// pkulaw files end lines with CR CR LF: an article's line is the one `grep -n` gives,
  /// counted here from the raw bytes.
  @Test func pkulawCRCRLF_articleLinesAsGrepCountsThem() throws {
    let file = try realFile("pkulaw", "中山市政务数据管理办法")
    let document = try Parsed.file(file)
    let raw = Array(try Data(contentsOf: file))
    for label in ["第十条", "第二十条"] {
      let section = try #require(document.sections.first { $0.label.hasPrefix(label) })
      let needle = Array(label.utf8)
      let offset = try #require(
        (0...(raw.count - needle.count)).first { Array(raw[$0..<($0 + needle.count)]) == needle })
      let grepLine = raw[..<offset].filter { $0 == 0x0A }.count + 1
      #expect(document.sourceSpan(of: section.headingSpan).line == grepLine, "\(label)")
    }
  }

  /// Law headers and long lines: passing and revision records stay apart, and a long
  /// amendment ending 。” is not joined to the next.
  @Test func laws_recordsAndLongQuotedAmendmentsStayApart() throws {
    let port = try DocumentReader().read(
      contentsOf: try realFile("laws/DLC/上海地方法规/地方性法规/上海", "上海口岸服务条例", ext: "md").path)
    let records = port.text.split(separator: "\n").filter {
      $0.hasPrefix("2011年") || $0.hasPrefix("2020年")
    }
    #expect(records.count == 2)
    #expect(records.allSatisfy { $0.hasSuffix("通过") || $0.hasSuffix("修正") })
    let amendment = try DocumentReader().read(
      contentsOf: try realFile("laws/刑法", "刑法修正案（七）", ext: "md").path)
    let second = try #require(
      amendment.text.split(separator: "\n").first { $0.hasPrefix("二、将刑法第一百八十条") })
    #expect(!second.contains("增加一款作为第四款"))
  }

  /// A county page's first line is its title; a law without an issuer takes its level
  /// from the place its title opens with.
  @Test func titlesAndLevelsWithoutAnIssuer() throws {
    #expect(try Parsed.file(try realFile("county-html", "06_")).metadata.title == "评估验收标准")
    let huzhou = try Parsed.file(try realFile("laws/DLC/浙江地方法规/地方性法规/浙江", "湖州市绿色金融促进条例", ext: "md"))
      .metadata
    #expect((huzhou.level, huzhou.region) == (.municipal, "湖州市"))
    let zone = try Parsed.file(try realFile("laws/DLC/广东地方法规/地方性法规/广东", "广东省中新广州知识城条例", ext: "md"))
      .metadata
    #expect((zone.level, zone.region) == (.provincial, "广东省"))
    // A city is read from a title only by its full name: these titles name no city. The
    // adoption note names it when it names the standing committee in full
    // ("台州市第十二届人民代表大会常务委员会…通过"), not as "市十四届人大常委会".
    let expected: [(String, String?)] = [
      ("宁波杭州湾新区条例", nil), ("台州府城墙保护条例", "台州市"), ("杭州西湖文化景观保护管理条例", "杭州市"),
    ]
    for (prefix, region) in expected {
      let metadata = try Parsed.file(try realFile("laws/DLC/浙江地方法规/地方性法规/浙江", prefix, ext: "md"))
        .metadata
      #expect(metadata.region == region, "\(prefix): \(metadata.region ?? "")")
      if region != nil {
        #expect(metadata.issuer == "\(region!)人民代表大会常务委员会", "\(prefix)")
      }
    }
  }
}
