/// A title in the form two writings of it are compared in: folded (Traditional →
/// Simplified, full-width → half-width), without spaces, brackets, quotes and punctuation:
/// "《关于…的意见》", "关于…的意见" and "关于 … 的意见" share one key.
enum TitleKey {
  static func key(_ title: String) -> String {
    String(
      String.UnicodeScalarView(
        TextFolder.fold(title).unicodeScalars.filter { scalar in
          guard !UTF8Scalars.isBlank(scalar.value) else { return false }
          switch scalar.properties.generalCategory {
          case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return false
          default:
            return true
          }
        }))
  }

  /// Whether two titles name one document: the same key, or one key ending with the other
  /// (the title without its issuer: "关于…的意见" of "国家发展改革委国家能源局关于…的意见"),
  /// or holding it when it is most of it, the shorter having `minimum` characters or more
  /// (not a treaty a plan's title names).
  static func same(_ a: String, _ b: String, minimum: Int = 8) -> Bool {
    let x = key(a)
    let y = key(b)
    if x == y { return !x.isEmpty }
    let (shorter, longer) = x.count <= y.count ? (x, y) : (y, x)
    guard shorter.count >= minimum else { return false }
    // Without its issuer ("国家发展改革委…" before "关于…"), or most of it.
    return longer.hasSuffix(shorter) || (10 * shorter.count >= 6 * longer.count && longer.contains(shorter))
  }
}
