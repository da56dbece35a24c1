/// A `[String: Value]` table whose lookups of plain names compare bytes.
///
/// `String` hashing and equality follow canonical equivalence, so every lookup of a
/// Chinese name normalizes it first. A plain name is made only of scalars that are their
/// own canonical decomposition, never combine and are one character each: printable
/// ASCII, the middle dot ·, the quotation marks ‘’“”, CJK ideographs (the unified block
/// and extension A) and the full-width forms ！…～. Two plain names are canonically equivalent exactly when their
/// bytes are equal; so when every key is plain, a plain name is looked up by its bytes,
/// with the same result. Other names, or tables with other keys, use the `String` table.
struct PlainNameTable<Value> {
  private let byString: [String: Value]
  /// The same entries keyed by bytes; nil when a key is not plain.
  private let byBytes: [ByteKey: Value]?

  init(_ entries: [String: Value]) {
    byString = entries
    if entries.keys.allSatisfy(Self.isPlain) {
      byBytes = Dictionary(uniqueKeysWithValues: entries.map { (ByteKey(text: $0.key), $0.value) })
    } else {
      byBytes = nil
    }
  }

  /// The value of `name`; `isPlain` is `Self.isPlain(name)`, given when already known.
  func value(for name: String, isPlain: Bool? = nil) -> Value? {
    if let byBytes, isPlain ?? Self.isPlain(name) { return byBytes[ByteKey(text: name)] }
    return byString[name]
  }

  /// Whether `name` is plain (see the type's documentation).
  static func isPlain(_ name: String) -> Bool {
    name.unicodeScalars.allSatisfy { scalar in
      switch scalar.value {
      case 0x20...0x7E, 0xB7, 0x2018...0x2019, 0x201C...0x201D, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
      default: return false
      }
    }
  }

  /// A name hashed and compared by its UTF-8 bytes.
  private struct ByteKey: Hashable {
    var text: String

    static func == (left: ByteKey, right: ByteKey) -> Bool {
      var left = left.text
      var right = right.text
      return left.withUTF8 { a in right.withUTF8 { b in a.count == b.count && a.elementsEqual(b) } }
    }

    func hash(into hasher: inout Hasher) {
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
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
