/// One table found on a PDF page from the positions of its cells (`PDFTableRows`): the
/// printed lines it takes, its columns (the stretches of the page between empty strips
/// that no piece crosses), and its rows as lines of tab-separated cells.
struct PDFTableGrid {
  /// The printed lines of the page the table takes.
  let lines: Range<Int>
  /// Its rows, top to bottom, each one line with its place on the grid.
  private(set) var rows: [PDFLine] = []
  /// Its columns: the stretches of the page its cells stand in.
  private(set) var columns: [ClosedRange<Double>] = []
  /// Whether nothing follows it closely: it may go on on the next page.
  private(set) var endsOpen = false

  /// The table whose first printed line is `lines[start]`, if one starts there.
  /// - Parameters:
  ///   - em: the width of one character of the page's text.
  ///   - ordinal: the table's ordinal on the page.
  ///   - continuing: the columns of a table that ran to the foot of the page before: lines
  ///     whose pieces each stand in one of them go on with it, however few.
  init?(
    lines: [[PDFTablePiece]], from start: Int, em: Double, ordinal: Int,
    continuing: [ClosedRange<Double>]? = nil
  ) {
    var columns = continuing ?? []
    columns = Self.columns(of: lines[start], joining: columns, em: em)
    if let continuing {
      guard columns.count == continuing.count else { return nil }
    } else {
      guard columns.count >= 3 else { return nil }
    }
    var end = start + 1
    endsOpen = true
    // The lines (from 0) that are heading rows across the table.
    var spanning = Set<Int>()
    func gap(above index: Int) -> Double {
      let bottom = lines[index - 1].map(\.line.box.y2).max() ?? 0
      let top = lines[index].map(\.line.box.y1).min() ?? 0
      return top - bottom
    }
    while end < lines.count {
      let joined = Self.columns(of: lines[end], joining: columns, em: em)
      // Heading rows across the table (一、知识产权保护方面): lines of one piece each (up
      // to three) from the table's left, with rows below, close enough.
      if joined.count < columns.count || gap(above: end) > 1.5 * em, end > start,
        columns.count >= 2, let piece = lines[end].first?.line,
        piece.box.x1 >= columns[0].lowerBound - em, piece.box.x1 <= columns[1].upperBound,
        let below = (end + 1..<min(end + 4, lines.count)).first(where: { lines[$0].count > 1 }),
        lines[end..<below].allSatisfy({ $0.count == 1 }), gap(above: end) <= 3 * em,
        gap(above: below) <= 3 * em,
        Self.columns(of: lines[below], joining: columns, em: em).count == columns.count
      {
        spanning.formUnion((end - start)..<(below - start))
        end = below
        continue
      }
      // A gap of more than a line and a half ends the table (a running footer, or the
      // space before a heading).
      if gap(above: end) > 1.5 * em { break }
      if joined.count < columns.count || (continuing != nil && joined.count > columns.count) {
        endsOpen = false
        break
      }
      columns = joined
      end += 1
    }
    guard end - start >= 2 || continuing != nil else { return nil }
    self.columns = columns
    // Open only when nothing but a short line (a page number) follows on the page.
    if end < lines.count {
      let after = lines[end...].joined().map(\.line.box.width).reduce(0, +)
      let width = (columns.last?.upperBound ?? 0) - (columns.first?.lowerBound ?? 0)
      endsOpen = endsOpen && end + 1 == lines.count && after < 0.3 * width
    }
    self.lines = start..<end
    let pieces = lines[start..<end].enumerated().flatMap { offset, line in
      line.map { (piece: $0, line: offset, column: Self.column(of: $0, in: columns)) }
    }
    var rowStarts = Set(
      Self.rowStarts(
        of: pieces.filter { !spanning.contains($0.line) }, lineCount: end - start,
        goesOn: continuing != nil))
    for line in spanning { rowStarts.formUnion([line, line + 1]) }
    let starts = rowStarts.filter { $0 < end - start }.sorted()
    var cellsOfRows: [[PDFTablePlace.Cell]] = []
    var boxes: [PDFBox] = []
    for (index, rowStart) in starts.enumerated() {
      let rowEnd = index + 1 < starts.count ? starts[index + 1] : end - start
      let inRow = pieces.filter { $0.line >= rowStart && $0.line < rowEnd }
      guard !inRow.isEmpty else { continue }
      if spanning.contains(rowStart), let piece = inRow.first?.piece.line {
        let covered = columns.indices.filter {
          columns[$0].upperBound >= piece.box.x1 && columns[$0].lowerBound <= piece.box.x2
        }
        let first = covered.first ?? 0
        cellsOfRows.append([(first, max(1, covered.count), piece.text)])
        boxes.append(piece.box)
        continue
      }
      var cells: [PDFTablePlace.Cell] = []
      for column in columns.indices {
        let own = inRow.filter { $0.column == column }.sorted {
          ($0.piece.middle, $0.piece.line.box.x1) < ($1.piece.middle, $1.piece.line.box.x1)
        }
        var text: [UInt8] = []
        for part in own {
          if let last = text.last, let first = part.piece.line.text.first,
            PDFReader.isLatin(last) && PDFReader.isLatin(first)
          {
            text.append(0x20)
          }
          text += part.piece.line.text
        }
        if !text.isEmpty { cells.append((column, 1, text)) }
      }
      guard !cells.isEmpty else { continue }
      var box = inRow[0].piece.line.box
      for part in inRow {
        box.x1 = min(box.x1, part.piece.line.box.x1)
        box.y1 = min(box.y1, part.piece.line.box.y1)
        box.x2 = max(box.x2, part.piece.line.box.x2)
        box.y2 = max(box.y2, part.piece.line.box.y2)
      }
      cellsOfRows.append(cells)
      boxes.append(box)
    }
    // Three rows, two of them with three cells or more, every column with text in two
    // rows; or two rows of three cells or more on four columns or more (a table cut by a
    // page break or a heading row).
    let full = cellsOfRows.filter { $0.count >= 3 }.count
    let filled = columns.indices.allSatisfy { column in
      cellsOfRows.filter { $0.contains { $0.column == column } }.count >= 2
    }
    let isTable =
      (cellsOfRows.count >= 3 && full >= 2 && filled)
      || (cellsOfRows.count == 2 && full == 2 && columns.count >= 4)
    guard isTable || (continuing != nil && !cellsOfRows.isEmpty) else { return nil }
    for (index, (cells, box)) in zip(cellsOfRows, boxes).enumerated() {
      var row = PDFLine()
      row.box = box
      row.table = PDFTablePlace(
        table: ordinal, columnCount: columns.count, cells: cells,
        continuesRowAbove: continuing != nil && index == 0 && cells.first?.column != 0)
      row.utf8 = row.table?.text ?? []
      rows.append(row)
    }
  }

  /// The stretches of `line`'s pieces joined with `columns`, pieces less than half a
  /// character apart in one stretch, left to right.
  private static func columns(
    of line: [PDFTablePiece], joining columns: [ClosedRange<Double>], em: Double
  ) -> [ClosedRange<Double>] {
    let spans = (columns + line.map { $0.line.box.x1...$0.line.box.x2 })
      .sorted { $0.lowerBound < $1.lowerBound }
    var result: [ClosedRange<Double>] = []
    for span in spans {
      if let last = result.last, span.lowerBound < last.upperBound + 0.5 * em {
        result[result.count - 1] = last.lowerBound...max(last.upperBound, span.upperBound)
      } else {
        result.append(span)
      }
    }
    return result
  }

  /// The column a piece stands in.
  private static func column(of piece: PDFTablePiece, in columns: [ClosedRange<Double>]) -> Int {
    let middle = (piece.line.box.x1 + piece.line.box.x2) / 2
    return columns.lastIndex { $0.lowerBound <= middle } ?? 0
  }

  /// The first printed line (from 0) of each row. Two pieces of one column on lines
  /// about the table's line spacing apart are one cell's wrapped text, and no row starts
  /// between them; where nothing runs on, a row starts. A row whose first column has
  /// two pieces or more is split at each that is a number (序号): rows set as tight as
  /// lines; so is the first row of a table that `goesOn` from the page before.
  private static func rowStarts(
    of pieces: [(piece: PDFTablePiece, line: Int, column: Int)], lineCount: Int, goesOn: Bool
  ) -> [Int] {
    let byColumn = Dictionary(grouping: pieces, by: \.column).mapValues {
      $0.sorted { ($0.piece.middle, $0.line) < ($1.piece.middle, $1.line) }
    }
    var steps: [(from: Int, to: Int, distance: Double)] = []
    for column in byColumn.values {
      for (above, below) in zip(column, column.dropFirst()) where below.line > above.line {
        steps.append((above.line, below.line, below.piece.middle - above.piece.middle))
      }
    }
    let distances = steps.map(\.distance).sorted()
    let spacing = distances.isEmpty ? 0 : distances[distances.count / 4]
    var runsOn = Array(repeating: false, count: lineCount + 1)
    for step in steps where step.distance <= 1.25 * spacing {
      for line in (step.from + 1)...step.to { runsOn[line] = true }
    }
    var starts = (0..<lineCount).filter { !runsOn[$0] }
    let first = byColumn[0] ?? []
    var split = Set(starts)
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1] : lineCount
      let own = first.filter { $0.line >= start && $0.line < end }
      // At the top of a page, a row above the first number is the rest of the page before's.
      guard own.count >= 2 || (goesOn && index == 0) else { continue }
      split.formUnion(own.filter { isNumber($0.piece.line.text) }.map(\.line))
    }
    starts = split.sorted()
    return starts
  }

  /// Whether a cell's text is a number: digits, or Chinese numerals, maybe with a mark.
  private static func isNumber(_ utf8: [UInt8]) -> Bool {
    let text = String(decoding: utf8, as: UTF8.self)
    guard let first = text.unicodeScalars.first, text.count <= 6 else { return false }
    return ("0"..."9").contains(first) || "一二三四五六七八九十".unicodeScalars.contains(first)
  }
}
