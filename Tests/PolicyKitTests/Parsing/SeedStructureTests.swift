import Foundation
import PolicyModel
import Testing

@testable import PolicyKit

/// What a researcher checks in the outline, measures and clauses of the five seeds.
@Suite struct SeedStructureTests {
  @Test func seed000_nineteenMeasuresInSixGroups_andFourSafeguards() throws {
    let document = try Parsed.seed("000")
    // 1.–19. of 三、重点任务, then （一）…（四） of 四、保障措施: safeguards are measures too.
    #expect(document.measures.map(\.number) == (Array(1...19) + Array(1...4)).map { Optional($0) })
    let tasks = document.measures.prefix(19)
    let groups = Set(tasks.compactMap { document.sections[$0.section].parent })
    #expect(groups.count == 6)
    #expect(groups.map { document.sections[$0].number ?? 0 }.sorted() == [1, 2, 3, 4, 5, 6])
    let measure1 = try #require(document.measure("1."))
    #expect(measure1.title == "推动能源消费低碳化转型")
    #expect(measure1.path == ["三、重点任务", "（一）推动现有产业全面绿色转型"])
    #expect(measure1.leadSentence.hasPrefix("实施水泥、陶瓷、平板玻璃、有色金属等重点行业节能降碳改造升级专项行动"))
    let measure19 = try #require(document.measure("19."))
    #expect(measure19.title == "建设高素质人才队伍")
    #expect(measure19.path.last == "(六)完善产业绿色发展支撑体系")
    #expect(document.measures[19].title == "加强组织领导")
    #expect(document.measures[19].path == ["四、实施保障"])
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
  }

  @Test func seed000_measure5Roles() throws {
    let document = try Parsed.seed("000")
    let measure = try #require(document.measure("5."))
    #expect(document.departments(of: measure, .lead) == ["区经济信息委"])
    #expect(
      document.departments(of: measure, .cooperating) == [
        "区科技局", "区交通局", "区招商投资局", "区新城建管委", "凤凰湖产业促进中心",
      ])
    let clause = document.responsibilities[try #require(measure.responsibilities.first)]
    let lead = try #require(clause.departments.first)
    #expect(lead.levelPrefix == "区")
    #expect(lead.canonical == "经济信息委")
    #expect(document.string(lead.span) == "区经济信息委")
  }

  @Test func seed000_everyMeasureHasItsClause_splitOnesIncluded() throws {
    let document = try Parsed.seed("000")
    for measure in document.measures {
      #expect(!measure.responsibilities.isEmpty, "\(measure.label) has no clause")
    }
    let measure3 = try #require(document.measure("3."))
    #expect(
      document.departments(of: measure3, .responsible) == ["区发展改革委", "区经济信息委", "区生态环境局", "区城市管理局"])
    // The clause on its own line after measure 8's text still belongs to it.
    let measure8 = try #require(document.measure("8."))
    #expect(document.departments(of: measure8, .lead) == ["区能源局"])
    let measure14 = try #require(document.measure("14."))
    #expect(document.departments(of: measure14, .lead) == ["区经济信息委", "区科技局"])
    #expect(document.departments(of: measure14, .cooperating) == ["区发展改革委", "区教委"])
    let measure9 = try #require(document.measure("9."))
    #expect(document.departments(of: measure9, .responsible) == ["区经济信息委"])
  }

  @Test func seed001_runInGroupsAsMeasures_labelledAndUnlabelledClauses() throws {
    let document = try Parsed.seed("001")
    // （一）…（八） of 三、, then 四、保障措施's （一）…（四）, which restart their numbering.
    #expect(
      document.measures.map(\.label) == [
        "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（一）", "（二）", "（三）", "（四）",
      ])
    #expect(document.measures[0].title == "绿色化数字化协同发展")
    let measure7 = try #require(document.measure("（七）"))
    #expect(document.departments(of: measure7, .lead) == ["人行重庆市分行"])
    #expect(document.departments(of: measure7, .cooperating).first == "市经济信息委")
    let measure2 = try #require(document.measure("（二）"))
    #expect(document.departments(of: measure2, .responsible) == ["市发展改革委", "市经济信息委", "市能源局"])
    #expect(
      document.measures.contains {
        $0.title == "强化责任落实" && $0.path.first?.hasSuffix("保障措施") == true
      })
  }

  @Test func seed002_continuousNumberingAcrossParts() throws {
    let document = try Parsed.seed("002")
    let groups = document.sections.filter { $0.kind == .parenthesizedChineseOrdinal }
    #expect(groups.map(\.number) == Array(1...24).map { Optional($0) })
    // Measures: （三）…（二十四); （一）指导思想 and （二）主要目标 frame the plan, and （六）
    // only groups its items 1.–3., which are the measures there.
    #expect(
      document.measures.map(\.number) == ([3, 4, 5, 1, 2, 3] + Array(7...24)).map { Optional($0) })
    let measure3 = try #require(document.measure("（三）"))
    #expect(document.departments(of: measure3, .lead) == ["区碳达峰碳中和工作领导小组"])
    #expect(document.departments(of: measure3, .responsible).prefix(2) == ["区发展改革委", "区经济信息委"])
    // （六）'s three items each close with a clause of their own.
    let group6 = try #require(document.sections.firstIndex { $0.label == "（六）" })
    let items = document.measures.filter { document.sections[$0.section].parent == group6 }
    #expect(items.map(\.label) == ["1.", "2.", "3."])
    #expect(items.allSatisfy { $0.responsibilities.count == 1 })
    #expect(items.allSatisfy { !document.departments(of: $0, .responsible).isEmpty })
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
  }

  @Test func seed003_twentySevenMeasuresAndFiveColumns() throws {
    let document = try Parsed.seed("003")
    #expect(document.measures.map(\.number) == Array(1...27).map { Optional($0) })
    // 23–27 continue the numbering under 四、保障措施.
    let part4 = try #require(document.sections.first { $0.label == "四、" })
    #expect(
      document.measures.filter { $0.number! >= 23 }.allSatisfy {
        document.sections[$0.section].parent == document.sections.firstIndex(of: part4)
      })
    let columns = document.sections.enumerated().filter { $0.element.kind == .column }
    #expect(columns.count == 5)
    // Each box belongs to the measure before it.
    let hosts = columns.map { document.sections[$0.element.parent!].number }
    #expect(hosts == [1, 2, 3, 10, 17])
    #expect(document.measure("10.")?.columns.count == 1)
    // The box of measure 10 holds an item "1." of its own, which is not a measure.
    let box = try #require(columns.first { $0.element.title == "节能环保产业项目" })
    let item = try #require(document.sections.first { $0.parent == box.offset })
    #expect(item.label == "1.")
    #expect(!document.measures.contains { $0.section == document.sections.firstIndex(of: item) })
    #expect(!(document.measure("10.")?.text.contains("推动宗申动力") ?? true))
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
  }

  @Test func seed004_sixRunInTasksInTraditional() throws {
    let document = try Parsed.seed("004")
    #expect(
      document.measures.map(\.title) == [
        "嚴守產業政策底線", "實施節能降碳行動", "實施工業環保行動", "推進資源綜合利用", "發展節能環保產業", "構建綠色制造體系",
      ])
  }
}

extension Section: Identifiable {}
