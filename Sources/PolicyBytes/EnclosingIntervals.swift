/// For many ranges at once, the preferred interval of a list that encloses each one: the
/// innermost section holding a clause, the first measure holding a target. A scan of the
/// list for every range is O(n · q), quadratic in a long document of many sections and
/// targets; this answers all q ranges in O((n + q) log n), and gives the same answer as
/// that scan for any list (overlapping, unsorted, empty intervals alike).
package struct EnclosingIntervals {
  /// The intervals' bounds: interval `i` encloses a range when `lowers[i] <= range.lower`
  /// and `range.upper <= uppers[i]`.
  private let lowers: [Int]
  private let uppers: [Int]
  /// How much each interval is preferred: the highest wins, and between equal ones the
  /// earliest in the list.
  private let preferences: [Int]

  /// - Parameters:
  ///   - intervals: the intervals, as (lower, upper) pairs.
  ///   - preferences: one per interval, higher preferred; nil prefers the earliest.
  package init(_ intervals: [(lower: Int, upper: Int)], preferences: [Int]? = nil) {
    self.lowers = intervals.map(\.lower)
    self.uppers = intervals.map(\.upper)
    self.preferences = preferences ?? Array(repeating: 0, count: intervals.count)
  }

  /// Whether interval `a` is preferred to interval `b`.
  @inline(__always)
  private func prefers(_ a: Int, to b: Int) -> Bool {
    preferences[a] != preferences[b] ? preferences[a] > preferences[b] : a < b
  }

  /// For each of `ranges`, the index of the preferred interval enclosing it, or nil.
  /// - Complexity: O((n + q) log n) for n intervals and q ranges.
  package func preferred(enclosing ranges: [(lower: Int, upper: Int)]) -> [Int?] {
    var answers = [Int?](repeating: nil, count: ranges.count)
    guard !lowers.isEmpty, !ranges.isEmpty else { return answers }
    // Intervals enter by their lower bound as the ranges are taken by theirs; a tree over
    // the distinct upper bounds, largest first, gives the preferred interval among those
    // entered whose upper bound is at least the range's.
    let byLower = lowers.indices.sorted { lowers[$0] < lowers[$1] }
    let queries = ranges.indices.sorted { ranges[$0].lower < ranges[$1].lower }
    var distinctUppers = Array(Set(uppers))
    distinctUppers.sort(by: >)
    var tree = [Int](repeating: -1, count: distinctUppers.count + 1)
    var entered = 0
    for query in queries {
      let range = ranges[query]
      while entered < byLower.count && lowers[byLower[entered]] <= range.lower {
        let interval = byLower[entered]
        // A 1-based tree position: the slot of the interval's own upper bound.
        var position = countAtLeast(uppers[interval], in: distinctUppers)
        while position < tree.count {
          if tree[position] < 0 || prefers(interval, to: tree[position]) {
            tree[position] = interval
          }
          position += position & -position
        }
        entered += 1
      }
      var position = countAtLeast(range.upper, in: distinctUppers)
      var best = -1
      while position > 0 {
        let candidate = tree[position]
        if candidate >= 0 && (best < 0 || prefers(candidate, to: best)) { best = candidate }
        position -= position & -position
      }
      answers[query] = best < 0 ? nil : best
    }
    return answers
  }

  /// How many of `descending` (sorted, largest first, distinct) are at least `value`.
  private func countAtLeast(_ value: Int, in descending: [Int]) -> Int {
    var low = 0
    var high = descending.count
    while low < high {
      let mid = (low + high) / 2
      if descending[mid] >= value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
