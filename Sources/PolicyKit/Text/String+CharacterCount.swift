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
