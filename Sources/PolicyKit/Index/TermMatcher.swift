/// Finds the units that contain a term, exactly, with how often it occurs in their heading
/// and in all their text: a term of one character through the keys that start with it,
/// a longer one through the positions of its consecutive bigrams.
struct TermMatcher {
  let postings: PostingsFile
  let entries: UnitsFile.Reader.EntryView

  /// Occurrences per unit.
  struct Occurrences {
    var total: Int
    var inHeading: Int
  }

  /// A unit holding the term, with its counts; lists of these are sorted by unit.
  struct Match {
    var unit: Int
    var total: Int
    var inHeading: Int
  }

  /// The units that hold `folded`, in unit order.
  func matches(of folded: String) throws -> [Match] {
    let scalars = folded.unicodeScalars.map(\.value)
    // One key: its list is already in unit order.
    if scalars.count == 2 {
      return try postings.counts(in: BigramKey.make(scalars[0], scalars[1])...BigramKey.make(scalars[0], scalars[1])) {
        Int(entries[$0].headingLength)
      }.map { Match(unit: $0.unit, total: $0.total, inHeading: $0.inHeading) }
    }
    return try occurrences(of: folded).map { Match(unit: $0.key, total: $0.value.total, inHeading: $0.value.inHeading) }
      .sorted { $0.unit < $1.unit }
  }

  func occurrences(of folded: String) throws -> [Int: Occurrences] {
    let scalars = folded.unicodeScalars.map(\.value)
    guard let first = scalars.first else { return [:] }
    var result: [Int: Occurrences] = [:]
    // One or two characters: one key or a range of keys; counts suffice.
    if scalars.count <= 2 {
      let range = scalars.count == 1
        ? BigramKey.range(startingWith: first) : BigramKey.make(first, scalars[1])...BigramKey.make(first, scalars[1])
      let counts = try postings.counts(in: range) { Int(entries[$0].headingLength) }
      result.reserveCapacity(counts.count)
      for (unit, total, heading) in counts {
        if let existing = result[unit] {
          result[unit] = Occurrences(total: existing.total + total, inHeading: existing.inHeading + heading)
        } else {
          result[unit] = Occurrences(total: total, inHeading: heading)
        }
      }
      return result
    }
    var lists: [PostingsFile.List] = []
    for offset in 0..<(scalars.count - 1) {
      let list = try postings.list(BigramKey.make(scalars[offset], scalars[offset + 1]))
      if list.units.isEmpty { return [:] }
      lists.append(list)
    }
    // Walk the units of the shortest list; check the others by binary search.
    let driver = lists.indices.min { lists[$0].units.count < lists[$1].units.count }!
    for driverIndex in lists[driver].units.indices {
      let unit = lists[driver].units[driverIndex]
      var slots: [Int] = []
      for list in lists {
        guard let slot = SortedSearch.position(of: unit, in: list.units, by: { $0 }) else { break }
        slots.append(slot)
      }
      guard slots.count == lists.count else { continue }
      // Positions p where bigram i starts at p + i for every i.
      var total = 0
      var heading = 0
      let headingLength = UInt32(entries[Int(unit)].headingLength)
      for start in lists[0].positions(at: slots[0]) {
        var matches = true
        for offset in 1..<lists.count where !SortedSearch.contains(start + UInt32(offset), in: lists[offset].positions(at: slots[offset])) {
          matches = false
          break
        }
        if matches {
          total += 1
          if start < headingLength { heading += 1 }
        }
      }
      if total > 0 { result[Int(unit)] = Occurrences(total: total, inHeading: heading) }
    }
    return result
  }
}
