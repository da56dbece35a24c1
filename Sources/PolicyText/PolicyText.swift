/// A document's text in two views — cleaned for display and offsets, folded for
/// matching — with maps that take every character back to the source bytes it came from.
public struct PolicyText: Sendable {
  /// Where the text came from.
  public let source: SourceDescriptor
  /// The cleaned text as UTF-8: one paragraph per line, noise removed, hard wraps joined.
  public let utf8: [UInt8]
  /// The matching form of the text as UTF-8: NFKC with case folding, Traditional →
  /// Simplified.
  public let foldedUTF8: [UInt8]
  /// Byte offsets in `text` → byte ranges in the source file.
  public let sourceMap: OffsetMap
  /// Byte offsets in `folded` → byte ranges in `text`.
  public let foldedMap: OffsetMap
  /// What the cleaning rules changed.
  public let cleaning: CleaningReport
  /// Problems met while reading that did not stop it.
  public let diagnostics: [Diagnostic]
  /// A Markdown file's front matter, whose fields are metadata; their ranges are source
  /// bytes, outside the cleaned text (`sourceSpan(ofSourceBytes:)` gives their lines).
  public let frontMatter: FrontMatter?
  /// The grid of the table rows an HTML or .docx reader wrote as lines, in source order.
  public let tableRows: [TableRowLayout]
  private let lines: LineIndex
  /// The page of each source line, for a paged source (PDF, OFD).
  private let pageLines: PageLines?

  package init(
    source: SourceDescriptor, utf8: [UInt8], sourceMap: OffsetMap, cleaning: CleaningReport,
    diagnostics: [Diagnostic], frontMatter: FrontMatter? = nil, tableRows: [TableRowLayout] = [],
    lines: LineIndex, pageLines: PageLines? = nil
  ) {
    self.source = source
    self.utf8 = utf8
    let folding = utf8.withUnsafeBufferPointer { TextFolder.fold($0) }
    self.foldedUTF8 = folding.utf8
    self.sourceMap = sourceMap
    self.foldedMap = folding.map
    self.cleaning = cleaning
    self.diagnostics = diagnostics
    self.frontMatter = frontMatter
    self.tableRows = tableRows
    self.lines = lines
    self.pageLines = pageLines
  }

  /// Whether the source has pages (a PDF or OFD), so that spans carry page numbers.
  public var isPaged: Bool { pageLines != nil }

  /// The cleaned text (made from `utf8` on each access).
  public var text: String { String(decoding: utf8, as: UTF8.self) }

  /// The matching form of the text (made from `foldedUTF8` on each access).
  public var folded: String { String(decoding: foldedUTF8, as: UTF8.self) }

  /// Where the cleaned text's bytes `range` (UTF-8 offsets into `text`) came from.
  /// - Complexity: O(log n) in the number of map pieces and source lines.
  public func sourceSpan(ofTextRange range: Range<Int>) -> SourceSpan {
    let bytes = sourceMap.sourceRange(for: range)
    return sourceSpan(ofSourceBytes: bytes)
  }

  /// The line and column of source bytes that are not in the cleaned text (front matter).
  public func sourceSpan(ofSourceBytes range: Range<Int>) -> SourceSpan {
    let line = lines.line(at: range.lowerBound)
    var span = SourceSpan(
      byteRange: range, line: line, column: lines.column(at: range.lowerBound))
    if let position = pageLines?.position(ofSourceLine: line) {
      span.page = position.page
      span.pageLine = position.line
    }
    return span
  }

  /// The range of `text` behind the folded bytes `range` (UTF-8 offsets into `folded`).
  public func textRange(ofFoldedRange range: Range<Int>) -> Range<Int> {
    foldedMap.sourceRange(for: range)
  }

  /// The 1-based source line of the cleaned text's byte `offset`.
  public func sourceLine(ofTextOffset offset: Int) -> Int {
    lines.line(at: sourceMap.sourceRange(at: offset).lowerBound)
  }
}
