import PolicyBytes

/// Applies the in-line cleaning rules to one line of raw text: invisible characters,
/// Word bookmarks, pinyin glosses, indentation and trailing blanks, stray spaces inside
/// Chinese, and Markdown syntax.
struct LineCleaner {
  package var isMarkdown: Bool

  private static let bookmarkPrefix = Array("[bookmark:".utf8)

  /// Cleans `bytes[start..<end]`, whose terminator is `terminatorLength` bytes long,
  /// appending the byte ranges it keeps to `segments`.
  package func clean(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, terminatorLength: Int,
    segments: inout SegmentList, report: inout CleaningReport
  ) -> CleanLine {
    let firstSegment = segments.count
    var line = CleanLine(
      segments: firstSegment..<firstSegment, terminatorStart: end,
      terminatorLength: terminatorLength)
    var lineStart = start
    if isMarkdown, let skipped = markdownPrefix(bytes, start: start, end: end) {
      if skipped == end {
        report.record(.markdownSyntax)
        return line
      }
      if skipped > start {
        report.record(.markdownSyntax)
        line.standsAlone = true
        lineStart = skipped
      }
    }
    // A Markdown table row ("| 序号 | 重点任务 |") is a line of its own; the row under its
    // header ("|---|:---:|") is syntax.
    if isMarkdown,
      let first = (start..<end).first(where: { bytes[$0] != 0x20 && bytes[$0] != 0x09 }),
      bytes[first] == 0x7C
    {
      if (first..<end).allSatisfy({ [0x7C, 0x2D, 0x3A, 0x20, 0x09].contains(bytes[$0]) }) {
        report.record(.markdownSyntax)
        return line
      }
      line.standsAlone = true
    }
    var segmentStart = lineStart
    var firstKept = -1
    var index = lineStart
    var lastKept: UInt32 = 0
    var scalarCount = 0
    var protectedSpaceAt = -1

    while index < end {
      let byte = bytes[index]
      // Fast path: printable ASCII other than space, '[' and '(' is always kept.
      if byte > 0x20 && byte < 0x7F && byte != 0x5B && byte != 0x28 {
        if firstKept < 0 { firstKept = index }
        lastKept = UInt32(byte)
        scalarCount += 1
        index += 1
        continue
      }
      // Fast path: a run of ideographs U+4000–U+9FFF (lead bytes E4–E9), the bulk of a
      // Chinese line, is always kept; it is counted three bytes at a time, and only its
      // last character decoded.
      if byte >= 0xE4 && byte <= 0xE9 && index + 2 < bytes.count {
        // (A lead byte before `runLimit` has its two continuation bytes in the buffer.)
        let runLimit = min(end, bytes.count - 2)
        var position = index
        repeat {
          position += 3
        } while position < runLimit && bytes[position] &- 0xE4 <= 5
        if firstKept < 0 { firstKept = index }
        lastKept = UTF8Scalars.scalar(in: bytes, at: position - 3).value
        scalarCount += (position - index) / 3
        index = position
        continue
      }
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: index)
      // Fast path: ideographs and most CJK punctuation are always kept.
      if scalar >= 0x3001 && scalar < 0xFF08 && !(0xFE00...0xFEFF).contains(scalar) {
        if firstKept < 0 { firstKept = index }
        lastKept = scalar
        scalarCount += 1
        index += length
        continue
      }
      var removeEnd = -1
      if UTF8Scalars.isBlank(scalar) {
        var runEnd = index + length
        var runScalars = 1
        var onlySpaces = scalar == 0x20 || scalar == 0xA0
        while runEnd < end {
          let (next, nextLength) = UTF8Scalars.scalar(in: bytes, at: runEnd)
          guard UTF8Scalars.isBlank(next) else { break }
          onlySpaces = onlySpaces && (next == 0x20 || next == 0xA0)
          runScalars += 1
          runEnd += nextLength
        }
        if firstKept < 0 {
          // One space is PDF extraction noise; two, a tab or 　 is a first-line indent.
          line.isIndented = runScalars >= 2 || !onlySpaces
          removeEnd = runEnd
        } else if runEnd == end {
          removeEnd = runEnd
        } else if onlySpaces && runScalars <= 2 {
          if protectedSpaceAt < 0 {
            protectedSpaceAt = articleMarkerEnd(bytes, start: firstKept, end: end)
          }
          let right = UTF8Scalars.scalar(in: bytes, at: runEnd).value
          if index != protectedSpaceAt && isStraySpace(left: lastKept, right: right) {
            report.record(.straySpace)
            removeEnd = runEnd
          }
        }
        if removeEnd < 0 {
          index = runEnd
          continue
        }
      } else if UTF8Scalars.isInvisible(scalar) {
        report.record(.invisibleCharacter)
        removeEnd = index + length
      } else if scalar == 0x5B, let close = bookmarkEnd(bytes, at: index, end: end) {
        report.record(.wordBookmark)
        removeEnd = close
      } else if (scalar == 0x28 || scalar == .scalar("（")) && UTF8Scalars.isIdeograph(lastKept),
        let close = pinyinGlossEnd(bytes, at: index + length, end: end)
      {
        report.record(.pinyinGloss)
        removeEnd = close
      }
      if removeEnd >= 0 {
        if index > segmentStart { segments.append(segmentStart..<index) }
        segmentStart = removeEnd
        index = removeEnd
        continue
      }
      if firstKept < 0 { firstKept = index }
      lastKept = scalar
      scalarCount += 1
      index += length
    }
    if end > segmentStart { segments.append(segmentStart..<end) }
    line.segments = firstSegment..<segments.count
    line.scalarCount = scalarCount
    return line
  }

  /// Where a 第X条/章/节/编 or decimal (1.1) marker at `start` ends (the space after it is
  /// a separator to keep), or `Int.max` when the line does not start with one.
  private func articleMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
    guard let marker = HeadingMarker.match(in: bytes, at: start, end: end) else { return Int.max }
    switch marker.kind {
    // "1 总则", "2.1 组织机构": the space is what makes a decimal number a heading's.
    case .article, .chapter, .section, .part, .decimal1, .decimal2, .decimal3, .decimal4:
      return start + marker.length
    default: return Int.max
    }
  }

  /// Whether a short run of spaces between `left` and `right` is PDF residue: Chinese on
  /// both sides, or Chinese beside a digit.
  private func isStraySpace(left: UInt32, right: UInt32) -> Bool {
    let leftWide = UTF8Scalars.isWide(left)
    let rightWide = UTF8Scalars.isWide(right)
    if leftWide && rightWide { return true }
    if UTF8Scalars.isIdeograph(left) && UTF8Scalars.isDigit(right) { return true }
    if UTF8Scalars.isDigit(left) && UTF8Scalars.isIdeograph(right) { return true }
    if UTF8Scalars.isWidePunctuation(left) && right < 0x80 { return true }
    if left < 0x80 && left != 0x20 && UTF8Scalars.isWidePunctuation(right) { return true }
    return false
  }

  /// The end of "[bookmark: …]" at `index`, if one starts there.
  private func bookmarkEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
    let prefix = Self.bookmarkPrefix
    guard end - index > prefix.count else { return nil }
    for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return nil }
    var position = index + prefix.count
    while position < end && position - index < 200 {
      if bytes[position] == 0x5D { return position + 1 }
      position += 1
    }
    return nil
  }

  /// The end of a pinyin gloss "fā)" whose opening parenthesis ends just before `start`:
  /// one to seven Latin letters with at least one tone mark (or ü), then a closing
  /// parenthesis.
  private func pinyinGlossEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Int?
  {
    var index = start
    var letters = 0
    var toneMarks = 0
    while index < end {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: index)
      if scalar == 0x29 || scalar == .scalar("）") {
        guard letters > 0, toneMarks > 0 else { return nil }
        return index + length
      }
      if (0x61...0x7A).contains(scalar) {
        letters += 1
      } else if Self.isPinyinToneVowel(scalar) {
        letters += 1
        toneMarks += 1
      } else {
        return nil
      }
      guard letters <= 7 else { return nil }
      index += length
    }
    return nil
  }

  /// Vowels with pinyin tone marks, and ü.
  private static func isPinyinToneVowel(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0xE0, 0xE1, 0xE8, 0xE9, 0xEC, 0xED, 0xF2, 0xF3, 0xF9, 0xFA, 0xFC:  // àá èé ìí òó ùú ü
      return true
    case 0x101, 0x113, 0x11B, 0x12B, 0x14D, 0x16B:  // ā ē ě ī ō ū
      return true
    case 0x1CE, 0x1D0, 0x1D2, 0x1D4, 0x1D6, 0x1D8, 0x1DA, 0x1DC:  // ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
      return true
    default:
      return false
    }
  }

  /// For a Markdown line: where its text starts after heading marks ("## "), or `end`
  /// when the whole line is an HTML comment; nil when neither applies.
  private func markdownPrefix(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int? {
    var index = start
    while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
    if end - index >= 7 && bytes[index] == 0x3C && bytes[index + 1] == 0x21
      && bytes[index + 2] == 0x2D
      && bytes[index + 3] == 0x2D
    {
      var last = end
      while last > index && (bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09) { last -= 1 }
      if last - index >= 7 && bytes[last - 1] == 0x3E && bytes[last - 2] == 0x2D
        && bytes[last - 3] == 0x2D
      {
        return end
      }
      return nil
    }
    var hashes = 0
    while index < end && bytes[index] == 0x23 && hashes < 7 {
      hashes += 1
      index += 1
    }
    guard hashes > 0, hashes <= 6, index < end, bytes[index] == 0x20 else { return nil }
    while index < end && bytes[index] == 0x20 { index += 1 }
    return index
  }
}
