import PolicyBytes

/// One input line after the in-line cleaning rules: which kept byte ranges of the raw
/// text it owns (in a flat list shared by all lines), and what the paragraph joiner needs
/// to know about it.
package struct CleanLine {
  /// Indices into the shared segment list: the kept byte ranges of the raw text, in order.
  package var segments: Range<Int>
  /// Where the line's terminator starts in the raw text.
  var terminatorStart: Int
  /// The length of the terminator (0 at the end of the text, 2 for CRLF).
  var terminatorLength: Int
  /// The line started with a first-line indent (a tab, 　, or two spaces or more).
  var isIndented = false
  /// The line must stand alone (a Markdown heading).
  package var standsAlone = false
  /// Number of scalars kept.
  package var scalarCount = 0

  package var isEmpty: Bool { segments.isEmpty }
}

/// The kept byte ranges of all lines of one text, so that lines need no arrays of their own.
package struct SegmentList {
  package private(set) var ranges: [Range<Int>] = []

  package var count: Int { ranges.count }

  package mutating func append(_ range: Range<Int>) { ranges.append(range) }

  package subscript(index: Int) -> Range<Int> { ranges[index] }

  /// The number of bytes a line keeps.
  package func byteCount(of line: CleanLine) -> Int {
    line.segments.reduce(0) { $0 + ranges[$1].count }
  }

  /// Decodes the scalars of a line into `buffer`, as many as fit: the number written.
  package func decode(
    _ line: CleanLine, in bytes: UnsafeBufferPointer<UInt8>,
    into buffer: UnsafeMutableBufferPointer<UInt32>
  ) -> Int {
    var count = 0
    for index in line.segments {
      var position = ranges[index].lowerBound
      let end = ranges[index].upperBound
      while position < end && count < buffer.count {
        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
        buffer[count] = scalar
        count += 1
        position += length
      }
    }
    return count
  }

  /// Decodes the last scalars of a line into the end of `buffer`, as many as fit, in
  /// order, back to the first (from the end) that `stop` accepts: the index in `buffer`
  /// of the first one written.
  func decodeLast(
    _ line: CleanLine, in bytes: UnsafeBufferPointer<UInt8>,
    into buffer: UnsafeMutableBufferPointer<UInt32>,
    through stop: (UInt32) -> Bool = { _ in false }
  ) -> Int {
    var first = buffer.count
    for index in line.segments.reversed() {
      let start = ranges[index].lowerBound
      var end = ranges[index].upperBound
      while end > start && first > 0 {
        let (scalar, scalarStart) = UTF8Scalars.scalar(in: bytes, before: end)
        first -= 1
        buffer[first] = scalar
        if stop(scalar) { return first }
        end = scalarStart
      }
      if first == 0 { break }
    }
    return first
  }

  /// Whether a line keeps the byte `byte` (an ASCII byte is its own scalar in UTF-8).
  package func holds(_ byte: UInt8, in line: CleanLine, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool
  {
    line.segments.contains { index in
      let range = ranges[index]
      return ByteSearch.offset(of: byte, in: bytes, within: range) != nil
    }
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
