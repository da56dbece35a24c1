import PolicyBytes

/// A title in the form two writings of it are compared in: folded (Traditional →
/// Simplified, full-width → half-width), without spaces, brackets, quotes and punctuation:
/// "《关于…的意见》", "关于…的意见" and "关于 … 的意见" share one key.
package struct TitleKey: Equatable {
  /// The folded title without blanks and punctuation.
  package let text: String
  /// Its length in scalars (one per character in a folded Chinese title).
  package let length: Int

  package init(_ title: String) {
    var kept = String.UnicodeScalarView()
    for scalar in TextFolder.fold(title).unicodeScalars where !Self.isDropped(scalar) {
      kept.append(scalar)
    }
    text = String(kept)
    length = text.unicodeScalars.count
  }

  private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    // Most of a title: ideographs, kept without asking their category.
    if UTF8Scalars.isIdeograph(scalar.value) { return false }
    guard !UTF8Scalars.isBlank(scalar.value) else { return true }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      return true
    default:
      return false
    }
  }

  /// Whether `other` is this title without the place that opens it, and so names the
  /// national act a local one is named after: 劳动保障监察条例 of 浙江省劳动保障监察条例 (the
  /// State Council's regulation, which the province's implements), not the issuer left out
  /// of a title that opens with 关于.
  package func namesNationalNamesake(_ other: TitleKey) -> Bool {
    guard other.length < length, text.hasSuffixBytes(other.text),
      !other.text.hasPrefixBytes("关于")
    else { return false }
    let place = text.unicodeScalars.dropLast(other.length)
    return place.last.map { Self.placeEndings.contains($0) } ?? false
  }
  /// The characters a place's name ends with: 省, 市, 区 (自治区), 县, 州 (自治州).
  private static let placeEndings: Set<Unicode.Scalar> = ["省", "市", "区", "县", "州"]

  /// Whether two titles name one document: the same key, or one key ending with the other
  /// (the title without its issuer: "关于…的意见" of "国家发展改革委国家能源局关于…的意见"),
  /// or holding it when it is most of it, the shorter having `minimum` characters or more
  /// (not a treaty a plan's title names).
  package func namesSameDocument(as other: TitleKey, minimum: Int = 8) -> Bool {
    if self == other { return !text.isEmpty }
    let (shorter, longer) = length <= other.length ? (self, other) : (other, self)
    guard shorter.length >= minimum else { return false }
    // Without its issuer ("国家发展改革委…" before "关于…"), or most of it.
    return longer.text.hasSuffixBytes(shorter.text)
      || (10 * shorter.length >= 6 * longer.length && longer.text.containsBytes(shorter.text))
  }
}
