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

  /// The folded scalars of a unit's text.
  static func scalars(ofFolded text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
  }
}
