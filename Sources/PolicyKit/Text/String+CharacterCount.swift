/// Bounds on a string's length in characters without counting all of them: `count` walks
/// the whole string through grapheme breaking, while a bound needs at most `limit + 1`
/// characters, and none when the string has no more bytes than `limit` (a character has
/// at least one).
extension StringProtocol {
  /// `count <= limit`.
  func hasAtMostCharacters(_ limit: Int) -> Bool {
    utf8.count <= limit || dropFirst(limit).isEmpty
  }

  /// `count >= limit`.
  func hasAtLeastCharacters(_ limit: Int) -> Bool {
    limit <= 0 || !hasAtMostCharacters(limit - 1)
  }
}

extension UTF8Scalars {
  /// Whether the UTF-8 `bytes[range]` (valid) has at most `limit` characters. A character
  /// has at least one scalar, so counting scalars settles it without grapheme breaking
  /// unless there are more scalars than `limit`; only then is a string made and counted.
  static func hasAtMostCharacters(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ limit: Int) -> Bool {
    var scalars = 0
    for index in range where startsScalar(bytes[index]) { scalars += 1 }
    return scalars <= limit
      || String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).hasAtMostCharacters(limit)
  }
}
