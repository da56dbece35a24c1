import PolicyBytes
import PolicyExtraction

/// Character shingles of folded text, for measuring how much two passages share.
struct Shingles {
  /// The folded scalars of the text (punctuation and spaces dropped).
  package let scalars: [UInt32]
  /// The distinct hashed n-grams, in ascending order.
  package let hashes: [UInt64]
  package static let size = 5

  package init(_ text: String) {
    self.init(scalars: Self.keptScalars(text))
  }

  /// The shingles of scalars already folded and filtered by `keptScalars(_:)`.
  package init(scalars: [UInt32]) {
    self.scalars = scalars
    var hashes = Self.gramHashes(scalars)
    hashes.sort()
    var distinct = 0
    for index in hashes.indices where index == 0 || hashes[index] != hashes[distinct - 1] {
      hashes[distinct] = hashes[index]
      distinct += 1
    }
    hashes.removeLast(hashes.count - distinct)
    self.hashes = hashes
  }

  /// The scalars of `text` that carry content once folded: ideographs, digits, a to z.
  package static func keptScalars(_ text: String) -> [UInt32] {
    var kept: [UInt32] = []
    for scalar in PolicyDictionaries.fold(text).unicodeScalars {
      let value = scalar.value
      if UTF8Scalars.isIdeograph(value) || UTF8Scalars.isDigit(value)
        || (0x61...0x7A).contains(value)
      {
        kept.append(value)
      }
    }
    return kept
  }

  /// The hash of the n-gram starting at each position, in text order.
  package static func gramHashes(_ scalars: [UInt32]) -> [UInt64] {
    guard scalars.count >= size else { return [] }
    return (0...(scalars.count - size)).map { hash(scalars[$0..<($0 + size)]) }
  }

  package static func hash(_ gram: ArraySlice<UInt32>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for value in gram { hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }
    return hash
  }

  /// How much two texts share: the larger of their Dice similarity and 0.8 times how much
  /// of the shorter one the longer holds (a short article copying half of a long one).
  /// Symmetric, 1 for the same text.
  package func similarity(_ other: Shingles) -> Double {
    Self.similarity(
      shared: sharedCount(other), hashes.count, other.hashes.count)
  }

  /// The similarity of two shingle sets of `sizeA` and `sizeB` distinct n-grams that have
  /// `shared` of them in common (see `similarity(_:)`).
  package static func similarity(shared count: Int, _ sizeA: Int, _ sizeB: Int) -> Double {
    guard sizeA > 0, sizeB > 0 else { return 0 }
    let shared = Double(count)
    let dice = 2 * shared / Double(sizeA + sizeB)
    let containment = shared / Double(min(sizeA, sizeB))
    return max(dice, 0.8 * containment)
  }

  /// How many distinct n-grams the two texts have in common: the smaller list walked, the
  /// larger one searched by galloping, so a short text against a long one costs little.
  /// - Complexity: O(s log(l/s)) for s and l distinct n-grams in the smaller and larger.
  package func sharedCount(_ other: Shingles) -> Int {
    let (smaller, larger) =
      hashes.count <= other.hashes.count ? (hashes, other.hashes) : (other.hashes, hashes)
    var count = 0
    var position = 0
    for hash in smaller {
      position = SortedSearch.advance(larger, from: position, to: hash)
      guard position < larger.count else { break }
      if larger[position] == hash { count += 1 }
    }
    return count
  }
}
