/// Passages two texts share word for word (after folding): exact matches found from common
/// n-grams and extended both ways, as text-reuse detectors do. One pass over the starts in
/// the first text whose n-gram the second holds, with the work bounded by the shorter text.
enum SharedPassages {
  /// The passages found, and whether the search stopped at a limit before the end.
  struct Found {
    /// Maximal shared runs, longest first.
    var passages: [String] = []
    /// Whether the search stopped early: `passageLimit` passages found, passages of
    /// `scalarsPerScalar` times the shorter text found, the work reached `workPerScalar`
    /// times the shorter text, or an n-gram of the shorter text recurs more than
    /// `startLimit` times in the longer one.
    var truncated = false
    /// The steps taken: starts looked at, positions gathered, scalars compared.
    var steps = 0
  }

  /// The most passages kept for one pair (the most seen on real pairs is 73).
  static let passageLimit = 200
  /// The most scalars of passages kept per scalar of the shorter text.
  static let scalarsPerScalar = 16
  /// The most places in the second text tried for one n-gram of the first.
  static let candidateLimit = 64
  /// The most places of one n-gram of the shorter `b` tried as starts in the longer `a`.
  static let startLimit = 64
  /// Steps allowed per scalar of the shorter text (an ordinary pair takes 2 or 3).
  static let workPerScalar = 64

  /// Maximal shared runs of at least `minimum` characters, longest first, not overlapping
  /// in `a`. From the start of `a`, each start whose n-gram `b` holds is extended against
  /// each place of that n-gram in `b` (the first of the longest wins); a run long enough
  /// is kept and the search goes on after it. When that search stops at a limit, the runs
  /// through n-grams that occur at most twice in `a` are searched as well, so that a copy
  /// of `b` inside a long `a` full of `b`'s phrases is still found, and the longest kept.
  /// - Parameters:
  ///   - a: The text whose runs are reported.
  ///   - b: The other text.
  ///   - bGrams: The distinct n-gram hashes of `b`, ascending (`Shingles.hashes`).
  ///   - minimum: The shortest run kept, in scalars.
  /// - Complexity: O(w + k log k) for w steps (at most `workPerScalar` times the shorter
  ///   text's length) and k starts gathered when `a` is the longer text.
  static func find(_ a: GramTable, _ b: GramTable, bGrams: [UInt64], minimum: Int = 8) -> Found {
    guard a.scalars.count >= Shingles.size, b.scalars.count >= Shingles.size else {
      return Found()
    }
    var search = Search(a: a, b: b, minimum: minimum)
    // When `a` is the longer, only the places of `b`'s n-grams in it are visited.
    let gathered = a.hashes.count > bGrams.count ? search.gather(bGrams, most: startLimit) : nil
    var runs = search.scan(gathered)
    if search.truncated, gathered != nil {
      var rare = Search(a: a, b: b, minimum: minimum)
      let rareRuns = rare.scan(rare.gather(bGrams, most: 2, skipCommon: true))
      search.steps += rare.steps
      // The rare runs first, then the others that do not overlap them, longest first.
      var kept = rareRuns
      for run in runs where !rareRuns.contains(where: { $0.from < run.to && run.from < $0.to }) {
        kept.append(run)
      }
      runs = Array(kept.sorted { $0.to - $0.from > $1.to - $1.from }.prefix(passageLimit))
    }
    let passages = runs.map { run in
      (
        length: run.to - run.from,
        text: String(
          String.UnicodeScalarView(a.scalars[run.from..<run.to].compactMap(Unicode.Scalar.init)))
      )
    }
    return Found(
      passages: passages.sorted { $0.length > $1.length }.map(\.text),
      truncated: search.truncated, steps: search.steps)
  }

  /// One left-to-right search for runs, with its limits.
  private struct Search {
    let a: GramTable
    let b: GramTable
    let minimum: Int
    /// The steps allowed.
    let budget: Int
    /// The scalars of runs allowed.
    let scalarLimit: Int
    var steps = 0
    var truncated = false

    init(a: GramTable, b: GramTable, minimum: Int) {
      self.a = a
      self.b = b
      self.minimum = minimum
      let shorter = min(a.scalars.count, b.scalars.count)
      budget = SharedPassages.workPerScalar * (shorter + 64)
      // A run can recur in `a`, but not without end: the runs' total stays within a few
      // times the shorter text (on real pairs it stays under 5 times).
      scalarLimit = SharedPassages.scalarsPerScalar * shorter + 256
    }

    /// The places in `a` of the n-grams `grams`, in text order: the first `most` of each,
    /// or with `skipCommon` only those of n-grams that occur at most `most` times.
    mutating func gather(_ grams: [UInt64], most: Int, skipCommon: Bool = false) -> [Int32] {
      var starts: [Int32] = []
      for hash in grams {
        var positions = a.positions(of: hash)
        if positions.count > most {
          if skipCommon { continue }
          positions = positions.prefix(most)
          truncated = true
        }
        steps += 1 + positions.count
        guard steps <= budget else {
          truncated = true
          return []
        }
        starts += positions
      }
      starts.sort()
      return starts
    }

    /// The runs found from `starts` (every position of `a` when nil), in text order.
    mutating func scan(_ starts: [Int32]?) -> [(from: Int, to: Int)] {
      var runs: [(from: Int, to: Int)] = []
      var scalarsFound = 0
      var start = 0
      var cursor = 0
      scan: while true {
        if let starts {
          while cursor < starts.count && Int(starts[cursor]) < start { cursor += 1 }
          guard cursor < starts.count else { break }
          start = Int(starts[cursor])
        } else if start >= a.hashes.count {
          break
        }
        steps += 1
        var best = (length: 0, from: 0, to: 0)
        for candidate in b.positions(of: a.hashes[start]).prefix(SharedPassages.candidateLimit) {
          let other = Int(candidate)
          var left = 0
          while start - left > 0 && other - left > 0
            && a.scalars[start - left - 1] == b.scalars[other - left - 1]
          { left += 1 }
          var right = 0
          while start + right < a.scalars.count && other + right < b.scalars.count
            && a.scalars[start + right] == b.scalars[other + right]
          { right += 1 }
          steps += left + right + 1
          if steps > budget {
            truncated = true
            break scan
          }
          if left + right > best.length { best = (left + right, start - left, start + right) }
        }
        if best.length >= minimum {
          runs.append((best.from, best.to))
          scalarsFound += best.length
          start = best.to
          if runs.count == SharedPassages.passageLimit || scalarsFound >= scalarLimit {
            truncated = true
            break
          }
        } else {
          start += 1
        }
      }
      return runs
    }
  }
}
