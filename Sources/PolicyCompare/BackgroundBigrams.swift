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

  /// Reads the table's text: `# documents N`, then `bigram df` lines (read as bytes: the
  /// table is read on every comparison).
  package static func parse(_ text: String) -> BackgroundBigrams {
    var documents = 0
    var frequencies: [UInt64: Int] = [:]
    var text = text
    text.withUTF8 { bytes in
      frequencies.reserveCapacity(bytes.count / 10)
      let header = Array("# documents ".utf8)
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        start = end + 1
        if line.starts(with: header) {
          documents = number(line.dropFirst(header.count)) ?? 0
          continue
        }
        guard let space = line.firstIndex(of: 0x20),
          let count = number(line[(space + 1)...]),
          let pair = String(bytes: line[..<space], encoding: .utf8).map({ Array($0.unicodeScalars) }
          ),
          pair.count == 2
        else { continue }
        frequencies[BigramKey.make(pair[0].value, pair[1].value)] = count
      }
    }
    return BackgroundBigrams(documents: documents, frequencies: frequencies)
  }

  /// The decimal number the bytes spell, or nil.
  private static func number<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
    guard !bytes.isEmpty else { return nil }
    var value = 0
    for byte in bytes {
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }
}

/// Two scalars in one integer, the first in the high half.
package enum BigramKey {
  /// The key of the bigram `first` `second`.
  @inline(__always) package static func make(_ first: UInt32, _ second: UInt32) -> UInt64 {
    UInt64(first) << 32 | UInt64(second)
  }
}
