/// Units in increasing order, each with a score: what one query term (or a group of
/// alternatives) contributes.
struct ScoredUnits {
  package var units: [Int] = []
  package var scores: [Double] = []

  /// The union of a few lists, scores added where a unit is in more than one (a left
  /// fold of pairwise merges; `Union` for many).
  package static func union(_ lists: [ScoredUnits]) -> ScoredUnits {
    guard var merged = lists.first else { return ScoredUnits() }
    for list in lists.dropFirst() { merged = merged.merging(list) }
    return merged
  }

  private func merging(_ other: ScoredUnits) -> ScoredUnits {
    var merged = ScoredUnits()
    merged.units.reserveCapacity(units.count + other.units.count)
    merged.scores.reserveCapacity(units.count + other.units.count)
    var left = 0
    var right = 0
    while left < units.count || right < other.units.count {
      if right == other.units.count || (left < units.count && units[left] < other.units[right]) {
        merged.units.append(units[left])
        merged.scores.append(scores[left])
        left += 1
      } else if left == units.count || other.units[right] < units[left] {
        merged.units.append(other.units[right])
        merged.scores.append(other.scores[right])
        right += 1
      } else {
        merged.units.append(units[left])
        merged.scores.append(scores[left] + other.scores[right])
        left += 1
        right += 1
      }
    }
    return merged
  }

  /// Adds lists one at a time into a score per unit of the index (`units` of them), and
  /// gives their union: units in order, with the scores of the lists that hold a unit added
  /// in the order the lists came (as a left fold of pairwise merges would). Its cost is
  /// that of the lists, not of the lists times the union (a group of thousands of
  /// alternatives joined by OR).
  struct Union {
    private var scores: [Double]
    private var held: [Bool]
    private var touched: [Int] = []

    /// An empty union over units `0..<units`.
    init(units: Int) {
      scores = Array(repeating: 0, count: units)
      held = Array(repeating: false, count: units)
    }

    /// Adds `list`.
    mutating func add(_ list: ScoredUnits) {
      for (unit, score) in zip(list.units, list.scores) {
        if held[unit] {
          scores[unit] += score
        } else {
          held[unit] = true
          scores[unit] = score
          touched.append(unit)
        }
      }
    }

    /// The union of the lists added; the union is empty again after.
    mutating func take() -> ScoredUnits {
      touched.sort()
      var union = ScoredUnits()
      union.units = touched
      union.scores = touched.map { scores[$0] }
      for unit in touched { held[unit] = false }
      touched = []
      return union
    }
  }
}
