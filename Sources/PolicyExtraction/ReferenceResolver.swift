import PolicyBytes
import PolicyModel

/// Resolves references between documents of one corpus: by document number first, then
/// by title (folded, without the period "（2022—2025年）", as near matches: a citing
/// document may quote a title a little differently, "…加快推进现代制造业基地…"). The
/// batch form over documents held in memory; `ReferenceTable` resolves one document at a
/// time against the keys of a batch.
public struct ReferenceResolver: Sendable {
  /// The least similarity between titles that still counts as the same document: the
  /// Dice similarity of their bigrams weighted by how rare each is among the titles
  /// (`ReferenceTable.nearestTitle`).
  public var titleSimilarity = 0.8

  /// A resolver with the default `titleSimilarity`, 0.8.
  public init() {}

  /// Resolves the references of every document against the others (`ReferenceTable`).
  /// - Complexity: per reference, hash lookups for numbers and exact titles, and for a
  ///   near match the titles holding its title's rarest bigrams (`ReferenceTable`).
  public func resolve(_ documents: inout [PolicyDocument]) {
    let table = ReferenceTable(
      documents.map(ReferenceTarget.init), titleSimilarity: titleSimilarity)
    for index in documents.indices { table.resolve(&documents[index]) }
  }

  /// The character bigrams of `text` (`text` itself when it is one character or none).
  static func bigrams(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count > 1 else { return [text] }
    return (0..<(scalars.count - 1)).map { String(scalars[$0]) + String(scalars[$0 + 1]) }
  }

  /// A title for matching: folded, without "关于印发…的通知", its period and punctuation,
  /// and without the 中华人民共和国 a national law is cited without (治安管理处罚法 is
  /// 中华人民共和国治安管理处罚法).
  static func titleKey(_ title: String) -> String {
    var key = PolicyDictionaries.fold(title)
    if key.hasPrefix(nationalName) { key.removeFirst(nationalName.count) }
    if let range = key.rangeOfBytes("印发"), key.hasSuffix("的通知") {
      key = String(key[range.upperBound..<key.index(key.endIndex, offsetBy: -3)])
    }
    key = PolicyDictionaries.fold(MetadataExtractor.withoutPeriod(key))
    return String(
      key.unicodeScalars.filter {
        UTF8Scalars.isIdeograph($0.value) || $0.properties.isAlphabetic
          || $0.properties.numericType != nil
      }.map(Character.init))
  }

  /// The state's name a national law's title opens with.
  static let nationalName = "中华人民共和国"
}
