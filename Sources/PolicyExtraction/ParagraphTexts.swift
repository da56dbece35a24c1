import PolicyBytes
import PolicyText

/// The texts of a document's paragraphs, each made the first time it is read. Metadata
/// reads the front matter's, and of the body only lines short enough to be closing matter
/// (and the plan's title, near the front): most texts are never made.
package final class ParagraphTexts {
  private let pieces: TextPieces
  private let spans: [TextSpan]
  private var made: [String?]

  package init(_ paragraphs: [Paragraph], pieces: TextPieces) {
    self.pieces = pieces
    spans = paragraphs.map(\.span)
    made = Array(repeating: nil, count: paragraphs.count)
  }

  package var count: Int { spans.count }
  package var indices: Range<Int> { spans.indices }

  /// The text of paragraph `index`.
  package subscript(index: Int) -> String {
    if let text = made[index] { return text }
    let text = pieces.string(spans[index].range)
    made[index] = text
    return text
  }

  /// Whether the text of paragraph `index` has more than `limit` bytes of UTF-8. Its span
  /// says so without the text: they are as long when the text is valid UTF-8, and a
  /// repaired text is never shorter than its span.
  func hasMoreBytes(than limit: Int, at index: Int) -> Bool {
    spans[index].range.count > limit || !pieces.isValid && self[index].utf8.count > limit
  }

  /// Whether the text of paragraph `index` starts with `prefix`, byte for byte: read from
  /// the document's bytes when they are valid UTF-8 (and so the text's own).
  package func hasPrefixBytes(_ prefix: String, at index: Int) -> Bool {
    guard pieces.isValid else { return self[index].hasPrefixBytes(prefix) }
    return pieces.hasPrefix(prefix, in: spans[index].range)
  }

  /// Whether the text of paragraph `index` holds `word`, byte for byte (no text made).
  package func containsBytes(_ word: String, at index: Int) -> Bool {
    guard pieces.isValid else { return self[index].containsBytes(word) }
    return pieces.contains(word, in: spans[index].range)
  }

  /// Whether the text of paragraph `index` ends with `suffix`, byte for byte.
  package func hasSuffixBytes(_ suffix: String, at index: Int) -> Bool {
    guard pieces.isValid else { return self[index].hasSuffixBytes(suffix) }
    return pieces.hasSuffix(suffix, in: spans[index].range)
  }
}
