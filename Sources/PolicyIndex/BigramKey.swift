import PolicyBytes
import PolicyText

/// The keys of the character-bigram layer: two scalars of the folded text packed into
/// one integer. Every scalar but a separator is the first half of a key (the last one of
/// a unit pairs with `end`), so the keys that start with a scalar find every place it
/// occurs.
///
/// Separators (whitespace and punctuation such as ，。、（）《》“”) start no key: about one
/// position in eight, bigrams no one searches for ("，加", "。\n"). A separator still
/// ends the key before it ("展，"), so a term whose separators all follow another
/// character is found through its keys as any other; one that starts with a separator
/// or holds two in a row is checked against the units' text (`TermMatcher`).
package enum BigramKey {
  /// Stands after the last scalar of a unit.
  package static let end: UInt32 = 0x1FFFFF

  /// Whether `scalar` (folded) is a separator, which starts no key: whitespace; the ASCII
  /// punctuation , ; : ! ? ( ) [ ] " ' # * (what NFKC makes of ，；：！？（）［］ etc.); the
  /// CJK punctuation 、。〈〉《》「」『』【】〔〕〖〗, quotation marks ‘’“”, the dash —, · and
  /// the zero-width space. Digits, letters, % . - / and all ideographs are not.
  @inline(__always)
  package static func isSeparator(_ scalar: UInt32) -> Bool {
    // Ideographs, the most common scalars, are all above the last separator (〗).
    if scalar > .scalar("〗") { return false }
    switch scalar {
    case 0..<0x40: return asciiSeparators & (1 << UInt64(scalar)) != 0
    case 0x5B, 0x5D, 0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x3017, 0x2018, 0x2019, 0x201C,
      .scalar("”"), .scalar("—"), 0xB7, 0x200B:
      return true
    default: return false
    }
  }

  /// The separators below 0x40 as a bitmap: tab, line feed, carriage return, space and
  /// ! " # ' ( ) * , : ; ? (bits 0x09, 0x0A, 0x0D, 0x20–0x23, 0x27–0x2A, 0x2C, 0x3A, 0x3B, 0x3F).
  private static let asciiSeparators: UInt64 = 0x8C00_178F_0000_2600

  @inline(__always)
  package static func make(_ first: UInt32, _ second: UInt32) -> UInt64 {
    UInt64(first) << 21 | UInt64(second)
  }

  /// All keys whose first scalar is `scalar`: a contiguous range of the sorted key table.
  package static func range(startingWith scalar: UInt32) -> ClosedRange<UInt64> {
    make(scalar, 0)...make(scalar, end)
  }

  /// Appends the folded scalars of the text `spans` of `text` (joined by line feeds),
  /// taken from the folded text the document already has: folding is character by
  /// character, so a slice of the folded document is the folded slice.
  static func appendFoldedScalars(
    of spans: [TextSpan], in text: PolicyText, to scalars: inout [UInt32]
  ) {
    let textLength = text.utf8.count
    text.foldedUTF8.withUnsafeBufferPointer { folded in
      for (number, span) in spans.enumerated() {
        if number > 0 { scalars.append(0x0A) }
        let start = text.foldedMap.targetOffset(ofSource: max(0, min(span.start, textLength)))
        let end = text.foldedMap.targetOffset(ofSource: max(0, min(span.end, textLength)))
        appendScalars(of: folded, in: start..<end, to: &scalars)
      }
    }
  }

  /// Appends the folded scalars of `text` (a unit's text taken from an index, without its
  /// document).
  static func appendFoldedScalars(of text: String, to scalars: inout [UInt32]) {
    var text = text
    text.withUTF8 { utf8 in
      TextFolder.fold(utf8).utf8.withUnsafeBufferPointer { folded in
        appendScalars(of: folded, in: 0..<folded.count, to: &scalars)
      }
    }
  }

  /// Decodes the UTF-8 `bytes[range]` onto `scalars`: room for one scalar per byte is
  /// made at once and the unused part dropped, cheaper than appending scalar by scalar.
  private static func appendScalars(
    of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, to scalars: inout [UInt32]
  ) {
    guard !range.isEmpty else { return }
    let start = scalars.count
    scalars.append(contentsOf: repeatElement(0, count: range.count))
    let written = scalars.withUnsafeMutableBufferPointer { out in
      UTF8Scalars.decode(
        UnsafeBufferPointer(rebasing: bytes[range]), into: out.baseAddress! + start)
    }
    scalars.removeLast(range.count - written)
  }
}
