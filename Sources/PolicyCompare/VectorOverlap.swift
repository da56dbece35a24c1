/// What two weighted bags of bigrams share, summed over the bigrams both hold: the dot
/// product, the smaller weights, and each side's weights.
struct VectorOverlap {
  /// Σ a·b.
  var dot = 0.0
  /// Σ min(a, b).
  var smaller = 0.0
  /// Σ a, over the shared bigrams.
  var lower = 0.0
  /// Σ b, over the shared bigrams.
  var upper = 0.0

  /// The overlaps of every pair of lower and upper vectors sharing a bigram held by at most
  /// `listLimit` vectors on each side, summed bigram by bigram in key order (so that
  /// swapping the sides gives the same sums), by lower then upper index.
  static func all(
    _ lower: [BigramWeights.Vector], _ upper: [BigramWeights.Vector], listLimit: Int,
    visited: inout Int
  ) -> [Int: [Int: VectorOverlap]] {
    var lowerLists: [UInt64: [(Int, Double)]] = [:]
    var upperLists: [UInt64: [(Int, Double)]] = [:]
    for (i, vector) in lower.enumerated() {
      for (key, weight) in vector.weights { lowerLists[key, default: []].append((i, weight)) }
    }
    for (j, vector) in upper.enumerated() {
      for (key, weight) in vector.weights { upperLists[key, default: []].append((j, weight)) }
    }
    var overlaps: [Int: [Int: VectorOverlap]] = [:]
    let keys = lowerLists.keys.filter { upperLists[$0] != nil }.sorted()
    for key in keys {
      guard let mine = lowerLists[key], let theirs = upperLists[key],
        mine.count <= listLimit, theirs.count <= listLimit
      else { continue }
      visited += mine.count * theirs.count
      for (i, a) in mine {
        for (j, b) in theirs {
          var overlap = overlaps[i]?[j] ?? VectorOverlap()
          overlap.dot += a * b
          overlap.smaller += min(a, b)
          overlap.lower += a
          overlap.upper += b
          overlaps[i, default: [:]][j] = overlap
        }
      }
    }
    return overlaps
  }
}
