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

  /// Products of postings always allowed, so that small documents are scored in full.
  static let workFloor = 1 << 18
  /// The products of postings allowed per posting of either side beyond the floor.
  static let workPerPosting = 4

  /// The overlaps of every pair of lower and upper vectors sharing a bigram held by at most
  /// `listLimit` vectors on each side, summed bigram by bigram in key order (so that
  /// swapping the sides gives the same sums), by lower then upper index. When those
  /// bigrams would cost more than `workFloor` plus `workPerPosting` products per posting,
  /// the least widespread are summed, as many as fit: the work grows with the postings.
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
    // The shared bigrams within the list limit, and the work each costs; when they cost more
    // than the budget, the least widespread first, as many as fit.
    var shared: [(work: Int, key: UInt64)] = []
    var total = 0
    for (key, mine) in lowerLists where mine.count <= listLimit {
      guard let theirs = upperLists[key], theirs.count <= listLimit else { continue }
      shared.append((mine.count * theirs.count, key))
      total += mine.count * theirs.count
    }
    let postings =
      lower.reduce(0) { $0 + $1.weights.count } + upper.reduce(0) { $0 + $1.weights.count }
    let budget = workFloor + workPerPosting * postings
    if total > budget {
      shared.sort { ($0.work, $0.key) < ($1.work, $1.key) }
      var spent = 0
      var kept = 0
      while kept < shared.count && spent + shared[kept].work <= budget {
        spent += shared[kept].work
        kept += 1
      }
      shared.removeLast(shared.count - kept)
    }
    let keys = shared.map(\.key).sorted()
    for key in keys {
      guard let mine = lowerLists[key], let theirs = upperLists[key] else { continue }
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
