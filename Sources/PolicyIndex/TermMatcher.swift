import PolicyBytes

/// Finds the units that contain a term, exactly, with how often it occurs in their heading
/// and in all their text: a term of one character through the keys that start with it,
/// of two through its key's unit block, a longer one through the positions of its
/// consecutive bigrams in the units that hold them all. A term that starts with a
/// separator or holds two in a row (which start no key, `BigramKey.isSeparator`) is
/// looked for in the text of the units that hold its longest run without separators.
struct TermMatcher {
  package let postings: PostingsFile
  package let units: UnitsFile.Reader
  package var entries: UnitsFile.Reader.EntryView { units.entries }

  /// A unit holding the term, with its counts; lists of these are sorted by unit.
  package struct Match {
    package var unit: Int
    package var total: Int
    package var inHeading: Int
  }

  /// The units that hold `folded`, in unit order.
  package func matches(of folded: String) throws -> [Match] {
    let scalars = folded.unicodeScalars.map(\.value)
    if Self.needsText(scalars[...]) { return try textMatches(scalars) }
    switch scalars.count {
    case 0:
      return []
    case 1:
      return try combined(postings.postings(in: BigramKey.range(startingWith: scalars[0])))
    case 2:
      guard let found = try postings.postings(of: BigramKey.make(scalars[0], scalars[1])) else {
        return []
      }
      let list = try postings.units(of: found)
      return list.units.indices.map {
        Match(
          unit: Int(list.units[$0]), total: Int(list.totals[$0]), inHeading: Int(list.inHeading[$0])
        )
      }
    default:
      return try phraseMatches(scalars)
    }
  }

  /// Whether some scalar of a term is covered by none of its own keys: the key starting
  /// at it, or the one starting just before it (separators start none). A term of one
  /// scalar is found through the keys that start with it, unless it is a separator.
  static func needsText(_ scalars: ArraySlice<UInt32>) -> Bool {
    guard scalars.count > 1 else { return scalars.first.map(BigramKey.isSeparator) ?? false }
    for index in scalars.indices {
      let startsKey = index + 1 < scalars.endIndex && !BigramKey.isSeparator(scalars[index])
      let endsKey = index > scalars.startIndex && !BigramKey.isSeparator(scalars[index - 1])
      if !startsKey && !endsKey { return true }
    }
    return false
  }

  /// A term some of whose scalars no key covers: the units that hold its longest part the
  /// keys do cover (一） of （一）; every unit when no part is covered), each read and
  /// folded, the term counted in its text (every start, overlapping ones too, as the
  /// positions would).
  private func textMatches(_ scalars: [UInt32]) throws -> [Match] {
    var longest: ArraySlice<UInt32> = []
    for start in scalars.indices {
      for end in stride(from: scalars.count, to: start + longest.count, by: -1)
      where !Self.needsText(scalars[start..<end]) {
        longest = scalars[start..<end]
        break
      }
    }
    let candidates: [Int]
    if longest.isEmpty {
      candidates = Array(0..<entries.count)
    } else {
      var run = String.UnicodeScalarView()
      run.append(contentsOf: longest.compactMap(Unicode.Scalar.init))
      candidates = try matches(of: String(run)).map(\.unit)
    }
    var found: [Match] = []
    var text: [UInt32] = []
    for unit in candidates {
      text.removeAll(keepingCapacity: true)
      BigramKey.appendFoldedScalars(of: try units.unit(unit).text, to: &text)
      let headingLength = Int(entries[unit].headingLength)
      var total = 0
      var inHeading = 0
      var start = 0
      while start + scalars.count <= text.count {
        if text[start] == scalars[0], text[start..<(start + scalars.count)].elementsEqual(scalars) {
          total += 1
          if start < headingLength { inHeading += 1 }
        }
        start += 1
      }
      if total > 0 { found.append(Match(unit: unit, total: total, inHeading: inHeading)) }
    }
    return found
  }

  /// The units of several keys' postings, with their counts added.
  private func combined(_ found: [PostingsFile.Postings]) throws -> [Match] {
    var all: [Match] = []
    for postings in found {
      let list = try self.postings.units(of: postings)
      for index in list.units.indices {
        all.append(
          Match(
            unit: Int(list.units[index]), total: Int(list.totals[index]),
            inHeading: Int(list.inHeading[index])))
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
  /// (at offsets 0, 2, 4… and the last one: 碳达峰 → 碳达 + 达峰, 绿色工厂 → 绿色 + 工厂; a
  /// separator is covered by the bigram it ends: 发展，推进 → 发展 + 展， + 推进), then the
  /// positions p where each covering bigram starts at p + its offset. Only for terms
  /// `needsText` passes.
  private func phraseMatches(_ scalars: [UInt32]) throws -> [Match] {
    var offsets: [Int] = []
    var covered = 0
    while covered < scalars.count {
      if covered + 1 < scalars.count && !BigramKey.isSeparator(scalars[covered]) {
        offsets.append(covered)
        covered += 2
      } else {
        offsets.append(covered - 1)
        covered += 1
      }
    }
    var lists: [PostingsFile.UnitList] = []
    for offset in offsets {
      guard
        let found = try postings.postings(of: BigramKey.make(scalars[offset], scalars[offset + 1]))
      else { return [] }
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
        count = Self.keepStarts(
          &candidates, count: count, followedAt: UInt32(offsets[index]), by: positions)
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
  static func keepStarts(
    _ starts: inout [UInt32], count: Int, followedAt offset: UInt32, by positions: [UInt32]
  ) -> Int {
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
