import PolicyBytes

/// Walks one key's posting list to the units asked for, in increasing order, decoding only
/// the blocks that may hold them (found by their last units, the skip list): a term is
/// looked for in a few thousand candidate units without decoding the whole list of a
/// frequent bigram.
struct PostingsCursor {
  private let postings: PostingsFile.Postings
  private let file: PostingsFile
  /// The block decoded in `current`, -1 before the first.
  private var block = -1
  /// The units of `block`, their counts, and (as its only block) where its parts lie.
  private var current = PostingsFile.UnitList()
  private var slot = 0

  init(_ postings: PostingsFile.Postings, file: PostingsFile) {
    self.postings = postings
    self.file = file
  }

  /// Moves to `unit` (not below the one moved to before): whether the list holds it.
  /// - Throws: `IndexError.corrupt` naming the file when a block read is damaged.
  mutating func seek(_ unit: Int) throws -> Bool {
    if block < 0 || (current.units.last.map { Int($0) < unit } ?? true) {
      // The first block whose last unit is not below `unit` (a list of one block keeps
      // its last unit in its unit part: it is decoded first).
      var next = max(block + 1, 0)
      let blocks = postings.blocks
      if blocks.count > 1 {
        next = SortedSearch.advance(blocks, from: next, to: unit, by: \.lastUnit)
      }
      guard next < blocks.count else { return false }
      if next != block {
        try decode(block: next)
        if Int(current.units[current.units.count - 1]) < unit { return false }
      }
    }
    slot = SortedSearch.advance(current.units, from: slot, to: Int32(truncatingIfNeeded: unit))
    return slot < current.units.count && Int(current.units[slot]) == unit
  }

  /// How many times the key occurs in the unit `seek` found.
  var total: Int { Int(current.totals[slot]) }

  /// How many of those lie in the unit's heading.
  var inHeading: Int { Int(current.inHeading[slot]) }

  private mutating func decode(block index: Int) throws {
    current.units.removeAll(keepingCapacity: true)
    current.totals.removeAll(keepingCapacity: true)
    current.inHeading.removeAll(keepingCapacity: true)
    _ = try file.appendUnits(ofBlock: index, of: postings, to: &current)
    block = index
    slot = 0
  }
}
