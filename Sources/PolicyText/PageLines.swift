/// The page of each line of a paged source (a PDF's or an OFD's text layer, one printed
/// line per source line): which page the line is on, and which line of that page it is.
package struct PageLines: Sendable, Equatable {
  /// For source line n (1-based), element n - 1: its page, 1-based.
  private var pages: [Int32]
  /// For source line n (1-based), element n - 1: its line on its page, 1-based.
  private var linesOnPage: [Int32]

  /// No lines yet.
  package init() {
    pages = []
    linesOnPage = []
  }

  /// Adds the next source line: it is line `lineOnPage` of page `page`.
  package mutating func append(page: Int, lineOnPage: Int) {
    pages.append(Int32(clamping: page))
    linesOnPage.append(Int32(clamping: lineOnPage))
  }

  /// The number of source lines recorded.
  package var count: Int { pages.count }

  /// The page and line on that page of source line `line` (1-based), or nil past the end.
  package func position(ofSourceLine line: Int) -> (page: Int, line: Int)? {
    guard line >= 1, line <= pages.count else { return nil }
    return (Int(pages[line - 1]), Int(linesOnPage[line - 1]))
  }
}
