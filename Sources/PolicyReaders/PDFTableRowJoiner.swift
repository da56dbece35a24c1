/// Joins the rows of tables that a page break cut in two: the first row of a table going
/// on at the top of a page, with nothing in its first column (序号), is the rest of the
/// last row of the page before, and becomes part of it (each cell's text followed by the
/// text of its column on the next page).
enum PDFTableRowJoiner {
  /// `pages` with each cut row joined onto the page where it starts.
  static func joined(_ pages: [[PDFLine]]) -> [[PDFLine]] {
    var pages = pages
    for page in pages.indices.dropFirst() {
      guard let restIndex = pages[page].firstIndex(where: { $0.table != nil }),
        let rest = pages[page][restIndex].table, rest.continuesRowAbove,
        let rowIndex = pages[page - 1].lastIndex(where: { $0.table != nil }),
        let row = pages[page - 1][rowIndex].table, row.columnCount == rest.columnCount
      else { continue }
      let joined = row.joined(with: rest)
      pages[page - 1][rowIndex].table = joined
      pages[page - 1][rowIndex].utf8 = joined.text
      pages[page].remove(at: restIndex)
    }
    return pages
  }
}
