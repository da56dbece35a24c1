/// Numbers the bigram keys met while indexing, 0, 1, 2… in order of first sight, so that
/// per-key state can live in plain arrays: an open-addressing hash table from key to number.
///
/// Each slot also carries the key's state within the unit being indexed (the last unit it
/// was met in, its first and last position there), so that one memory access per position
/// both finds the key and groups the unit's positions by key.
struct TermTable {
  struct Slot {
    /// Term number + 1; 0 marks an empty slot.
    var term: Int32 = 0
    /// The last unit the key was met in.
    var lastUnit: Int32 = -1
    var key: UInt64 = 0
    /// The key's first and last position in `lastUnit`, chained through a position list.
    var head: Int32 = -1
    var tail: Int32 = -1
  }

  /// The key of each term number.
  private(set) var keys: [UInt64] = []
  /// The count is a power of two.
  private(set) var slots: [Slot]
  private var mask: Int

  init(capacity: Int = 1 << 16) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: Slot(), count: size)
    mask = size - 1
  }

  var count: Int { keys.count }

  @inline(__always)
  private static func slot(of key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// Makes room for `newKeys` more keys without growing, so that slot indices stay valid
  /// while they are added.
  mutating func reserve(_ newKeys: Int) {
    while (keys.count + newKeys) * 2 > slots.count { grow() }
  }

  /// The slot of `key`, inserting it (with the next term number) when new. Call `reserve`
  /// first: the table does not grow here.
  @inline(__always)
  mutating func slot(of key: UInt64) -> Int {
    var slot = Self.slot(of: key, mask: mask)
    while true {
      let term = slots[slot].term
      if term == 0 { break }
      if slots[slot].key == key { return slot }
      slot = (slot + 1) & mask
    }
    slots[slot] = Slot(term: Int32(keys.count + 1), lastUnit: -1, key: key)
    keys.append(key)
    return slot
  }

  /// The term number of the key in `slot`.
  @inline(__always)
  func term(inSlot slot: Int) -> Int { Int(slots[slot].term) - 1 }

  /// The first position of the key in `slot` within the unit last grouped.
  @inline(__always)
  func firstPosition(inSlot slot: Int) -> Int { Int(slots[slot].head) }

  /// Groups the positions of a unit by key: the bigram starting at each scalar (the last
  /// pairs with `BigramKey.end`). Afterwards `touched` holds the slots of the unit's keys in
  /// order of first occurrence; from `firstPosition(inSlot:)`, `nextPosition` chains each
  /// key's positions in increasing order, -1 ending the chain.
  mutating func group(
    unit: Int32, scalars: UnsafeBufferPointer<UInt32>, nextPosition: inout [Int32], touched: inout [Int32]
  ) {
    let count = scalars.count
    reserve(count)
    if nextPosition.count < count { nextPosition = Array(repeating: -1, count: max(count, nextPosition.count * 2)) }
    touched.removeAll(keepingCapacity: true)
    // The loop runs on raw buffers: this is the indexer's innermost loop, one iteration
    // per character of the corpus.
    var keys = self.keys
    self.keys = []
    let mask = self.mask
    slots.withUnsafeMutableBufferPointer { table in
      nextPosition.withUnsafeMutableBufferPointer { next in
        for index in 0..<count {
          let key = BigramKey.make(scalars[index], index + 1 < count ? scalars[index + 1] : BigramKey.end)
          var slot = Self.slot(of: key, mask: mask)
          while table[slot].term != 0 && table[slot].key != key { slot = (slot + 1) & mask }
          if table[slot].term == 0 {
            table[slot] = Slot(term: Int32(keys.count + 1), lastUnit: -1, key: key)
            keys.append(key)
          }
          next[index] = -1
          if table[slot].lastUnit != unit {
            table[slot].lastUnit = unit
            table[slot].head = Int32(index)
            touched.append(Int32(slot))
          } else {
            next[Int(table[slot].tail)] = Int32(index)
          }
          table[slot].tail = Int32(index)
        }
      }
    }
    self.keys = keys
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
