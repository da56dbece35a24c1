/// The keys of the character-bigram layer: two scalars of the folded text packed into
/// one integer. Every scalar is the first half of a key (the last one of a unit pairs
/// with `end`), so the keys that start with a scalar find every place it occurs.
enum BigramKey {
  /// Stands after the last scalar of a unit.
  static let end: UInt32 = 0x1FFFFF

  @inline(__always)
  static func make(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) << 21 | UInt64(second) }

  /// All keys whose first scalar is `scalar`: a contiguous range of the sorted key table.
  static func range(startingWith scalar: UInt32) -> ClosedRange<UInt64> {
    make(scalar, 0)...make(scalar, end)
  }

  /// The folded scalars of the text `spans` of `text` (joined by line feeds), taken from
  /// the folded text the document already has: folding is character by character, so a
  /// slice of the folded document is the folded slice.
  static func foldedScalars(of spans: [TextSpan], in text: PolicyText) -> [UInt32] {
    var scalars: [UInt32] = []
    text.foldedUTF8.withUnsafeBufferPointer { folded in
      for (number, span) in spans.enumerated() {
        if number > 0 { scalars.append(0x0A) }
        let length = text.utf8.count
        let start = text.foldedMap.targetOffset(ofSource: max(0, min(span.start, length)))
        let end = text.foldedMap.targetOffset(ofSource: max(0, min(span.end, length)))
        var index = start
        while index < end {
          let (value, length) = UTF8Scalars.scalar(in: folded, at: index)
          scalars.append(value)
          index += length
        }
      }
    }
    return scalars
  }

  /// The folded scalars of a unit's text, written into `scalars`.
  static func foldedScalars(of text: String, into scalars: inout [UInt32]) {
    scalars.removeAll(keepingCapacity: true)
    var text = text
    text.withUTF8 { utf8 in
      let folded = TextFolder.fold(utf8).utf8
      folded.withUnsafeBufferPointer { bytes in
        var index = 0
        while index < bytes.count {
          let (value, length) = UTF8Scalars.scalar(in: bytes, at: index)
          scalars.append(value)
          index += length
        }
      }
    }
  }
}
