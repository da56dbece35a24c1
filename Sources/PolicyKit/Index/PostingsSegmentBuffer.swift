import CPrefetch

/// The postings of the units added since the last segment was written, held in memory:
/// every key gets a number (`TermTable`) and each (key, unit) pair a group, appended in
/// unit order with its counts, its positions already encoded. Writing the segment orders
/// the groups by key with a counting sort (stable, so each key's groups stay in unit
/// order) and writes each key's postings as the index stores them (see `PostingsFile`):
/// a unit block, then a positions block, encoded straight into the file's buffer.
///
/// Everything is appended to flat arrays while adding, and the groups are moved into key
/// order in one pass before encoding, so that memory is read in order, not by chasing
/// chains through a large heap.
struct PostingsSegmentBuffer {
  /// One (key, unit) pair: the counts its unit block records, and where its positions,
  /// encoded as deltas, lie in `groupBytes`. The counts are held here, not with the
  /// positions, so that writing a unit block reads the groups in sequence only.
  private struct Group {
    var unit: UInt32 = 0
    var term: Int32 = 0
    var byteStart: UInt32 = 0
    var byteEnd: UInt32 = 0
    /// Count of positions shifted left, with the flag "some are in the heading".
    var countField: UInt32 = 0
    /// Positions in the heading (written when the flag is set).
    var headingCount: UInt32 = 0

    var countsLength: Int {
      ByteWriter.varintLength(Int(countField)) + (countField & 1 == 1 ? ByteWriter.varintLength(Int(headingCount)) : 0)
    }
  }

  private var terms = TermTable()
  /// Per term number: its groups in this segment.
  private var groupsPerTerm: [Int32] = []
  /// Terms with at least one group in this segment.
  private var termsInSegment: [Int32] = []
  private var groups: [Group] = []
  /// `groups` in key order while a segment is written; kept to be reused.
  private var sorted: [Group] = []
  private var groupBytes = ByteWriter()
  private var positionTotal = 0
  // Scratch for the unit being added.
  private var nextPosition: [Int32] = []
  private var unitTerms: [Int32] = []
  private var unitFirstPositions: [Int32] = []
  private var unitCounts: [Int32] = []
  private var unitHeadingCounts: [Int32] = []

  /// How many groups ahead memory is prefetched while groups are scattered and gathered.
  private static let prefetchDistance = 8

  /// Positions held.
  var positionCount: Int { positionTotal }
  var isEmpty: Bool { groups.isEmpty }

  /// Adds the folded scalars of unit `unit`; units must come in increasing order.
  /// `headingLength` scalars at the start are the heading.
  /// - Complexity: O(n) for n scalars (one hash lookup per position, no sorting).
  mutating func add(unit: Int, scalars: UnsafeBufferPointer<UInt32>, headingLength: Int) {
    guard !scalars.isEmpty else { return }
    terms.group(
      scalars: scalars, headingLength: headingLength, nextPosition: &nextPosition, terms: &unitTerms,
      firstPositions: &unitFirstPositions, counts: &unitCounts, headingCounts: &unitHeadingCounts)
    positionTotal += scalars.count
    // Encoded in place: at most 5 bytes per position.
    let start = groupBytes.bytes.count
    let room = scalars.count * 5
    groupBytes.bytes.append(contentsOf: repeatElement(0, count: room))
    var end = start
    groupBytes.bytes.withUnsafeMutableBufferPointer { bytes in
      let base = bytes.baseAddress!
      nextPosition.withUnsafeBufferPointer { next in
        for local in unitTerms.indices {
          // The positions along the key's chain, as deltas (the term table counted them).
          let count = Int(unitCounts[local])
          let inHeading = Int(unitHeadingCounts[local])
          let term = unitTerms[local]
          let byteStart = end
          var previous = 0
          var position = Int(unitFirstPositions[local])
          while position >= 0 {
            end += ByteWriter.varint(position - previous, at: base + end)
            previous = position
            position = Int(next[position])
          }
          groups.append(
            Group(
              unit: UInt32(unit), term: term, byteStart: UInt32(byteStart), byteEnd: UInt32(end),
              countField: UInt32(count << 1 | (inHeading > 0 ? 1 : 0)), headingCount: UInt32(inHeading)))
        }
      }
    }
    groupBytes.bytes.removeLast(start + room - end)
  }

  /// Writes the buffer as a segment file (keys in order, each with its first and last
  /// unit, document frequency, block lengths and blocks) and empties it; the term
  /// numbers are kept for the next segment.
  mutating func write(to file: BufferedFileWriter) throws {
    let keys = terms.keys
    // Groups per term, and the terms of this segment.
    if groupsPerTerm.count < terms.count { groupsPerTerm += repeatElement(0, count: terms.count - groupsPerTerm.count) }
    for group in groups { groupsPerTerm[Int(group.term)] += 1 }
    for term in 0..<terms.count where groupsPerTerm[term] > 0 { termsInSegment.append(Int32(term)) }
    // The segment's keys in order: each key packed with its term number when they fit
    // one integer (a plain integer sort), else sorted through the key table.
    // Keys, like frequencies below, are copied out in key order, so that writing reads
    // them in sequence rather than looking each up by term number.
    var segmentKeys: [UInt64]
    if terms.count < 1 << 22 {
      var packed = termsInSegment.map { keys[Int($0)] << 22 | UInt64($0) }
      packed.sort()
      for (index, value) in packed.enumerated() { termsInSegment[index] = Int32(truncatingIfNeeded: value & 0x3F_FFFF) }
      segmentKeys = packed.map { $0 >> 22 }
    } else {
      termsInSegment.sort { keys[Int($0)] < keys[Int($1)] }
      segmentKeys = termsInSegment.map { keys[Int($0)] }
    }
    // Counting sort of the groups into key order.
    var nextSlot = [Int32](repeating: 0, count: terms.count)
    var frequencies = [Int32](repeating: 0, count: termsInSegment.count)
    var next: Int32 = 0
    for (index, term) in termsInSegment.enumerated() {
      nextSlot[Int(term)] = next
      frequencies[index] = groupsPerTerm[Int(term)]
      next += groupsPerTerm[Int(term)]
      groupsPerTerm[Int(term)] = 0
    }
    if sorted.count < groups.count { sorted = Array(repeating: Group(), count: groups.count) }
    let distance = Self.prefetchDistance
    sorted.withUnsafeMutableBufferPointer { sorted in
      groups.withUnsafeBufferPointer { groups in
        nextSlot.withUnsafeMutableBufferPointer { nextSlot in
          for index in groups.indices {
            // Scattered writes: the place of a group a few on is fetched meanwhile.
            if index + distance < groups.count {
              pq_prefetch_write(sorted.baseAddress! + Int(nextSlot[Int(groups[index + distance].term)]))
            }
            let group = groups[index]
            sorted[Int(nextSlot[Int(group.term)])] = group
            nextSlot[Int(group.term)] += 1
          }
        }
      }
    }
    var header = ByteWriter()
    header.varint(termsInSegment.count)
    try file.write(header.bytes)
    var entry = ByteWriter()
    var cursor = 0
    try groupBytes.bytes.withUnsafeBufferPointer { encoded in
      let source = encoded.baseAddress!
      for (key, frequency32) in zip(segmentKeys, frequencies) {
        let frequency = Int(frequency32)
        let termGroups = sorted[cursor..<(cursor + frequency)]
        cursor += frequency
        // The blocks' lengths first (the entry header gives them), then the blocks,
        // encoded straight into the file's buffer.
        var unitBlockLength = 0
        var positionBlockLength = 0
        var previousUnit = -1
        for group in termGroups {
          unitBlockLength += ByteWriter.varintLength(Int(group.unit) - previousUnit) + group.countsLength
          positionBlockLength += Int(group.byteEnd - group.byteStart)
          previousUnit = Int(group.unit)
        }
        entry.bytes.removeAll(keepingCapacity: true)
        entry.uint64(key)
        entry.varint(Int(termGroups.first!.unit))
        entry.varint(previousUnit)
        entry.varint(frequency)
        entry.varint(unitBlockLength)
        entry.varint(positionBlockLength)
        try file.write(entry.bytes)
        try file.append(count: unitBlockLength) { target in
          var offset = 0
          var previousUnit = -1
          for group in termGroups {
            offset += ByteWriter.varint(Int(group.unit) - previousUnit, at: target + offset)
            offset += ByteWriter.varint(Int(group.countField), at: target + offset)
            if group.countField & 1 == 1 { offset += ByteWriter.varint(Int(group.headingCount), at: target + offset) }
            previousUnit = Int(group.unit)
          }
        }
        try file.append(count: positionBlockLength) { target in
          var offset = 0
          for index in termGroups.indices {
            // Positions of a key's groups lie apart: those of a group a few on are fetched meanwhile.
            if index + distance < groups.count { pq_prefetch(source + Int(sorted[index + distance].byteStart)) }
            let group = sorted[index]
            let start = Int(group.byteStart)
            let count = Int(group.byteEnd) - start
            if count <= 8 {
              for byte in 0..<count { target[offset + byte] = source[start + byte] }
            } else {
              (target + offset).update(from: source + start, count: count)
            }
            offset += count
          }
        }
      }
    }
    termsInSegment.removeAll(keepingCapacity: true)
    groups.removeAll(keepingCapacity: true)
    groupBytes.bytes.removeAll(keepingCapacity: true)
    positionTotal = 0
  }
}
