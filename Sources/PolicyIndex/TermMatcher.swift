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

  /// A unit holding the term, with its counts; lists of these are sorted by unit. Held
  /// in 12 bytes (units are numbered, and a unit's positions counted, in 32 bits), since a
  /// query of several terms keeps a list of these per term (a query of one term ranks
  /// them as they are found: `RankedMatches`).
  package struct Match {
    private var storedUnit: Int32
    private var storedTotal: Int32
    private var storedInHeading: Int32
    package var unit: Int { Int(storedUnit) }
    package var total: Int {
      get { Int(storedTotal) }
      set { storedTotal = Int32(truncatingIfNeeded: newValue) }
    }
    package var inHeading: Int {
      get { Int(storedInHeading) }
      set { storedInHeading = Int32(truncatingIfNeeded: newValue) }
    }

    package init(unit: Int, total: Int, inHeading: Int) {
      storedUnit = Int32(truncatingIfNeeded: unit)
      storedTotal = Int32(truncatingIfNeeded: total)
      storedInHeading = Int32(truncatingIfNeeded: inHeading)
    }
  }

  /// The units that hold `folded`, in unit order; with `candidates` (sorted), only those
  /// of them, found without decoding the lists of the term's keys whole.
  package func matches(of folded: String, within candidates: [Int]? = nil) throws -> [Match] {
    let scalars = folded.unicodeScalars.map(\.value)
    if Self.needsText(scalars[...]) { return try textMatches(scalars, within: candidates) }
    switch scalars.count {
    case 0:
      return []
    case 1:
      let all = try combined(postings.postings(in: BigramKey.range(startingWith: scalars[0])))
      return candidates.map { MatchedGroups.kept(all, in: $0) } ?? all
    case 2:
      guard let found = try postings.postings(of: BigramKey.make(scalars[0], scalars[1])) else {
        return []
      }
      if let candidates {
        var cursor = PhraseListCursor(found, offset: 0)
        var matches: [Match] = []
        for unit in candidates {
          guard try cursor.seek(Int32(truncatingIfNeeded: unit), file: postings) else { continue }
          matches.append(Match(unit: unit, total: cursor.total, inHeading: cursor.inHeading))
        }
        return matches
      }
      let list = try postings.units(of: found)
      return list.units.indices.map { list.match(at: $0) }
    default:
      return try phraseMatches(scalars, within: candidates)
    }
  }

  /// How many units a term's BM25 weight counts as holding it, the same for every query
  /// whichever units it looks in: a bigram's units, from its list's head; a longer term's
  /// as `phraseFrequency` counts or estimates them (`matches`: the term's matches in the
  /// whole index, when the query found them, which are that count when `phraseFrequency`
  /// would count); a term of one character's, the units that hold a key starting with it
  /// (its matches', when the query has them, else counted without keeping them); for a
  /// term only the text can check, that of its longest covered part (one of separators
  /// alone: its matches', when the query has them, else every unit).
  package func documentFrequency(of folded: String, matches: [Match]? = nil) throws -> Int {
    let scalars = folded.unicodeScalars.map(\.value)
    if Self.needsText(scalars[...]) {
      let longest = Self.longestCoveredRun(scalars)
      guard !longest.isEmpty else { return matches?.count ?? entries.count }
      var run = String.UnicodeScalarView()
      run.append(contentsOf: longest.compactMap(Unicode.Scalar.init))
      return try documentFrequency(of: String(run))
    }
    switch scalars.count {
    case 0:
      return 0
    case 1:
      return try matches?.count ?? unitsHolding(character: scalars[0])
    case 2:
      return try postings.postings(of: BigramKey.make(scalars[0], scalars[1]))?.unitCount ?? 0
    default:
      return try phraseFrequency(scalars, matches: matches)
    }
  }

  /// How many units hold a key that starts with `character`: its keys' unit lists decoded
  /// one at a time and marked in one bit per unit, none kept.
  private func unitsHolding(character: UInt32) throws -> Int {
    var marked = [UInt64](repeating: 0, count: (entries.count + 63) / 64)
    var count = 0
    for found in try postings.postings(in: BigramKey.range(startingWith: character)) {
      for unit in try postings.units(of: found).units {
        let (word, bit) = (Int(unit) >> 6, UInt64(1) << UInt64(unit & 63))
        if marked[word] & bit == 0 {
          marked[word] |= bit
          count += 1
        }
      }
    }
    return count
  }

  /// At least as many units as hold the term, read from the heads of its keys' lists (no
  /// list decoded): which group of a query to match first, and whether any unit may hold
  /// it at all.
  package func unitsAtMost(of folded: String) throws -> Int {
    let scalars = folded.unicodeScalars.map(\.value)
    if Self.needsText(scalars[...]) {
      let longest = Self.longestCoveredRun(scalars)
      guard !longest.isEmpty else { return entries.count }
      var run = String.UnicodeScalarView()
      run.append(contentsOf: longest.compactMap(Unicode.Scalar.init))
      return try unitsAtMost(of: String(run))
    }
    guard scalars.count > 1 else {
      guard let first = scalars.first else { return 0 }
      return try postings.postings(in: BigramKey.range(startingWith: first)).reduce(0) {
        $0 + $1.unitCount
      }
    }
    var fewest = Int.max
    for offset in Self.coveringOffsets(scalars) {
      guard
        let found = try postings.postings(of: BigramKey.make(scalars[offset], scalars[offset + 1]))
      else { return 0 }
      fewest = min(fewest, found.unitCount)
    }
    return fewest
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
  /// positions would); with `restriction`, only the units in it.
  private func textMatches(_ scalars: [UInt32], within restriction: [Int]?) throws -> [Match] {
    let longest = Self.longestCoveredRun(scalars)
    let candidates: [Int]
    if longest.isEmpty {
      candidates = restriction ?? Array(0..<entries.count)
    } else {
      var run = String.UnicodeScalarView()
      run.append(contentsOf: longest.compactMap(Unicode.Scalar.init))
      candidates = try matches(of: String(run), within: restriction).map(\.unit)
    }
    var found: [Match] = []
    var text: [UInt32] = []
    let entries = self.entries
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

  /// The longest part of `scalars` that its own keys cover (`needsText` is false for it),
  /// in one pass: no covered part holds a separator that follows another, nor starts with
  /// a separator, nor ends after a separator that follows a separator; any covered part
  /// finds the same units in the end (their text is checked), the longest the fewest.
  static func longestCoveredRun(_ scalars: [UInt32]) -> ArraySlice<UInt32> {
    var longest = 0..<0
    var start = 0
    while start < scalars.count {
      guard !BigramKey.isSeparator(scalars[start]) else {
        start += 1
        continue
      }
      // The part runs up to the second of two separators in a row.
      var end = start + 1
      while end < scalars.count
        && !(BigramKey.isSeparator(scalars[end]) && BigramKey.isSeparator(scalars[end - 1]))
      {
        end += 1
      }
      // Its last scalar needs the key that ends there: the one before is no separator.
      let covered = end - start >= 2 && BigramKey.isSeparator(scalars[end - 2]) ? end - 1 : end
      if covered - start > longest.count { longest = start..<covered }
      start = end
    }
    return scalars[longest]
  }

  /// The units of several keys' postings, with their counts added.
  private func combined(_ found: [PostingsFile.Postings]) throws -> [Match] {
    var all: [Match] = []
    for postings in found {
      let list = try self.postings.units(of: postings)
      for index in list.units.indices { all.append(list.match(at: index)) }
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

  /// Where the bigrams that cover a term of at least two scalars start: 0, 2, 4… and the
  /// last one (碳达峰 → 0, 1; 绿色工厂 → 0, 2); a separator is covered by the bigram it
  /// ends (发展，推进 → 0, 1, 3).
  static func coveringOffsets(_ scalars: [UInt32]) -> [Int] {
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
    return offsets
  }
}
