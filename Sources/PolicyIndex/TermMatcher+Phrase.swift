import PolicyBytes

extension TermMatcher {
  /// Lead lists of at least this many blocks are matched in two halves on two threads.
  static let blocksForTwoThreads = 64

  /// A term of three or more characters: the units holding the bigrams that cover it
  /// (`coveringOffsets`: 碳达峰 → 碳达 + 达峰, 绿色工厂 → 绿色 + 工厂; a separator is covered
  /// by the bigram it ends: 发展，推进 → 发展 + 展， + 推进), then the positions p where each
  /// covering bigram starts at p + its offset. The units come from the rarest bigram's
  /// list, block by block (in two halves at once for a long list), each looked up in the
  /// other lists, the rarer first; with `candidates`, the candidates are looked up in all
  /// the lists. No list is decoded whole. Only for terms `needsText` passes.
  func phraseMatches(_ scalars: [UInt32], within candidates: [Int]?) throws -> [Match] {
    guard let phrase = try phrase(scalars) else { return [] }
    if let candidates {
      var cursors = phrase.cursors(postings)
      var matches: [Match] = []
      try phrase.match(candidates, cursors: &cursors, entries: entries, into: &matches)
      return matches
    }
    let blocks = phrase.lists[0].blocks.count
    guard blocks >= Self.blocksForTwoThreads else {
      return try phrase.match(leadBlocks: 0..<blocks, postings: postings, entries: entries)
    }
    let (postings, entries) = (self.postings, self.entries)
    let (first, second) = try TwoThreads.run(
      { try phrase.match(leadBlocks: 0..<(blocks / 2), postings: postings, entries: entries) },
      { try phrase.match(leadBlocks: (blocks / 2)..<blocks, postings: postings, entries: entries) }
    )
    return first + second
  }

  /// Lead lists of more blocks than this have a term's units estimated from a sample of
  /// this many blocks.
  static let blocksSampled = 64

  /// How many units hold a term of three or more characters, as its BM25 weight counts
  /// them: exactly when its rarest covering bigram's list has at most `blocksSampled`
  /// blocks, else from as many of that list's blocks, evenly spread (the share of their
  /// units that hold the term, times the list's units; at least one). The same for every
  /// query, whichever units it looks in; `found`, the term's matches in the whole index
  /// when the query has them, spares counting them again. The estimate is only a weight:
  /// a phrase that one stretch of documents holds (units are numbered document by document)
  /// may fall between the sampled blocks and be weighted as a rare one; which units match
  /// never depends on it.
  func phraseFrequency(_ scalars: [UInt32], matches found: [Match]? = nil) throws -> Int {
    guard let phrase = try phrase(scalars) else { return 0 }
    let lead = phrase.lists[0]
    guard lead.blocks.count > Self.blocksSampled else {
      if let found { return found.count }
      return try phrase.match(
        leadBlocks: 0..<lead.blocks.count, postings: postings, entries: entries
      ).count
    }
    var cursors = phrase.cursors(postings)
    var matches: [Match] = []
    var sampledUnits = 0
    for sample in 0..<Self.blocksSampled {
      let block = sample * lead.blocks.count / Self.blocksSampled
      let units = try cursors[0].units(ofBlock: block)
      sampledUnits += units.count
      try phrase.match(units, cursors: &cursors, entries: entries, into: &matches)
    }
    let share = Double(matches.count) / Double(max(1, sampledUnits))
    return max(1, Int((share * Double(lead.unitCount)).rounded()))
  }

  /// The lists of the bigrams covering `scalars`, the rarest first; nil when a bigram is
  /// in no unit.
  private func phrase(_ scalars: [UInt32]) throws -> Phrase? {
    let offsets = Self.coveringOffsets(scalars)
    var found: [PostingsFile.Postings] = []
    for offset in offsets {
      guard
        let postings = try postings.postings(
          of: BigramKey.make(scalars[offset], scalars[offset + 1]))
      else { return nil }
      found.append(postings)
    }
    let order = found.indices.sorted { (found[$0].unitCount, $0) < (found[$1].unitCount, $1) }
    return Phrase(lists: order.map { found[$0] }, offsets: order.map { UInt32(offsets[$0]) })
  }

  /// The covering bigrams' lists of a term, the rarest first, with where each starts in the
  /// term.
  private struct Phrase {
    let lists: [PostingsFile.Postings]
    let offsets: [UInt32]

    func cursors(_ postings: PostingsFile) -> [PostingsCursor] {
      lists.map { PostingsCursor($0, file: postings) }
    }

    /// The matches among the units of the lead list's blocks `leadBlocks`.
    func match(
      leadBlocks: Range<Int>, postings: PostingsFile, entries: UnitsFile.Reader.EntryView
    ) throws -> [Match] {
      var cursors = cursors(postings)
      var matches: [Match] = []
      for block in leadBlocks {
        let units = try cursors[0].units(ofBlock: block)
        try match(units, cursors: &cursors, entries: entries, into: &matches)
      }
      return matches
    }

    /// The matches among `units` (in increasing order, none below a unit looked up before
    /// with these cursors), appended to `matches`.
    func match<Units: Sequence>(
      _ units: Units, cursors: inout [PostingsCursor], entries: UnitsFile.Reader.EntryView,
      into matches: inout [Match]
    ) throws where Units.Element: BinaryInteger {
      var starts: [UInt32] = []
      var positions: [UInt32] = []
      candidate: for element in units {
        let unit = Int(element)
        for index in cursors.indices {
          guard try cursors[index].seek(unit) else { continue candidate }
        }
        try cursors[0].positions(into: &positions)
        starts.removeAll(keepingCapacity: true)
        for position in positions where position >= offsets[0] {
          starts.append(position - offsets[0])
        }
        var count = starts.count
        for index in cursors.indices.dropFirst() where count > 0 {
          try cursors[index].positions(into: &positions)
          count = TermMatcher.keepStarts(
            &starts, count: count, followedAt: offsets[index], by: positions)
        }
        guard count > 0 else { continue }
        let headingLength = UInt32(max(0, entries.headingLength(of: unit)))
        let inHeading = starts[..<count].reduce(0) { $0 + ($1 < headingLength ? 1 : 0) }
        matches.append(Match(unit: unit, total: count, inHeading: inHeading))
      }
    }
  }
}
