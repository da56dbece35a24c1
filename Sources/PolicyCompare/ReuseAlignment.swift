/// The local alignment of two documents from their shared fingerprints: each seed
/// extended to the longest run of letters both hold there, runs chained into passages.
enum ReuseAlignment {
  /// A run of letters both documents hold: `here` in the first, `there` in the second.
  struct Run {
    var here: Int
    var there: Int
    var length: Int
  }

  /// Whether two letters match: equal, and not the border between parts.
  @inline(__always)
  private static func same(_ a: UInt32, _ b: UInt32) -> Bool { a == b && a < ReuseText.border }

  /// The passages `first` and `second` share, from `seeds` (sorted: by diagonal, then
  /// place), by their start in `first`.
  static func passages(
    _ first: [UInt32], _ second: [UInt32], seeds: ArraySlice<ReuseSeed>,
    options: TextReuse.Options
  ) -> [TextReuse.Passage] {
    var runs: [Run] = []
    for seed in seeds {
      let here = Int(seed.here)
      let there = Int(seed.there)
      // A seed inside the run found last on its diagonal adds nothing.
      if let last = runs.last, last.here - last.there == here - there,
        here < last.here + last.length
      {
        continue
      }
      guard here < first.count, there < second.count, same(first[here], second[there]) else {
        continue
      }
      var start = 0
      while here - start > 0 && there - start > 0
        && same(first[here - start - 1], second[there - start - 1])
      {
        start += 1
      }
      var end = 0
      while here + end < first.count && there + end < second.count
        && same(first[here + end], second[there + end])
      {
        end += 1
      }
      // A hash collision extends to fewer letters than a fingerprint covers.
      guard start + end >= options.shingle else { continue }
      runs.append(Run(here: here - start, there: there - start, length: start + end))
    }
    runs.sort { ($0.here, $0.there) < ($1.here, $1.there) }
    return distinct(chained(runs, first, second, options: options))
  }

  /// A passage being chained: where it starts and ends in each document, letters matched.
  private struct Chain {
    var start: (Int, Int)
    var end: (Int, Int)
    var matched: Int

    init(_ run: Run) {
      start = (run.here, run.there)
      end = (run.here + run.length, run.there + run.length)
      matched = run.length
    }

    /// Adds `run` when it continues the chain: after its end within `gap` letters on both
    /// sides with no border between, or overlapping its end on both sides (a repeated
    /// phrase). Returns whether it did.
    mutating func extend(
      with run: Run, gap: Int, _ first: [UInt32], _ second: [UInt32]
    ) -> Bool {
      let gapHere = run.here - end.0
      let gapThere = run.there - end.1
      if gapHere >= 0, gapThere >= 0, gapHere <= gap, gapThere <= gap,
        !first[end.0..<run.here].contains(where: { $0 >= ReuseText.border }),
        !second[end.1..<run.there].contains(where: { $0 >= ReuseText.border })
      {
        end = (run.here + run.length, run.there + run.length)
        matched += run.length
        return true
      }
      if run.here < end.0, run.there < end.1, run.here >= start.0, run.there >= start.1 {
        let endHere = max(end.0, run.here + run.length)
        let endThere = max(end.1, run.there + run.length)
        matched += max(0, min(endHere - end.0, endThere - end.1))
        end = (endHere, endThere)
        return true
      }
      return false
    }
  }

  /// Runs (by start in `first`) chained into passages of at least `minimumLength`
  /// letters. Several chains stay open at once: a phrase the passage holds that the other
  /// document also holds elsewhere starts a chain of its own instead of ending the
  /// passage. A passage never spans two parts: a run ends at a border, and two are not
  /// chained over one.
  private static func chained(
    _ runs: [Run], _ first: [UInt32], _ second: [UInt32], options: TextReuse.Options
  ) -> [TextReuse.Passage] {
    var passages: [TextReuse.Passage] = []
    var open: [Chain] = []
    func emit(_ chain: Chain) {
      guard chain.matched >= options.minimumLength else { return }
      passages.append(
        TextReuse.Passage(
          source: chain.start.0..<chain.end.0, target: chain.start.1..<chain.end.1,
          matched: chain.matched))
    }
    for run in runs {
      // Chains that no later run can continue (runs come by start in `first`).
      open.removeAll { chain in
        let done = chain.end.0 + options.maximumGap < run.here
        if done { emit(chain) }
        return done
      }
      var extended = false
      for index in open.indices
      where open[index].extend(with: run, gap: options.maximumGap, first, second) {
        extended = true
        break
      }
      if !extended { open.append(Chain(run)) }
    }
    open.forEach(emit)
    return passages
  }

  /// `passages` less those that mostly repeat a larger one: largest first, a passage is
  /// kept unless half of it lies in one kept already, on either side (a phrase said twice
  /// in one document pairs with both copies in the other; it is one shared passage).
  private static func distinct(_ passages: [TextReuse.Passage]) -> [TextReuse.Passage] {
    var kept: [TextReuse.Passage] = []
    for passage in passages.sorted(by: {
      ($0.matched, $1.source.lowerBound) > ($1.matched, $0.source.lowerBound)
    }) {
      let repeats = kept.contains { other in
        overlap(passage.source, other.source) * 2 > passage.source.count
          || overlap(passage.target, other.target) * 2 > passage.target.count
      }
      if !repeats { kept.append(passage) }
    }
    return kept.sorted {
      ($0.source.lowerBound, $0.target.lowerBound) < ($1.source.lowerBound, $1.target.lowerBound)
    }
  }

  private static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
    max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound))
  }
}
