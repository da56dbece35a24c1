import PolicyBytes

/// Every `stride`-th key of a postings segment with where its entry starts and how many
/// entries are left from there: a merge of the upper half of the keys starts reading each
/// segment near its first key instead of reading the lower half through.
struct SegmentKeyIndex: Sendable {
  static let stride = 1024
  var entries: [(key: UInt64, offset: Int, entriesLeft: Int)] = []

  /// Where to start reading for the keys from `key` on: the last indexed entry at or below
  /// it (the segment's start when there is none).
  func start(for key: UInt64) -> (offset: Int, entriesLeft: Int)? {
    let after = SortedSearch.lowerBound(key + 1, in: entries) { $0.key }
    guard after > 0 else { return nil }
    return (entries[after - 1].offset, entries[after - 1].entriesLeft)
  }
}
