#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cleans raw text for display and parsing: applies the in-line rules to every line,
/// drops page-number lines and a repository's licence notice at the end
/// (`LicenceNotice`), joins hard-wrapped paragraphs (for plain text), and writes one
/// paragraph per line, keeping a map from each output byte to the raw bytes.
package struct TextCleaner {
  /// The cleaned text as UTF-8 and its map back to the raw text.
  package struct Result {
    package var utf8: [UInt8]
    package var map: OffsetMap
    package var report: CleaningReport
  }

  package var layout: LineLayout
  package var isMarkdown = false
  /// Where the text starts: bytes before it (a Markdown file's front matter) are not text.
  package var textStart = 0

  package func clean(_ raw: [UInt8]) -> Result {
    raw.withUnsafeBufferPointer { bytes in clean(bytes) }
  }

  private func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
    var report = CleaningReport()
    if textStart > 0 { report.record(.frontMatter) }
    var segments = SegmentList()
    let lines = splitLines(bytes, segments: &segments, report: &report)
    let wrapWidth = layout == .wrappedLines ? Self.wrapWidth(of: lines) : nil
    let blankLineParagraphs = isMarkdown && Self.separatesParagraphsWithBlankLines(lines)

    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var builder = OffsetMap.Builder()
    var previous: (line: CleanLine, shape: LineShape)? = nil
    // The last line with text, a dropped page number included: a blank line lies between
    // it and a line further on. A blank line before a dropped page number still counts
    // for the line after it (title / blank / "- 1 -" / text).
    var lastLineIndex = -1
    var blankBeforeDropped = false
    // Whether the previous kept line is the document's first.
    var previousOpensDocument = false
    // Storage for the scalars of the line being shaped.
    var scratch: [UInt32] = []
    // Whether the paragraph being built is a heading whose lines so far were joined only
    // because a title in 《》 was broken out of them ("三、关于《" / "…纲要（草案）" / "》的说明"):
    // it ends with its title, whatever the next line.
    var headingThroughTitle = false
    // Whether the previous kept line opened its paragraph.
    var previousOpensParagraph = false
    // Where the licence notice's 公有领域 stands (-1: nowhere), found at the first line
    // that opens like the notice.
    var publicDomain: Int? = nil
    for index in lines.indices where !lines[index].isEmpty {
      let line = lines[index]
      let lineStart = segments[line.segments.lowerBound].lowerBound
      if LicenceNotice.opensLikeNotice(at: lineStart, in: bytes) {
        let notice = publicDomain ?? LicenceNotice.lastPublicDomain(in: bytes) ?? -1
        publicDomain = notice
        if lineStart < notice {
          report.record(.licenceNotice)
          break
        }
      }
      let followsBlankLine = blankBeforeDropped || index > lastLineIndex + 1
      lastLineIndex = index
      // Each line's shape is made when the line is reached: page numbers are dropped.
      let shape = LineShape(line, segments: segments, in: bytes, scratch: &scratch)
      if shape.isPageNumber {
        report.record(.pageNumberLine)
        blankBeforeDropped = followsBlankLine
        continue
      }
      blankBeforeDropped = false
      if let (previousLine, previousShape) = previous {
        // A document's opening line, short, without punctuation and followed by a blank
        // line, is its title ("评估验收标准" above "在“一达标”上："), never the start of a
        // wrapped paragraph.
        let isOpeningTitle =
          previousOpensDocument && followsBlankLine && previousShape.isShortUnpunctuated
        // In Markdown a blank line ends a paragraph: flattened table cells and short
        // paragraphs stay apart however they end.
        let blankEndsParagraph = isMarkdown && followsBlankLine
        // In Markdown whose paragraphs are apart by blank lines, a line break inside one is
        // a soft wrap (a table cell's "区建设管理委、区规划资源局、" / "区水务局…"), unless
        // a heading or a Markdown block starts the next line.
        let isSoftWrap =
          blankLineParagraphs && !followsBlankLine && !previousLine.standsAlone && !line.standsAlone
          && !shape.opensParagraph
        // A title broken out of its 《》 onto lines of its own (a link in the page the text
        // was taken from: "…颁布了《" / "重大动物疫情应急条例" / "》、《"): the lines are one.
        let breaksTitle =
          layout == .wrappedLines
          && (previousShape.last == .scalar("《") || shape.first == .scalar("》"))
        let endsHeading = headingThroughTitle && !breaksTitle
        let joined =
          layout == .wrappedLines && !isOpeningTitle && !blankEndsParagraph && !endsHeading
          && (breaksTitle || isSoftWrap
            || joins(previousLine, previousShape, line, shape, wrapWidth: wrapWidth))
        // Still a heading only while what follows the 》 is short and unpunctuated ("》的说明";
        // not "》，严厉打击…", a numbered item's sentence going on).
        headingThroughTitle =
          joined && breaksTitle
          && (headingThroughTitle || (previousOpensParagraph && previousShape.isStandaloneHeading))
          && (shape.first != .scalar("》") || shape.isShortUnpunctuated)
        previousOpensParagraph = !joined
        if joined {
          report.record(.hardWrap)
          if Self.isWordCharacter(previousShape.last) && Self.isWordCharacter(shape.first) {
            out.append(0x20)
            builder.append(
              targetLength: 1, sourceStart: previousLine.terminatorStart,
              sourceLength: previousLine.terminatorLength)
          }
        } else {
          out.append(0x0A)
          builder.append(
            targetLength: 1, sourceStart: previousLine.terminatorStart,
            sourceLength: previousLine.terminatorLength)
        }
      }
      for index in line.segments {
        let segment = segments[index]
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment]))
        builder.appendVerbatim(length: segment.count, sourceStart: segment.lowerBound)
      }
      if previous == nil { previousOpensParagraph = true }
      previousOpensDocument = previous == nil
      previous = (line, shape)
    }
    return Result(utf8: out, map: builder.map, report: report)
  }

  /// Splits the raw text at LF, CRLF, CR and form feeds and cleans each line.
  private func splitLines(
    _ bytes: UnsafeBufferPointer<UInt8>, segments: inout SegmentList, report: inout CleaningReport
  ) -> [CleanLine] {
    let cleaner = LineCleaner(isMarkdown: isMarkdown)
    var lines: [CleanLine] = []
    let count = bytes.count
    guard let base = bytes.baseAddress else { return [] }
    // Most files end lines with LF alone: then memchr finds every line end.
    let onlyLineFeeds = memchr(base, 0x0D, count) == nil && memchr(base, 0x0C, count) == nil
    var start = min(textStart, count)
    while start < count {
      var end = start
      var terminator = 0
      if onlyLineFeeds {
        if let found = memchr(base + start, 0x0A, count - start) {
          end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
          terminator = 1
        } else {
          end = count
        }
      } else {
        while end < count {
          let byte = bytes[end]
          if byte == 0x0A || byte == 0x0C {
            terminator = 1
            break
          }
          if byte == 0x0D {
            terminator = end + 1 < count && bytes[end + 1] == 0x0A ? 2 : 1
            break
          }
          end += 1
        }
      }
      lines.append(
        cleaner.clean(
          bytes, start: start, end: end, terminatorLength: terminator, segments: &segments,
          report: &report))
      start = end + terminator
      if terminator == 0 { break }
    }
    return lines
  }

  /// Whether line `b` continues the paragraph that line `a` is part of.
  private func joins(
    _ a: CleanLine, _ aShape: LineShape, _ b: CleanLine, _ bShape: LineShape, wrapWidth: Int?
  ) -> Bool {
    if a.standsAlone || b.standsAlone || b.isIndented { return false }
    if aShape.isRecordLine || bShape.isRecordLine { return false }
    if aShape.isEnactmentRecord || bShape.isEnactmentRecord { return false }
    if aShape.endsSentence || aShape.isDocumentNumber || aShape.endsWithDate { return false }
    if bShape.opensParagraph || bShape.isDocumentNumber || bShape.endsWithDate { return false }
    let aIsFull = wrapWidth.map { a.scalarCount >= $0 - 3 } ?? false
    if aShape.isStandaloneHeading && !aIsFull { return false }
    if aShape.endsLikeTitle && !aIsFull && !bShape.opensWithYear { return false }
    return true
  }

  /// Whether most paragraphs of a text are apart by blank lines: at least twice as many
  /// line breaks are followed by a blank line as by another line of text.
  static func separatesParagraphsWithBlankLines(_ lines: [CleanLine]) -> Bool {
    var blank = 0
    var adjacent = 0
    for index in lines.indices.dropLast() where !lines[index].isEmpty {
      if lines[index + 1].isEmpty { blank += 1 } else { adjacent += 1 }
    }
    return blank >= 10 && blank >= 2 * adjacent
  }

  /// The width a PDF extraction wrapped lines at, if the text looks hard-wrapped: a line
  /// length (in scalars, at least 20) that at least a quarter of the lines of twelve or
  /// more scalars reach to within three, and that almost no line exceeds.
  static func wrapWidth(of lines: [CleanLine]) -> Int? {
    // The lengths of the long lines, sorted: the lines that reach a width to within three
    // are then a run of them, found by moving two positions forward (no histogram to hash).
    let lengths = lines.lazy.map(\.scalarCount).filter { $0 >= 12 }.sorted()
    let longLines = lengths.count
    guard longLines >= 8 else { return nil }
    var best = (width: 0, covered: 0)
    var low = 0
    var index = 0
    while index < lengths.count {
      let width = lengths[index]
      var next = index + 1
      while next < lengths.count && lengths[next] == width { next += 1 }
      if width >= 20 {
        while lengths[low] < width - 3 { low += 1 }
        let covered = next - low
        if covered > best.covered || (covered == best.covered && width > best.width) {
          best = (width, covered)
        }
      }
      index = next
    }
    guard best.covered * 4 >= longLines, best.covered >= 5 else { return nil }
    let longer = lengths.count - (lengths.firstIndex { $0 > best.width + 3 } ?? lengths.count)
    return longer * 10 <= longLines ? best.width : nil
  }

  /// Letters and digits of Latin script, which need a space when a wrap separates words.
  private static func isWordCharacter(_ scalar: UInt32) -> Bool {
    (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar)
      || (0x61...0x7A).contains(scalar)
  }
  package init(layout: LineLayout, isMarkdown: Bool = false, textStart: Int = 0) {
    self.layout = layout
    self.isMarkdown = isMarkdown
    self.textStart = textStart
  }
}
