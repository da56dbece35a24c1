import PolicyBytes
import PolicyExtraction

/// Character shingles of folded text, for measuring how much two passages share.
struct Shingles {
  /// The folded scalars of the text (punctuation and spaces dropped).
  package let scalars: [UInt32]
  /// Distinct hashed n-grams.
  package let set: Set<UInt64>
  package static let size = 5

  package init(_ text: String) {
    var kept: [UInt32] = []
    for scalar in PolicyDictionaries.fold(text).unicodeScalars {
      let value = scalar.value
      if UTF8Scalars.isIdeograph(value) || UTF8Scalars.isDigit(value)
        || (0x61...0x7A).contains(value)
      {
        kept.append(value)
      }
    }
    scalars = kept
    var set = Set<UInt64>()
    if kept.count >= Self.size {
      for start in 0...(kept.count - Self.size) {
        set.insert(Self.hash(kept[start..<(start + Self.size)]))
      }
    }
    self.set = set
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
    guard !set.isEmpty, !other.set.isEmpty else { return 0 }
    let (smaller, larger) = set.count < other.set.count ? (set, other.set) : (other.set, set)
    var count = 0
    for shingle in smaller where larger.contains(shingle) { count += 1 }
    let shared = Double(count)
    let dice = 2 * shared / Double(set.count + other.set.count)
    let containment = shared / Double(min(set.count, other.set.count))
    return max(dice, 0.8 * containment)
  }
}

/// Passages two texts share word for word (after folding): exact matches found from common
/// shingles and extended both ways, as text-reuse detectors do.
enum SharedPassages {
  /// Maximal shared runs of at least `minimum` characters, longest first, not overlapping.
  package static func find(_ a: Shingles, _ b: Shingles, minimum: Int = 8) -> [String] {
    guard a.scalars.count >= Shingles.size, b.scalars.count >= Shingles.size else { return [] }
    var positions: [UInt64: [Int]] = [:]
    for start in 0...(b.scalars.count - Shingles.size) {
      positions[Shingles.hash(b.scalars[start..<(start + Shingles.size)]), default: []].append(
        start)
    }
    var usedA = [Bool](repeating: false, count: a.scalars.count)
    var passages: [(length: Int, text: String)] = []
    var start = 0
    while start <= a.scalars.count - Shingles.size {
      guard !usedA[start],
        let candidates = positions[Shingles.hash(a.scalars[start..<(start + Shingles.size)])]
      else {
        start += 1
        continue
      }
      var best = (length: 0, from: 0, to: 0)
      for other in candidates {
        var left = 0
        while start - left > 0 && other - left > 0
          && a.scalars[start - left - 1] == b.scalars[other - left - 1]
        { left += 1 }
        var right = 0
        while start + right < a.scalars.count && other + right < b.scalars.count
          && a.scalars[start + right] == b.scalars[other + right]
        { right += 1 }
        if left + right > best.length { best = (left + right, start - left, start + right) }
      }
      if best.length >= minimum {
        for index in best.from..<best.to { usedA[index] = true }
        let text = String(
          String.UnicodeScalarView(a.scalars[best.from..<best.to].compactMap(Unicode.Scalar.init)))
        passages.append((best.length, text))
        start = best.to
      } else {
        start += 1
      }
    }
    return passages.sorted { $0.length > $1.length }.map(\.text)
  }
}
