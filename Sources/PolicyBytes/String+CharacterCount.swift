/// Bounds on a string's length in characters without counting all of them: `count` walks
/// the whole string through grapheme breaking, while a bound needs at most `limit + 1`
/// characters, and none when the string has no more bytes than `limit` (a character has
/// at least one).
extension StringProtocol {
  /// `count <= limit`. Scalars are counted first: when the first `limit + 1` are single
  /// characters (`UTF8Scalars.isSingleCharacter`, as in Chinese text) the string has more
  /// characters than `limit`, and when it has no more scalars than `limit` it has no more
  /// characters; only otherwise are characters walked through grapheme breaking.
  @inlinable package func hasAtMostCharacters(_ limit: Int) -> Bool {
    if utf8.count <= limit { return true }
    var scalars = 0
    for scalar in unicodeScalars {
      guard UTF8Scalars.isSingleCharacter(scalar.value) else { return dropFirst(limit).isEmpty }
      scalars += 1
      if scalars > limit { return false }
    }
    return true
  }

  /// Whether every scalar is a character of its own that equals no other
  /// (`UTF8Scalars.isSingleCharacter`, none of which has a canonical decomposition): then
  /// characters compare, count and search as scalars, and as the bytes of their UTF-8.
  @inlinable package var isPlain: Bool {
    unicodeScalars.allSatisfy { UTF8Scalars.isSingleCharacter($0.value) }
  }

  /// `hasSuffix(suffix)`, compared byte for byte when both strings are plain (`isPlain`,
  /// given for the string when it is known).
  @inlinable package func hasSuffix(_ suffix: String, isPlain: Bool) -> Bool {
    isPlain && suffix.isPlain ? hasSuffixBytes(suffix) : hasSuffix(suffix)
  }

  /// `hasPrefix(prefix)`, compared byte for byte when both strings are plain (`isPlain`,
  /// given for the string when it is known).
  @inlinable package func hasPrefix(_ prefix: String, isPlain: Bool) -> Bool {
    isPlain && prefix.isPlain ? hasPrefixBytes(prefix) : hasPrefix(prefix)
  }

  /// `count >= limit`.
  @inlinable package func hasAtLeastCharacters(_ limit: Int) -> Bool {
    limit <= 0 || !hasAtMostCharacters(limit - 1)
  }
}

extension UTF8Scalars {
  /// Whether the UTF-8 `bytes[range]` (valid) has at most `limit` characters. A character
  /// has at least one scalar, so counting scalars settles it without grapheme breaking
  /// unless there are more scalars than `limit`; only then is a string made and counted.
  @inlinable package static func hasAtMostCharacters(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ limit: Int
  ) -> Bool {
    var scalars = 0
    for index in range where startsScalar(bytes[index]) { scalars += 1 }
    return scalars <= limit
      || String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        .hasAtMostCharacters(limit)
  }
}

extension UTF8Scalars {
  /// The byte offsets of the end of `text` (whose UTF-8 is `bytes`) and of the starts of
  /// its last `count` characters, from the end (fewer when it is shorter). Where the
  /// scalars there are single characters (Chinese text), they are read backwards from the
  /// bytes; else the string is walked character by character, through grapheme breaking.
  @inlinable package static func characterStarts(
    of text: String, utf8 bytes: UnsafeBufferPointer<UInt8>, fromEnd count: Int
  ) -> [Int] {
    var starts = [bytes.count]
    var end = bytes.count
    // One scalar more than `count` is read: a character's start depends on the scalar
    // before it too.
    while starts.count <= count + 1 && end > 0 {
      let (value, start) = scalar(in: bytes, before: end)
      guard isSingleCharacter(value) else {
        starts = [bytes.count]
        var index = text.endIndex
        while starts.count <= count && index > text.startIndex {
          index = text.index(before: index)
          starts.append(text.utf8.distance(from: text.startIndex, to: index))
        }
        return starts
      }
      starts.append(start)
      end = start
    }
    return Array(starts.prefix(count + 1))
  }
}
