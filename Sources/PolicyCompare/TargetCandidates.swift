import PolicyModel

/// The upper targets not yet paired, found by what they share with a lower target: for
/// each of the eight ways a pair can rank (the same year, baseline and unit, or some of
/// them), the upper targets with the lower one's values there, in document order. The
/// best-ranked unpaired one is then found without scanning every upper target.
struct TargetCandidates {
  /// What a lower and an upper target share, from the lower target's side.
  private struct Key: Hashable {
    var indicator: String
    /// Which of year (4), baseline year (2) and unit (1) must be the same.
    var shared: Int
    var year: Int?
    var baselineYear: Int?
    var unit: String?

    init(_ target: Target, indicator: String, shared: Int) {
      self.indicator = indicator
      self.shared = shared
      year = shared & 4 != 0 ? target.year : nil
      baselineYear = shared & 2 != 0 ? target.baselineYear : nil
      unit = shared & 1 != 0 ? target.unit : nil
    }
  }

  /// The upper targets of each key, in document order, and how far each list is used up.
  private var lists: [Key: (targets: [Int], next: Int)] = [:]
  private var used: [Bool]

  init(_ upper: [Target]) {
    used = Array(repeating: false, count: upper.count)
    for (index, target) in upper.enumerated() {
      guard let indicator = target.indicatorKey else { continue }
      for shared in 0..<8 {
        lists[Key(target, indicator: indicator, shared: shared), default: ([], 0)].targets.append(
          index)
      }
    }
  }

  /// Takes the unpaired upper target on `indicator` that ranks best with `target` (the
  /// same year counts 4, baseline 2, unit 1), the first of the best; nil when none is left.
  /// A list for a set of shared values holds every target that ranks at least as high, so
  /// the first list, from the highest rank down, with a target left gives the answer.
  /// - Complexity: amortised O(1): each list is walked past each used target once.
  mutating func take(bestFor target: Target, indicator: String) -> Int? {
    for shared in (0..<8).reversed() {
      let key = Key(target, indicator: indicator, shared: shared)
      guard var list = lists[key] else { continue }
      while list.next < list.targets.count && used[list.targets[list.next]] { list.next += 1 }
      lists[key] = list
      if list.next < list.targets.count {
        let index = list.targets[list.next]
        used[index] = true
        return index
      }
    }
    return nil
  }
}
