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

  /// A term of three or more characters: the units holding the bigrams that cover it
  /// (at offsets 0, 2, 4… and the last one: 碳达峰 → 碳达 + 达峰, 绿色工厂 → 绿色 + 工厂), then
  /// the positions p where each covering bigram starts at p + its offset.
  private func phraseMatches(_ scalars: [UInt32]) throws -> [Match] {
    var offsets = Array(stride(from: 0, to: scalars.count - 1, by: 2))
    if offsets.last != scalars.count - 2 { offsets.append(scalars.count - 2) }
    var lists: [PostingsFile.UnitList] = []
    for offset in offsets {
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
        let slot = SortedSearch.advance(lists[index].units, from: slots[index], to: unit)
        slots[index] = slot
        if slot == lists[index].units.count || lists[index].units[slot] != unit {
          inAll = false
          break
        }
      }
      guard inAll else { continue }
      try cursors[0].positions(at: slots[0], into: &candidates)
      var count = candidates.count
      for index in 1..<lists.count where count > 0 {
        try cursors[index].positions(at: slots[index], into: &positions)
        count = Self.keepStarts(&candidates, count: count, followedAt: UInt32(offsets[index]), by: positions)
      }
      guard count > 0 else { continue }
      var inHeading = 0
      if lists[0].inHeading[slots[0]] > 0 {
        let headingLength = UInt32(entries[Int(unit)].headingLength)
        for start in candidates[..<count] where start < headingLength { inHeading += 1 }
      }
      matches.append(Match(unit: Int(unit), total: count, inHeading: inHeading))
    }
    return matches
  }

  /// Of the first `count` starts `s` (sorted), keeps at the front those for which
  /// `s + offset` is among `positions` (sorted); returns how many were kept.
  static func keepStarts(_ starts: inout [UInt32], count: Int, followedAt offset: UInt32, by positions: [UInt32]) -> Int {
    var kept = 0
    var index = 0
    for slot in 0..<count {
      let wanted = starts[slot] + offset
      while index < positions.count && positions[index] < wanted { index += 1 }
      if index < positions.count && positions[index] == wanted {
        starts[kept] = starts[slot]
        kept += 1
      }
    }
    return kept
  }
}
