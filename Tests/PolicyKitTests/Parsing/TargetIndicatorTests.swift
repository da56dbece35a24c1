import Foundation
import Testing

@testable import PolicyKit

/// What is measured, and quantities that are no targets (docs/gold-format.md, `indicator`
/// and "Not targets").
@Suite struct TargetIndicatorTests {
  @Test func indicator_isTheThingCountedAfterItsCount() throws {
    let found = try targets(
      of: "到2025年，完成信息平台上线前15项业务编码贯标，组织发布不少于100场群众文化艺术辅导培训课程，开工建设9000个公共停车位，争取将60座社区公园纳入市级公园名录。\n")
    #expect(found.map(\.indicator) == ["业务编码贯标", "群众文化艺术辅导培训课程", "公共停车位", "社区公园"])
    // A share qualifies what stands before it.
    #expect(try targets(of: "到2025年，森林覆盖率达到18%以上。\n").first?.indicator == "森林覆盖率")
  }

  @Test func indicator_withoutPlacesAdverbsVerbsAndNamingBrackets() throws {
    let examples = try targets(of: "“十四五”期间计划新增西门文化公园等9座城市公园，率先建成徐汇、黄浦、普陀等3个集聚区。\n")
    #expect(examples.map(described) == ["2025 城市公园 increase 9座", "2025 集聚区 reach 3个"])
    let named = try targets(of: "2024年至2026年新一轮违法用地综合整治三年行动（以下简称“新三年行动”）完成2300亩存量违法用地整治。\n")
    #expect(named.map(described) == ["2026 存量违法用地整治 reach 2300亩"])
    let built = try targets(of: "“十四五”期间，新建改建公园120座，加装电梯2000台。\n")
    #expect(built.map(\.indicator) == ["公园", "电梯"])
    let schools = try targets(of: "到2025年，上海大学附属嘉定实验学校等各级各类学校22所，均需落实海绵城市建设。\n")
    #expect(schools.map(\.indicator) == ["各级各类学校"])
  }

  @Test func indicator_withoutItemNumbersAndTimePhrases() throws {
    let plan = "松江区城市更新2025年度实施计划\n一、行动任务\n6.推进144个“15分钟”社区生活圈建设项目。\n8.实施7公里燃气老化管道改造。\n"
    #expect(try targets(of: plan).map(\.indicator) == ["“15分钟”社区生活圈建设项目", "燃气老化管道改造"])
    let found = try targets(of: "“十四五”期间完成1000公里老化燃气管道改造。2024年年内创建30个停车资源优化项目。\n")
    #expect(found.map(\.indicator) == ["老化燃气管道改造", "停车资源优化项目"])
    // A verb inside a noun (品质提升项目) is none: 完成 is the clause's verb.
    let projects = try targets(of: "2024年-2025年累计完成慢行交通品质提升项目240项。\n")
    #expect(projects.map(described) == ["2025 慢行交通品质提升项目 reach 240项"])
  }

  @Test func indicator_fromTheClauseBeforeWhenTheValuesNamesNothing() throws {
    let plan =
      "上海市交通领域精细化管理三年行动计划（2024-2026年）\n（七）既有运营车站出入口增加电扶梯，三年累计新增19台；既有车站厕所改造新增第三卫生间，三年累计改造新增71座。\n"
    #expect(
      try targets(of: plan).map(described) == ["2026 电扶梯 increase 19台", "2026 第三卫生间 increase 71座"])
    // What a bracket after the value says, or 目标 after 的, names nothing measured.
    let found = try targets(of: "到2025年，全市新增2400户（累计约3600户）大中型餐饮单位纳入监管平台，实现人均避难面积2.3平方米的目标。\n")
    #expect(found.map(\.indicator) == ["全市", "大中型餐饮单位", "人均避难面积"])
    // A verb alone stands when nothing else names the thing.
    #expect(
      try targets(of: "到2025年，完成新增建设13万亩、改造提升11万亩高标准农田任务。\n").map(\.indicator) == ["新增", "高标准农田任务"])
  }

  @Test func parametersStatesAndRates_areNoTargets() throws {
    #expect(try targets(of: "到2025年，人均避难面积按照0.5%增长率逐年递增。\n").isEmpty)
    #expect(try targets(of: "到2024年，服务能级显著提升，目前注册用户数已突破715万，日活峰值近100万。\n").isEmpty)
    // 目前 makes a state of what follows it, not of a value before it.
    #expect(
      try targets(of: "到2025年，绿色工厂达到20家，目前已建成10家。\n").map { "\(Int($0.value))\($0.unit)" } == [
        "20家"
      ])
    #expect(try targets(of: "2021年本区城市体检工作方案\n一、工作内容\n市级层面新增了34个指标。\n").isEmpty)
    let plan = "上海市交通领域精细化管理三年行动计划（2024-2026年）\n（八）2026年底实现公交配套服务占比达到90%。每年投运中小车型公交车200辆。\n"
    #expect(try targets(of: plan).map { "\(Int($0.value))\($0.unit)" } == ["90%"])
    // A year that opens a sentence before the document was written reports what was done.
    let report = "关于科技节水建议的复函\n2000年，全国工业用水重复利用率达到80.9%。\n国务院办公厅\n2003年6月1日\n"
    #expect(try targets(of: report).isEmpty)
  }

  @Test func countsThatDescribe_areNoTargets() throws {
    // A count of the places a share is about, a count of a document's parts, a size
    // before 的, a name in quotes.
    let found = try targets(
      of:
        "到2025年底，松江、青浦、嘉定、奉贤等4个新城建设用地面积50%以上达到海绵城市建设目标要求，围绕以上8个方面开展评估，完成3万平方米节能率不低于15%的既有公共建筑节能改造，联动打造“五个新城”森林生态公园带。\n"
    )
    #expect(found.map { "\(Int($0.value))\($0.unit)" } == ["50%", "3万平方米"])
    // A count of what a colon goes on to list.
    #expect(try targets(of: "到2025年，重点推进3项改革：一是深化审批改革，二是优化服务。\n").isEmpty)
    // The name of a set of positions or rules: 八项主张, as work reports of 1998–2005 write
    // of Taiwan policy; 四项基本原则.
    #expect(
      try targets(
        of: "2005年，我们将坚持“和平统一、一国两制”的基本方针和解决台湾问题的八项主张，坚持四项基本原则。\n"
      ).isEmpty)
    // The laws one decision amends together, in a law's history: a count of documents.
    #expect(
      try targets(
        of: "2022年1月21日省人民代表大会常务委员会第三十三次会议批准的关于修改《某市民用建筑节能条例》等四件地方性法规的决定修正。\n"
      ).isEmpty)
    // …but 50%的目标要求 states the target.
    #expect(try targets(of: "2025年，落实海绵城市达标区面积占建成区50%的目标要求。\n").count == 1)
  }

  @Test(.enabled(if: Corpus.hasReal)) func realPlans_indicatorsAsAReaderNamesThem() throws {
    let shanghai = Corpus.realFiles("shanghai", ext: "md")
    let renewal = try Parsed.file(
      try #require(shanghai.first { $0.lastPathComponent.contains("松江区城市更新2025年度实施计划") }))
    #expect(renewal.targets.first { $0.value == 38 }?.indicator == "区管桥梁桥下空间整治")
    #expect(renewal.targets.first { $0.value == 3.44 }?.indicator == "低效产业用地处置任务")
    let sponge = try Parsed.file(
      try #require(shanghai.first { $0.lastPathComponent.contains("本市系统化全域推进海绵城市建设") }))
    #expect(!sponge.targets.contains { $0.value == 4 })
    let transport = try Parsed.file(
      try #require(shanghai.first { $0.lastPathComponent.contains("城市综合交通体系建设工作方案") }))
    #expect(transport.targets.first { $0.value == 2 && $0.unit == "万个" }?.indicator == "公共充电桩")
  }
}
