import PolicyText

/// The decimal numbering of a document (1 总则, 1.1 编制目的, 2.1.3 成员单位职责), kept only
/// where the document is numbered that way: a line that opens with "2.5　" or "30　" in a
/// plan numbered otherwise is a quantity, not a heading. A document numbers its parts in
/// decimals when it has at least `minimumHeadings` headings of two levels or more; a
/// heading of one level ("2　组织机构和职责") when a deeper one opens with its number
/// ("2.1　…").
enum DecimalOutline {
  /// The fewest headings of two or more levels that make a decimal outline.
  static let minimumHeadings = 2

  /// Clears the decimal markers of `paragraphs` that the document's outline does not bear
  /// out.
  static func unmarkStray(_ paragraphs: inout [Paragraph], texts: ParagraphTexts) {
    var parents = Set<Int>()
    var deeper = 0
    for index in paragraphs.indices {
      guard let kind = paragraphs[index].marker?.kind else { continue }
      switch kind {
      case .decimal1:
        continue
      case .decimal2, .decimal3, .decimal4:
        deeper += 1
        if let first = firstLevel(texts[index]) { parents.insert(first) }
      default:
        continue
      }
    }
    let isOutline = deeper >= minimumHeadings
    for index in paragraphs.indices {
      guard let marker = paragraphs[index].marker else { continue }
      switch marker.kind {
      case .decimal1:
        if !isOutline || !parents.contains(marker.number ?? 0) { paragraphs[index].marker = nil }
      case .decimal2, .decimal3, .decimal4:
        if !isOutline { paragraphs[index].marker = nil }
      default:
        continue
      }
    }
  }

  /// The first level of a decimal number at the start of `text` (2 of "2.1.3　…").
  static func firstLevel(_ text: String) -> Int? {
    var value = 0
    var digits = 0
    for byte in text.utf8 {
      guard (0x30...0x39).contains(byte) else { break }
      value = value * 10 + Int(byte - 0x30)
      digits += 1
    }
    return digits > 0 ? value : nil
  }
}
