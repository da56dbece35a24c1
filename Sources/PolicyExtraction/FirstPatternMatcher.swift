import PolicyBytes

/// Finds which of a list of UTF-8 patterns is the first, in list order, to occur in a
/// text: the indicator phrasings, longest first, in an indicator read from a target.
///
/// Asking each pattern in turn cost one byte search per pattern (there are some 270) for
/// every target. The matcher reads the text once instead and, at each scalar, compares
/// only the patterns that start with that scalar; the earliest-listed pattern found
/// anywhere is the one the in-turn search would have stopped at, and its first position
/// is met first.
package struct FirstPatternMatcher: Sendable {
  private let patterns: FirstScalarIndex

  /// - Parameter patterns: the patterns in the order they are preferred; empty ones never match.
  package init(_ patterns: [String]) {
    self.patterns = FirstScalarIndex(patterns)
  }

  /// The earliest-listed pattern that occurs in the UTF-8 `text`, and the byte offset of
  /// its first occurrence.
  package func firstMatch(in text: UnsafeBufferPointer<UInt8>) -> (pattern: Int, offset: Int)? {
    var best: (pattern: Int, offset: Int)? = nil
    var index = 0
    while index < text.count {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      defer { index += length }
      guard let candidates = patterns.candidates(startingWith: scalar) else { continue }
      for pattern in candidates {
        if let best, best.pattern <= pattern { break }
        if patterns.matches(pattern, in: text, at: index) {
          best = (pattern, index)
          break
        }
      }
    }
    return best
  }
}
