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
  static let headerFragments: Set<String> = ["牵头", "配合", "责任", "负责", "完成", "工作", "重点", "具体", "主要", "任务", "实施", "协同", "推进"]
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
  private typealias Field = TextSpan

  /// The cells of a paragraph that is a row of a table, with the columns the reader's
  /// grid puts them in; nil for a paragraph that is no row.
  private func rowFields(_ index: Int) -> (fields: [Field], columns: [Int]?, merged: Set<Int>, table: Int?)? {
    let span = paragraphs[index].span
    if let layout = layout(of: span) {
      let fields = split(span, at: 0x09)
      let columns = fields.count == layout.columns.count ? layout.columns : nil
      return (fields, columns, Set(layout.continued), layout.table)
    }
    if bytes[span.start] == 0x7C {  // | of a Markdown pipe row
      var fields = split(span, at: 0x7C)
      if fields.allSatisfy({ field in (field.start..<field.end).allSatisfy { [0x2D, 0x3A, 0x20].contains(bytes[$0]) } }) {
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
  private func layout(of span: TextSpan) -> TableRowLayout? {
    guard !layouts.isEmpty else { return nil }
    let offset = sourceOffset(span.start)
    var low = 0
    var high = layouts.count
    while low < high {
      let middle = (low + high) / 2
      if layouts[middle].sourceRange.lowerBound <= offset { low = middle + 1 } else { high = middle }
    }
    guard low > 0, layouts[low - 1].sourceRange.contains(offset) else { return nil }
    return layouts[low - 1]
  }

  /// The pieces of `span` between separators, without surrounding blanks; empty pieces
  /// dropped (a pipe row's outer bars leave empty ends).
  private func split(_ span: TextSpan, at separator: UInt8) -> [Field] {
    var fields: [Field] = []
    var start = span.start
    var position = span.start
    while position <= span.end {
      if position == span.end || bytes[position] == separator {
        let trimmed = UTF8Scalars.trimming(bytes, start..<position) { UTF8Scalars.isBlank($0.value) }
        if !trimmed.isEmpty { fields.append(TextSpan(trimmed)) }
        start = position + 1
      }
      position += 1
    }
    return fields
  }

  private func string(_ span: TextSpan) -> String { String(decoding: bytes[span.range], as: UTF8.self) }

  /// The table whose row lines start at `start`, and where the run of row lines ends
  /// (whether they make a table or not).
  private func rowTable(at start: Int) -> (table: TaskTable?, end: Int) {
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
    guard let headerLine = lines.prefix(3).firstIndex(where: { line in
      line.fields.count >= 2 && line.fields.allSatisfy { TableColumn.isHeaderLike(string($0)) }
        && line.fields.contains { TableColumn(header: string($0)) != .other }
    }) else { return (nil, index) }
    let header = lines[headerLine]
    let headerTexts = header.fields.map(string)
    var columns = Array(repeating: TableColumn.other, count: (header.columns?.max() ?? header.fields.count - 1) + 1)
    for (position, field) in header.fields.enumerated() {
      columns[header.columns?[position] ?? position] = TableColumn(header: string(field))
    }
    var title = lines.first.map { $0.paragraph < header.paragraph ? $0.paragraph : nil } ?? nil
    if title == nil { title = titleParagraph(before: start) }
    var table = TaskTable(
      title: title, paragraphs: (title ?? start)..<index, header: header.paragraph..<(header.paragraph + 1),
      columns: columns, rows: [])
    var ordinal = 0
    for line in lines[(headerLine + 1)...] {
      let texts = line.fields.map(string)
      if texts == headerTexts { continue }  // the header again, after a page break
      // A row of one cell across the table groups the rows under it.
      if line.fields.count == 1 && columns.count > 2 {
        if let group = groupRow(line.fields[0], paragraph: line.paragraph) { table.rows.append(group) }
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
  private func groupRow(_ cell: TextSpan, paragraph: Int) -> TaskTable.Row? {
    guard let marker = HeadingMarker.match(in: bytes, at: cell.start, end: cell.end), marker.kind != .article,
      marker.kind != .attachment, marker.kind != .column
    else { return nil }
    var row = TaskTable.Row(kind: .group(marker.kind), paragraph: paragraph)
    row.label = TextSpan(cell.start, cell.start + marker.length)
    row.number = marker.number
    var titleStart = cell.start + marker.length
    while titleStart < cell.end, UTF8Scalars.isBlank(UTF8Scalars.scalar(in: bytes, at: titleStart).value) { titleStart += 1 }
    if titleStart < cell.end { row.groupTitle = TextSpan(titleStart, cell.end) }
    return row
  }

  /// Decides what a row with its cells in place is: an item (numbered by its 序号 cell,
  /// or by its place without a 序号 column), a group (a Chinese numeral in the 序号 cell
  /// of a table numbered otherwise, with a task and no bodies), or a continuation of the
  /// item above (no 序号 of its own).
  private func classify(_ row: inout TaskTable.Row, in table: TaskTable, ordinal: inout Int) {
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
  private func titleParagraph(before start: Int) -> Int? {
    guard start > 0, !closing.contains(start - 1), paragraphs[start - 1].marker == nil else { return nil }
    let text = texts[start - 1]
    guard text.hasAtMostCharacters(60), !text.containsBytes("。"),
      Self.titleEndings.contains(where: { text.withoutBracketedTail.hasSuffixBytes($0) })
    else { return nil }
    return start - 1
  }

  // MARK: - Flattened cells

  private func flattenedTable(at start: Int) -> TaskTable? {
    guard let header = flattenedHeader(at: start) else { return nil }
    let columns = header.columns
    var table = TaskTable(
      title: titleParagraph(before: start), paragraphs: start..<header.end, header: start..<header.end,
      columns: columns, rows: [])
    if let title = table.title { table.paragraphs = title..<header.end }
    // A titled table that opens with a column of no known kind and lists no tasks with
    // bodies (a table of scoring criteria, of values): its rows are not read, but its
    // cells ("1.未制定…的扣2分") are no headings of the document. It runs to the end of
    // the body: closing matter, an attachment, or a part's heading with no 序号 after it.
    if columns.first == .other && !table.isTaskTable {
      var end = header.end
      while end < paragraphs.count, !closing.contains(end) {
        if let marker = paragraphs[end].marker, marker.kind == .attachment
          || marker.kind == .chineseOrdinal && !(end + 1 < paragraphs.count && TableCellText.serial(texts[end + 1]) != nil)
        {
          break
        }
        end += 1
      }
      table.paragraphs = table.paragraphs.lowerBound..<end
      return end > header.end ? table : nil
    }
    let headerTexts = header.texts
    var index = header.end
    var current: (row: TaskTable.Row, cells: [TextSpan])? = nil
    var ordinal = 0
    var lastSerial: (number: Int, kind: HeadingMarker.Kind)? = nil
    func finish() {
      guard let (row, cells) = current else { return }
      current = nil
      var placed = place(cells, in: row, columns: columns, from: itemKind != nil ? table.leadColumn : nil)
      // A row with no bodies of its own had its cells of bodies merged with the row above.
      if let previous = table.rows.last(where: { $0.kind == .item }), !placed.isEmpty,
        !placed[0].cells.keys.contains(where: { columns[$0].holdsBodies })
      {
        // A cell merged over three rows or more: the row above had it merged too.
        for column in columns.indices
        where columns[column].holdsBodies && (previous.cells[column] != nil || previous.mergedFromAbove.contains(column)) {
          placed[0].mergedFromAbove.insert(column)
        }
      }
      // A bare Chinese numeral in a table numbered otherwise, with a task and no bodies,
      // groups the rows under it ("四" / "构建数字赋能监管体系").
      if let first = placed.first, let label = first.label, TableCellText.serial(string(label))?.kind == .chineseOrdinal,
        !first.cells.keys.contains(where: { columns[$0].holdsBodies }), first.cells.count <= 1, placed.count == 1
      {
        placed[0].kind = .group(.chineseOrdinal)
        placed[0].groupTitle = first.cells.values.first
      }
      table.rows += placed
    }
    let numbered = columns.contains(.number)
    // Without a 序号 column, a table may number its task cells instead ("（1）建设精品道路
    // 300条。" under group cells "（一）" and "1、改善城市道路环境"): the deepest numbering in
    // it starts its rows, the others group them.
    let numbering = numbered ? nil : numberedCellKinds(from: header.end)
    let itemKind = numbering?.item
    var pendingGroupTitle = false
    while index < paragraphs.count, !closing.contains(index) {
      let text = texts[index]
      if let marker = paragraphs[index].marker, marker.kind == .attachment { break }
      // The header again, after a page break.
      if let again = flattenedHeader(at: index), again.texts == headerTexts {
        finish()
        index = again.end
        continue
      }
      let span = paragraphs[index].span
      if let itemKind, let marker = paragraphs[index].marker {
        // Numbering shallower than any the table's cells use is the document's next part
        // ("二、加强组织领导" after a table of （一） / 1、 / （1） cells): the table ends.
        if let shallowest = numbering?.shallowestRank, OutlineBuilder.rank(marker.kind) < shallowest { break }
        finish()
        pendingGroupTitle = false
        if marker.kind == itemKind {
          var row = TaskTable.Row(kind: .item, paragraph: index)
          row.label = TextSpan(span.start, span.start + marker.length)
          row.number = marker.number
          // The task cell without its number.
          let task = UTF8Scalars.trimming(bytes, (span.start + marker.length)..<span.end) { UTF8Scalars.isBlank($0.value) }
          current = (row, [TextSpan(task)])
        } else if var group = groupRow(span, paragraph: index) {
          // "（一）" alone: its heading is the next cell.
          pendingGroupTitle = group.groupTitle == nil
          group.kind = .group(marker.kind)
          table.rows.append(group)
        }
      } else if itemKind != nil, pendingGroupTitle, current == nil, let last = table.rows.indices.last {
        table.rows[last].groupTitle = span
        pendingGroupTitle = false
      } else if numbered, let serial = TableCellText.serial(text), continues(serial, after: lastSerial) {
        finish()
        lastSerial = serial
        var row = TaskTable.Row(kind: .item, paragraph: index)
        row.label = span
        row.number = serial.number
        current = (row, [])
      } else if numbered, text.hasAtMostCharacters(60), let marker = paragraphs[index].marker,
        marker.kind == .chineseOrdinal, current == nil || !(current?.cells.isEmpty ?? true)
      {
        // "一、科学编制并实施城市综合交通体系规划": a group row in one cell, followed by a
        // row's 序号; without one, the document's next part ("三、保障措施"): the table ends.
        guard index + 1 < paragraphs.count, TableCellText.serial(texts[index + 1]) != nil else { break }
        finish()
        if let group = groupRow(span, paragraph: index) { table.rows.append(group) }
      } else if !numbered, itemKind == nil, cellText.isBodies(text), current.map({ !$0.cells.isEmpty }) ?? true {
        // Without a 序号 column a row starts at its bodies (单位 | 职责分工).
        finish()
        ordinal += 1
        var row = TaskTable.Row(kind: .item, paragraph: index)
        row.number = ordinal
        current = (row, [span])
      } else if current != nil {
        current?.cells.append(span)
        if (current?.cells.count ?? 0) > Self.maximumRowParagraphs { break }
      } else {
        break
      }
      index += 1
    }
    finish()
    table.paragraphs = table.paragraphs.lowerBound..<index
    return table.rows.isEmpty ? nil : table
  }

  /// The numbering of a table that numbers its task cells: the kind that starts its rows
  /// (the deepest among the markers of the paragraphs after its header, the one that
  /// stands last before the first cell of bodies), and the rank of the shallowest kind
  /// there (its outermost group); nil when the paragraphs after the header do not begin
  /// with a marker.
  private func numberedCellKinds(from start: Int) -> (item: HeadingMarker.Kind, shallowestRank: Int)? {
    guard start < paragraphs.count, paragraphs[start].marker != nil else { return nil }
    var last: HeadingMarker.Kind? = nil
    var shallowest = Int.max
    var index = start
    while index < paragraphs.count, index - start < 60, !closing.contains(index) {
      if let marker = paragraphs[index].marker {
        if marker.kind == .attachment || marker.kind == .column || marker.kind == .article { return nil }
        last = marker.kind
        shallowest = min(shallowest, OutlineBuilder.rank(marker.kind))
      } else if cellText.isBodies(texts[index]) {
        return last.map { ($0, shallowest) }
      }
      index += 1
    }
    return nil
  }

  /// Whether a 序号 value goes on with the numbering of the table: the next number of its
  /// kind, or the first of a kind (numbering that restarts under a group). A number in a
  /// cell ("240") does not.
  private func continues(_ serial: (number: Int, kind: HeadingMarker.Kind), after last: (number: Int, kind: HeadingMarker.Kind)?) -> Bool {
    guard let last else { return serial.number <= 2 }
    if serial.kind == last.kind { return serial.number == last.number + 1 || serial.number == 1 }
    return serial.number <= 2 || (serial.kind == .chineseOrdinal)
  }

  /// The header of a flattened table at `start`: a run of short paragraphs without
  /// markers, naming known columns (a 序号 or task column, and bodies, deadlines or more
  /// tasks). A header cell split over two paragraphs ("牵头" / "部门") is joined.
  private func flattenedHeader(at start: Int) -> (columns: [TableColumn], texts: [String], end: Int)? {
    // A header opens with 序号, a task or the bodies: most paragraphs are ruled out here.
    // Under a table's title ("…考核评分细则表（试行）") a header may open with any cell
    // (项目 / 序号 / 评分内容 …).
    guard let opening = headerCell(at: start),
      opening.column == .number || opening.column == .task || opening.column == .group || opening.column.holdsBodies
        || titleParagraph(before: start) != nil
    else { return nil }
    // A header starts at its first cell, not inside it.
    if start > 0, paragraphs[start - 1].marker == nil, !texts.hasMoreBytes(than: Self.maximumHeaderCellBytes, at: start - 1) {
      let before = self.texts[start - 1]
      if TableColumn.isHeaderLike(before), before.hasAtMostCharacters(10), !Self.titleEndings.contains(where: { before.hasSuffixBytes($0) }) {
        return nil
      }
    }
    var texts = [opening.text]
    var index = opening.end
    while texts.count < Self.maximumColumns, let cell = headerCell(at: index) {
      // A body's name that is no column's header starts the first row (区规划资源局).
      if cell.column == .other && cellText.isBodies(cell.text) { break }
      texts.append(cell.text)
      index = cell.end
    }
    guard texts.count >= 2, index < paragraphs.count else { return nil }
    let columns = texts.map(TableColumn.init(header:))
    // A header names a second known column, and is followed by a row: a 序号 (or a group
    // row) when it has a 序号 column, else bodies.
    guard let first = columns.first, columns.contains(where: { $0 == .number || $0 == .task || $0.holdsBodies }),
      columns.filter({ $0 != .other }).count >= 2 || (first == .number && texts.count >= 3)
    else { return nil }
    let next = self.texts[index]
    let opensRow =
      first == .number
      ? TableCellText.serial(next) != nil || paragraphs[index].marker?.kind == .chineseOrdinal
      : true
    guard opensRow else { return nil }
    return (columns, texts, index)
  }

  /// The header cell at paragraph `index`, without blanks, its column and the paragraph
  /// after it; nil for a paragraph that can be no header cell.
  private func headerCell(at index: Int) -> (text: String, column: TableColumn, end: Int)? {
    guard index < paragraphs.count, paragraphs[index].marker == nil,
      !texts.hasMoreBytes(than: Self.maximumHeaderCellBytes, at: index)
    else { return nil }
    var text = texts[index].removingScalars { $0.properties.isWhitespace }
    // A title ("…任务分解表", "…成员单位职责分工") stands before the header, not in it;
    // a header cell is short (职责分工, 完成时限).
    guard TableColumn.isHeaderLike(text), TableCellText.serial(text) == nil, !text.isEmpty,
      text.hasAtMostCharacters(6) || !Self.titleEndings.contains(where: { text.hasSuffixBytes($0) })
    else { return nil }
    var end = index + 1
    if Self.headerFragments.contains(text), end < paragraphs.count, !texts.hasMoreBytes(than: Self.maximumHeaderCellBytes, at: end) {
      let next = texts[end].removingScalars { $0.properties.isWhitespace }
      if TableColumn(header: text + next) != .other && next.hasAtMostCharacters(4) {
        text += next
        end += 1
      }
    }
    return (text, TableColumn(header: text), end)
  }

  /// Puts the flattened cells of a row in their columns, in order: each cell in the next
  /// column it fits; a column it does not fit is one merged with the row above. Cells left
  /// over that name bodies start a continuation row (a sub-row of a merged 序号); other
  /// left-over text belongs to the last column of text.
  private func place(_ cells: [TextSpan], in row: TaskTable.Row, columns: [TableColumn], from startColumn: Int? = nil)
    -> [TaskTable.Row]
  {
    let cells = joiningExtraBodies(cells, columns: columns)
    var rows: [TaskTable.Row] = []
    var current = row
    var cursor = 0
    var column = columns.firstIndex { $0 != .number } ?? 0
    // Cells of a row without a 序号 column start at its first column, or at its task when
    // the task cell starts the row.
    if !columns.contains(.number) { column = startColumn ?? 0 }
    let firstTextColumn = column
    var lastText: Int? = nil
    // Where the last continuation row started: a pass over the columns that placed no
    // cell must not start another.
    var continuationStart = -1
    while cursor < cells.count {
      let text = string(cells[cursor])
      if column >= columns.count {
        // Left over: a continuation row when bodies follow, else more of the last text.
        if continuationStart != cursor, cells[cursor...].contains(where: { cellText.isBodies(string($0)) }) {
          continuationStart = cursor
          rows.append(current)
          current = TaskTable.Row(kind: .continuation, paragraph: current.paragraph)
          column = firstTextColumn
          if let task = columns.firstIndex(of: .task), task == column, !cellText.isBodies(text) { column += 1 }
          continue
        }
        if let lastText, let cell = current.cells[lastText] {
          current.cells[lastText] = TextSpan(cell.start, cells[cursor].end)
        }
        cursor += 1
        continue
      }
      if fits(text, columns[column]) {
        current.cells[column] = cells[cursor]
        if !columns[column].holdsBodies && columns[column] != .deadline { lastText = column }
        cursor += 1
      } else if columns[column].holdsBodies, let lastText, let cell = current.cells[lastText],
        cells[(cursor + 1)...].contains(where: { cellText.isBodies(string($0)) })
      {
        // Text where bodies are due, with bodies still to come: more of the last text
        // cell (a cell of several paragraphs, a note under it).
        current.cells[lastText] = TextSpan(cell.start, cells[cursor].end)
        cursor += 1
        continue
      }
      column += 1
    }
    rows.append(current)
    return rows
  }

  /// A row's cells with a run of more lists of bodies than the table has columns of bodies
  /// fitted to them: a cell of bodies written over lines ("设施运行处" / "设施养护处" under
  /// 牵头部门) is one cell; the last lists take the last columns, the first takes the rest.
  private func joiningExtraBodies(_ cells: [TextSpan], columns: [TableColumn]) -> [TextSpan] {
    let bodyColumns = columns.filter(\.holdsBodies).count
    guard bodyColumns > 0, let first = cells.firstIndex(where: { cellText.isBodies(string($0)) }) else { return cells }
    var end = first
    while end < cells.count && cellText.isBodies(string(cells[end])) { end += 1 }
    let extra = (end - first) - bodyColumns
    // A run longer than the row's columns of bodies, and not a continuation row's.
    guard extra > 0, extra < bodyColumns else { return cells }
    var joined = Array(cells[..<first])
    joined.append(TextSpan(cells[first].start, cells[first + extra].end))
    joined += cells[(first + extra + 1)...]
    return joined
  }

  private func fits(_ text: String, _ column: TableColumn) -> Bool {
    switch column {
    case .bodies: return cellText.isBodies(text) || cellText.isDash(text)
    case .deadline: return cellText.isDeadline(text) || cellText.isDash(text)
    case .number: return false
    case .task, .other, .group: return !cellText.isBodies(text) && !cellText.isDash(text)
    }
  }
}

extension String {
  /// The title without a bracketed note at its end ("…任务分解表（2024-2026年）").
  fileprivate var withoutBracketedTail: String {
    guard hasSuffixBytes("）") || hasSuffixBytes(")"), let open = lastIndex(where: { $0 == "（" || $0 == "(" }) else {
      return self
    }
    return String(self[..<open])
  }
}
