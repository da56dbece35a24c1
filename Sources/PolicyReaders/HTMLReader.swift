import PolicyBytes
import PolicyText

/// Reads an HTML page: its text without navigation, scripts or styles, with paragraphs,
/// headings, list items and table rows as lines. The charset comes from `<meta>` when
/// the page declares one, else from detection.
struct HTMLReader {
  /// Elements whose content is never document text.
  private static let skippedElements: Set<String> = [
    "script", "style", "noscript", "template", "head", "nav", "aside", "footer", "form",
    "select", "button", "iframe", "svg", "object", "embed", "canvas", "audio", "video", "map",
  ]
  /// Class or id words that mark site furniture rather than the document.
  private static let skippedClassWords = [
    "nav", "menu", "breadcrumb", "crumb", "footer", "sidebar", "share", "toolbar", "pagination",
    "copyright", "topbar", "skip", "path", "position", "location", "crumbs", "dqwz", "weizhi",
  ]
  /// Elements that start and end a line.
  private static let blockElements: Set<String> = [
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "blockquote", "pre", "dd", "dt", "dl", "ul", "ol", "hr", "center", "title",
    "caption", "address", "main", "body", "html", "tbody", "thead", "tfoot", "figure", "figcaption",
  ]

  /// What separates the paragraphs of one table cell on its row's line.
  private static let paragraphInCell: [UInt8] = Array("\u{3000}".utf8)

  package func read(_ bytes: [UInt8], path: String) throws -> RawText {
    let decoded = try TextDecoder().decode(
      bytes, path: path, declaredEncoding: Self.declaredCharset(bytes))
    // A DOCTYPE's internal subset would come out as text.
    let markup = DoctypeSubset.blanked(decoded.utf8)
    let dataTables = HTMLTableShapes.dataTables(in: markup)
    var builder = MarkupTextBuilder(markup: markup, collapsesWhitespace: true)
    var stack: [(name: String, skipped: Bool)] = []
    // Open tables: their grids (nil for a layout table), innermost last.
    var tables: [TableGrid?] = []
    var tableCount = 0
    var layouts: [TableRowLayout] = []
    // How many cells of data tables are open: paragraphs inside them stay on the row's line.
    var cellDepth = 0
    /// The start or end of any other element: a block element breaks the line (inside a
    /// data table's cell, it separates paragraphs of the cell); others break nothing.
    func elementBoundary(_ name: String, at position: Int) {
      if cellDepth > 0 && Self.blockElements.contains(name) {
        builder.appendSeparator(Self.paragraphInCell, at: position)
      } else if Self.blockElements.contains(name) {
        builder.appendLineBreak(at: position)
      } else {
        builder.advance(to: position)
      }
    }
    XMLSource.parse(markup, as: .html) { event in
      switch event {
      case .start(let name, let attributes, let position):
        let skipped = (stack.last?.skipped ?? false) || Self.isSkipped(name, attributes: attributes)
        stack.append((name, skipped))
        // Tables are counted as HTMLTableShapes counts them: every one, skipped or not.
        if skipped && name == "table" { tableCount += 1 }
        guard !skipped else { return builder.advance(to: position) }
        switch name {
        case "table":
          tables.append(dataTables.contains(tableCount) ? TableGrid(table: tableCount) : nil)
          tableCount += 1
          builder.appendLineBreak(at: position)
        case "tr" where (tables.last ?? nil) != nil:
          builder.appendLineBreak(at: position)
          tables[tables.count - 1]?.startRow(at: position)
        case "td", "th":
          builder.advance(to: position)
          guard (tables.last ?? nil) != nil else { return }
          cellDepth += 1
          tables[tables.count - 1]?.startCell(
            span: Self.number("colspan", in: attributes),
            rowSpan: Self.number("rowspan", in: attributes),
            outputLength: builder.utf8.count)
        default:
          elementBoundary(name, at: position)
        }
      case .end(let name, let position):
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        let skipped = stack[index].skipped
        stack.removeSubrange(index...)
        guard !skipped else { return builder.advance(to: position) }
        switch name {
        case "table":
          if let grid = tables.popLast(), let grid { layouts += grid.rows }
          builder.appendLineBreak(at: position)
        case "tr" where (tables.last ?? nil) != nil:
          tables[tables.count - 1]?.endRow(at: position)
          builder.appendLineBreak(at: position)
        case "td", "th":
          if (tables.last ?? nil) != nil {
            cellDepth = max(0, cellDepth - 1)
            tables[tables.count - 1]?.endCell(outputLength: builder.utf8.count)
          }
          builder.appendCellSeparator(at: position)
        default:
          elementBoundary(name, at: position)
        }
      case .text(let chunk, let start, let end):
        if stack.last?.skipped ?? false {
          builder.advance(to: end)
        } else {
          builder.appendText(chunk, start: start, end: end)
        }
      }
    }
    if builder.utf8.isEmpty { throw TextError.emptyFile(path: path) }
    let text = DecodedText(
      utf8: builder.utf8, map: builder.map.map.composed(with: decoded.map),
      encoding: decoded.encoding, diagnostics: decoded.diagnostics)
    var raw = RawText(decoded: text, layout: .paragraphs, sourceBytes: bytes)
    raw.sourceEncoding = decoded.encoding
    raw.tableRows = layouts.map { row in
      var row = row
      row.sourceRange = decoded.map.sourceRange(for: row.sourceRange)
      return row
    }
    return raw
  }

  /// The value of `name=…` among an element's attributes (as `XMLSource` passes them),
  /// or 1.
  package static func number(_ name: String, in attributes: String) -> Int {
    guard let range = attributes.rangeOfBytes(name + "=") else { return 1 }
    let digits = attributes[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
    return Int(digits).map { min(max($0, 1), 1000) } ?? 1
  }

  private static func isSkipped(_ name: String, attributes: String) -> Bool {
    if skippedElements.contains(name) { return true }
    guard !attributes.isEmpty else { return false }
    let words = attributes.lowercased().split { !$0.isLetter }
    return words.contains { word in skippedClassWords.contains(String(word)) }
  }

  /// The charset a page declares in `<meta charset=…>` or `<meta http-equiv …
  /// content="…; charset=…">` within its first 4 KB.
  static func declaredCharset(_ bytes: [UInt8]) -> TextEncoding? {
    // ASCII only, so that a byte search finds what a character search would.
    let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self)
      .lowercased()
    guard let range = head.rangeOfBytes("charset") else { return nil }
    var rest = head[range.upperBound...].drop { $0 == " " }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
    let label = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    return label.isEmpty ? nil : TextEncoding(label: String(label))
  }
}
