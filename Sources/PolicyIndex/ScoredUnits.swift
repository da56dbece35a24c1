/// Units in increasing order, each with a score: what one query term (or a group of
/// alternatives) contributes.
struct ScoredUnits {
  package var units: [Int] = []
  package var scores: [Double] = []

  /// The union of several lists, scores added where a unit is in more than one.
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
}
