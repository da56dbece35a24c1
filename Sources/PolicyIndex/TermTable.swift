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
    package var key: UInt64 = 0
    /// Term number + 1; 0 marks an empty slot.
    package var term: Int32 = 0
    /// `unitBase + local number` when the key was met in the current unit; below
    /// `unitBase` otherwise.
    package var mark: Int32 = -1
  }

  /// The key of each term number.
  package private(set) var keys: [UInt64] = []
  /// The count is a power of two.
  private var slots: [Slot]
  private var mask: Int
  /// Marks at or above this belong to the current unit: it grows by each unit's length.
  private var unitBase: Int32 = 0

  package init(capacity: Int = 1 << 16) {
    var size = 16
    while size * 7 < capacity * 10 { size <<= 1 }
    slots = Array(repeating: Slot(), count: size)
    mask = size - 1
  }

  package var count: Int { keys.count }

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

  /// Groups the positions of a unit by key into `groups`: the bigram starting at each
  /// scalar but a separator (the last pairs with `BigramKey.end`), those before
  /// `headingLength` counted apart as in the heading.
  package mutating func group(
    scalars: UnsafeBufferPointer<UInt32>, headingLength: Int, into groups: UnitKeyGroups
  ) {
    let count = scalars.count
    reserve(count)
    if Int(unitBase) > Int(Int32.max) - count - 1 { restartMarks() }
    groups.reset(positions: count)
    // The loop runs on raw buffers: this is the indexer's innermost loop, one iteration
    // per character of the corpus. Its arithmetic wraps (`&+`) rather than checking for
    // overflow: positions and group numbers are below `count`, and `unitBase + count`
    // was checked to fit an `Int32` above.
    var keys = self.keys
    self.keys = []
    let mask = self.mask
    let base = unitBase
    let next = groups.next
    let found = groups.groups
    var groupCount = 0
    slots.withUnsafeMutableBufferPointer { table in
      for index in 0..<count {
        // The slot of a key a few characters on is fetched from memory meanwhile: the
        // table is larger than the cache, and each probe would otherwise wait for it.
        let ahead = index &+ Self.prefetchDistance
        if ahead < count, !BigramKey.isSeparator(scalars[ahead]) {
          let aheadKey = BigramKey.make(
            scalars[ahead], ahead &+ 1 < count ? scalars[ahead &+ 1] : BigramKey.end)
          pq_prefetch_write(table.baseAddress! + Self.slot(of: aheadKey, mask: mask))
        }
        let first = scalars[index]
        if BigramKey.isSeparator(first) { continue }
        let key = BigramKey.make(first, index &+ 1 < count ? scalars[index &+ 1] : BigramKey.end)
        var slot = Self.slot(of: key, mask: mask)
        while table[slot].term != 0 && table[slot].key != key { slot = (slot &+ 1) & mask }
        if table[slot].term == 0 {
          table[slot] = Slot(key: key, term: Int32(keys.count + 1), mark: -1)
          keys.append(key)
        }
        let position = Int32(truncatingIfNeeded: index)
        let inHeading: Int32 = index < headingLength ? 1 : 0
        next[index] = -1
        let mark = table[slot].mark
        if mark < base {
          table[slot].mark = base &+ Int32(truncatingIfNeeded: groupCount)
          found[groupCount] = UnitKeyGroups.Group(
            term: table[slot].term &- 1, firstPosition: position, lastPosition: position, count: 1,
            headingCount: inHeading)
          groupCount &+= 1
        } else {
          let group = found + Int(mark &- base)
          next[Int(group.pointee.lastPosition)] = position
          group.pointee.lastPosition = position
          group.pointee.count &+= 1
          group.pointee.headingCount &+= inHeading
        }
      }
    }
    groups.count = groupCount
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
