import PolicyBytes

/// For each distinct measure text of each side, the text of the other side it shares the
/// most with. Only texts that share an n-gram are scored, found through an inverted index
/// from n-gram to texts; an n-gram held by many texts on both sides costs the product of
/// the two counts, so when the sum of those products passes `workPerShingle` times the
/// n-grams of both sides, the most widespread n-grams are left out of the scoring, and the
/// best few texts by the shorter count are scored again on all their n-grams.
struct MeasureAlignment {
  /// The best text on the other side, and its similarity.
  struct Best {
    var score: Double
    var group: Int
  }

  /// The best upper group for each lower group, when one shares anything.
  private(set) var bestForLower: [Best?]
  /// The best lower group for each upper group, when one shares anything.
  private(set) var bestForUpper: [Best?]
  /// The distinct n-grams held on both sides that were left out of the scoring.
  private(set) var ignoredShingles = 0
  /// Text pairs scored (pairs that share an n-gram that was not left out).
  private(set) var pairsScored = 0
  /// Postings visited while counting shared n-grams.
  private(set) var postingsVisited = 0

  /// The shared-n-gram postings allowed per n-gram of either side.
  static let workPerShingle = 16
  /// How many of the best texts by a short count are scored again in full.
  static let rescored = 8
  /// Postings always allowed, so that small documents are always scored in full.
  static let workFloor = 1 << 20

  init(lower: TextGroups, upper: TextGroups) {
    bestForLower = Array(repeating: nil, count: lower.count)
    bestForUpper = Array(repeating: nil, count: upper.count)
    let lowerPostings = ShinglePostings(lower.shingles)
    let upperPostings = ShinglePostings(upper.shingles)
    let budget =
      Self.workFloor
      + Self.workPerShingle * (lowerPostings.hashes.count + upperPostings.hashes.count)
    let cutoff = Self.cutoff(lowerPostings, upperPostings, budget: budget)
    // Each lower entry of a kept n-gram, with the upper entries of that n-gram.
    var links: [(group: Int32, upper: Range<Int32>)] = []
    lowerPostings.forEachShared(with: upperPostings) { hash, mine, theirs in
      guard cutoff.keeps(hash, mine.count * theirs.count) else {
        ignoredShingles += 1
        return
      }
      let range = Int32(theirs.lowerBound)..<Int32(theirs.upperBound)
      for entry in mine { links.append((lowerPostings.groups[entry], range)) }
    }
    // By lower group (counting sort; the order within a group does not matter).
    var starts = [Int](repeating: 0, count: lower.count + 1)
    for link in links { starts[Int(link.group) + 1] += 1 }
    for group in 0..<lower.count { starts[group + 1] += starts[group] }
    var byGroup = [Range<Int32>](repeating: 0..<0, count: links.count)
    var next = starts
    for link in links {
      byGroup[next[Int(link.group)]] = link.upper
      next[Int(link.group)] += 1
    }
    links = []
    // With n-grams left out, the counts are short: the best few by count are scored again
    // on all their n-grams, and the best of those taken.
    let partial = ignoredShingles > 0
    var upperShortlists = Shortlists(items: partial ? upper.count : 0, limit: Self.rescored)
    var counts = [Int32](repeating: 0, count: upper.count)
    // In one array each, so that scoring a pair does not go through each text's storage.
    let lowerSizes = lower.shingles.map(\.hashes.count)
    let upperSizes = upper.shingles.map(\.hashes.count)
    var touched: [Int] = []
    for group in 0..<lower.count {
      for range in byGroup[starts[group]..<starts[group + 1]] {
        postingsVisited += range.count
        for entry in range {
          let other = Int(upperPostings.groups[Int(entry)])
          if counts[other] == 0 { touched.append(other) }
          counts[other] += 1
        }
      }
      pairsScored += touched.count
      var shortlist = TopScores(limit: partial ? Self.rescored : 0)
      for other in touched {
        let score = Shingles.similarity(
          shared: Int(counts[other]), lowerSizes[group], upperSizes[other])
        counts[other] = 0
        if partial {
          shortlist.offer(unit: other, score: score)
          upperShortlists.offer(group, score: score, to: other)
          continue
        }
        if Self.isBetter(score, other, than: bestForLower[group], first: upper.firstMeasure) {
          bestForLower[group] = Best(score: score, group: other)
        }
        if Self.isBetter(score, group, than: bestForUpper[other], first: lower.firstMeasure) {
          bestForUpper[other] = Best(score: score, group: group)
        }
      }
      touched.removeAll(keepingCapacity: true)
      for (other, _) in shortlist.ranked {
        let score = lower.shingles[group].similarity(upper.shingles[other])
        if Self.isBetter(score, other, than: bestForLower[group], first: upper.firstMeasure) {
          bestForLower[group] = Best(score: score, group: other)
        }
      }
    }
    for other in 0..<(partial ? upper.count : 0) {
      for group in upperShortlists.candidates(of: other) {
        let score = lower.shingles[group].similarity(upper.shingles[other])
        if Self.isBetter(score, group, than: bestForUpper[other], first: lower.firstMeasure) {
          bestForUpper[other] = Best(score: score, group: group)
        }
      }
    }
  }

  /// Whether `group` scoring `score` beats `best`: a higher score, or the same score and an
  /// earlier first measure (the first of the best measures wins, as a scan would find).
  private static func isBetter(_ score: Double, _ group: Int, than best: Best?, first: [Int])
    -> Bool
  {
    guard let best else { return true }
    return score > best.score || (score == best.score && first[group] < first[best.group])
  }

  /// Which shared n-grams are scored: all of them when their work fits the budget, else
  /// the least widespread first (by work, then hash), as many as fit.
  struct Cutoff {
    /// The largest work kept, and the largest hash kept at that work.
    var work = Int.max
    var hash = UInt64.max

    func keeps(_ hash: UInt64, _ work: Int) -> Bool {
      work < self.work || (work == self.work && hash <= self.hash)
    }
  }

  private static func cutoff(_ lower: ShinglePostings, _ upper: ShinglePostings, budget: Int)
    -> Cutoff
  {
    var shared: [(work: Int, hash: UInt64)] = []
    var total = 0
    lower.forEachShared(with: upper) { hash, mine, theirs in
      let work = mine.count * theirs.count
      total += work
      shared.append((work, hash))
    }
    guard total > budget else { return Cutoff() }
    shared.sort { $0.work != $1.work ? $0.work < $1.work : $0.hash < $1.hash }
    var spent = 0
    var cutoff = Cutoff(work: -1, hash: 0)
    for item in shared {
      guard spent + item.work <= budget else { break }
      spent += item.work
      cutoff = Cutoff(work: item.work, hash: item.hash)
    }
    return cutoff
  }
}
