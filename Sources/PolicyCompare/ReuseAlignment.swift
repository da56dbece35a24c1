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
    // A passage never spans two parts: one run ends at a border, and two are not chained
    // over one.
    var passages: [TextReuse.Passage] = []
    var current: (run: Run, end: (Int, Int), matched: Int)?
    func close() {
      guard let open = current, open.matched >= options.minimumLength else { return }
      passages.append(
        TextReuse.Passage(
          source: open.run.here..<open.end.0, target: open.run.there..<open.end.1,
          matched: open.matched))
    }
    for run in runs {
      if var open = current {
        let gapHere = run.here - open.end.0
        let gapThere = run.there - open.end.1
        if gapHere >= 0, gapThere >= 0, gapHere <= options.maximumGap,
          gapThere <= options.maximumGap,
          !first[open.end.0..<run.here].contains(where: { $0 >= ReuseText.border }),
          !second[open.end.1..<run.there].contains(where: { $0 >= ReuseText.border })
        {
          open.end = (run.here + run.length, run.there + run.length)
          open.matched += run.length
          current = open
          continue
        }
        // A run that overlaps the passage's end (a repeated phrase) is part of it.
        if run.here < open.end.0, run.there < open.end.1, run.here >= open.run.here,
          run.there >= open.run.there
        {
          let endHere = max(open.end.0, run.here + run.length)
          let endThere = max(open.end.1, run.there + run.length)
          open.matched += max(0, min(endHere - open.end.0, endThere - open.end.1))
          open.end = (endHere, endThere)
          current = open
          continue
        }
        close()
      }
      current = (run, (run.here + run.length, run.there + run.length), run.length)
    }
    close()
    return passages
  }
}
