import PolicyBytes
import PolicyText

/// A table of contents (目录) at the head of a long plan: a line "目录" (often spaced,
/// "目　　录"), then the headings of the plan as short numbered lines ("1　总则", "1.1　编制
/// 目的及依据", "第一章　总则", with or without page numbers), until the first of them
/// comes again as the body's own heading. Its lines are no headings: they would open a
/// second, empty outline of the plan before the real one.
enum TableOfContents {
  /// The longest line of a table of contents, in bytes (a title, dot leaders and a page
  /// number).
  static let maximumEntryBytes = 50 * 3
  /// The most lines a table of contents may run to.
  static let maximumEntries = 400

  /// Clears the markers of the table of contents' lines, if the text has one.
  static func unmark(_ paragraphs: inout [Paragraph], texts: ParagraphTexts) {
    guard let title = paragraphs.indices.first(where: { isTitle(texts, $0) }),
      let firstEntry = paragraphs.indices[(title + 1)..<min(paragraphs.count, title + 3)]
        .first(where: { paragraphs[$0].marker != nil })
    else { return }
    let first = entryKey(texts[firstEntry])
    var index = firstEntry + 1
    while index < paragraphs.count, index - firstEntry <= maximumEntries {
      if paragraphs[index].marker != nil, entryKey(texts[index]) == first {
        for entry in firstEntry..<index { paragraphs[entry].marker = nil }
        return
      }
      // Every line of the table is short: a longer one is body text, and what came
      // before it no table of contents.
      guard !texts.hasMoreBytes(than: maximumEntryBytes, at: index) else { return }
      index += 1
    }
  }

  /// Whether paragraph `index` is the line "目录" (blanks inside it allowed).
  private static func isTitle(_ texts: ParagraphTexts, _ index: Int) -> Bool {
    guard !texts.hasMoreBytes(than: 24, at: index), texts.hasPrefixBytes("目", at: index) else {
      return false
    }
    return ContentsTitle.matches(texts[index].unicodeScalars.lazy.map(\.value))
  }

  /// An entry as it is compared with the body's headings: without blanks, and without
  /// the dot leaders and page number a table of contents may put after the title.
  private static func entryKey(_ text: String) -> [Unicode.Scalar] {
    var scalars = Array(text.unicodeScalars.filter { !UTF8Scalars.isBlank($0.value) })
    while let last = scalars.last,
      last == "." || last == "…" || last == "·" || last == "-" || last == "—"
        || UTF8Scalars.isDigit(last.value)
    {
      scalars.removeLast()
    }
    return scalars
  }
}
