/// Finds the units that contain a term, exactly, with how often it occurs in their heading
/// and in all their text: a term of one character through the keys that start with it,
/// of two through its key's unit block, a longer one through the positions of its
/// consecutive bigrams in the units that hold them all.
struct TermMatcher {
  let postings: PostingsFile
  let entries: UnitsFile.Reader.EntryView

  /// A unit holding the term, with its counts; lists of these are sorted by unit.
  struct Match {
    var unit: Int
    var total: Int
    var inHeading: Int
  }

  /// The units that hold `folded`, in unit order.
  func matches(of folded: String) throws -> [Match] {
    let scalars = folded.unicodeScalars.map(\.value)
    switch scalars.count {
    case 0:
      return []
    case 1:
      return try combined(postings.postings(in: BigramKey.range(startingWith: scalars[0])))
    case 2:
      guard let found = try postings.postings(of: BigramKey.make(scalars[0], scalars[1])) else { return [] }
      let list = try postings.units(of: found)
      return list.units.indices.map { Match(unit: Int(list.units[$0]), total: Int(list.totals[$0]), inHeading: Int(list.inHeading[$0])) }
    default:
      return try phraseMatches(scalars)
    }
  }

  /// The units of several keys' postings, with their counts added.
  private func combined(_ found: [PostingsFile.Postings]) throws -> [Match] {
    var all: [Match] = []
    for postings in found {
      let list = try self.postings.units(of: postings)
      for index in list.units.indices {
        all.append(Match(unit: Int(list.units[index]), total: Int(list.totals[index]), inHeading: Int(list.inHeading[index])))
      }
    }
    guard found.count > 1 else { return all }
    all.sort { $0.unit < $1.unit }
    var merged: [Match] = []
    merged.reserveCapacity(all.count)
    for match in all {
      if let last = merged.last, last.unit == match.unit {
        merged[merged.count - 1].total += match.total
        merged[merged.count - 1].inHeading += match.inHeading
      } else {
        merged.append(match)
      }
    }
    return merged
  }

  /// A term of three or more characters: the units holding all its bigrams, then the
  /// positions p where bigram i starts at p + i for every i.
  private func phraseMatches(_ scalars: [UInt32]) throws -> [Match] {
    var lists: [PostingsFile.UnitList] = []
    for offset in 0..<(scalars.count - 1) {
      guard let found = try postings.postings(of: BigramKey.make(scalars[offset], scalars[offset + 1])) else { return [] }
      lists.append(try postings.units(of: found))
    }
    var cursors = lists.map { PositionCursor($0, file: postings.path) }
    var slots = [Int](repeating: 0, count: lists.count)
    var candidates: [UInt32] = []
    var positions: [UInt32] = []
    var matches: [Match] = []
    let driver = lists.indices.min { lists[$0].units.count < lists[$1].units.count }!
    for driverSlot in lists[driver].units.indices {
      let unit = lists[driver].units[driverSlot]
      // Find the unit in every list, moving forward only.
      var inAll = true
      for index in lists.indices {
        if index == driver {
          slots[index] = driverSlot
          continue
        }
        let units = lists[index].units
        let slot = SortedSearch.lowerBound(unit, in: units[slots[index]...], by: { $0 })
        slots[index] = slot
        if slot == units.count || units[slot] != unit {
          inAll = false
          break
        }
      }
      guard inAll else { continue }
      try cursors[0].positions(at: slots[0], into: &candidates)
      for index in 1..<lists.count where !candidates.isEmpty {
        try cursors[index].positions(at: slots[index], into: &positions)
        candidates = Self.starts(candidates, followedAt: UInt32(index), by: positions)
      }
      guard !candidates.isEmpty else { continue }
      var inHeading = 0
      if lists[0].inHeading[slots[0]] > 0 {
        let headingLength = UInt32(entries[Int(unit)].headingLength)
        for start in candidates where start < headingLength { inHeading += 1 }
      }
      matches.append(Match(unit: Int(unit), total: candidates.count, inHeading: inHeading))
    }
    return matches
  }

  /// The starts `s` (sorted) for which `s + offset` is among `positions` (sorted).
  static func starts(_ starts: [UInt32], followedAt offset: UInt32, by positions: [UInt32]) -> [UInt32] {
    var kept: [UInt32] = []
    var index = 0
    for start in starts {
      let wanted = start + offset
      while index < positions.count && positions[index] < wanted { index += 1 }
      if index < positions.count && positions[index] == wanted { kept.append(start) }
    }
    return kept
  }
}
