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

  /// The printed lines of the page, in poppler's reading order; blank lines are left out.
  func lines() -> [PDFLine] {
    var result: [PDFLine] = []
    var current = PDFLine()
    var character = 0
    var index = 0
    func finish() {
      if current.hasText { result.append(current) }
      current = PDFLine()
    }
    while index < utf8.count {
      let byte = utf8[index]
      let length = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      let end = min(index + length, utf8.count)
      if byte == 0x0A {
        finish()
      } else {
        let base = character * 4
        let box =
          base + 3 < boxValues.count
          ? PDFBox(
            x1: boxValues[base], y1: boxValues[base + 1], x2: boxValues[base + 2],
            y2: boxValues[base + 3])
          : nil
        current.append(utf8[index..<end], box: box, isSpace: byte == 0x20 || byte == 0x09)
      }
      character += 1
      index = end
    }
    finish()
    return result
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
