/// One input line after the in-line cleaning rules: which kept byte ranges of the raw
/// text it owns (in a flat list shared by all lines), and what the paragraph joiner needs
/// to know about it.
struct CleanLine {
  /// Indices into the shared segment list: the kept byte ranges of the raw text, in order.
  var segments: Range<Int>
  /// Where the line's terminator starts in the raw text.
  var terminatorStart: Int
  /// The length of the terminator (0 at the end of the text, 2 for CRLF).
  var terminatorLength: Int
  /// The line started with a first-line indent (a tab, 　, or two spaces or more).
  var isIndented = false
  /// The line must stand alone (a Markdown heading).
  var standsAlone = false
  /// Number of scalars kept.
  var scalarCount = 0

  var isEmpty: Bool { segments.isEmpty }
}

/// The kept byte ranges of all lines of one text, so that lines need no arrays of their own.
struct SegmentList {
  private(set) var ranges: [Range<Int>] = []

  var count: Int { ranges.count }

  mutating func append(_ range: Range<Int>) { ranges.append(range) }

  subscript(index: Int) -> Range<Int> { ranges[index] }

  /// The scalars of a line, up to `limit`.
  func scalars(of line: CleanLine, in bytes: UnsafeBufferPointer<UInt8>, limit: Int = 400) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(min(limit, line.scalarCount))
    for index in line.segments {
      var position = ranges[index].lowerBound
      let end = ranges[index].upperBound
      while position < end && out.count < limit {
        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
        out.append(scalar)
        position += length
      }
    }
    return out
  }

  /// The last `limit` scalars of a line (fewer when it is shorter), in order.
  func lastScalars(of line: CleanLine, in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [UInt32] {
    var reversed: [UInt32] = []
    reversed.reserveCapacity(limit)
    for index in line.segments.reversed() {
      let start = ranges[index].lowerBound
      var end = ranges[index].upperBound
      while end > start && reversed.count < limit {
        let (scalar, scalarStart) = UTF8Scalars.scalar(in: bytes, before: end)
        reversed.append(scalar)
        end = scalarStart
      }
      if reversed.count >= limit { break }
    }
    return reversed.reversed()
  }

  /// The first kept scalar of a line.
  func firstScalar(of line: CleanLine, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    guard let first = line.segments.first else { return 0 }
    return UTF8Scalars.scalar(in: bytes, at: ranges[first].lowerBound).value
  }

  /// The last kept scalar of a line.
  func lastScalar(of line: CleanLine, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    guard let last = line.segments.last else { return 0 }
    return UTF8Scalars.scalar(in: bytes, before: ranges[last].upperBound).value
  }
}
