/// Where the cells of a table row stand on its table's grid, as an HTML or .docx reader
/// saw them: the row is one line of text with its non-empty cells separated by tabs, and
/// the grid says which column each of them is in and which columns hold a cell merged
/// down from a row above (rowspan, w:vMerge). The parser reads task tables with it.
public struct TableRowLayout: Sendable, Equatable {
  /// The table's ordinal in the document, from 0.
  public var table: Int
  /// The row's bytes in the source file (or in the container part): from `<tr>` to
  /// `</tr>`.
  public var sourceRange: Range<Int>
  /// For each cell written on the row's line, in order: its first grid column.
  public var columns: [Int]
  /// For each written cell, how many grid columns it spans.
  public var spans: [Int]
  /// Grid columns covered by a cell that a row above merged down into this one.
  public var continued: [Int]

  /// A row's place on its table's grid, for a reader that sets it itself (the PDF reader
  /// places cells by their position on the page).
  package init(
    table: Int, sourceRange: Range<Int>, columns: [Int], spans: [Int], continued: [Int]
  ) {
    self.table = table
    self.sourceRange = sourceRange
    self.columns = columns
    self.spans = spans
    self.continued = continued
  }
}

/// Tracks a table's grid while a reader walks its rows: which columns the cells of the
/// current row take, and which are covered by cells merged down from rows above.
package struct TableGrid {
  package let table: Int
  package private(set) var rows: [TableRowLayout] = []
  /// Columns the current row finds covered from above: column → (rows still covered,
  /// counting the current one; columns spanned).
  private var covered: [Int: (rows: Int, span: Int)] = [:]
  /// Merges that cells of the current row start, for the rows below.
  private var started: [Int: (rows: Int, span: Int)] = [:]
  private var current: TableRowLayout?
  private var column = 0
  /// The cell being read, and the output length when it started (to tell whether it
  /// wrote text).
  private var cellStart: (column: Int, span: Int, outputLength: Int)?

  package init(table: Int) {
    self.table = table
  }

  package mutating func startRow(at position: Int) {
    let start = max(0, position)
    current = TableRowLayout(
      table: table, sourceRange: start..<start, columns: [], spans: [], continued: [])
    column = 0
    started = [:]
  }

  /// A cell opens: it takes the next column not covered from above. A .docx cell that
  /// continues a vertical merge (`continuesAbove`) is a covered column itself.
  package mutating func startCell(
    span: Int, rowSpan: Int, outputLength: Int, continuesAbove: Bool = false
  ) {
    guard current != nil else { return }
    skipCovered()
    let span = max(1, span)
    if continuesAbove {
      current?.continued.append(column)
    } else {
      cellStart = (column, span, outputLength)
      if rowSpan > 1 { started[column] = (rowSpan - 1, span) }
    }
    column += span
  }

  /// A cell closes: it is recorded when it wrote text.
  package mutating func endCell(outputLength: Int) {
    guard let start = cellStart else { return }
    cellStart = nil
    if outputLength > start.outputLength {
      current?.columns.append(start.column)
      current?.spans.append(start.span)
    }
  }

  package mutating func endRow(at position: Int) {
    guard var row = current else { return }
    // Covered columns after the row's last cell.
    for covered in covered.keys.sorted() where covered >= column { row.continued.append(covered) }
    row.continued.sort()
    row.sourceRange = row.sourceRange.lowerBound..<max(row.sourceRange.lowerBound, position)
    rows.append(row)
    current = nil
    cellStart = nil
    var next: [Int: (rows: Int, span: Int)] = [:]
    for (column, cover) in covered where cover.rows > 1 {
      next[column] = (cover.rows - 1, cover.span)
    }
    for (column, cover) in started { next[column] = cover }
    covered = next
  }

  private mutating func skipCovered() {
    while let cover = covered[column] {
      current?.continued.append(column)
      column += cover.span
    }
  }
}
