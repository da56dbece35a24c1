import Foundation

/// 背景语料 — how many documents of a background corpus hold each character bigram: the
/// table `Scripts/make-bigram-table.py` builds from `../shared/corpus-real` (3,765 public
/// official documents) and that is bundled as `Resources/bigram-df.txt`. Bigrams held by
/// fewer than 40 documents are not listed and count as rare.
package struct BackgroundBigrams: Sendable {
  /// The documents of the background corpus.
  package let documents: Int
  /// The documents holding each listed bigram, by `BigramKey`.
  package let frequencies: [UInt64: Int]

  /// A table of `documents` documents and the bigram frequencies given.
  package init(documents: Int, frequencies: [UInt64: Int]) {
    self.documents = documents
    self.frequencies = frequencies
  }

  /// The bundled table, read on first use; empty if the resource cannot be read.
  package static let bundled: BackgroundBigrams = {
    guard let url = Bundle.module.url(forResource: "bigram-df", withExtension: "txt"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return BackgroundBigrams(documents: 0, frequencies: [:]) }
    return parse(text)
  }()

  /// Reads the table's text: `# documents N`, then `bigram df` lines.
  package static func parse(_ text: String) -> BackgroundBigrams {
    var documents = 0
    var frequencies: [UInt64: Int] = [:]
    for line in text.split(separator: "\n") {
      if line.hasPrefix("# documents ") {
        documents = Int(line.dropFirst("# documents ".count)) ?? 0
        continue
      }
      let parts = line.split(separator: " ")
      let scalars = parts.first.map { Array($0.unicodeScalars) } ?? []
      guard parts.count == 2, scalars.count == 2, let count = Int(parts[1]) else { continue }
      frequencies[BigramKey.make(scalars[0].value, scalars[1].value)] = count
    }
    return BackgroundBigrams(documents: documents, frequencies: frequencies)
  }
}

/// Two scalars in one integer, the first in the high half.
package enum BigramKey {
  /// The key of the bigram `first` `second`.
  @inline(__always) package static func make(_ first: UInt32, _ second: UInt32) -> UInt64 {
    UInt64(first) << 32 | UInt64(second)
  }
}
