import Foundation
import PolicyModel

/// 主题相近度 — how near two documents' subjects are: the cosine of the bigrams of their
/// measure texts (numbering dropped), each weighted (1 + ln tf) · IDF in a background
/// corpus, so that the words of a subject (渣土, 消纳, 景观照明) count and the words every
/// official document uses (加强, 管理, 工作) hardly do.
///
/// On the municipal and district documents of `../shared/corpus-real/shanghai`, a district
/// document that carries out a municipal plan scores 0.26 to 0.63 against it, district
/// documents on another subject at most 0.10 (docs/compare-alignment.md).
package enum SubjectSimilarity {
  /// The subject similarity of `first` and `second`, from 0 to 1; symmetric (summed in key
  /// order). IDF from `background` (the bundled table by default): a bigram it does not
  /// list counts as held by no document.
  /// - Complexity: O(n log n) in the length of the two documents' measure texts.
  package static func of(
    _ first: PolicyDocument, _ second: PolicyDocument, background: BackgroundBigrams = .bundled
  ) -> Double {
    let (a, b) = (counts(first), counts(second))
    func idf(_ key: UInt64) -> Double {
      log(Double(background.documents + 1) / Double(background.frequencies[key, default: 0] + 1))
    }
    func weight(_ count: Int, _ key: UInt64) -> Double { (1 + log(Double(count))) * idf(key) }
    var dot = 0.0
    for key in a.keys.sorted() {
      guard let theirs = b[key], let mine = a[key] else { continue }
      dot += weight(mine, key) * weight(theirs, key)
    }
    let norms = [a, b].map { counts in
      counts.keys.sorted().reduce(0.0) { sum, key in
        let w = weight(counts[key] ?? 1, key)
        return sum + w * w
      }.squareRoot()
    }
    return norms[0] > 0 && norms[1] > 0 ? dot / (norms[0] * norms[1]) : 0
  }

  /// How often each bigram occurs in the measure texts of `document`, numbering dropped.
  static func counts(_ document: PolicyDocument) -> [UInt64: Int] {
    var counts: [UInt64: Int] = [:]
    for measure in document.measures {
      let scalars = Shingles.keptScalars(String(measure.text.dropFirst(measure.label.count)))
      for bigram in MeasureProfile.bigrams(scalars) { counts[bigram, default: 0] += 1 }
    }
    return counts
  }
}
