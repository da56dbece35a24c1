import PolicyBytes

/// The list of attachments a document gives before them ("附件：1.郊野公园建设项目表" then
/// "2.公园绿地重点建设计划表" …, or "附件1：…申报表；" lines): entries, not headings. An
/// attachment itself opens with "附件" or "附件1" standing alone; a 附件 with a colon names
/// what is attached, and the numbered lines that continue it name the rest.
enum AttachmentList {
  /// The longest entry of the list, in characters.
  static let maximumEntry = 60

  /// Clears the markers of the list's paragraphs, so that they open no sections.
  /// - Returns: the list's paragraphs.
  @discardableResult
  static func unmark(_ paragraphs: inout [Paragraph], texts: ParagraphTexts) -> [Int] {
    var entries: [Int] = []
    var index = 0
    while index < paragraphs.count {
      guard let next = entryNumber(texts[index]) else {
        index += 1
        continue
      }
      // A bare "附件：" heads a list only when numbered entries follow; before the
      // attachment's title it is the attachment's own heading.
      if next == 1, index + 1 < paragraphs.count, paragraphs[index + 1].marker?.number != 1 {
        index += 1
        continue
      }
      paragraphs[index].marker = nil
      entries.append(index)
      var expected = next
      index += 1
      // The entries after it: numbered short lines that go on counting.
      while index < paragraphs.count, let marker = paragraphs[index].marker,
        marker.kind == .arabicOrdinal || marker.kind == .chineseOrdinal, marker.number == expected,
        texts[index].hasAtMostCharacters(maximumEntry), !texts[index].containsBytes("。")
      {
        paragraphs[index].marker = nil
        entries.append(index)
        expected += 1
        index += 1
      }
    }
    return entries
  }

  /// For a paragraph that opens a list of attachments ("附件：", "附件：1.…", "附件2：…"),
  /// the number the next entry would carry (1 after a bare "附件：", 2 after
  /// "附件：1.…"); nil for any other paragraph.
  static func entryNumber(_ text: String) -> Int? {
    guard text.hasPrefixBytes("附件") || text.hasPrefixBytes("附表"),
      text.hasAtMostCharacters(maximumEntry + 6)
    else {
      return nil
    }
    var rest = Substring(text).dropFirst(2).drop {
      UTF8Scalars.isDigit($0.unicodeScalars.first!.value) || $0 == " "
    }
    guard let colon = rest.first, colon == "：" || colon == ":" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " }
    var digits = 0
    var value = 0
    for character in rest {
      guard let digit = character.unicodeScalars.first.flatMap({ UTF8Scalars.digitValue($0.value) })
      else { break }
      value = value * 10 + digit
      digits += 1
    }
    return digits > 0 ? value + 1 : 1
  }
}
