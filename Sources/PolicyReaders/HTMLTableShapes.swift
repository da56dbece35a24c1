/// Tells a page's data tables from its layout tables before its text is written. A data
/// table (a 任务分工表, a metadata table) has rows of two or more cells and holds no table
/// of its own: its rows become lines with tab-separated cells. A layout table (a page
/// laid out in one big cell, or a cell holding a table) is read as the paragraphs it
/// holds.
enum HTMLTableShapes {
  /// The most text a cell of a data table holds, in bytes: a cell holding a whole
  /// document is layout.
  static let maximumCellText = 6000

  private struct Shape {
    package var rows = 0
    var widestRow = 0
    var holdsTable = false
    var largestCell = 0
  }

  /// The ordinals (in document order, from 0) of the data tables of `markup`.
  static func dataTables(in markup: [UInt8]) -> Set<Int> {
    var shapes: [Shape] = []
    var open: [Int] = []
    var cellsInRow = 0
    var cellText = 0
    XMLSource.parse(markup, as: .html) { event in
      switch event {
      case .start(let name, _, _):
        switch name {
        case "table":
          if let outer = open.last { shapes[outer].holdsTable = true }
          open.append(shapes.count)
          shapes.append(Shape())
        case "tr":
          cellsInRow = 0
        case "td", "th":
          cellsInRow += 1
          cellText = 0
        default:
          break
        }
      case .end(let name, _):
        guard let table = open.last else { return }
        switch name {
        case "table":
          open.removeLast()
        case "tr":
          shapes[table].rows += 1
          shapes[table].widestRow = max(shapes[table].widestRow, cellsInRow)
        case "td", "th":
          shapes[table].largestCell = max(shapes[table].largestCell, cellText)
        default:
          break
        }
      case .text(let chunk, _, _):
        cellText += chunk.count
      }
    }
    return Set(
      shapes.indices.filter {
        shapes[$0].rows >= 2 && shapes[$0].widestRow >= 2 && !shapes[$0].holdsTable
          && shapes[$0].largestCell <= maximumCellText
      })
  }
}
