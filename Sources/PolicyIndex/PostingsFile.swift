import Foundation
import PolicyBytes

/// The bigram postings of an index, read from a memory-mapped `postings.bin`, laid out as
/// Lucene's and tantivy's postings are, in blocks of `blockSize` units, each part
/// bit-packed or exp-Golomb coded (`IntegerChunk`):
///
/// - header `PQPOST06`;
/// - per key, its posting list: the units holding the key and the number of blocks
///   (varints); per block its unit part and its positions part; for a list of several
///   blocks, the skip list at the end: the unit count, then per block its last unit and
///   the lengths of its two parts (32 bits each; the list is written block by block, so
///   the skip list comes when the blocks are known). A unit part holds the
///   units as gaps less one (the first from the previous block's last unit, or from −1),
///   their position counts less one, and the counts of positions in the
///   heading, each an `IntegerChunk` (bit-packed at the width most values need, the
///   larger ones patched, or exp-Golomb coded, whichever is smaller; the counts of a long
///   list always bit-packed); a positions part,
///   per unit its positions as deltas (the first from 0), in `IntegerChunk`s of 128
///   values (in a long list, exp-Golomb only where it saves a tenth:
///   `positionsExpGolombShare`). In a list of several blocks every part
///   starts with its `Checksum.record`;
/// - the key table (`PostingsKeyTable`): blocks of 64 keys, then the top table;
/// - footer: top table offset, its entries, key count, top table checksum, `PQPOSTND`.
///
/// What is checked, and when: the top table when the file is opened; a block of the key
/// table when a key in it is looked up; a list's skip list (the whole list when it is one
/// block) when the list is looked up; each block's unit part when the units are decoded,
/// its positions part before a position in it is decoded. A damaged list is an error,
/// never a wrong hit, and a query checksums only what it reads.
package struct PostingsFile: Sendable {
  /// Footer: top table offset, its entries, key count, top table checksum.
  package static let frame = IndexFileFrame(
    headerMagic: "PQPOST06", footerMagic: "PQPOSTND", fields: 4, kind: "postings")
  /// Units per block, and position values per packed chunk.
  static let blockSize = 128
  /// In a list of more than `shortListBlocks` blocks, a chunk of positions is exp-Golomb
  /// coded only when that takes at most this share of its bit-packed bytes. A phrase query
  /// on frequent bigrams reads positions by the million, and exp-Golomb reads several times
  /// slower: on corpus-real, the chunks that save a tenth or more hold 29% of the positions
  /// and 54% of what exp-Golomb saves on positions (0.9 of 1.6 MB); coding every chunk
  /// the smaller way made 人民政府 at 1 GB 11% slower (farm-bench, 15 pairs).
  static let positionsExpGolombShare = 0.9
  /// Lists of at most this many blocks (2,048 units) take the smaller coding for every
  /// part: reading one costs microseconds in either coding.
  static let shortListBlocks = 16

  /// The postings of one key, its head read and checked, its blocks not yet decoded.
  package struct Postings {
    package let unitCount: Int
    /// The whole list.
    let list: UnsafeBufferPointer<UInt8>
    /// Per block: its last unit, its unit part and positions part within `list`.
    let blocks: [Block]
    /// Whether the parts carry their own checksums (a list of several blocks).
    let partsChecked: Bool
  }

  struct Block {
    var lastUnit: Int
    var unitPart: Range<Int>
    var positionPart: Range<Int>
  }

  /// A key's units, decoded: in increasing order, with their counts.
  package struct UnitList {
    package var units: [Int32] = []
    package var totals: [Int32] = []
    package var inHeading: [Int32] = []
    var postings: Postings?
    /// The values of the part unpacked last, kept so that decoding block after block into
    /// the same list allocates nothing per block.
    fileprivate var unpacked: [UInt32] = []

    /// The unit at `slot` with its counts.
    func match(at slot: Int) -> TermMatcher.Match {
      TermMatcher.Match(
        unit: Int(units[slot]), total: Int(totals[slot]), inHeading: Int(inHeading[slot]))
    }
  }

  private let file: MappedFile
  package var path: String { file.path }
  private let keys: PostingsKeyTable.Reader
  package let keyCount: Int
  /// Units in the index: a posting naming a unit beyond them is damage.
  package let unitCount: Int

  package init(path: String, unitCount: Int) throws {
    self.unitCount = unitCount
    file = try MappedFile(path: path)
    let bytes = file.bytes
    let footer = try Self.frame.footerValues(of: bytes, file: path)
    let (offset, blocks, count, checksum) = (
      Int(truncatingIfNeeded: footer[0]), Int(truncatingIfNeeded: footer[1]),
      Int(truncatingIfNeeded: footer[2]), footer[3]
    )
    // Each value is bounded by the file's size before any arithmetic (a damaged footer
    // may hold anything).
    guard offset >= 8, offset <= bytes.count, blocks >= 0, blocks < bytes.count, count >= 0,
      count <= blocks * PostingsKeyTable.keysPerBlock,
      offset + blocks * PostingsKeyTable.topEntrySize == bytes.count - Self.frame.footerSize
    else {
      throw IndexError.corrupt(file: path, reason: "the key table does not fit the file")
    }
    let top = UnsafeBufferPointer(
      rebasing: bytes[offset..<(offset + blocks * PostingsKeyTable.topEntrySize)])
    guard Checksum.words(top) == checksum else {
      throw IndexError.corrupt(file: path, reason: "key table checksum mismatch")
    }
    // The lists end where the first block of keys starts.
    let listsEnd =
      blocks == 0
      ? offset
      : Int(
        truncatingIfNeeded: UInt64(
          littleEndian: UnsafeRawPointer(top.baseAddress!).loadUnaligned(
            fromByteOffset: 16, as: UInt64.self)))
    guard listsEnd >= 8, listsEnd <= offset else {
      throw IndexError.corrupt(file: path, reason: "the key table does not fit the file")
    }
    keys = PostingsKeyTable.Reader(
      bytes: bytes, path: path, topOffset: offset, blockCount: blocks, listsEnd: listsEnd)
    keyCount = count
  }

  /// The postings of every key in `range`, in key order.
  package func postings(in range: ClosedRange<UInt64>) throws -> [Postings] {
    guard keys.blockCount > 0 else { return [] }
    var found: [Postings] = []
    var block = keys.block(holding: range.lowerBound)
    while block < keys.blockCount, keys.firstKey(ofBlock: block) <= range.upperBound {
      for entry in try keys.entries(ofBlock: block) where range.contains(entry.key) {
        found.append(try postings(entry))
      }
      block += 1
    }
    return found
  }

  /// Decodes every posting list whole (`policyq index --verify`): each key block, each
  /// list's head, every block's units and positions.
  /// - Throws: `IndexError.corrupt` naming the file at the first damage.
  package func verifyAll() throws {
    var positions: [UInt32] = []
    var previousKey: UInt64?
    for block in 0..<keys.blockCount {
      for entry in try keys.entries(ofBlock: block) {
        guard previousKey.map({ $0 < entry.key }) ?? true else {
          throw IndexError.corrupt(file: path, reason: "the keys are out of order")
        }
        previousKey = entry.key
        let list = try units(of: try postings(entry))
        var cursor = PositionCursor(list, file: self)
        for slot in list.units.indices { try cursor.positions(at: slot, into: &positions) }
      }
    }
  }

  /// The postings of `key`, if any unit holds it.
  package func postings(of key: UInt64) throws -> Postings? {
    guard keys.blockCount > 0 else { return nil }
    let block = keys.block(holding: key)
    guard let entry = try keys.entries(ofBlock: block).first(where: { $0.key == key }) else {
      return nil
    }
    return try postings(entry)
  }

  /// The list of `entry`, its head read and checked.
  private func postings(_ entry: PostingsKeyTable.Entry) throws -> Postings {
    let list = UnsafeBufferPointer(
      rebasing: file.bytes[entry.offset..<(entry.offset + entry.length)])
    var reader = ByteReader(list, file: path)
    let unitCount = try reader.int()
    let blockCount = try reader.int()
    let expectedBlocks = (unitCount + Self.blockSize - 1) / Self.blockSize
    guard unitCount > 0, unitCount <= self.unitCount, blockCount == expectedBlocks else {
      throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
    }
    let partsChecked = blockCount > 1
    let headEnd = reader.offset
    var blocks: [Block] = []
    if partsChecked {
      // The skip list ends the list: the unit count, then per block its last unit and the
      // lengths of its unit part and positions part (32 bits each).
      let skipLength = 4 + blockCount * 12
      guard skipLength <= list.count - headEnd else {
        throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
      }
      let skip = UnsafeBufferPointer(rebasing: list[(list.count - skipLength)...])
      guard Checksum.record(skip) == entry.checksum else {
        throw IndexError.corrupt(file: path, reason: "a posting list: checksum mismatch")
      }
      var skipReader = ByteReader(skip, file: path)
      guard try skipReader.uint32() == UInt32(unitCount) else {
        throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
      }
      blocks.reserveCapacity(blockCount)
      var at = headEnd
      var previous = -1
      for _ in 0..<blockCount {
        let lastUnit = Int(try skipReader.uint32())
        let units = Int(try skipReader.uint32())
        let positions = Int(try skipReader.uint32())
        // Bounded before the additions.
        guard lastUnit > previous, lastUnit < self.unitCount, units >= 4, positions >= 4,
          units <= list.count - skipLength - at,
          positions <= list.count - skipLength - at - units
        else {
          throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
        }
        blocks.append(
          Block(
            lastUnit: lastUnit, unitPart: at..<(at + units),
            positionPart: (at + units)..<(at + units + positions)))
        at += units + positions
        previous = lastUnit
      }
      guard at == list.count - skipLength else {
        throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
      }
    } else {
      guard Checksum.record(list) == entry.checksum else {
        throw IndexError.corrupt(file: path, reason: "a posting list: checksum mismatch")
      }
      // One block: its unit part's length is known once it is decoded.
      blocks = [
        Block(lastUnit: -1, unitPart: headEnd..<list.count, positionPart: list.count..<list.count)
      ]
    }
    return Postings(unitCount: unitCount, list: list, blocks: blocks, partsChecked: partsChecked)
  }

  /// Decodes the unit parts of a list.
  /// - Throws: `IndexError.corrupt` naming the file when a part is damaged.
  package func units(of postings: Postings) throws -> UnitList {
    var list = UnitList()
    list.units.reserveCapacity(postings.unitCount)
    list.totals.reserveCapacity(postings.unitCount)
    list.inHeading.reserveCapacity(postings.unitCount)
    var blocks = postings.blocks
    for index in blocks.indices {
      blocks[index] = try appendUnits(ofBlock: index, of: postings, to: &list)
    }
    list.postings = Postings(
      unitCount: postings.unitCount, list: postings.list, blocks: blocks,
      partsChecked: postings.partsChecked)
    return list
  }

  /// Decodes the unit part of block `index` of `postings` (its units, their counts and
  /// counts in the heading) onto the end of `list`; returns the block, its parts known
  /// (a list of one block learns where its positions start only here).
  /// - Throws: `IndexError.corrupt` naming the file when the part is damaged.
  func appendUnits(ofBlock index: Int, of postings: Postings, to list: inout UnitList) throws
    -> Block
  {
    var block = postings.blocks[index]
    let count = min(Self.blockSize, postings.unitCount - index * Self.blockSize)
    var unit = index == 0 ? -1 : postings.blocks[index - 1].lastUnit
    var part = UnsafeBufferPointer(rebasing: postings.list[block.unitPart])
    if postings.partsChecked { part = try Self.checked(part, path: path) }
    var at = 0
    var values: [UInt32] = []
    swap(&values, &list.unpacked)
    defer { swap(&values, &list.unpacked) }
    // Unit gaps less one, then counts less one, then counts in the heading; each value is
    // bounded before use (damage past a colliding checksum may hold anything). Each array
    // is sized once and written in place.
    let first = list.units.count
    try unpack(part, at: &at, count: count, into: &values)
    list.units.append(contentsOf: repeatElement(0, count: count))
    let unitsValid = values.withUnsafeBufferPointer { deltas in
      list.units.withUnsafeMutableBufferPointer { units in
        for slot in 0..<count {
          // Kept less one (consecutive units are 0, the commonest gap).
          let delta = Int(deltas[slot]) + 1
          guard delta < unitCount - unit else { return false }
          unit += delta
          units[first + slot] = Int32(truncatingIfNeeded: unit)
        }
        return true
      }
    }
    guard unitsValid else {
      throw IndexError.corrupt(file: path, reason: "a posting names no unit")
    }
    try unpack(part, at: &at, count: count, into: &values)
    list.totals.append(contentsOf: repeatElement(0, count: count))
    let totalsValid = values.withUnsafeBufferPointer { counts in
      list.totals.withUnsafeMutableBufferPointer { totals in
        for slot in 0..<count {
          guard counts[slot] < UInt32(IndexLimits.unitScalars) else { return false }
          totals[first + slot] = Int32(counts[slot]) + 1
        }
        return true
      }
    }
    try unpack(part, at: &at, count: count, into: &values)
    list.inHeading.append(contentsOf: repeatElement(0, count: count))
    let headingsValid = values.withUnsafeBufferPointer { counts in
      list.totals.withUnsafeBufferPointer { totals in
        list.inHeading.withUnsafeMutableBufferPointer { inHeading in
          for slot in 0..<count {
            guard counts[slot] <= UInt32(totals[first + slot]) else { return false }
            inHeading[first + slot] = Int32(counts[slot])
          }
          return true
        }
      }
    }
    guard totalsValid, headingsValid else {
      throw IndexError.corrupt(file: path, reason: "bad position count")
    }
    if postings.partsChecked {
      guard at == part.count, unit == block.lastUnit else {
        throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
      }
    } else {
      // The one block's positions follow its unit part.
      let end = block.unitPart.lowerBound + at
      block.unitPart = block.unitPart.lowerBound..<end
      block.positionPart = end..<postings.list.count
      block.lastUnit = unit
    }
    return block
  }

  /// Unpacks a block's positions part `part` (its checksum already checked) whose units
  /// hold `totals` positions each: `deltas` gets the deltas one unit after another, and
  /// `starts` where each unit's begin (one more entry than units).
  /// - Throws: `IndexError.corrupt` naming `path` when the part does not hold them.
  static func unpackPositions<Totals: Collection<Int32>>(
    _ part: UnsafeBufferPointer<UInt8>, totals: Totals, path: String, starts: inout [Int],
    deltas: inout [UInt32], chunk: inout [UInt32]
  ) throws {
    starts.removeAll(keepingCapacity: true)
    var total = 0
    for count in totals {
      starts.append(total)
      total += Int(count)
    }
    starts.append(total)
    deltas.removeAll(keepingCapacity: true)
    deltas.reserveCapacity(total)
    var at = 0
    while deltas.count < total {
      guard
        IntegerChunk.decode(
          part, at: &at, count: min(blockSize, total - deltas.count), into: &chunk)
      else { throw IndexError.corrupt(file: path, reason: "a posting list is damaged") }
      deltas.append(contentsOf: chunk)
    }
    guard at == part.count else {
      throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
    }
  }

  /// `part` less its leading checksum, once the checksum matches the rest.
  /// - Throws: `IndexError.corrupt` naming `path` when it does not.
  static func checked(_ part: UnsafeBufferPointer<UInt8>, path: String) throws
    -> UnsafeBufferPointer<UInt8>
  {
    guard part.count >= 4 else {
      throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
    }
    let stored = UInt32(
      littleEndian: UnsafeRawPointer(part.baseAddress!).loadUnaligned(as: UInt32.self))
    let rest = UnsafeBufferPointer(rebasing: part[4...])
    guard Checksum.record(rest) == stored else {
      throw IndexError.corrupt(file: path, reason: "a block of a posting list: checksum mismatch")
    }
    return rest
  }

  /// Unpacks a chunk of `count` values (`IntegerChunk`) at `at`, moving `at` past it.
  func unpack(
    _ part: UnsafeBufferPointer<UInt8>, at: inout Int, count: Int, into values: inout [UInt32]
  ) throws {
    guard IntegerChunk.decode(part, at: &at, count: count, into: &values) else {
      throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
    }
  }
}
