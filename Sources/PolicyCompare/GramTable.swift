import PolicyBytes

/// Where each n-gram of one text occurs: its positions in text order, found by hash.
/// Built once per distinct measure text that takes part in an aligned pair.
struct GramTable {
  /// The text's folded scalars (see `Shingles.scalars`).
  let scalars: [UInt32]
  /// The hash of the n-gram starting at each position.
  let hashes: [UInt64]
  /// Every position, ordered by the hash of its n-gram, then by position.
  private let byHash: [Int32]

  init(_ shingles: Shingles) {
    scalars = shingles.scalars
    let hashes = Shingles.gramHashes(shingles.scalars)
    self.hashes = hashes
    byHash = (0..<Int32(hashes.count)).sorted {
      let (a, b) = (hashes[Int($0)], hashes[Int($1)])
      return a != b ? a < b : $0 < $1
    }
  }

  /// The positions whose n-gram has `hash`, in text order.
  /// - Complexity: O(log n) for n positions.
  func positions(of hash: UInt64) -> ArraySlice<Int32> {
    let start = SortedSearch.lowerBound(hash, in: byHash) { hashes[Int($0)] }
    var (low, high) = (start, byHash.count)
    while low < high {
      let middle = (low + high) / 2
      if hashes[Int(byHash[middle])] == hash { low = middle + 1 } else { high = middle }
    }
    return byHash[start..<low]
  }
}
