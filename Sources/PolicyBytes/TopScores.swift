/// The `limit` best (unit, score) pairs seen, in O(n log limit): a min-heap whose root is
/// the worst pair kept. Higher scores are better; between equal scores, the earlier unit
/// (document order) is better.
@usableFromInline package struct TopScores {
  @usableFromInline package let limit: Int
  @usableFromInline var heap: [(unit: Int, score: Double)] = []

  @inlinable package init(limit: Int) {
    self.limit = max(0, limit)
    heap.reserveCapacity(min(self.limit, 1024))
  }

  /// Whether `a` ranks before `b`.
  @inline(__always)
  @inlinable package static func isBetter(
    _ a: (unit: Int, score: Double), than b: (unit: Int, score: Double)
  ) -> Bool {
    a.score != b.score ? a.score > b.score : a.unit < b.unit
  }

  /// Offers a pair; kept if it is among the best so far.
  @inline(__always)
  @inlinable package mutating func offer(unit: Int, score: Double) {
    let pair = (unit: unit, score: score)
    if heap.count < limit {
      heap.append(pair)
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard Self.isBetter(heap[parent], than: heap[child]) else { break }
        heap.swapAt(parent, child)
        child = parent
      }
    } else if limit > 0, Self.isBetter(pair, than: heap[0]) {
      heap[0] = pair
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { break }
        var worst = left
        if left + 1 < heap.count, Self.isBetter(heap[left], than: heap[left + 1]) {
          worst = left + 1
        }
        guard Self.isBetter(heap[parent], than: heap[worst]) else { break }
        heap.swapAt(parent, worst)
        parent = worst
      }
    }
  }

  /// The pairs kept, best first.
  @inlinable package var ranked: [(unit: Int, score: Double)] {
    heap.sorted { Self.isBetter($0, than: $1) }
  }
}
