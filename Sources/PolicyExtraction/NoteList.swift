import PolicyBytes
import PolicyText

/// The notes a document gives under a table or a list ("注：" then "1.三级公立综合医院考核
/// 应采用…", "2.标记“▲”的26个指标…"): explanations of what stands above them, not items of
/// the plan. Their numbered paragraphs open no sections.
enum NoteList {
  /// What a note list opens with: 注, 备注 or 说明 and a colon.
  private static let openings = ["注：", "注:", "备注：", "备注:", "说明：", "说明:"]

  /// Clears the markers of the numbered paragraphs of every note list, so that they open
  /// no sections: those after a paragraph that is only "注：" (or that opens "注：1." with
  /// its first note), as long as they are numbered as the first note is.
  /// - Returns: the paragraphs cleared.
  @discardableResult
  static func unmark(_ paragraphs: inout [Paragraph], texts: ParagraphTexts) -> [Int] {
    var cleared: [Int] = []
    var index = 0
    while index < paragraphs.count {
      defer { index += 1 }
      guard paragraphs[index].marker == nil, let kind = noteKind(at: index, paragraphs, texts)
      else { continue }
      var next = index + 1
      while next < paragraphs.count {
        if let marker = paragraphs[next].marker {
          guard marker.kind == kind else { break }
          paragraphs[next].marker = nil
          cleared.append(next)
        }
        next += 1
      }
      index = next - 1
    }
    return cleared
  }

  /// The numbering of the notes that paragraph `index` opens, or nil when it opens none.
  private static func noteKind(at index: Int, _ paragraphs: [Paragraph], _ texts: ParagraphTexts)
    -> HeadingMarker.Kind?
  {
    let isBlank: (Unicode.Scalar) -> Bool = { UTF8Scalars.isBlank($0.value) }
    let text = Substring(texts[index]).unicodeScalars.drop(while: isBlank)
    guard let opening = openings.first(where: { text.starts(with: $0.unicodeScalars) }) else {
      return nil
    }
    let rest = Substring(text.dropFirst(opening.unicodeScalars.count)).trimmingScalars(
      where: isBlank)
    if rest.isEmpty {
      // "注：" alone: the notes are the numbered paragraphs after it.
      guard index + 1 < paragraphs.count, let marker = paragraphs[index + 1].marker,
        marker.kind == .arabicOrdinal || marker.kind == .parenthesizedArabicOrdinal,
        marker.number == 1
      else { return nil }
      return marker.kind
    }
    // "注：1.…": the first note on the same line, the others after it.
    if ["1.", "1．", "1、"].contains(where: rest.hasPrefix) { return .arabicOrdinal }
    if ["（1）", "(1)"].contains(where: rest.hasPrefix) { return .parenthesizedArabicOrdinal }
    return nil
  }
}
