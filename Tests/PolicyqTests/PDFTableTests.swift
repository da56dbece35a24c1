import Foundation
import PolicyTestSupport
import Testing

/// Task tables in PDFs rebuilt from where their cells stand (issue 17): a table printed by
/// Chromium from HTML (cells set in the middle of their rows) and by LibreOffice from a
/// .docx (cells at the top, rows as tight as lines) extracts the same measures, with the
/// same 牵头 and 配合 departments and deadlines, as its source; a label/value list and
/// ordinary paragraphs are not taken for a table.
@Suite struct PDFTableTests {
  /// The paragraphs before the table, the table's rows (cells; "" an empty cell), and the
  /// paragraph after it.
  static let opening = [
    "为贯彻落实市委、市政府关于推进城市更新的决策部署，加快转变城市发展方式，提升城市功能品质，结合本市实际，制定本方案。",
    "各区、各部门要加强组织领导，压实工作责任，按照任务分工抓好落实，确保各项任务按期完成。",
    "附件：重点任务分工表",
  ]
  static let rows = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    [
      "1", "建立健全城市更新项目储备库，完善项目遴选和动态调整机制，推动重点片区整体更新改造", "市住房城乡建设委",
      "市发展改革委、市财政局、市规划资源局", "2025年底前",
    ],
    ["2", "推进老旧小区改造", "市住房城乡建设委、市民政局", "各区政府", "持续推进"],
    [
      "3", "完善城市更新资金保障机制，统筹用好中央和地方各类资金渠道，鼓励社会资本参与城市更新项目建设运营", "市财政局",
      "市发展改革委、市地方金融管理局", "2026年6月底前",
    ],
    ["4", "加强历史风貌保护", "市规划资源局", "", "长期坚持"],
  ]
  static let closing = "各区政府要结合实际，制定具体实施方案，确保各项任务落到实处。"

  /// What a user compares: each measure's text, and each clause's departments with
  /// their roles and its deadline (letters only: see `PDFSeedTests.letters`).
  static func items(_ path: String) throws -> [String] {
    let document = try PDFSeedTests.extract(path)
    let measures = (document["measures"] as? [[String: Any]] ?? []).map {
      "measure \(PDFSeedTests.letters($0["text"]))"
    }
    let clauses = (document["responsibilities"] as? [[String: Any]] ?? []).map { clause in
      let departments = (clause["departments"] as? [[String: Any]] ?? []).map {
        "\(PDFSeedTests.letters($0["name"])):\(String(describing: $0["role"] ?? ""))"
      }
      return
        "clause \(departments.joined(separator: ",")) \(PDFSeedTests.letters(clause["deadline"]))"
    }
    return measures + clauses
  }

  /// The rows of a table `policyq text` wrote for a file: its lines with tabs.
  static func tableLines(_ path: String) throws -> [String] {
    let result = try Policyq.run(["text", path], bounds: .standard)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init).filter { $0.contains("\t") }
  }

  static func folder(_ name: String) throws -> URL {
    let folder = Scratch.root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test(.enabled(if: PrintedPDF.chromium != nil, "chromium is not installed"))
  func chromiumTaskTable_extractsAsItsHTML() throws {
    let folder = try Self.folder("table-html")
    let cells = Self.rows.map { row in
      "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>"
    }
    let html = folder.appendingPathComponent("plan.html")
    try Data(
      """
      <!doctype html><html><head><meta charset="utf-8"><title>方案</title><style>
      body { font-family: 'Noto Serif CJK SC', serif; font-size: 14pt; }
      p { text-indent: 2em; margin: 0; }
      table { border-collapse: collapse; width: 100%; } td { border: 1px solid #000; padding: 4px; }
      </style></head><body>\(Self.opening.map { "<p>\($0)</p>" }.joined())
      <table>\(cells.joined())</table><p>\(Self.closing)</p></body></html>
      """.utf8
    ).write(to: html)
    let pdf = folder.appendingPathComponent("plan.pdf")
    #expect(try PrintedPDF.printHTML(html, to: pdf))
    // One line a row, its cells between tabs, wrapped cells joined.
    let lines = try Self.tableLines(pdf.path)
    #expect(lines == Self.rows.map { $0.filter { !$0.isEmpty }.joined(separator: "\t") })
    let fromHTML = try Self.items(html.path)
    let fromPDF = try Self.items(pdf.path)
    #expect(fromHTML.filter { $0.hasPrefix("measure") }.count == 4)
    #expect(fromPDF == fromHTML)
  }

  @Test(.enabled(if: PrintedPDF.soffice != nil, "LibreOffice (soffice) is not installed"))
  func wordTaskTable_extractsAsItsDocx() throws {
    let folder = try Self.folder("table-docx")
    let text =
      (Self.opening + Self.rows.map { $0.joined(separator: "\t") } + [Self.closing])
      .joined(separator: "\n")
    let docx = folder.appendingPathComponent("plan.docx")
    try PrintedPDF.makeDocx(text: text, to: docx)
    let pdf = try #require(try PrintedPDF.convert([docx], to: "pdf", in: folder).first)
    let lines = try Self.tableLines(pdf.path)
    #expect(lines == Self.rows.map { $0.filter { !$0.isEmpty }.joined(separator: "\t") })
    let fromDocx = try Self.items(docx.path)
    let fromPDF = try Self.items(pdf.path)
    #expect(fromDocx.filter { $0.hasPrefix("measure") }.count == 4)
    // The empty 配合单位 of row 4 keeps 长期坚持 in 完成时限: the grid's columns.
    #expect(fromPDF.contains { $0.hasPrefix("clause 市规划资源局:lead 长期坚持") }, "\(fromPDF)")
    #expect(fromPDF == fromDocx)
  }

  /// A task table over three pages, with heading rows across it (一、… 二、…) and rows
  /// cut by page breaks, printed by LibreOffice: every row a measure with its departments,
  /// as in the .docx.
  @Test(.enabled(if: PrintedPDF.soffice != nil, "LibreOffice (soffice) is not installed"))
  func tableOverPages_extractsAsItsDocx() throws {
    let folder = try Self.folder("table-pages")
    let task = "完善工作机制，加强统筹协调，细化工作措施，明确责任分工和时间节点，强化督促检查和考核评估，确保各项工作取得实效"
    var rows = [Self.rows[0].joined(separator: "\t")]
    for number in 1...18 {
      if number % 6 == 1 { rows.append("\(["一", "二", "三"][number / 6])、第\(number / 6 + 1)类重点任务") }
      rows.append(
        ["\(number)", "第\(number)项任务：\(task)", "市发展改革委", "市财政局、市民政局", "2025年底前"]
          .joined(separator: "\t"))
    }
    let text = (Self.opening + rows + [Self.closing]).joined(separator: "\n")
    let docx = folder.appendingPathComponent("plan.docx")
    try PrintedPDF.makeDocx(text: text, to: docx)
    let pdf = try #require(try PrintedPDF.convert([docx], to: "pdf", in: folder).first)
    let pages = try Policyq.run(["extract", "--format", "jsonl", pdf.path], bounds: .standard)
    #expect(pages.stdout.contains("\"page\":3"), "the table should reach page 3")
    let fromDocx = try Self.items(docx.path)
    let fromPDF = try Self.items(pdf.path)
    #expect(fromDocx.filter { $0.hasPrefix("measure") }.count >= 18)
    #expect(fromPDF == fromDocx)
  }

  @Test(.enabled(if: PrintedPDF.chromium != nil, "chromium is not installed"))
  func labelsAndParagraphs_areNoTable() throws {
    let folder = try Self.folder("table-none")
    let labels = [
      ("联系单位", "市住房城乡建设委"), ("联系人", "张明"), ("联系电话", "021-12345678"), ("地址", "人民大道200号"),
    ]
    let rows = labels.map { "<tr><td>\($0.0)</td><td>\($0.1)</td></tr>" }.joined()
    let html = folder.appendingPathComponent("notice.html")
    try Data(
      """
      <!doctype html><html><head><meta charset="utf-8"><title>通知</title><style>
      body { font-family: 'Noto Serif CJK SC', serif; font-size: 14pt; } p { margin: 0; }
      </style></head><body>\(Self.opening.dropLast().map { "<p>\($0)</p>" }.joined())
      <p>一、工作目标　二、主要任务　三、保障措施</p><p>\(Self.closing)</p>
      <table>\(rows)</table><p>\(Self.closing)</p></body></html>
      """.utf8
    ).write(to: html)
    let pdf = folder.appendingPathComponent("notice.pdf")
    #expect(try PrintedPDF.printHTML(html, to: pdf))
    #expect(try Self.tableLines(pdf.path).isEmpty)
    let result = try Policyq.run(["text", pdf.path], bounds: .standard)
    #expect(result.stdout.contains("联系电话"))
  }
}
