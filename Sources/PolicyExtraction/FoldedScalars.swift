import PolicyBytes

/// The scalars of one sentence of folded text, each with its byte offset there, decoded
/// once and then read in runs without copying. The storage is kept from one sentence to
/// the next, and written in place rather than appended to: a sentence decodes to at most
/// one scalar per byte.
struct FoldedScalars {
  private var scalars: [Unicode.Scalar] = []
  /// Where each scalar starts in the folded text, and after them where the last one ends:
  /// one more entry than there are scalars.
  private var offsets: [Int] = []
  /// The number of scalars loaded (the storage may be longer).
  private var count = 0

  /// Decodes `range` of the folded `bytes` (valid UTF-8) in place of the previous contents.
  package mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    // `offsets` holds one more than `scalars`: checked on it, an empty first range
    // still gets room for its end.
    if offsets.count < range.count + 1 {
      let capacity = max(range.count, 2 * scalars.count)
      scalars = Array(repeating: "\0", count: capacity)
      offsets = Array(repeating: 0, count: capacity + 1)
    }
    var loaded = 0
    var index = range.lowerBound
    scalars.withUnsafeMutableBufferPointer { scalars in
      offsets.withUnsafeMutableBufferPointer { offsets in
        while index < range.upperBound {
          let (value, length) = UTF8Scalars.scalar(in: bytes, at: index)
          scalars[loaded] = Unicode.Scalar(value) ?? "\u{FFFD}"
          offsets[loaded] = index
          loaded += 1
          index += length
        }
        offsets[loaded] = index
      }
    }
    count = loaded
  }

  /// Calls `body` with the loaded scalars as a run over the folded text `folded` they
  /// were decoded from.
  func withRun<Result>(in folded: UnsafeBufferPointer<UInt8>, _ body: (FoldedRun) -> Result)
    -> Result
  {
    scalars.withUnsafeBufferPointer { scalars in
      offsets.withUnsafeBufferPointer { offsets in
        body(
          FoldedRun(
            chars: UnsafeBufferPointer(rebasing: scalars[0..<count]),
            offsets: UnsafeBufferPointer(rebasing: offsets[0...count]), folded: folded))
      }
    }
  }
}

/// A run of scalars of the folded text (a sentence, usually), indexed from 0, with the
/// folded bytes it was decoded from, so that its pieces become strings by copying bytes.
package struct FoldedRun {
  /// The scalars.
  package let chars: UnsafeBufferPointer<Unicode.Scalar>
  /// Folded byte offsets: where each scalar starts, then where the run ends.
  package let offsets: UnsafeBufferPointer<Int>
  /// The whole folded text.
  package let folded: UnsafeBufferPointer<UInt8>

  package var count: Int { chars.count }

  package subscript(index: Int) -> Unicode.Scalar { chars[index] }

  /// The scalars `range` of the run, indexed from 0.
  package func run(_ range: Range<Int>) -> FoldedRun {
    FoldedRun(
      chars: UnsafeBufferPointer(rebasing: chars[range]),
      offsets: UnsafeBufferPointer(rebasing: offsets[range.lowerBound...range.upperBound]),
      folded: folded)
  }

  /// The text of scalars `range`: the same string as one built from the scalars.
  package func text(_ range: Range<Int>) -> String {
    String(
      decoding: UnsafeBufferPointer(
        rebasing: folded[offsets[range.lowerBound]..<offsets[range.upperBound]]), as: UTF8.self)
  }

  /// The folded byte range of scalars `range`.
  package func byteRange(_ range: Range<Int>) -> Range<Int> {
    offsets[range.lowerBound]..<offsets[range.upperBound]
  }
}
