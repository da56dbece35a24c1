/// A span of a document's cleaned text, as UTF-8 byte offsets into `PolicyText.utf8`.
public struct TextSpan: Sendable, Equatable, Hashable, Codable, Comparable {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }

  public var range: Range<Int> { start..<end }
  public var isEmpty: Bool { start == end }

  public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }

  /// Whether `other` lies within this span.
  public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }
}
