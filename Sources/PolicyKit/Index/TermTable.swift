import CPrefetch

/// Numbers the bigram keys met while indexing, 0, 1, 2… in order of first sight, so that
/// per-key state can live in plain arrays: an open-addressing hash table from key to number.
///
/// The table is probed once per character of the corpus, so its slots are kept small
/// (16 bytes, at most 70% full): for a corpus of 350,000 distinct bigrams it takes 8 MB and
/// stays mostly in cache. Each slot also marks whether its key was met in the unit being
/// grouped, and under which local number, so that one probe per position both finds the
/// key and groups the unit's positions by key.
struct TermTable {
  private struct Slot {
    var key: UInt64 = 0
    /// Term number + 1; 0 marks an empty slot.
    var term: Int32 = 0
    /// `unitBase + local number` when the key was met in the current unit; below
    /// `unitBase` otherwise.
    var mark: Int32 = -1
  }

  /// The key of each term number.
  private(set) var keys: [UInt64] = []
  /// The count is a power of two.
  private var slots: [Slot]
  private var mask: Int
  /// Marks at or above this belong to the current unit: it grows by each unit's length.
  private var unitBase: Int32 = 0
  /// Per local number of the current unit: the key's last position.
  private var tails: [Int32] = []

  init(capacity: Int = 1 << 16) {
    var size = 16
    while size * 7 < capacity * 10 { size <<= 1 }
    slots = Array(repeating: Slot(), count: size)
    mask = size - 1
  }

  var count: Int { keys.count }

  /// How many characters ahead a slot is prefetched.
  private static let prefetchDistance = 8

  @inline(__always)
  private static func slot(of key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// Makes room for `newKeys` more keys, so that the table need not grow while a unit is
  /// grouped.
  private mutating func reserve(_ newKeys: Int) {
    while (keys.count + newKeys) * 10 > slots.count * 7 { grow() }
  }

  /// Groups the positions of a unit by key: the bigram starting at each scalar (the last
  /// pairs with `BigramKey.end`). Afterwards, for each key of the unit in order of first
  /// occurrence, `terms` holds its term number, `firstPositions` its first position,
  /// `counts` its number of positions and `headingCounts` those before `headingLength`;
  /// `nextPosition` chains each key's positions in increasing order, -1 ending the chain.
  mutating func group(
    scalars: UnsafeBufferPointer<UInt32>, headingLength: Int, nextPosition: inout [Int32], terms: inout [Int32],
    firstPositions: inout [Int32], counts: inout [Int32], headingCounts: inout [Int32]
  ) {
    let count = scalars.count
    reserve(count)
    if Int(unitBase) > Int(Int32.max) - count - 1 { restartMarks() }
    if nextPosition.count < count { nextPosition = Array(repeating: -1, count: max(count, nextPosition.count * 2)) }
    if tails.count < count { tails = Array(repeating: -1, count: max(count, tails.count * 2)) }
    terms.removeAll(keepingCapacity: true)
    firstPositions.removeAll(keepingCapacity: true)
    counts.removeAll(keepingCapacity: true)
    headingCounts.removeAll(keepingCapacity: true)
    // The loop runs on raw buffers: this is the indexer's innermost loop, one iteration
    // per character of the corpus.
    var keys = self.keys
    self.keys = []
    let mask = self.mask
    let base = unitBase
    slots.withUnsafeMutableBufferPointer { table in
      nextPosition.withUnsafeMutableBufferPointer { next in
        tails.withUnsafeMutableBufferPointer { tails in
          for index in 0..<count {
            // The slot of a key a few characters on is fetched from memory meanwhile: the
            // table is larger than the cache, and each probe would otherwise wait for it.
            let ahead = index + Self.prefetchDistance
            if ahead < count {
              let aheadKey = BigramKey.make(scalars[ahead], ahead + 1 < count ? scalars[ahead + 1] : BigramKey.end)
              pq_prefetch_write(table.baseAddress! + Self.slot(of: aheadKey, mask: mask))
            }
            let key = BigramKey.make(scalars[index], index + 1 < count ? scalars[index + 1] : BigramKey.end)
            var slot = Self.slot(of: key, mask: mask)
            while table[slot].term != 0 && table[slot].key != key { slot = (slot + 1) & mask }
            if table[slot].term == 0 {
              table[slot] = Slot(key: key, term: Int32(keys.count + 1), mark: -1)
              keys.append(key)
            }
            next[index] = -1
            let mark = table[slot].mark
            if mark < base {
              let local = Int32(terms.count)
              table[slot].mark = base + local
              terms.append(table[slot].term - 1)
              firstPositions.append(Int32(index))
              counts.append(1)
              headingCounts.append(index < headingLength ? 1 : 0)
              tails[Int(local)] = Int32(index)
            } else {
              let local = Int(mark - base)
              next[Int(tails[local])] = Int32(index)
              tails[local] = Int32(index)
              counts[local] += 1
              if index < headingLength { headingCounts[local] += 1 }
            }
          }
        }
      }
    }
    self.keys = keys
    unitBase += Int32(count)
  }

  /// Clears every mark (once per two billion positions).
  private mutating func restartMarks() {
    for index in slots.indices { slots[index].mark = -1 }
    unitBase = 0
  }

  private mutating func grow() {
    let size = slots.count * 2
    var grown = [Slot](repeating: Slot(), count: size)
    let newMask = size - 1
    for old in slots where old.term != 0 {
      var slot = Self.slot(of: old.key, mask: newMask)
      while grown[slot].term != 0 { slot = (slot + 1) & newMask }
      grown[slot] = old
    }
    slots = grown
    mask = newMask
  }
}
