import PolicyBytes
import PolicyText

/// A paragraph of the cleaned text (one line), and the heading it opens, if any.
package struct Paragraph {
  /// The line, without its line feed.
  package var span: TextSpan
  /// The numbering it starts with.
  package var marker: HeadingMarker?
  /// Where the title starts (after the marker, spaces and a colon).
  var titleStart: Int
  /// Where the title ends (before 。 for a run-in heading, or the end of the line).
  var titleEnd: Int
  /// Where the heading ends: after the 。 of a run-in heading, or the end of the line.
  var headingEnd: Int
  /// Whether the heading is the first sentence of a longer paragraph.
  package var isRunIn: Bool

  /// Whether the paragraph opens a section.
  package var isHeading: Bool { marker != nil }
}

/// Splits cleaned text into paragraphs and recognises the headings among them.
package struct ParagraphScanner {
  /// The longest first sentence (in scalars) still read as a run-in heading.
  static let maximumRunInTitle = 40
  /// The longest line (in scalars) read as a heading of its own.
  static let maximumStandaloneTitle = 60

  package static func paragraphs(of bytes: UnsafeBufferPointer<UInt8>) -> [Paragraph] {
    var paragraphs: [Paragraph] = []
    var start = 0
    let count = bytes.count
    while start <= count {
      let end = ByteSearch.offset(of: 0x0A, in: bytes, from: start) ?? count
      if end > start {
        let paragraph = classify(bytes, start: start, end: end)
        // "第一章　总则　　第一条　为规范…": a chapter's heading and its first article on
        // one line, as some exports join them, are two paragraphs.
        if let article = runOnArticle(after: paragraph, in: bytes) {
          paragraphs.append(classify(bytes, start: start, end: article.blankStart))
          paragraphs.append(classify(bytes, start: article.start, end: end))
        } else {
          paragraphs.append(paragraph)
        }
      }
      start = end + 1
    }
    return paragraphs
  }

  /// The longest title of a chapter that an article may follow on its line.
  static let maximumRunOnChapterTitle = 20

  /// Where an article starts on the line of a chapter's (or section's) heading, after
  /// blanks: "第一章　总则　　第一条…" → the article at 第一条, the heading ending at the
  /// blanks before it.
  private static func runOnArticle(after paragraph: Paragraph, in bytes: UnsafeBufferPointer<UInt8>)
    -> (blankStart: Int, start: Int)?
  {
    guard let marker = paragraph.marker, [.part, .chapter, .section].contains(marker.kind) else {
      return nil
    }
    let end = paragraph.span.end
    var position = paragraph.titleStart
    var characters = 0
    var blankStart: Int? = nil
    while position < end && characters <= maximumRunOnChapterTitle {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
      if UTF8Scalars.isBlank(scalar) {
        if blankStart == nil { blankStart = position }
      } else {
        if let blank = blankStart, scalar == .scalar("第"),
          HeadingMarker.match(in: bytes, at: position, end: end)?.kind == .article
        {
          return (blank, position)
        }
        blankStart = nil
        characters += 1
      }
      position += length
    }
    return nil
  }

  /// The longest bracketed article title, in characters.
  static let maximumArticleTitle = 20

  /// A title in brackets at `start` ("（目的依据）", "【目的依据】"): the title's bytes,
  /// and where the closing bracket ends.
  static func bracketedTitle(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (
    title: Range<Int>, end: Int
  )? {
    guard start < end else { return nil }
    let (open, openLength) = UTF8Scalars.scalar(in: bytes, at: start)
    let close: Set<UInt32>
    switch open {
    case .scalar("（"), 0x28: close = [.scalar("）"), 0x29]  // （ (
    case .scalar("【"): close = [.scalar("】")]
    default: return nil
    }
    var position = start + openLength
    var characters = 0
    while position < end && characters <= maximumArticleTitle {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
      if close.contains(scalar) {
        return characters > 0 ? (start + openLength..<position, position + length) : nil
      }
      characters += 1
      position += length
    }
    return nil
  }

  static func classify(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Paragraph {
    var paragraph = Paragraph(
      span: TextSpan(start, end), marker: nil, titleStart: start, titleEnd: start,
      headingEnd: start,
      isRunIn: false)
    guard let marker = HeadingMarker.match(in: bytes, at: start, end: end) else { return paragraph }
    var titleStart = start + marker.length
    // Spaces, and a colon after 专栏/附件 or a full stop after a number ("1. 推动…").
    while titleStart < end {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: titleStart)
      guard UTF8Scalars.isBlank(scalar) || scalar == .scalar("：") || scalar == 0x3A else { break }
      titleStart += length
    }
    paragraph.marker = marker
    paragraph.titleStart = titleStart
    switch marker.kind {
    case .article:
      // 第一条 opens the article's text; an article has no heading of its own unless it
      // gives one in brackets: "第一条（目的依据）为了…".
      paragraph.titleEnd = titleStart
      paragraph.headingEnd = titleStart
      if let bracketed = bracketedTitle(bytes, from: titleStart, end: end) {
        paragraph.titleStart = bracketed.title.lowerBound
        paragraph.titleEnd = bracketed.title.upperBound
        paragraph.headingEnd = bracketed.end
        paragraph.isRunIn = bracketed.end < end
      }
      return paragraph
    case .chapter, .section, .part, .column, .attachment:
      paragraph.titleEnd = end
      paragraph.headingEnd = end
      return paragraph
    default:
      break
    }
    // The first sentence: up to 。！？ (or the end of the line).
    var position = titleStart
    var scalars = 0
    var sentenceEnd = -1
    while position < end {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
      if scalar == .scalar("。") || scalar == .scalar("！") || scalar == .scalar("？") {
        sentenceEnd = position
        break
      }
      scalars += 1
      position += length
    }
    if sentenceEnd < 0 {
      // No full stop: a heading line, unless it runs long (a numbered paragraph).
      if scalars <= maximumStandaloneTitle {
        paragraph.titleEnd = end
        paragraph.headingEnd = end
      } else {
        paragraph.titleEnd = titleStart
        paragraph.headingEnd = titleStart
      }
      return paragraph
    }
    let afterStop = sentenceEnd + 3
    if scalars <= maximumRunInTitle && scalars > 0 {
      paragraph.titleEnd = sentenceEnd
      paragraph.headingEnd = afterStop
      paragraph.isRunIn = afterStop < end
    } else {
      paragraph.titleEnd = titleStart
      paragraph.headingEnd = titleStart
    }
    return paragraph
  }
}
