import PolicyBytes
import PolicyText

/// Finds the tables among a document's paragraphs and reads their rows, in the three forms
/// tables reach the parser: rows of cells on one line (HTML and Word tables, whose grid the
/// reader kept; tab-separated text; Markdown pipe rows), and tables whose cells were
/// flattened onto paragraphs of their own, one after the other, as the Shanghai documents
/// give them. A flattened table is found by its header (序号 / 重点任务 / 牵头单位 …) and
/// its rows by their 序号 cells; each cell is put in the column it fits (a list of bodies
/// under 牵头单位, a deadline under 完成时限), and a column a row has no cell for was
/// merged with the row above.
struct TaskTableReader {
  package let bytes: UnsafeBufferPointer<UInt8>
  package let paragraphs: [Paragraph]
  package let texts: ParagraphTexts
  package let cellText: TableCellText
  /// The grid of each table row an HTML or Word reader wrote, by the source offset of
  /// the row.
  package let layouts: [TableRowLayout]
  /// The source offset of a byte of the cleaned text.
  package let sourceOffset: (Int) -> Int
  /// Paragraphs no table reaches into: signature, date, 抄送.
  package let closing: Set<Int>

  /// The longest header, in cells.
  static let maximumColumns = 12
  /// The longest row of flattened cells, in paragraphs.
  static let maximumRowParagraphs = 40
  /// The first halves of header cells written over two lines ("牵头" / "部门",
  /// "任务" / "分类", "实施" / "主体").
  static let headerFragments: Set<String> = [
    "牵头", "配合", "责任", "负责", "完成", "工作", "重点", "具体", "主要", "任务", "实施", "协同", "推进",
  ]
  /// Endings of a table's title line: 任务分解表, 责任清单, 一览表, 分工 …
  package static let titleEndings = ["表", "清单", "分工", "台账", "明细", "目录"]
  /// The most bytes a header cell takes: 14 characters and a bracketed note
  /// ("重点任务（2024-2026年）"), blanks between its characters. A longer paragraph is read
  /// as no header cell without making its text.
  static let maximumHeaderCellBytes = 120

  /// - Complexity: O(n) in the paragraphs: a run of row lines is read once, table or not.
  package func tables() -> [TaskTable] {
    var found: [TaskTable] = []
    var index = 0
    while index < paragraphs.count {
      let rows = rowTable(at: index)
      if let table = rows.table ?? flattenedTable(at: index) {
        found.append(table)
        index = max(index + 1, table.paragraphs.upperBound)
      } else {
        index = max(index + 1, rows.end)
      }
    }
    return found
  }

  /// The paragraphs written from the rows of a table whose grid the HTML or Word reader
  /// kept, whatever the table holds.
  func gridRowParagraphs() -> [Int] {
    guard !layouts.isEmpty else { return [] }
    return paragraphs.indices.filter { layout(of: paragraphs[$0].span) != nil }
  }

  // MARK: - Rows of cells on one line

  /// A cell of a row line: its span, trimmed.
  typealias Field = TextSpan

  /// The cells of a paragraph that is a row of a table, with the columns the reader's
  /// grid puts them in; nil for a paragraph that is no row.
  func rowFields(_ index: Int) -> (fields: [Field], columns: [Int]?, merged: Set<Int>, table: Int?)?
  {
    let span = paragraphs[index].span
    if let layout = layout(of: span) {
      let fields = split(span, at: 0x09)
      let columns = fields.count == layout.columns.count ? layout.columns : nil
      return (fields, columns, Set(layout.continued), layout.table)
    }
    if bytes[span.start] == 0x7C {  // | of a Markdown pipe row
      var fields = split(span, at: 0x7C)
      if fields.allSatisfy({ field in
        (field.start..<field.end).allSatisfy { [0x2D, 0x3A, 0x20].contains(bytes[$0]) }
      }) {
        fields = []  // |---|---| separates the header
      }
      return (fields, nil, [], nil)
    }
    if ByteSearch.offset(of: 0x09, in: bytes, within: span.range) != nil {
      return (split(span, at: 0x09), nil, [], nil)
    }
    return nil
  }

  /// The grid the reader kept for the row a paragraph was written from.
  func layout(of span: TextSpan) -> TableRowLayout? {
    guard !layouts.isEmpty else { return nil }
    let offset = sourceOffset(span.start)
    var low = 0
    var high = layouts.count
    while low < high {
      let middle = (low + high) / 2
      if layouts[middle].sourceRange.lowerBound <= offset {
        low = middle + 1
      } else {
        high = middle
      }
    }
    guard low > 0, layouts[low - 1].sourceRange.contains(offset) else { return nil }
    return layouts[low - 1]
  }

  /// The pieces of `span` between separators, without surrounding blanks; empty pieces
  /// dropped (a pipe row's outer bars leave empty ends).
  func split(_ span: TextSpan, at separator: UInt8) -> [Field] {
    var fields: [Field] = []
    var start = span.start
    var position = span.start
    while position <= span.end {
      if position == span.end || bytes[position] == separator {
        let trimmed = UTF8Scalars.trimming(bytes, start..<position) {
          UTF8Scalars.isBlank($0.value)
        }
        if !trimmed.isEmpty { fields.append(TextSpan(trimmed)) }
        start = position + 1
      }
      position += 1
    }
    return fields
  }

  func string(_ span: TextSpan) -> String { String(decoding: bytes[span.range], as: UTF8.self) }

  /// The table whose row lines start at `start`, and where the run of row lines ends
  /// (whether they make a table or not).
  func rowTable(at start: Int) -> (table: TaskTable?, end: Int) {
    guard let first = rowFields(start), !first.fields.isEmpty else { return (nil, start) }
    // The rows: consecutive row lines of one table; a one-cell line between two of them
    // is a group row of a text table.
    var lines: [(paragraph: Int, fields: [Field], columns: [Int]?, merged: Set<Int>)] = []
    var index = start
    while index < paragraphs.count, !closing.contains(index) {
      if let row = rowFields(index), row.table == first.table {
        if !row.fields.isEmpty { lines.append((index, row.fields, row.columns, row.merged)) }
        index += 1
      } else if first.table == nil, index + 1 < paragraphs.count, rowFields(index + 1) != nil,
        texts[index].hasAtMostCharacters(60), !lines.isEmpty
      {
        lines.append((index, [paragraphs[index].span], nil, []))
        index += 1
      } else {
        break
      }
    }
    guard lines.count >= 2 else { return (nil, index) }
    // The header: the first line whose cells are header-like and name known columns.
    guard
      let headerLine = lines.prefix(3).firstIndex(where: { line in
        line.fields.count >= 2 && line.fields.allSatisfy { TableColumn.isHeaderLike(string($0)) }
          && line.fields.contains { TableColumn(header: string($0)) != .other }
      })
    else { return (nil, index) }
    let header = lines[headerLine]
    let headerTexts = header.fields.map(string)
    var columns = Array(
      repeating: TableColumn.other, count: (header.columns?.max() ?? header.fields.count - 1) + 1)
    for (position, field) in header.fields.enumerated() {
      columns[header.columns?[position] ?? position] = TableColumn(header: string(field))
    }
    var title = lines.first.map { $0.paragraph < header.paragraph ? $0.paragraph : nil } ?? nil
    if title == nil { title = titleParagraph(before: start) }
    var table = TaskTable(
      title: title, paragraphs: (title ?? start)..<index,
      header: header.paragraph..<(header.paragraph + 1),
      columns: columns, rows: [])
    var ordinal = 0
    for line in lines[(headerLine + 1)...] {
      let texts = line.fields.map(string)
      if texts == headerTexts { continue }  // the header again, after a page break
      // A row of one cell across the table groups the rows under it.
      if line.fields.count == 1 && columns.count > 2 {
        if let group = groupRow(line.fields[0], paragraph: line.paragraph) {
          table.rows.append(group)
        }
        continue
      }
      var row = TaskTable.Row(kind: .item, paragraph: line.paragraph)
      for (position, field) in line.fields.enumerated() {
        let column = line.columns?[position] ?? position
        if column < columns.count { row.cells[column] = field }
      }
      row.mergedFromAbove = line.merged
      classify(&row, in: table, ordinal: &ordinal)
      table.rows.append(row)
    }
    return (table.rows.isEmpty ? nil : table, index)
  }

  /// A group row from its one cell: "一、知识产权保护方面（共5项）", "四 构建…".
  func groupRow(_ cell: TextSpan, paragraph: Int) -> TaskTable.Row? {
    guard let marker = HeadingMarker.match(in: bytes, at: cell.start, end: cell.end),
      marker.kind != .article,
      marker.kind != .attachment, marker.kind != .column, marker.kind != .ordinalPoint
    else { return nil }
    var row = TaskTable.Row(kind: .group(marker.kind), paragraph: paragraph)
    row.label = TextSpan(cell.start, cell.start + marker.length)
    row.number = marker.number
    var titleStart = cell.start + marker.length
    while titleStart < cell.end,
      UTF8Scalars.isBlank(UTF8Scalars.scalar(in: bytes, at: titleStart).value)
    { titleStart += 1 }
    if titleStart < cell.end { row.groupTitle = TextSpan(titleStart, cell.end) }
    return row
  }

  /// Decides what a row with its cells in place is: an item (numbered by its 序号 cell,
  /// or by its place without a 序号 column), a group (a Chinese numeral in the 序号 cell
  /// of a table numbered otherwise, with a task and no bodies), or a continuation of the
  /// item above (no 序号 of its own).
  func classify(_ row: inout TaskTable.Row, in table: TaskTable, ordinal: inout Int) {
    guard let numberColumn = table.columns.firstIndex(of: .number) else {
      ordinal += 1
      row.number = ordinal
      return
    }
    guard let cell = row.cells[numberColumn], !row.mergedFromAbove.contains(numberColumn),
      let serial = TableCellText.serial(string(cell))
    else {
      row.kind = .continuation
      return
    }
    row.label = cell
    row.number = serial.number
    let hasBodies = row.cells.keys.contains { table.columns[$0].holdsBodies }
    if serial.kind == .chineseOrdinal && !hasBodies && row.cells.count <= 2 {
      row.kind = .group(.chineseOrdinal)
      let cells = row.cells
      row.groupTitle = table.taskColumns.compactMap { cells[$0] }.first
    }
  }

  /// The title line just before a table ("…任务分解表"), if there is one.
  func titleParagraph(before start: Int) -> Int? {
    guard start > 0, !closing.contains(start - 1), paragraphs[start - 1].marker == nil else {
      return nil
    }
    let text = texts[start - 1]
    guard text.hasAtMostCharacters(60), !text.containsBytes("。"),
      Self.titleEndings.contains(where: { text.withoutBracketedTail.hasSuffixBytes($0) })
    else { return nil }
    return start - 1
  }
}

extension String {
  /// The title without a bracketed note at its end ("…任务分解表（2024-2026年）").
  fileprivate var withoutBracketedTail: String {
    guard hasSuffixBytes("）") || hasSuffixBytes(")"),
      let open = lastIndex(where: { $0 == "（" || $0 == "(" })
    else {
      return self
    }
    return String(self[..<open])
  }
}
