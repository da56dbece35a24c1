/// Finds which of a list of UTF-8 patterns is the first, in list order, to occur in a
/// text: the indicator phrasings, longest first, in an indicator read from a target.
///
/// Asking each pattern in turn cost one byte search per pattern (there are some 270) for
/// every target. The matcher reads the text once instead and, at each scalar, compares
/// only the patterns that start with that scalar; the earliest-listed pattern found
/// anywhere is the one the in-turn search would have stopped at, and its first position
/// is met first.
struct FirstPatternMatcher: Sendable {
  private let patterns: [[UInt8]]
  /// Pattern indices by first scalar, ascending.
  private let byFirstScalar: [UInt32: [Int]]
  /// The keys of `byFirstScalar`, to pass other scalars without a dictionary lookup.
  private let firstScalars: ScalarSet

  /// - Parameter patterns: the patterns in the order they are preferred; empty ones never match.
  init(_ patterns: [String]) {
    self.patterns = patterns.map { Array($0.utf8) }
    var byFirstScalar: [UInt32: [Int]] = [:]
    for (index, pattern) in patterns.enumerated() {
      guard let first = pattern.unicodeScalars.first else { continue }
      byFirstScalar[first.value, default: []].append(index)
    }
    self.byFirstScalar = byFirstScalar
    firstScalars = ScalarSet(byFirstScalar.keys)
  }

  /// The earliest-listed pattern that occurs in the UTF-8 `text`, and the byte offset of
  /// its first occurrence.
  func firstMatch(in text: UnsafeBufferPointer<UInt8>) -> (pattern: Int, offset: Int)? {
    var best: (pattern: Int, offset: Int)? = nil
    var index = 0
    while index < text.count {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      defer { index += length }
      guard firstScalars.contains(scalar), let candidates = byFirstScalar[scalar] else { continue }
      for pattern in candidates {
        if let best, best.pattern <= pattern { break }
        if ByteSearch.hasPrefix(patterns[pattern], in: text, index..<text.count) {
          best = (pattern, index)
          break
        }
      }
    }
    return best
  }
}
