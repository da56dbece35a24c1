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
    "copyright", "topbar", "skip",
  ]
  /// Elements that start and end a line.
  private static let blockElements: Set<String> = [
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "blockquote", "pre", "dd", "dt", "dl", "ul", "ol", "hr", "center", "title",
    "caption", "address", "main", "body", "html", "tbody", "thead", "tfoot", "figure", "figcaption",
  ]

  func read(_ bytes: [UInt8], path: String) throws -> RawText {
    let decoded = try TextDecoder().decode(bytes, path: path, declaredEncoding: Self.declaredCharset(bytes))
    var builder = MarkupTextBuilder(markup: decoded.utf8, collapsesWhitespace: true)
    var stack: [(name: String, skipped: Bool)] = []
    XMLSource.parse(decoded.utf8, as: .html) { event in
      switch event {
      case .start(let name, let attributes, let position):
        let skipped = (stack.last?.skipped ?? false) || Self.isSkipped(name, attributes: attributes)
        stack.append((name, skipped))
        if !skipped && Self.blockElements.contains(name) { builder.appendLineBreak(at: position) }
        else { builder.advance(to: position) }
      case .end(let name, let position):
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        let skipped = stack[index].skipped
        stack.removeSubrange(index...)
        if skipped { builder.advance(to: position) }
        else if Self.blockElements.contains(name) { builder.appendLineBreak(at: position) }
        else if name == "td" || name == "th" { builder.appendCellSeparator(at: position) }
        else { builder.advance(to: position) }
      case .text(let chunk, let start, let end):
        if stack.last?.skipped ?? false { builder.advance(to: end) }
        else { builder.appendText(chunk, start: start, end: end) }
      }
    }
    if builder.utf8.isEmpty { throw TextError.emptyFile(path: path) }
    let text = DecodedText(
      utf8: builder.utf8, map: builder.map.map.composed(with: decoded.map),
      encoding: decoded.encoding, diagnostics: decoded.diagnostics)
    var raw = RawText(decoded: text, layout: .paragraphs, sourceBytes: bytes)
    raw.sourceEncoding = decoded.encoding
    return raw
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
