import PolicyBytes

/// One key's posting list walked to the units asked for, in increasing order, a block at
/// a time (found by the blocks' last units, the skip list): the block's units and counts
/// decoded when the walk enters it, its positions unpacked whole the first time they are
/// asked for. A covering bigram's list as a phrase is matched (`TermMatcher.phraseMatches`);
/// a bigram's, looked for in a few thousand candidate units without decoding its list
/// whole. Buffers are kept from block to block, so
/// matching a long list allocates nothing per unit.
struct PhraseListCursor {
  let postings: PostingsFile.Postings
  /// Where the bigram starts in the phrase.
  let offset: UInt32
  /// The block decoded, -1 before the first.
  private(set) var block = -1
  /// Its units, counts and counts in the heading.
  private(set) var list = PostingsFile.UnitList()
  /// The slot of the unit the walk is at in `list`.
  private(set) var slot = 0
  /// The block with its parts known (a list of one block learns where its positions
  /// start when its units are decoded).
  private var parts: PostingsFile.Block?
  /// The block whose positions are unpacked: per slot, where its deltas start in `deltas`
  /// (one more entry than slots).
  private var unpacked = -1
  private var starts: [Int] = []
  private var deltas: [UInt32] = []
  private var chunk: [UInt32] = []

  init(_ postings: PostingsFile.Postings, offset: UInt32) {
    self.postings = postings
    self.offset = offset
  }

  /// Moves to `unit` (not below the one moved to before): whether the list holds it.
  /// - Throws: `IndexError.corrupt` naming the file when a block read is damaged.
  mutating func seek(_ unit: Int32, file: PostingsFile) throws -> Bool {
    if block < 0 || list.units[list.units.count - 1] < unit {
      let blocks = postings.blocks
      var next = max(block + 1, 0)
      if blocks.count > 1 {
        next = SortedSearch.advance(blocks, from: next, to: Int(unit), by: \.lastUnit)
      }
      guard next < blocks.count else { return false }
      try enter(block: next, file: file)
      if list.units[list.units.count - 1] < unit { return false }
    }
    return list.units.withUnsafeBufferPointer { units in
      while slot < units.count && units[slot] < unit { slot += 1 }
      return slot < units.count && units[slot] == unit
    }
  }

  /// How many times the key occurs in the unit the walk is at.
  var total: Int { Int(list.totals[slot]) }

  /// How many of those lie in its heading.
  var inHeading: Int { Int(list.inHeading[slot]) }

  /// Calls `body` with the position deltas of the unit the walk is at (the first from 0),
  /// unpacking the block's positions first if they are not.
  /// - Throws: `IndexError.corrupt` naming the file when the positions are damaged.
  mutating func withDeltas<Result>(
    file: PostingsFile, _ body: (UnsafeBufferPointer<UInt32>) throws -> Result
  ) throws -> Result {
    if unpacked != block { try unpackPositions(file: file) }
    let (first, end) = (starts[slot], starts[slot + 1])
    return try deltas.withUnsafeBufferPointer {
      try body(UnsafeBufferPointer(rebasing: $0[first..<end]))
    }
  }

  /// Decodes block `index` (not before the block the walk is in: a walk goes forward) and
  /// stands at its first unit; `list` then holds the block's units and counts.
  /// - Throws: `IndexError.corrupt` naming the file when the block is damaged.
  mutating func enter(block index: Int, file: PostingsFile) throws {
    list.units.removeAll(keepingCapacity: true)
    list.totals.removeAll(keepingCapacity: true)
    list.inHeading.removeAll(keepingCapacity: true)
    parts = try file.appendUnits(ofBlock: index, of: postings, to: &list)
    block = index
    slot = 0
  }

  private mutating func unpackPositions(file: PostingsFile) throws {
    guard let parts else { return }
    var part = UnsafeBufferPointer(rebasing: postings.list[parts.positionPart])
    if postings.partsChecked { part = try PostingsFile.checked(part, path: file.path) }
    try PostingsFile.unpackPositions(
      part, totals: list.totals, path: file.path, starts: &starts, deltas: &deltas,
      chunk: &chunk)
    unpacked = block
  }
}
