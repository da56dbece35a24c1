import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// Task tables (任务分工表) in every form they reach the parser: rows become measures of a
/// table section, with their roles and deadlines; merged cells carry down.
@Suite struct TaskTableTests {
  /// The front matter and first task part the Markdown tables below follow.
  static let planOpening = """
    ---
    标题: 某方案
    ---

    一、重点任务

    （一）推进改革。深化改革。

    """

  func parse(_ text: String, format: SourceFormat, path: String = "plan") throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: path, format: format))
  }

  func parse(docx xml: String) throws -> PolicyDocument {
    let bytes = try DOCXReaderTests.makeDocx(documentXML: xml)
    return PolicyParser().parse(
      try DocumentReader().read(bytes: bytes, path: "plan.docx", format: .docx))
  }

  /// Each measure as "path: lead | roles | deadline".
  func rows(_ document: PolicyDocument) -> [String] {
    document.measures.map { measure in
      var chain: [String] = []
      var current: Int? = measure.section
      while let index = current {
        let section = document.sections[index]
        if section.kind != .table {
          chain.insert(section.label.isEmpty ? "#\(section.number ?? 0)" : section.label, at: 0)
        }
        current = section.parent
      }
      let roles = measure.responsibilities.flatMap {
        document.responsibilities[$0].departments.map { "\($0.role.rawValue):\($0.name)" }
      }
      let deadline =
        measure.responsibilities.compactMap { document.responsibilities[$0].deadline }.first ?? "-"
      return
        "\(chain.joined(separator: " ")): \(measure.title) | \(roles.joined(separator: ",")) | \(deadline)"
    }
  }

  /// An HTML table: a group row across the table, a 牵头单位 cell merged over two rows
  /// (rowspan), and a sub-row whose 序号 is merged into the row above.
  @Test func htmlTable_rowspansCarryDown() throws {
    let html = """
      <html><body><p>附件</p><p>重点任务分工表</p><table>
      <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
      <tr><td colspan="5">一、推进绿色转型</td></tr>
      <tr><td rowspan="2">1</td><td>创建绿色工厂</td><td rowspan="3">区经济信息委</td><td>区发展改革委</td><td>2025年底</td></tr>
      <tr><td>建设绿色园区</td><td>区规划资源局</td><td>持续推进</td></tr>
      <tr><td>2</td><td>推广节能技术</td><td></td><td>2024年6月</td></tr>
      </table></body></html>
      """
    let document = try parse(html, format: .html, path: "plan.html")
    #expect(
      rows(document) == [
        "附件 一、 1: 创建绿色工厂 | lead:区经济信息委,cooperating:区发展改革委,lead:区经济信息委,cooperating:区规划资源局 | 2025年底",
        "附件 一、 2: 推广节能技术 | lead:区经济信息委 | 2024年6月",
      ])
  }

  /// A Word table: cells merged down (w:vMerge) and across (w:gridSpan).
  @Test func docxTable_verticalMergesCarryDown() throws {
    func cell(_ text: String, _ properties: String = "") -> String {
      "<w:tc>\(properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>")<w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
    }
    let merged = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    let xml = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
      <w:p><w:r><w:t>责任分工表</w:t></w:r></w:p>
      <w:tbl>
      <w:tr>\(cell("序号"))\(cell("工作任务"))\(cell("责任单位"))</w:tr>
      <w:tr>\(cell("一、完善制度", "<w:gridSpan w:val=\"3\"/>"))</w:tr>
      <w:tr>\(cell("1"))\(cell("修订管理办法"))\(cell("市交通委", "<w:vMerge w:val=\"restart\"/>"))</w:tr>
      <w:tr>\(cell("2"))\(cell("建立考核机制"))\(merged)</w:tr>
      </w:tbl></w:body></w:document>
      """
    let document = try parse(docx: xml)
    #expect(
      rows(document) == [
        "一、 1: 修订管理办法 | responsible:市交通委 | -",
        "一、 2: 建立考核机制 | responsible:市交通委 | -",
      ])
  }

  /// A Markdown pipe table.
  @Test func pipeTable() throws {
    let markdown =
      Self.planOpening + """

        附件

        | 序号 | 具体措施 | 牵头部门 | 配合部门 |
        |---|---|---|---|
        | 1 | 优化审批流程 | 区政务办 | 各街镇 |
        | 2 | 推行告知承诺 | 区司法局 | — |
        """
    let document = try parse(markdown, format: .markdown, path: "plan.md")
    #expect(
      rows(document) == [
        "一、 （一）: 推进改革 |  | -",
        "附件 1: 优化审批流程 | lead:区政务办,cooperating:各街镇 | -",
        "附件 2: 推行告知承诺 | lead:区司法局 | -",
      ])
  }

  /// A table flattened one cell per paragraph, as the Shanghai documents give them: the
  /// header split over lines, a row whose task cell is merged with the row above (it has
  /// its own 序号 and bodies), a sub-row without 序号, and a cell holding "1." text.
  @Test func flattenedTable_cellsPlacedByWhatTheyHold() throws {
    let markdown =
      Self.planOpening + """

        重点任务分解表

        序号

        内容

        牵头

        部门

        配合部门

        2024年工作任务

        一、科学编制规划

        1

        科学编制综合交通规划

        综合规划处

        委内各相关处室

        1.继续完善编制规划基本思路。

        2

        交通建设处

        设施养护处

        有序推进快速路项目建设。

        """
    let document = try parse(markdown, format: .markdown, path: "plan.md")
    #expect(
      rows(document) == [
        "一、 （一）: 推进改革 |  | -",
        "一、 1: 科学编制综合交通规划 | lead:综合规划处 | -",
        "一、 2: 科学编制综合交通规划 | lead:交通建设处,cooperating:设施养护处 | -",
      ])
  }

  /// A flattened table in the body ends where the document's next part begins: "三、保障
  /// 措施" is followed by no 序号, so it is no group row, and its items are the part's own.
  @Test func flattenedTable_endsAtTheNextPart() throws {
    let markdown = """
      二、主要任务

      序号

      重点任务

      牵头单位

      完成时限

      1

      修订管理办法

      区建设管理委

      2025年底

      2

      建设信息平台

      区数据局

      2026年6月

      三、保障措施

      （一）加强组织领导。区政府成立工作专班，区建设管理委负责日常工作。

      （二）强化资金保障。区财政局负责落实资金。

      """
    let document = try parse(markdown, format: .markdown, path: "plan.md")
    #expect(
      rows(document) == [
        "二、 1: 修订管理办法 | lead:区建设管理委 | 2025年底",
        "二、 2: 建设信息平台 | lead:区数据局 | 2026年6月",
        "三、 （一）: 加强组织领导 | responsible:区建设管理委 | -",
        "三、 （二）: 强化资金保障 | responsible:区财政局 | -",
      ])
  }

  /// A titled table of scoring criteria (项目 / 序号 / 评分内容 / 评分标准 / 扣分), flattened
  /// one cell per paragraph after the last part: no task table, and its cells
  /// ("2.未制定…的扣2分") are no items of the part before it.
  @Test func titledCriteriaTable_cellsAreNoItems() throws {
    let markdown = """
      一、工作要求

      （一）落实责任。各单位要落实消防安全责任。

      （二）长效管理。建立长效机制。

      文物建筑消防安全考核评分细则表(试行)

      项目

      序号

      评分内容

      评分标准

      扣分

      消防安全责任14分

      1

      建立消防安全管理体系（2分）。

      1.未确定消防安全责任人的一票否决。

      2.未制定消防安全职责的扣2分

      2

      明确消防安全管理人（2分）。

      未确定管理人员的扣2分。

      """
    let document = try parse(markdown, format: .markdown, path: "plan.md")
    #expect(rows(document) == ["一、 （一）: 落实责任 |  | -", "一、 （二）: 长效管理 |  | -"])
  }

  /// A project list (项目名称, 建设规模, no column of bodies) is no task table: its rows are
  /// no measures, and its cells ("1.《公路法》第八条") no headings.
  @Test func projectList_isNoTaskTable() throws {
    let markdown =
      "一、重点任务\n\n（一）推进改革。深化改革。\n\n项目计划表\n\n序号\n\n项目名称\n\n建设规模\n\n1\n\n南桥公园\n\n1.《公路法》第八条\n\n2\n\n庄行公园\n\n30公顷\n"
    let document = try parse(markdown, format: .markdown, path: "plan.md")
    #expect(document.measures.map(\.label) == ["（一）"])
    #expect(!document.sections.contains { $0.label == "1." })
  }

  /// Whatever cells follow a header (numbers, bodies, text, deadlines, dashes in any
  /// order), reading them ends, and gives no more rows than there are cells.
  @Test func flattenedCells_anyOrder_readingEnds() throws {
    let kinds = ["3", "区交通委", "推进道路建设", "2025年底", "—", "一、重点任务", "区规划资源局、各街镇", "（二）"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let count = Int.random(in: 1...30, using: &generator)
      let cells = (0..<count).map { _ in kinds.randomElement(using: &generator)! }
      let text = (["附件", "分工表", "序号", "重点任务", "牵头单位", "配合单位", "完成时限", "1"] + cells).joined(
        separator: "\n\n")
      let document = try parse(text, format: .markdown, path: "plan.md")
      #expect(document.measures.count <= count + 1)
    }
  }

  /// A table of duties without 序号 (单位 | 职责分工): each body's row is an item of its
  /// own, numbered by its place, the body responsible.
  @Test func dutyTable_withoutSerials() throws {
    let markdown =
      "附件2\n\n协调机制成员单位职责分工\n\n单位\n\n职责分工\n\n区规划资源局\n\n拟定整治工作方案，统筹推进整治工作。\n\n区发展改革委\n\n负责相关项目的立项工作。\n"
    let document = try parse(markdown, format: .markdown, path: "plan.md")
    #expect(
      rows(document) == [
        "附件2 #1: 拟定整治工作方案，统筹推进整治工作。 | responsible:区规划资源局 | -",
        "附件2 #2: 负责相关项目的立项工作。 | responsible:区发展改革委 | -",
      ])
  }

  /// A bare Chinese numeral in the 序号 column of a table numbered （一）（二） groups the
  /// rows under it; a group whose rows were cut is no measure.
  @Test func flattenedGroupRows_andEmptyGroups() throws {
    let markdown =
      "任务分工表\n\n序号\n\n工作任务\n\n牵头单位\n\n二\n\n构建闭环管理体系\n\n（一）\n\n加强备案申报管理\n\n区建设管理委\n\n三\n\n构建执法体系\n"
    let document = try parse(markdown, format: .markdown, path: "plan.md")
    #expect(rows(document) == ["二 （一）: 加强备案申报管理 | lead:区建设管理委 | -"])
  }

}
