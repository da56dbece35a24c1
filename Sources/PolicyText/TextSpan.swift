/// A span of a document's cleaned text, as UTF-8 byte offsets into `PolicyText.utf8`.
public struct TextSpan: Sendable, Equatable, Hashable, Codable, Comparable {
  /// The byte offset of the first byte.
  public var start: Int
  /// The byte offset just past the last byte.
  public var end: Int

  /// The span from `start` to `end`; an `end` before `start` makes it empty at `start`.
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The span of the byte offsets in `range`.
  public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }

  /// The span as a range of byte offsets.
  public var range: Range<Int> { start..<end }
  /// Whether the span covers no bytes.
  public var isEmpty: Bool { start == end }

  /// Whether `lhs` comes first: by start, then by end.
  public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }

  /// Whether `other` lies within this span.
  public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }
}
