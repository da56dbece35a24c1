/// One input line after the in-line cleaning rules: the byte ranges of the raw text it
/// keeps, and what the paragraph joiner needs to know about it.
struct CleanLine {
  /// Kept byte ranges of the raw text, in order.
  var segments: [Range<Int>] = []
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

  /// The kept text, for pattern checks on short lines.
  func content(in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    for segment in segments { out.append(contentsOf: bytes[segment]) }
    return out
  }

  /// The first kept scalar.
  func firstScalar(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard let first = segments.first else { return nil }
    return UTF8Scalars.scalar(in: bytes, at: first.lowerBound).value
  }

  /// The last kept scalar.
  func lastScalar(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard let last = segments.last else { return nil }
    return UTF8Scalars.scalar(in: bytes, before: last.upperBound).value
  }
}
