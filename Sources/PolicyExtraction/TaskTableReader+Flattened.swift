import PolicyBytes
import PolicyText

/// Task tables flattened one cell per paragraph (the Shanghai documents): found by their
/// header, their rows by their 序号 cells.
extension TaskTableReader {
  func flattenedTable(at start: Int) -> TaskTable? {
    guard let header = flattenedHeader(at: start) else { return nil }
    let columns = header.columns
    var table = TaskTable(
      title: titleParagraph(before: start), paragraphs: start..<header.end,
      header: start..<header.end,
      columns: columns, rows: [])
    if let title = table.title { table.paragraphs = title..<header.end }
    // A titled table that opens with a column of no known kind and lists no tasks with
    // bodies (a table of scoring criteria, of values): its rows are not read, but its
    // cells ("1.未制定…的扣2分") are no headings of the document. It runs to the end of
    // the body: closing matter, an attachment, or a part's heading with no 序号 after it.
    if columns.first == .other && !table.isTaskTable {
      var end = header.end
      while end < paragraphs.count, !closing.contains(end) {
        if let marker = paragraphs[end].marker,
          marker.kind == .attachment
            || marker.kind == .chineseOrdinal
              && !(end + 1 < paragraphs.count && TableCellText.serial(texts[end + 1]) != nil)
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
      var placed = place(
        cells, in: row, columns: columns, from: itemKind != nil ? table.leadColumn : nil)
      // A row with no bodies of its own had its cells of bodies merged with the row above.
      if let previous = table.rows.last(where: { $0.kind == .item }), !placed.isEmpty,
        !placed[0].cells.keys.contains(where: { columns[$0].holdsBodies })
      {
        // A cell merged over three rows or more: the row above had it merged too.
        for column in columns.indices
        where columns[column].holdsBodies
          && (previous.cells[column] != nil || previous.mergedFromAbove.contains(column))
        {
          placed[0].mergedFromAbove.insert(column)
        }
      }
      // A bare Chinese numeral in a table numbered otherwise, with a task and no bodies,
      // groups the rows under it ("四" / "构建数字赋能监管体系").
      if let first = placed.first, let label = first.label,
        TableCellText.serial(string(label))?.kind == .chineseOrdinal,
        !first.cells.keys.contains(where: { columns[$0].holdsBodies }), first.cells.count <= 1,
        placed.count == 1
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
        if let shallowest = numbering?.shallowestRank, OutlineBuilder.rank(marker.kind) < shallowest
        {
          break
        }
        finish()
        pendingGroupTitle = false
        if marker.kind == itemKind {
          var row = TaskTable.Row(kind: .item, paragraph: index)
          row.label = TextSpan(span.start, span.start + marker.length)
          row.number = marker.number
          // The task cell without its number.
          let task = UTF8Scalars.trimming(bytes, (span.start + marker.length)..<span.end) {
            UTF8Scalars.isBlank($0.value)
          }
          current = (row, [TextSpan(task)])
        } else if var group = groupRow(span, paragraph: index) {
          // "（一）" alone: its heading is the next cell.
          pendingGroupTitle = group.groupTitle == nil
          group.kind = .group(marker.kind)
          table.rows.append(group)
        }
      } else if itemKind != nil, pendingGroupTitle, current == nil,
        let last = table.rows.indices.last
      {
        table.rows[last].groupTitle = span
        pendingGroupTitle = false
      } else if numbered, let serial = TableCellText.serial(text),
        continues(serial, after: lastSerial)
      {
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
        guard index + 1 < paragraphs.count, TableCellText.serial(texts[index + 1]) != nil else {
          break
        }
        finish()
        if let group = groupRow(span, paragraph: index) { table.rows.append(group) }
      } else if !numbered, itemKind == nil, cellText.isBodies(text),
        current.map({ !$0.cells.isEmpty }) ?? true
      {
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
  func numberedCellKinds(from start: Int) -> (item: HeadingMarker.Kind, shallowestRank: Int)? {
    guard start < paragraphs.count, paragraphs[start].marker != nil else { return nil }
    var last: HeadingMarker.Kind? = nil
    var shallowest = Int.max
    var index = start
    while index < paragraphs.count, index - start < 60, !closing.contains(index) {
      if let marker = paragraphs[index].marker {
        if marker.kind == .attachment || marker.kind == .column || marker.kind == .article {
          return nil
        }
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
  func continues(
    _ serial: (number: Int, kind: HeadingMarker.Kind),
    after last: (number: Int, kind: HeadingMarker.Kind)?
  ) -> Bool {
    guard let last else { return serial.number <= 2 }
    if serial.kind == last.kind { return serial.number == last.number + 1 || serial.number == 1 }
    return serial.number <= 2 || (serial.kind == .chineseOrdinal)
  }

  /// The header of a flattened table at `start`: a run of short paragraphs without
  /// markers, naming known columns (a 序号 or task column, and bodies, deadlines or more
  /// tasks). A header cell split over two paragraphs ("牵头" / "部门") is joined.
  func flattenedHeader(at start: Int) -> (columns: [TableColumn], texts: [String], end: Int)? {
    // A header opens with 序号, a task or the bodies: most paragraphs are ruled out here.
    // Under a table's title ("…考核评分细则表（试行）") a header may open with any cell
    // (项目 / 序号 / 评分内容 …).
    guard let opening = headerCell(at: start),
      opening.column == .number || opening.column == .task || opening.column == .group
        || opening.column.holdsBodies
        || titleParagraph(before: start) != nil
    else { return nil }
    // A header starts at its first cell, not inside it.
    if start > 0, paragraphs[start - 1].marker == nil,
      !texts.hasMoreBytes(than: Self.maximumHeaderCellBytes, at: start - 1)
    {
      let before = self.texts[start - 1]
      if TableColumn.isHeaderLike(before), before.hasAtMostCharacters(10),
        !Self.titleEndings.contains(where: { before.hasSuffixBytes($0) })
      {
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
    guard let first = columns.first,
      columns.contains(where: { $0 == .number || $0 == .task || $0.holdsBodies }),
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
  func headerCell(at index: Int) -> (text: String, column: TableColumn, end: Int)? {
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
    if Self.headerFragments.contains(text), end < paragraphs.count,
      !texts.hasMoreBytes(than: Self.maximumHeaderCellBytes, at: end)
    {
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
  func place(
    _ cells: [TextSpan], in row: TaskTable.Row, columns: [TableColumn], from startColumn: Int? = nil
  )
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
        if continuationStart != cursor,
          cells[cursor...].contains(where: { cellText.isBodies(string($0)) })
        {
          continuationStart = cursor
          rows.append(current)
          current = TaskTable.Row(kind: .continuation, paragraph: current.paragraph)
          column = firstTextColumn
          if let task = columns.firstIndex(of: .task), task == column, !cellText.isBodies(text) {
            column += 1
          }
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
  func joiningExtraBodies(_ cells: [TextSpan], columns: [TableColumn]) -> [TextSpan] {
    let bodyColumns = columns.filter(\.holdsBodies).count
    guard bodyColumns > 0, let first = cells.firstIndex(where: { cellText.isBodies(string($0)) })
    else { return cells }
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

  func fits(_ text: String, _ column: TableColumn) -> Bool {
    switch column {
    case .bodies: return cellText.isBodies(text) || cellText.isDash(text)
    case .deadline: return cellText.isDeadline(text) || cellText.isDash(text)
    case .number: return false
    case .task, .other, .group: return !cellText.isBodies(text) && !cellText.isDash(text)
    }
  }
}
