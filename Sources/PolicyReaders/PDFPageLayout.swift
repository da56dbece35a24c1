/// Puts the fragments of a page's text back in reading order and joins the fragments of
/// one printed line. A page is read as two columns when its fragments fall clearly on
/// either side of a gutter, side by side on many baselines, with lines of like widths:
/// then the text across the gutter (a title) divides the page into bands, and each band
/// is read left column first. Any other page is read top to bottom, and fragments on one
/// baseline (a signature and its date, 落款) are one line, left to right.
struct PDFPageLayout {
  /// The lines in reading order, each with its column.
  private(set) var lines: [PDFLine] = []

  /// The columns of a table that runs to the foot of the page (it may go on on the next).
  private(set) var openTable: [ClosedRange<Double>]?

  /// Tables found from the positions of their cells (`PDFTableRows`) are taken out
  /// first; each of their rows is one line, put back among the others by its height.
  /// - Parameter continuing: the columns of a table that ran to the foot of the page before.
  init(fragments: [PDFLine], width: Double, continuing: [ClosedRange<Double>]? = nil) {
    let tables = PDFTableRows(fragments: fragments, continuing: continuing)
    self.init(untabled: tables.rest, width: width)
    openTable = tables.openColumns
    for row in tables.rows {
      let index = lines.firstIndex { $0.box.y1 >= row.box.y1 && $0.column == 0 } ?? lines.count
      lines.insert(row, at: index)
    }
  }

  private init(untabled fragments: [PDFLine], width: Double) {
    if let gutter = Self.gutter(of: fragments, width: width) {
      // Lines of the two columns that poppler ran together (a mark hanging into the
      // gutter) come apart at the gutter.
      let fragments = fragments.flatMap { fragment -> [PDFLine] in
        guard fragment.box.x1 < gutter && fragment.box.x2 > gutter,
          let (left, right) = fragment.split(near: gutter),
          left.box.x2 <= gutter + fragment.box.height, right.box.x1 >= gutter - fragment.box.height
        else { return [fragment] }
        return [left, right]
      }
      let across = fragments.filter { Self.crosses($0, gutter) }
        .sorted { $0.box.y1 < $1.box.y1 }
      var bands: [[PDFLine]] = Array(repeating: [], count: across.count + 1)
      for fragment in fragments where !across.contains(where: { $0.box == fragment.box }) {
        let band = across.firstIndex { $0.box.y1 > fragment.box.y1 } ?? across.count
        var placed = fragment
        placed.column = fragment.box.x1 < gutter ? 1 : 2
        bands[band].append(placed)
      }
      for (index, band) in bands.enumerated() {
        for column in [1, 2] {
          lines += Self.joined(band.filter { $0.column == column })
        }
        if index < across.count { lines.append(across[index]) }
      }
    } else {
      lines = Self.joined(fragments)
    }
  }

  /// Whether a fragment runs across the gutter by more than a character on either side.
  private static func crosses(_ fragment: PDFLine, _ gutter: Double) -> Bool {
    fragment.box.x1 < gutter - fragment.box.height && fragment.box.x2 > gutter + fragment.box.height
  }

  /// Fragments sorted top to bottom, those on one baseline joined left to right.
  private static func joined(_ fragments: [PDFLine]) -> [PDFLine] {
    // Ties keep the order the fragments came in.
    let sorted = fragments.enumerated().sorted {
      ($0.element.box.y1 + $0.element.box.y2, $0.element.box.x1, $0.offset)
        < ($1.element.box.y1 + $1.element.box.y2, $1.element.box.x1, $1.offset)
    }.map(\.element)
    var result: [[PDFLine]] = []
    for fragment in sorted {
      if let line = result.last, let first = line.first, first.isOnSameBaseline(as: fragment) {
        result[result.count - 1].append(fragment)
      } else {
        result.append([fragment])
      }
    }
    return result.map { parts in
      let ordered = parts.enumerated().sorted {
        ($0.element.box.x1, $0.offset) < ($1.element.box.x1, $1.offset)
      }.map(\.element)
      var line = ordered[0]
      for part in ordered.dropFirst() { line.merge(part) }
      return line
    }
  }

  /// The x of the gutter between two columns, if the page has two.
  private static func gutter(of fragments: [PDFLine], width: Double) -> Double? {
    guard fragments.count >= 16 else { return nil }
    var best: (x: Double, across: Int, sides: Int)?
    var x = width * 0.3
    while x <= width * 0.7 {
      let left = fragments.filter { $0.box.x2 <= x }.count
      let right = fragments.filter { $0.box.x1 >= x }.count
      let across = fragments.count - left - right
      let sides = min(left, right)
      if let current = best, (current.across, -current.sides) <= (across, -sides) {
      } else {
        best = (x, across, sides)
      }
      x += 2
    }
    guard let best, best.sides >= 8, best.across * 4 <= fragments.count else { return nil }
    let left = fragments.filter { $0.box.x2 <= best.x }
    let right = fragments.filter { $0.box.x1 >= best.x }
    // Side by side: most right-hand fragments have a left-hand one on their baseline.
    let paired = right.filter { r in left.contains { $0.verticalOverlap(with: r) >= 0.3 } }.count
    guard paired * 2 >= min(left.count, right.count) else { return nil }
    // Columns of text have lines of like widths; a table's cells do not.
    func medianWidth(_ side: [PDFLine]) -> Double {
      let widths = side.map(\.box.width).sorted()
      return widths[widths.count / 2]
    }
    let (leftWidth, rightWidth) = (medianWidth(left), medianWidth(right))
    guard min(leftWidth, rightWidth) >= 0.6 * max(leftWidth, rightWidth) else { return nil }
    return best.x
  }
}
