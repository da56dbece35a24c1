import PolicyBytes
import PolicyModel

/// Resolves references between documents of one corpus: by document number first, then
/// by title (folded, without the period "（2022—2025年）", as near matches: a citing
/// document may quote a title a little differently, "…加快推进现代制造业基地…"). The
/// batch form over documents held in memory; `ReferenceTable` resolves one document at a
/// time against the keys of a batch.
public struct ReferenceResolver: Sendable {
  /// The least bigram similarity between titles that still counts as the same document.
  public var titleSimilarity = 0.8

  /// A resolver with the default `titleSimilarity`, 0.8.
  public init() {}

  /// Resolves the references of every document against the others (`ReferenceTable`).
  /// - Complexity: O(r · c) for r references and c candidate titles sharing a rare
  ///   bigram with each; exact titles and numbers are hash lookups.
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

  /// A title for matching: folded, without "关于印发…的通知", its period and punctuation.
  static func titleKey(_ title: String) -> String {
    var key = PolicyDictionaries.fold(title)
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

  /// Dice similarity of character bigrams.
  package static func similarity(_ a: String, _ b: String) -> Double {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    guard x.count > 1, y.count > 1 else { return a == b ? 1 : 0 }
    var counts: [String: Int] = [:]
    for index in 0..<(x.count - 1) {
      counts[String(x[index]) + String(x[index + 1]), default: 0] += 1
    }
    var shared = 0
    for index in 0..<(y.count - 1) {
      let bigram = String(y[index]) + String(y[index + 1])
      if let count = counts[bigram], count > 0 {
        shared += 1
        counts[bigram] = count - 1
      }
    }
    return 2 * Double(shared) / Double(x.count + y.count - 2)
  }
}
