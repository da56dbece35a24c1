/// Words looked up by the scalar a text position starts with, for reading a text once
/// and comparing, at each scalar, only the words that start with it (target verbs and
/// units, clause qualifiers, indicator phrasings). A bitmap of the first scalars passes
/// every other scalar without a dictionary lookup.
@usableFromInline package struct FirstScalarIndex: Sendable {
  /// The words' UTF-8, in the order given.
  @usableFromInline package let words: [[UInt8]]
  /// Word indices by first scalar, in the order they are to be tried.
  @usableFromInline let byFirstScalar: [UInt32: [Int]]
  @usableFromInline let firstScalars: ScalarSet

  /// - Parameters:
  ///   - words: the words; empty ones are never candidates.
  ///   - longestFirst: try the longer of two words with the same first scalar first
  ///     (else they are tried in the order given).
  @inlinable package init(_ words: [String], longestFirst: Bool = false) {
    self.words = words.map { Array($0.utf8) }
    var byFirstScalar: [UInt32: [Int]] = [:]
    for (index, word) in words.enumerated() {
      guard let first = word.unicodeScalars.first else { continue }
      byFirstScalar[first.value, default: []].append(index)
    }
    if longestFirst {
      let lengths = self.words.map(\.count)
      for key in byFirstScalar.keys {
        byFirstScalar[key]?.sort {
          lengths[$0] > lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1)
        }
      }
    }
    self.byFirstScalar = byFirstScalar
    firstScalars = ScalarSet(byFirstScalar.keys)
  }

  /// The indices of the words that start with `scalar`, in trying order; nil for none.
  @inline(__always)
  @inlinable package func candidates(startingWith scalar: UInt32) -> [Int]? {
    firstScalars.contains(scalar) ? byFirstScalar[scalar] : nil
  }

  /// Whether word `index` stands in `text` at byte `offset`.
  @inline(__always)
  @inlinable package func matches(_ index: Int, in text: UnsafeBufferPointer<UInt8>, at offset: Int)
    -> Bool
  {
    ByteSearch.hasPrefix(words[index], in: text, offset..<text.count)
  }

  /// The first word, in trying order, that stands in `text` at byte `offset`, whose
  /// scalar there is `scalar`.
  @inline(__always)
  @inlinable package func firstMatch(
    in text: UnsafeBufferPointer<UInt8>, at offset: Int, scalar: UInt32
  ) -> Int? {
    candidates(startingWith: scalar)?.first { matches($0, in: text, at: offset) }
  }
}
