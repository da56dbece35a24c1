/// The tables of a PDF page rebuilt from where their cells stand (任务分工表: 序号 | 重点任务
/// | 牵头单位 | 配合单位 | 完成时限). The page's fragments are cut at every gap of half a
/// character or more; a run of consecutive lines whose pieces keep at least three columns
/// apart (empty strips of the page from top to bottom of the run, which no piece crosses)
/// over at least three rows is a table. Its rows part where no cell's text runs on from
/// one line to the next at the table's line spacing (a row's cells may wrap, and be set
/// at the top or in the middle of the row), or, when rows are set as tight as lines, where
/// the first column starts a new number (序号). Two columns of text, or labels with their
/// values, are not tables.
struct PDFTableRows {
  /// The rows found, top to bottom: each one line, its non-empty cells' text separated by
  /// tabs, with its place on its table's grid.
  private(set) var rows: [PDFLine] = []
  /// The fragments no table took, in their order.
  private(set) var rest: [PDFLine] = []

  /// The fewest columns, and rows, of a table.
  private static let minimumColumns = 3
  private static let minimumRows = 3

  /// The columns of the last table on the page when nothing follows it closely (it may
  /// go on on the next page).
  private(set) var openColumns: [ClosedRange<Double>]?

  /// - Parameter continuing: the columns of a table that ran to the foot of the page
  ///   before: the lines at the top of this page that stand in them go on with it.
  init(fragments: [PDFLine], continuing: [ClosedRange<Double>]? = nil) {
    rest = fragments
    guard fragments.count >= (continuing == nil ? Self.minimumColumns * Self.minimumRows : 1)
    else { return }
    let ems = fragments.map(\.em).sorted()
    let em = ems[ems.count / 2]
    var pieces: [PDFTablePiece] = []
    for (index, fragment) in fragments.enumerated() {
      pieces += Self.pieces(of: fragment, em: em).map { PDFTablePiece(line: $0, fragment: index) }
    }
    let lines = Self.lines(of: pieces)
    var taken = Set<Int>()
    var start = 0
    var ordinal = 0
    // A table going on from the page before starts the body: the first line after a gap
    // among the first lines (below the running header), or the first line.
    func gapAbove(_ index: Int) -> Double {
      let top = lines[index].map(\.line.box.y1).min() ?? 0
      let bottom = lines[index - 1].map(\.line.box.y2).max() ?? 0
      return top - bottom
    }
    let bodyStart = (1..<max(1, min(3, lines.count))).first { gapAbove($0) > 1.5 * em } ?? 0
    while start < lines.count {
      let going =
        start == bodyStart && continuing != nil
        ? PDFTableGrid(
          lines: lines, from: start, em: em, ordinal: ordinal, continuing: continuing) : nil
      if let table = going ?? PDFTableGrid(lines: lines, from: start, em: em, ordinal: ordinal) {
        // A fragment split between the table and the text around it: no table.
        let inside = Set(lines[table.lines].joined().map(\.fragment))
        let outside = Set(lines[..<table.lines.lowerBound].joined().map(\.fragment))
          .union(lines[table.lines.upperBound...].joined().map(\.fragment))
        if inside.isDisjoint(with: outside) {
          rows += table.rows
          taken.formUnion(inside)
          openColumns = table.endsOpen ? table.columns : nil
          ordinal += 1
          start = table.lines.upperBound
          continue
        }
      }
      start += 1
    }
    if !taken.isEmpty {
      rest = fragments.enumerated().filter { !taken.contains($0.offset) }.map(\.element)
    }
  }

  /// `fragment` cut at each gap between characters of half a character (`em`) or more.
  private static func pieces(of fragment: PDFLine, em: Double) -> [PDFLine] {
    var result: [PDFLine] = []
    var current = PDFLine()
    var last: PDFBox?
    for character in fragment.characters {
      if !character.isSpace, let box = character.box, let previous = last,
        box.x1 - previous.x2 >= 0.5 * em
      {
        if current.hasText { result.append(current) }
        current = PDFLine()
      }
      current.append(character.bytes, box: character.box, isSpace: character.isSpace)
      if !character.isSpace, let box = character.box { last = box }
    }
    if current.hasText { result.append(current) }
    return result
  }

  /// The pieces grouped into printed lines, top to bottom: those on one baseline.
  private static func lines(of pieces: [PDFTablePiece]) -> [[PDFTablePiece]] {
    let sorted = pieces.enumerated().sorted {
      ($0.element.middle, $0.element.line.box.x1, $0.offset)
        < ($1.element.middle, $1.element.line.box.x1, $1.offset)
    }.map(\.element)
    var result: [[PDFTablePiece]] = []
    for piece in sorted {
      if let first = result.last?.first, first.line.isOnSameBaseline(as: piece.line) {
        result[result.count - 1].append(piece)
      } else {
        result.append([piece])
      }
    }
    return result
  }
}

/// A piece of a fragment with no wide gap inside, and the fragment it came from.
struct PDFTablePiece {
  var line: PDFLine
  var fragment: Int
  /// The middle of its height.
  var middle: Double { (line.box.y1 + line.box.y2) / 2 }
}

/// Where a row of a table found on a PDF page stands: its table's ordinal on the page, its
/// table's number of columns, and its non-empty cells with their columns.
struct PDFTablePlace {
  var table: Int
  var columnCount: Int
  /// A non-empty cell: its first column, the columns it spans, its text.
  typealias Cell = (column: Int, span: Int, text: [UInt8])
  var cells: [Cell]
  /// Whether it is the rest of the last row of the page before (the first row of a table
  /// going on from there, with nothing in its first column).
  var continuesRowAbove = false

  /// The column of each cell written.
  var columns: [Int] { cells.map(\.column) }
  /// The columns each cell written spans.
  var spans: [Int] { cells.map(\.span) }
  /// The row's text: its cells' text separated by tabs.
  var text: [UInt8] { Array(cells.map(\.text).joined(separator: [0x09])) }

  /// The row with the rest of it that went on to the next page: each cell's text followed
  /// by the text of its column there.
  func joined(with rest: PDFTablePlace) -> PDFTablePlace {
    var joined = self
    for cell in rest.cells {
      if let index = joined.cells.firstIndex(where: { $0.column == cell.column }) {
        joined.cells[index].text += cell.text
      } else {
        joined.cells.append(cell)
      }
    }
    joined.cells.sort { $0.column < $1.column }
    return joined
  }
}
