import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// Task tables of real documents in `../shared/corpus-real` (skipped when it is absent).
extension TaskTableTests {
  /// The Shanghai transport plan's task table (flattened, 17 rows under three groups, rows
  /// whose 内容 cell is merged with the row above).
  @Test func realFlattenedTable_shanghaiTransport() throws {
    guard let real = Corpus.real else { return }
    let document = try Parsed.file(
      real.appendingPathComponent("shanghai/工程建设管理/上海市交通委员会关于印发《上海市城市综合交通体系建设工作方案》的通知.md"))
    let rowMeasures = document.measures.filter { document.sections[$0.section].kind == .tableRow }
    #expect(rowMeasures.map(\.number) == Array(1...17).map { Optional($0) })
    let row3 = try #require(rowMeasures.first { $0.number == 3 })
    #expect(row3.title == "有序推进城市快速干线交通系统建设")
    #expect(document.departments(of: row3, role: .lead) == ["交通建设处"])
    #expect(document.departments(of: row3, role: .cooperating) == ["设施养护处"])
  }

  /// A flattened table whose 事项 and 责任单位 cells are merged over four rows (附表1 of the
  /// transport photovoltaic plan): every row of the merge has the body, not only the second.
  @Test func realFlattenedTable_cellMergedOverManyRows() throws {
    guard let real = Corpus.real else { return }
    let document = try Parsed.file(
      real.appendingPathComponent(
        "shanghai/绿色低碳与节能/上海市交通委员会、上海市发展和改革委员会关于印发《上海交通领域光伏推广应用实施方案》的通知.md"))
    let rows = document.measures.filter { document.sections[$0.section].kind == .tableRow }
    for number in 1...4 {
      let row = try #require(rows.first { $0.number == number })
      #expect(document.departments(of: row, role: .responsible) == ["申通地铁集团"], "row \(number)")
    }
    let row7 = try #require(rows.first { $0.number == 7 })
    #expect(document.departments(of: row7, role: .responsible) == ["中国铁路上海局"])
  }

  /// The State Council's list of reforms (an HTML table with group rows across it): 指导部门
  /// carries no role, and the rows are measures under their groups.
  @Test func realHTMLTable_stateCouncilReforms() throws {
    guard let real = Corpus.real else { return }
    let document = try Parsed.file(
      real.appendingPathComponent("state-council/010_国务院办公厅关于推广第二批支持创新相关改革举措的通知.html"))
    let rowMeasures = document.measures.filter { document.sections[$0.section].kind == .tableRow }
    #expect(rowMeasures.count == 17)
    #expect(rowMeasures.first?.title == "知识产权民事、刑事、行政案件“三合一”审判")
    #expect(rowMeasures.allSatisfy { $0.responsibilities.isEmpty })
    let group = try #require(rowMeasures.first.flatMap { document.sections[$0.section].parent })
    #expect(document.sections[group].label == "一、")
  }

  /// A table without 序号 that numbers its task cells under merged group cells (任务分类 |
  /// 主要方向 | 重点任务 … | 牵头部门 | 配合部门 | 实施主体), as the Shanghai transport
  /// plan's: groups nest by their numbering, a cell of bodies written over two lines is one
  /// cell, a row without bodies has the row above's, a note under a row is a cell.
  /// The same table with the plan's next parts after it: numbering shallower than the
  /// table's cells use (二、 after （一） / 1、 / （1）) is the document's, and ends it.
  @Test func realNumberedCellsTable_endsAtShallowerNumbering() throws {
    guard let real = Corpus.real else { return }
    let url = real.appendingPathComponent(
      "shanghai/工程建设管理/上海市交通委员会关于印发《上海市交通领域精细化管理三年行动计划(2024-2026年)》的通知.md")
    let text =
      try String(contentsOf: url, encoding: .utf8)
      + "\n\n二、强化督查考核\n\n（1）开展年度评估。市交通委负责组织评估。\n\n（2）加强考核。市交通委负责考核。\n"
    let document = PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: url.path, format: .markdown))
    #expect(
      document.measures.filter { document.sections[$0.section].kind == .tableRow }.count == 35)
    // The items after it are the part's, with their own clauses, not rows taking the
    // bodies of the table's last row.
    let items = document.measures.suffix(2)
    #expect(items.map(\.title) == ["开展年度评估", "加强考核"])
    for item in items {
      #expect(document.sections[item.section].kind != .tableRow)
      #expect(document.departments(of: item, role: .responsible) == ["市交通委"])
      #expect(document.departments(of: item, role: .lead).isEmpty)
    }
  }

  @Test func realNumberedCellsTable_shanghaiRefinedManagement() throws {
    guard let real = Corpus.real else { return }
    let document = try Parsed.file(
      real.appendingPathComponent(
        "shanghai/工程建设管理/上海市交通委员会关于印发《上海市交通领域精细化管理三年行动计划(2024-2026年)》的通知.md"))
    let rowMeasures = document.measures.filter { document.sections[$0.section].kind == .tableRow }
    #expect(rowMeasures.count == 35)
    let first = try #require(rowMeasures.first)
    #expect(first.title == "建设精品道路300条。")
    #expect(first.path.suffix(2) == ["（一）提升交通设施环境品质", "1、改善城市道路环境"])
    let fourth = try #require(rowMeasures.first { $0.number == 4 })
    #expect(document.departments(of: fourth, role: .lead) == ["设施运行处", "设施养护处"])
    #expect(document.departments(of: fourth, role: .responsible) == ["各区"])
    let laws = try #require(rowMeasures.first { $0.number == 27 })
    #expect(document.departments(of: laws, role: .lead) == ["法规处"])
  }
}
