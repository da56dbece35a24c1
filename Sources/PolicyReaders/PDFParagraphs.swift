import PolicyText

/// Groups the body lines of a paged document into paragraphs by their geometry: a line
/// that ends short of the text block's right edge ends a paragraph; an indented line, a
/// heading line (一、 （一） 1. 第一章 …) after a finished sentence, a line after a gap
/// wider than the line spacing, or a line of another size starts one. The last line of
/// a centred title stays with it.
struct PDFParagraphs {
  /// The left and right edges of the text block of each column (0: one column, 1 and 2
  /// the left and right of two): where most of its lines start and end.
  private var edges: [Int: (left: Double, right: Double)] = [:]

  /// The blocks of `lines` (all the body lines of a document).
  init(lines: [PDFLine]) {
    let all = (Self.commonEdge(lines.map(\.box.x1)), Self.commonEdge(lines.map(\.box.x2)))
    for column in 0...2 {
      let own = lines.filter { $0.column == column }
      let edge =
        own.count >= 4
        ? (Self.commonEdge(own.map(\.box.x1)), Self.commonEdge(own.map(\.box.x2))) : all
      edges[column] = edge
    }
  }

  /// For each line, whether it starts a paragraph.
  func starts(of lines: [PDFLine]) -> [Bool] {
    var result: [Bool] = []
    var paragraphStart = 0
    for (index, line) in lines.enumerated() {
      let starts =
        index == 0 || startsParagraph(line, after: lines[index - 1], opening: lines[paragraphStart])
      if starts { paragraphStart = index }
      result.append(starts)
    }
    return result
  }

  private func startsParagraph(_ line: PDFLine, after previous: PDFLine, opening: PDFLine) -> Bool {
    let em = max(line.em, previous.em)
    let (left, right) = edges[line.column] ?? (0, 0)
    let previousRight = edges[previous.column]?.right ?? right
    let sameSize =
      abs(line.box.height - previous.box.height) <= 0.25 * max(line.box.height, previous.box.height)
    if !sameSize { return true }
    if line.page == previous.page {
      let gap = line.box.y1 - previous.box.y2
      if gap > 0.8 * max(line.box.height, previous.box.height) { return true }
      // A line beside or above the previous one in the same column: another block.
      if line.column == previous.column && line.box.y1 < previous.box.y1 - 1
        && line.box.x1 > previous.box.x2
      {
        return true
      }
    }
    let indented = line.box.x1 > left + 0.9 * em
    // A line may end up to three characters short of the edge when a mark may not start
    // the next line (下。 carried over whole) or a number is kept whole, in ragged-right
    // text above all (a web page printed). A line that ends so, without closing a
    // sentence, before an unindented line goes on, if it starts as body text does: flush
    // left, or indented two characters.
    let previousLeft = edges[previous.column]?.left ?? left
    let previousIndent = (previous.box.x1 - previousLeft) / em
    let previousIsBody = previousIndent < 0.5 || (previousIndent > 1.5 && previousIndent < 2.5)
    let previousIsFull =
      previous.box.x2 >= previousRight - 0.9 * em
      || (previous.box.x2 >= previousRight - 3 * em && !indented && previousIsBody
        && !Self.endsSentence(previous.utf8))
    if !previousIsFull { return true }
    if indented {
      // The last line of a centred title that filled its lines before.
      let centred = abs((line.box.x1 - left) - (right - line.box.x2)) <= 1.5 * em
      let openedCentredOrFlush =
        opening.box.x1 <= left + 0.5 * em
        || abs((opening.box.x1 - left) - (right - opening.box.x2)) <= 1.5 * em
      return !(centred && openedCentredOrFlush && line.page == previous.page)
    }
    if Self.startsWithHeadingMarker(line.utf8) && Self.endsSentence(previous.utf8) { return true }
    return false
  }

  /// The value, to the point, that most values are within a point of (a justified
  /// paragraph's lines all end at its right edge).
  private static func commonEdge(_ values: [Double]) -> Double {
    var counts: [Int: Int] = [:]
    for value in values where value.isFinite { counts[Int(value.rounded()), default: 0] += 1 }
    var best = (point: 0, count: -1)
    for point in counts.keys.sorted() {
      let near = (counts[point - 1] ?? 0) + (counts[point] ?? 0) + (counts[point + 1] ?? 0)
      if near > best.count { best = (point, near) }
    }
    return Double(best.point)
  }

  private static func startsWithHeadingMarker(_ utf8: [UInt8]) -> Bool {
    utf8.withUnsafeBufferPointer { buffer in
      guard let marker = HeadingMarker.match(in: buffer, at: 0, end: buffer.count) else {
        return false
      }
      switch marker.kind {
      case .paragraph, .table, .tableRow, .ordinalPoint: return false
      default: return true
      }
    }
  }

  /// Whether a line ends with 。；：！？ (or their ASCII forms).
  private static func endsSentence(_ utf8: [UInt8]) -> Bool {
    guard let last = String(decoding: utf8, as: UTF8.self).unicodeScalars.last(where: { $0 != " " })
    else { return false }
    return "。；：！？;:!?".unicodeScalars.contains(last)
  }
}
