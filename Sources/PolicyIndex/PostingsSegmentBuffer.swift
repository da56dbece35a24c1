import CPrefetch
import PolicyBytes

/// The postings of the units added since the last segment was written, held in memory:
/// every key gets a number (`TermTable`), and each unit's (key, unit) groups are encoded
/// onto one byte stream as the unit is added, while a tally per key adds up what the key's
/// entry in the segment will take. Writing the segment then knows where every key's entry
/// lies before it copies a byte: it writes the entries' headers, and one pass over the
/// stream puts each group's unit record and positions in place (see `PostingsFile` for
/// the blocks).
///
/// The stream is read once, in order, and written to at two cursors per key; nothing is
/// sorted but the keys. The groups' term numbers are kept beside the stream, so that the
/// tallies and cursors of groups a few ahead can be fetched from memory meanwhile (with
/// hundreds of thousands of keys they are not in cache). An earlier design kept a 24-byte
/// record per group and ordered the records with a counting sort before encoding: the
/// records alone moved about five times more memory than the encoded postings.
struct PostingsSegmentBuffer {
  /// What the segment holds of one key, added up while units are added.
  private struct Tally {
    var lastUnit: UInt32 = 0
    /// Units holding the key (0: the key is not in this segment yet).
    var frequency: UInt32 = 0
    var unitBlockLength: UInt32 = 0
    var positionBlockLength: UInt32 = 0
  }

  /// Where the next unit record and positions of a key go while the segment is written.
  private struct Cursor {
    var unitBlock: UInt32 = 0
    var positionBlock: UInt32 = 0
    var previousUnit: Int32 = -1
  }

  private var terms = TermTable()
  /// Per term number.
  private var tallies: [Tally] = []
  /// Per term number: the first unit holding it in this segment (set with its first group).
  private var firstUnits: [UInt32] = []
  /// Per term number; used while writing.
  private var cursors: [Cursor] = []
  /// Terms with at least one group in this segment.
  private var termsInSegment: [Int32] = []
  /// Per unit: its number less the previous unit's, its number of groups; per group: the
  /// count field (positions shifted left, with the flag "some are in the heading"), the
  /// heading count when flagged, the positions as deltas. All varints.
  /// It starts at the size a segment's stream reaches (about 3 bytes a position), so it
  /// is not copied while it grows.
  private let stream = GrowableBytes(capacity: 8 << 20)
  /// The term number of each group of the stream: `Int32`s, written through a pointer
  /// (an array's append checks its buffer's uniqueness, once per group).
  private let groupTerms = GrowableBytes(capacity: 1 << 20)
  /// Groups in the stream.
  private var groupsHeld = 0
  private var lastUnit = -1
  private var positionTotal = 0
  /// Scratch for the unit being added.
  private let unitGroups = UnitKeyGroups()

  /// How many groups ahead memory is prefetched.
  private static let prefetchDistance = 8

  /// Scalars added: the positions held and the separators, which start no key (the
  /// segment's size is measured in the text it covers).
  var positionCount: Int { positionTotal }
  package var isEmpty: Bool { stream.count == 0 }

  /// Adds the folded scalars of unit `unit`; units must come in increasing order.
  /// `headingLength` scalars at the start are the heading.
  /// - Complexity: O(n) for n scalars (one hash lookup per position, no sorting).
  mutating func add(unit: Int, scalars: UnsafeBufferPointer<UInt32>, headingLength: Int) {
    guard !scalars.isEmpty else { return }
    terms.group(scalars: scalars, headingLength: headingLength, into: unitGroups)
    if tallies.count < terms.count {
      let grown = max(terms.count, tallies.count * 2)
      tallies += repeatElement(Tally(), count: grown - tallies.count)
      firstUnits += repeatElement(0, count: grown - firstUnits.count)
    }
    positionTotal += scalars.count
    let groups = unitGroups.groups
    let next = unitGroups.next
    let groupCount = unitGroups.count
    // At most 5 bytes a varint: two for the unit, two per group, one per position.
    let target = stream.reserve(10 + groupCount * 10 + scalars.count * 5)
    var end = ByteWriter.varint(unit - lastUnit, at: target)
    end += ByteWriter.varint(groupCount, at: target + end)
    lastUnit = unit
    let unitNumber = UInt32(unit)
    let tallyDistance = Self.prefetchDistance
    let termsOut = UnsafeMutableRawPointer(groupTerms.reserve(groupCount * 4))
    groupTerms.count += groupCount * 4
    groupsHeld += groupCount
    // Offsets, lengths and counts below stay far under 2^32 (a segment is limited to 4 GB
    // and each unit's groups and positions fit `Int32`), so the loop's arithmetic wraps
    // (`&+`) rather than checking for overflow at every step.
    tallies.withUnsafeMutableBufferPointer { tallies in
      for local in 0..<groupCount {
        if local &+ tallyDistance < groupCount {
          pq_prefetch_write(tallies.baseAddress! + Int(groups[local &+ tallyDistance].term))
        }
        let group = groups[local]
        let term = Int(group.term)
        termsOut.storeBytes(of: group.term, toByteOffset: local * 4, as: Int32.self)
        let inHeading = Int(group.headingCount)
        let countField = Int(group.count) << 1 | (inHeading > 0 ? 1 : 0)
        var recordLength = ByteWriter.varint(countField, at: target + end)
        if inHeading > 0 {
          recordLength &+= ByteWriter.varint(inHeading, at: target + end + recordLength)
        }
        end &+= recordLength
        // The positions along the key's chain, as deltas.
        let positionsStart = end
        var previous = 0
        var position = Int(group.firstPosition)
        while position >= 0 {
          end &+= ByteWriter.varint(position &- previous, at: target + end)
          previous = position
          position = Int(next[position])
        }
        var tally = tallies[term]
        if tally.frequency == 0 {
          firstUnits[term] = unitNumber
          termsInSegment.append(Int32(truncatingIfNeeded: term))
          recordLength &+= ByteWriter.varintLength(unit &+ 1)
        } else {
          recordLength &+= ByteWriter.varintLength(unit &- Int(tally.lastUnit))
        }
        tally.lastUnit = unitNumber
        tally.frequency &+= 1
        tally.unitBlockLength &+= UInt32(truncatingIfNeeded: recordLength)
        tally.positionBlockLength &+= UInt32(truncatingIfNeeded: end &- positionsStart)
        tallies[term] = tally
      }
    }
    stream.count += end
  }

  /// Writes the buffer as a segment (keys in order, each with its first and last unit,
  /// document frequency, block lengths and blocks) and empties it; the term numbers are
  /// kept for the next segment. `append` is given the segment's length and a function
  /// that writes it at the address given (`BufferedFileWriter.append(count:_:)`, or
  /// memory set aside for it).
  /// Returns the segment's sparse key index: every `SegmentKeyIndex.stride`-th key with
  /// where its entry starts, so that a merge of a range of keys starts reading there.
  @discardableResult
  package mutating func write(
    through append: (_ count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) throws -> Void
  ) rethrows -> SegmentKeyIndex {
    var index = SegmentKeyIndex()
    let keys = terms.keys
    // The segment's keys in order: each key packed with its term number when they fit
    // one integer (a radix sort on the key's bits), else sorted through the key table.
    var order: [Int32]
    var orderedKeys: [UInt64]
    if terms.count < 1 << 22 {
      var packed = termsInSegment.map { keys[Int($0)] << 22 | UInt64($0) }
      RadixSort.sort(&packed, fromBit: 22)
      order = packed.map { Int32(truncatingIfNeeded: $0 & 0x3F_FFFF) }
      orderedKeys = packed.map { $0 >> 22 }
    } else {
      order = termsInSegment.sorted { keys[Int($0)] < keys[Int($1)] }
      orderedKeys = order.map { keys[Int($0)] }
    }
    if cursors.count < terms.count {
      cursors += repeatElement(Cursor(), count: terms.count - cursors.count)
    }
    // Where each key's entry lies: its header, unit block and positions block.
    var length = ByteWriter.varintLength(order.count)
    for term in order {
      let tally = tallies[Int(term)]
      let header =
        8 + ByteWriter.varintLength(Int(firstUnits[Int(term)]))
        + ByteWriter.varintLength(Int(tally.lastUnit))
        + ByteWriter.varintLength(Int(tally.frequency))
        + ByteWriter.varintLength(Int(tally.unitBlockLength))
        + ByteWriter.varintLength(Int(tally.positionBlockLength))
      length += header + Int(tally.unitBlockLength) + Int(tally.positionBlockLength)
    }
    guard length <= Int(UInt32.max) else {
      preconditionFailure("a postings segment is limited to 4 GB")
    }
    let source = UnsafePointer(stream.base)
    let sourceLength = stream.count
    let distance = Self.prefetchDistance
    try append(length) { target in
      var at = ByteWriter.varint(order.count, at: target)
      for (number, (term, key)) in zip(order, orderedKeys).enumerated() {
        let tally = tallies[Int(term)]
        if number % SegmentKeyIndex.stride == 0 {
          index.entries.append((key, at, order.count - number))
        }
        withUnsafeBytes(of: key.littleEndian) {
          (target + at).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 8)
        }
        at += 8
        at += ByteWriter.varint(Int(firstUnits[Int(term)]), at: target + at)
        at += ByteWriter.varint(Int(tally.lastUnit), at: target + at)
        at += ByteWriter.varint(Int(tally.frequency), at: target + at)
        at += ByteWriter.varint(Int(tally.unitBlockLength), at: target + at)
        at += ByteWriter.varint(Int(tally.positionBlockLength), at: target + at)
        cursors[Int(term)] = Cursor(
          unitBlock: UInt32(at), positionBlock: UInt32(at + Int(tally.unitBlockLength)),
          previousUnit: -1)
        at += Int(tally.unitBlockLength) + Int(tally.positionBlockLength)
      }
      // Each group to its key's blocks.
      cursors.withUnsafeMutableBufferPointer { cursors in
        let terms = UnsafeRawPointer(groupTerms.base)
        let groupsHeld = self.groupsHeld
        func groupTerm(_ index: Int) -> Int {
          Int(terms.load(fromByteOffset: index * 4, as: Int32.self))
        }
        let cursorBase = cursors.baseAddress!
        var read = 0
        var unit = -1
        var groupIndex = 0
        while read < sourceLength {
          unit &+= ByteReader.trustedVarint(source, at: &read)
          let groupCount = ByteReader.trustedVarint(source, at: &read)
          for _ in 0..<groupCount {
            // The cursor of a group two distances on, and the places a group one
            // distance on writes to, are fetched meanwhile.
            if groupIndex &+ 2 &* distance < groupsHeld {
              pq_prefetch(cursorBase + groupTerm(groupIndex &+ 2 &* distance))
            }
            if groupIndex &+ distance < groupsHeld {
              let ahead = cursors[groupTerm(groupIndex &+ distance)]
              pq_prefetch_write(target + Int(ahead.unitBlock))
              pq_prefetch_write(target + Int(ahead.positionBlock))
            }
            let term = groupTerm(groupIndex)
            groupIndex &+= 1
            let countField = ByteReader.trustedVarint(source, at: &read)
            var cursor = cursors[term]
            var write = Int(cursor.unitBlock)
            write &+= ByteWriter.varint(unit &- Int(cursor.previousUnit), at: target + write)
            write &+= ByteWriter.varint(countField, at: target + write)
            if countField & 1 == 1 {
              write &+= ByteWriter.varint(
                ByteReader.trustedVarint(source, at: &read), at: target + write)
            }
            cursor.unitBlock = UInt32(truncatingIfNeeded: write)
            cursor.previousUnit = Int32(truncatingIfNeeded: unit)
            // The positions are copied as they are: as many varints as the count says.
            var remaining = countField >> 1
            write = Int(cursor.positionBlock)
            while remaining > 0 {
              let byte = source[read]
              target[write] = byte
              read &+= 1
              write &+= 1
              if byte < 0x80 { remaining &-= 1 }
            }
            cursor.positionBlock = UInt32(truncatingIfNeeded: write)
            cursors[term] = cursor
          }
        }
      }
    }
    for term in termsInSegment { tallies[Int(term)] = Tally() }
    termsInSegment.removeAll(keepingCapacity: true)
    stream.count = 0
    groupTerms.count = 0
    groupsHeld = 0
    lastUnit = -1
    positionTotal = 0
    return index
  }
}
