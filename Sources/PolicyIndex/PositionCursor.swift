import PolicyBytes

/// Reads the positions of a `PostingsFile.UnitList`'s units, in increasing unit order: the
/// positions part of a block is checked and unpacked when a unit of the block is first
/// asked for; the blocks in between are skipped without reading them.
struct PositionCursor {
  private let totals: [Int32]
  private let postings: PostingsFile.Postings?
  private let path: String
  /// The block whose positions are unpacked in `deltas`.
  private var block = -1
  /// The position deltas of `block`'s units, one after the other.
  private var deltas: [UInt32] = []
  private var chunk: [UInt32] = []
  /// Where each slot of `block` starts in `deltas`.
  private var starts: [Int] = []
  private var lastIndex = -1

  package init(_ list: PostingsFile.UnitList, file: PostingsFile) {
    totals = list.totals
    postings = list.postings
    path = file.path
  }

  /// The positions of the list's `index`-th unit (not before the last one read), into
  /// `positions`.
  /// - Throws: `IndexError.corrupt` naming the file when the block's positions are damaged.
  package mutating func positions(at index: Int, into positions: inout [UInt32]) throws {
    precondition(index >= lastIndex, "positions are read in increasing unit order")
    lastIndex = index
    let wanted = index / PostingsFile.blockSize
    if wanted != block { try unpack(block: wanted) }
    positions.removeAll(keepingCapacity: true)
    let slot = index - wanted * PostingsFile.blockSize
    let (first, end) = (starts[slot], starts[slot + 1])
    // Positions lie within a unit (`IndexLimits.unitScalars`): checked as they add up, so
    // that no sum of damaged deltas reaches a caller.
    let inRange = deltas.withUnsafeBufferPointer { deltas in
      var position = 0
      for at in first..<end {
        position += Int(deltas[at])
        guard position < IndexLimits.unitScalars else { return false }
        positions.append(UInt32(position))
      }
      return true
    }
    guard inRange else {
      throw IndexError.corrupt(file: path, reason: "a position lies beyond its unit")
    }
  }

  private mutating func unpack(block wanted: Int) throws {
    guard let postings else { return }
    var part = UnsafeBufferPointer(rebasing: postings.list[postings.blocks[wanted].positionPart])
    if postings.partsChecked { part = try PostingsFile.checked(part, path: path) }
    let first = wanted * PostingsFile.blockSize
    let end = min(totals.count, first + PostingsFile.blockSize)
    try PostingsFile.unpackPositions(
      part, totals: totals[first..<end], path: path, starts: &starts, deltas: &deltas,
      chunk: &chunk)
    block = wanted
  }
}
