import PolicyCompare
import PolicyIndex
import PolicyModel

/// The document frequencies of the bigrams of two documents in an index: in how many of
/// its search units each occurs, for `compare --index` to weigh measure words with the
/// index's corpus instead of the bundled table.
enum IndexBigramFrequencies {
  /// The frequencies in `index` of the bigrams of `documents`' measures.
  /// - Throws: `IndexError` when the index's postings are damaged.
  static func background(_ index: InvertedIndex, for documents: [PolicyDocument]) throws
    -> BackgroundBigrams
  {
    var frequencies: [UInt64: Int] = [:]
    for bigram in Set(documents.flatMap(DocumentComparison.bigrams(of:))) {
      let key = PolicyIndex.BigramKey.make(bigram[0], bigram[1])
      guard let postings = try index.postings.postings(of: key) else { continue }
      frequencies[PolicyCompare.BigramKey.make(bigram[0], bigram[1])] = postings.unitCount
    }
    return BackgroundBigrams(documents: index.unitCount, frequencies: frequencies)
  }
}
