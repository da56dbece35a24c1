import PolicyBytes
import PolicyText

/// A `[String: Value]` table whose lookups of plain names compare bytes.
///
/// `String` hashing and equality follow canonical equivalence, so every lookup of a
/// Chinese name normalizes it first. A plain name is made only of scalars that are their
/// own canonical decomposition, never combine and are one character each
/// (`UTF8Scalars.isSingleCharacter`: printable ASCII, ·, the punctuation ‐…‧, CJK
/// punctuation and ideographs, the full-width forms ！…～). Two plain names are
/// canonically equivalent exactly when their bytes are equal; so when every key is plain,
/// a plain name is looked up by its bytes, with the same result. Other names, or tables
/// with other keys, use the `String` table.
struct PlainNameTable<Value> {
  private let byString: [String: Value]
  /// The same entries keyed by bytes; nil when a key is not plain.
  private let byBytes: [UTF8Key: Value]?

  package init(_ entries: [String: Value]) {
    byString = entries
    if entries.keys.allSatisfy(\.isPlain) {
      byBytes = Dictionary(
        uniqueKeysWithValues: entries.map { (UTF8Key(bytes: Array($0.key.utf8)), $0.value) })
    } else {
      byBytes = nil
    }
  }

  /// The value of `name`; `isPlain` is `name.isPlain`, given when already known.
  package func value(for name: String, isPlain: Bool? = nil) -> Value? {
    if let byBytes, isPlain ?? name.isPlain { return byBytes[UTF8Key(bytes: Array(name.utf8))] }
    return byString[name]
  }
}

extension PlainNameTable where Value == Void {
  /// A set of names.
  init(_ names: Set<String>) {
    self.init(Dictionary(uniqueKeysWithValues: names.map { ($0, ()) }))
  }

  func contains(_ name: String, isPlain: Bool? = nil) -> Bool {
    value(for: name, isPlain: isPlain) != nil
  }
}

extension PlainNameTable: Sendable where Value: Sendable {}
