import PolicyBytes
import PolicyModel
import PolicyText

/// Writes where an item is: its bytes and characters in the cleaned text, its bytes in the
/// source file, the source line and column, and for a PDF or OFD its page and the line on
/// that page.
struct LocationWriter {
  package let document: PolicyDocument
  /// Scalar counts at the start of every 256-byte block of the text.
  private let blockCounts: [Int]
  private static let block = 256

  package init(_ document: PolicyDocument) {
    self.document = document
    var counts: [Int] = [0]
    var total = 0
    let bytes = document.text.utf8
    var index = 0
    while index < bytes.count {
      if UTF8Scalars.startsScalar(bytes[index]) { total += 1 }
      index += 1
      if index % Self.block == 0 { counts.append(total) }
    }
    blockCounts = counts
  }

  /// The scalar offset of byte `offset` of the cleaned text.
  func characterOffset(_ offset: Int) -> Int {
    let bytes = document.text.utf8
    let clamped = max(0, min(offset, bytes.count))
    let blockIndex = clamped / Self.block
    let start = min(blockIndex, blockCounts.count - 1) * Self.block
    return blockCounts[min(blockIndex, blockCounts.count - 1)]
      + UTF8Scalars.count(in: bytes, range: start..<clamped)
  }

  package func write(_ key: String, _ span: TextSpan, to writer: inout JSONWriter) {
    let source = document.sourceSpan(of: span)
    writer.beginObject(key)
    writer.ints("text_bytes", [span.start, span.end])
    writer.ints("text_chars", [characterOffset(span.start), characterOffset(span.end)])
    writer.ints("source_bytes", [source.byteRange.lowerBound, source.byteRange.upperBound])
    writer.int("line", source.line)
    writer.int("column", source.column)
    writePage(of: source, to: &writer)
    writer.endObject()
  }

  /// The page and the line on it, for a paged source (PDF, OFD); nothing for the others.
  private func writePage(of source: SourceSpan, to writer: inout JSONWriter) {
    guard let page = source.page else { return }
    writer.int("page", page)
    writer.int("page_line", source.pageLine ?? 1)
  }

  /// Where a field read from outside the cleaned text (front matter) stands in the source:
  /// its text offsets are null.
  package func write(_ key: String, sourceBytes range: Range<Int>, to writer: inout JSONWriter) {
    let source = document.text.sourceSpan(ofSourceBytes: range)
    writer.beginObject(key)
    writer.string("text_bytes", nil)
    writer.string("text_chars", nil)
    writer.ints("source_bytes", [range.lowerBound, range.upperBound])
    writer.int("line", source.line)
    writer.int("column", source.column)
    writer.endObject()
  }
}
