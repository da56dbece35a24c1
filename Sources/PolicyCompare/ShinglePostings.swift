/// The posting lists of an inverted index from n-gram to the texts that hold it: every
/// (n-gram, group) of one side, ordered by n-gram hash, then by group.
struct ShinglePostings {
  /// The n-gram hash of each entry, ascending.
  let hashes: [UInt64]
  /// The group of each entry, ascending within one hash.
  let groups: [Int32]

  /// The postings of `texts`, one entry per distinct n-gram of each text.
  /// - Complexity: O(n log n) for n entries.
  init(_ texts: [Shingles]) {
    var entries: [(hash: UInt64, group: Int32)] = []
    entries.reserveCapacity(texts.reduce(0) { $0 + $1.hashes.count })
    for (group, text) in texts.enumerated() {
      for hash in text.hashes { entries.append((hash, Int32(group))) }
    }
    entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.group < $1.group }
    hashes = entries.map(\.hash)
    groups = entries.map(\.group)
  }

  /// The end of the run of entries with the same hash as the entry at `start`.
  func runEnd(from start: Int) -> Int {
    var end = start + 1
    while end < hashes.count && hashes[end] == hashes[start] { end += 1 }
    return end
  }

  /// Calls `body` with the entry ranges of each hash both sides hold, in hash order.
  /// - Complexity: O(n + m) for n and m entries.
  func forEachShared(
    with other: ShinglePostings, _ body: (_ hash: UInt64, Range<Int>, Range<Int>) -> Void
  ) {
    var (mine, theirs) = (0, 0)
    while mine < hashes.count && theirs < other.hashes.count {
      let (a, b) = (hashes[mine], other.hashes[theirs])
      if a < b {
        mine = runEnd(from: mine)
      } else if b < a {
        theirs = other.runEnd(from: theirs)
      } else {
        let (mineEnd, theirsEnd) = (runEnd(from: mine), other.runEnd(from: theirs))
        body(a, mine..<mineEnd, theirs..<theirsEnd)
        (mine, theirs) = (mineEnd, theirsEnd)
      }
    }
  }
}
