/// One page's text layer as poppler gives it: UTF-8 text with a line break after each
/// printed line, and the box of every character (line breaks included), in points from
/// the page's top left.
struct PDFTextLayer {
  /// The page's width in points.
  var width: Double
  /// The page's height in points.
  var height: Double
  /// The text, UTF-8.
  var utf8: [UInt8]
  /// x1, y1, x2, y2 of each character of `utf8`, in order.
  var boxValues: [Double]

  /// The printed lines of the page in reading order (`PDFPageLayout`); blank lines are
  /// left out. When poppler gives fewer boxes than characters, its own lines are taken.
  /// - Parameter openTable: the columns of a table that ran to the foot of the page
  ///   before; set to those of one that runs to the foot of this page.
  func lines(openTable: inout [ClosedRange<Double>]?) -> [PDFLine] {
    let (fragments, boxed) = self.fragments()
    guard boxed else {
      openTable = nil
      return fragments
    }
    let layout = PDFPageLayout(fragments: fragments, width: width, continuing: openTable)
    openTable = layout.openTable
    return layout.lines
  }

  /// The runs of characters poppler gives on one line with no wide gap inside (two
  /// columns whose lines poppler ran together come apart here); whether every character
  /// had a box.
  private func fragments() -> (fragments: [PDFLine], boxed: Bool) {
    var result: [PDFLine] = []
    var current = PDFLine()
    var last: PDFBox?
    var character = 0
    var index = 0
    var boxed = true
    func finish() {
      if current.hasText { result.append(current) }
      current = PDFLine()
      last = nil
    }
    while index < utf8.count {
      let byte = utf8[index]
      let length = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      let end = min(index + length, utf8.count)
      let base = character * 4
      let box =
        base + 3 < boxValues.count
        ? PDFBox(
          x1: boxValues[base], y1: boxValues[base + 1], x2: boxValues[base + 2],
          y2: boxValues[base + 3])
        : nil
      if box == nil { boxed = false }
      if byte == 0x0A {
        finish()
      } else {
        let isSpace = byte == 0x20 || byte == 0x09
        if !isSpace, let box, let previous = last {
          let height = max(box.height, previous.height)
          let overlap = min(box.y2, previous.y2) - max(box.y1, previous.y1)
          let apart =
            box.x1 - previous.x2 > 0.8 * height || box.x1 < previous.x1 - 0.5 * height
            || overlap < 0.5 * min(box.height, previous.height)
          if apart { finish() }
        }
        current.append(utf8[index..<end], box: box, isSpace: isSpace)
        if !isSpace, let box { last = box }
      }
      character += 1
      index = end
    }
    finish()
    return (result, boxed)
  }
}

/// A rectangle on a page, in points from its top left.
struct PDFBox: Equatable {
  /// The left edge.
  var x1: Double
  /// The top edge.
  var y1: Double
  /// The right edge.
  var x2: Double
  /// The bottom edge.
  var y2: Double

  /// The box's width.
  var width: Double { x2 - x1 }
  /// The box's height.
  var height: Double { y2 - y1 }
}
