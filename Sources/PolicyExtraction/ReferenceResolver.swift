import PolicyBytes
import PolicyModel

/// Resolves references between documents of one corpus: by document number first, then
/// by title (folded, without the period "（2022—2025年）", as near matches: a citing
/// document may quote a title a little differently, "…加快推进现代制造业基地…").
public struct ReferenceResolver: Sendable {
  /// The least bigram similarity between titles that still counts as the same document.
  public var titleSimilarity = 0.8

  /// A resolver with the default `titleSimilarity`, 0.8.
  public init() {}

  /// Resolves the references of every document against the others.
  /// - Complexity: O(r · c) for r references and c candidate titles sharing a rare
  ///   bigram with each; exact titles and numbers are hash lookups.
  public func resolve(_ documents: inout [PolicyDocument]) {
    var byNumber: [String: String] = [:]
    var titles: [(id: String, key: String)] = []
    var byTitle: [String: [String]] = [:]
    for document in documents {
      if let number = document.metadata.documentNumber { byNumber[number.normalized] = document.id }
      for title in [document.metadata.planTitle, document.metadata.title].compactMap({ $0 }) {
        let key = Self.titleKey(title)
        guard !key.isEmpty else { continue }
        titles.append((document.id, key))
        byTitle[key, default: []].append(document.id)
      }
    }
    // Bigram postings for near matches; bigrams in many titles ("中华", "人民") are skipped.
    var postings: [String: [Int]] = [:]
    for (index, title) in titles.enumerated() {
      for bigram in Set(Self.bigrams(title.key)) { postings[bigram, default: []].append(index) }
    }
    let rareLimit = max(50, titles.count / 20)
    for documentIndex in documents.indices {
      let ownID = documents[documentIndex].id
      for referenceIndex in documents[documentIndex].references.indices {
        let reference = documents[documentIndex].references[referenceIndex]
        if let number = reference.documentNumber, let target = byNumber[number.normalized],
          target != ownID
        {
          documents[documentIndex].references[referenceIndex].resolvedDocument = target
          documents[documentIndex].references[referenceIndex].resolvedBy = "document_number"
          continue
        }
        let key = Self.titleKey(reference.title)
        guard !key.isEmpty else { continue }
        var resolved = byTitle[key]?.first { $0 != ownID }
        if resolved == nil {
          var shared: [Int: Int] = [:]
          for bigram in Set(Self.bigrams(key)) {
            guard let list = postings[bigram], list.count <= rareLimit else { continue }
            for index in list { shared[index, default: 0] += 1 }
          }
          var best: (id: String, score: Double)? = nil
          for (index, _) in shared.sorted(by: {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
          }).prefix(20) where titles[index].id != ownID {
            let score = Self.similarity(titles[index].key, key)
            if score >= titleSimilarity, score > (best?.score ?? 0) {
              best = (titles[index].id, score)
            }
          }
          resolved = best?.id
        }
        if let resolved {
          documents[documentIndex].references[referenceIndex].resolvedDocument = resolved
          documents[documentIndex].references[referenceIndex].resolvedBy = "title"
        }
      }
    }
  }

  private static func bigrams(_ text: String) -> [String] {
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
