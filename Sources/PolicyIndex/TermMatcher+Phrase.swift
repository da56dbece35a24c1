import PolicyBytes

extension TermMatcher {
  /// Lead lists of at least this many blocks are matched in two halves on two threads.
  static let blocksForTwoThreads = 64

  /// `work` done on the blocks `0..<blocks` of a list: in two halves on two threads, the
  /// first half's result first, for at least `blocksForTwoThreads` blocks; else at once.
  static func inHalves<Result>(blocks: Int, _ work: (Range<Int>) throws -> Result) throws
    -> [Result]
  {
    guard blocks >= blocksForTwoThreads else { return [try work(0..<blocks)] }
    let (first, second) = try TwoThreads.run(
      { try work(0..<(blocks / 2)) }, { try work((blocks / 2)..<blocks) })
    return [first, second]
  }

  /// Whether a query of `folded` alone is ranked as its lists are walked
  /// (`streamMatches`), its weight known without walking them first: a term of two
  /// characters (its list's head counts its units), or a longer one whose rarest covering
  /// bigram's list has more than `blocksSampled` blocks (its units estimated from a
  /// sample). A shorter phrase is counted by a walk of its own, and a term of one
  /// character or one `needsText` sends to the text is not walked this way.
  func ranksAsWalked(_ folded: String) throws -> Bool {
    let scalars = folded.unicodeScalars.map(\.value)
    guard scalars.count >= 2, !Self.needsText(scalars[...]) else { return false }
    guard scalars.count > 2, let phrase = try phrase(scalars) else { return true }
    return phrase.lists[0].blocks.count > Self.blocksSampled
  }

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
      var walk = phrase.walk()
      var matches: [Match] = []
      try phrase.match(candidates, walk: &walk, file: postings, into: &matches)
      return matches
    }
    let halves = try phraseMatches(phrase) { [Match]() }
    return halves.count == 1 ? halves[0] : Array(halves.joined())
  }

  /// A term of three or more characters, its matches given to sinks made by `makeSink`:
  /// one sink, or two for a lead list of at least `blocksForTwoThreads` blocks, each filled
  /// on its own thread with half of the lead list's blocks (the first sink's units all
  /// below the second's). Only for terms `needsText` passes.
  func phraseMatches<Sink: MatchSink>(_ scalars: [UInt32], makeSink: () -> Sink) throws
    -> [Sink]
  {
    guard let phrase = try phrase(scalars) else { return [] }
    return try phraseMatches(phrase, makeSink: makeSink)
  }

  private func phraseMatches<Sink: MatchSink>(_ phrase: Phrase, makeSink: () -> Sink) throws
    -> [Sink]
  {
    let postings = self.postings
    return try Self.inHalves(blocks: phrase.lists[0].blocks.count) { leadBlocks in
      var sink = makeSink()
      try phrase.match(leadBlocks: leadBlocks, file: postings, into: &sink)
      return sink
    }
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
      return try phrase.match(leadBlocks: 0..<lead.blocks.count, file: postings).count
    }
    var walk = phrase.walk()
    var matches: [Match] = []
    var sampledUnits = 0
    for sample in 0..<Self.blocksSampled {
      let block = sample * lead.blocks.count / Self.blocksSampled
      let units = try walk.leadUnits(ofBlock: block, file: postings)
      sampledUnits += units.count
      try phrase.match(units, walk: &walk, file: postings, into: &matches)
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
  /// term (one of them at 0: a term that starts with a separator is matched in the text).
  private struct Phrase {
    let lists: [PostingsFile.Postings]
    let offsets: [UInt32]

    /// The state of one walk through the lists: a cursor per list, and room for the phrase
    /// starts of the unit being matched (a unit holds at most `IndexLimits.unitScalars`).
    struct Walk {
      var cursors: [PhraseListCursor]
      /// Written before read, slot by slot (left unwritten: a walk touches the pages of
      /// the longest unit it matches, not 256 KB).
      var starts = [UInt32](unsafeUninitializedCapacity: IndexLimits.unitScalars) { _, count in
        count = IndexLimits.unitScalars
      }

      /// The units of the lead list's block `index` (not before a block walked before).
      mutating func leadUnits(ofBlock index: Int, file: PostingsFile) throws -> [Int32] {
        let blocks = cursors[0].postings.blocks
        let first = index == 0 ? 0 : blocks[index - 1].lastUnit + 1
        _ = try cursors[0].seek(Int32(truncatingIfNeeded: first), file: file)
        return cursors[0].list.units
      }
    }

    func walk() -> Walk {
      Walk(cursors: zip(lists, offsets).map { PhraseListCursor($0, offset: $1) })
    }

    /// The matches among the units of the lead list's blocks `leadBlocks`.
    func match(leadBlocks: Range<Int>, file: PostingsFile) throws -> [Match] {
      var matches: [Match] = []
      try match(leadBlocks: leadBlocks, file: file, into: &matches)
      return matches
    }

    /// The matches among the units of the lead list's blocks `leadBlocks`, given to `sink`.
    func match<Sink: MatchSink>(leadBlocks: Range<Int>, file: PostingsFile, into sink: inout Sink)
      throws
    {
      var walk = walk()
      for block in leadBlocks {
        let units = try walk.leadUnits(ofBlock: block, file: file)
        try match(units, walk: &walk, file: file, into: &sink)
      }
    }

    /// The matches among `units` (in increasing order, none below a unit looked up before
    /// in this walk), given to `sink`. A phrase start is in the heading when it lies
    /// before the first position of the bigram at offset 0 that the heading does not hold
    /// (its heading count says how many it holds; every start is one of its positions).
    func match<Units: Sequence, Sink: MatchSink>(
      _ units: Units, walk: inout Walk, file: PostingsFile, into sink: inout Sink
    ) throws where Units.Element: BinaryInteger {
      let first = walk.cursors.indices.first { walk.cursors[$0].offset == 0 } ?? 0
      let damaged = IndexError.corrupt(file: file.path, reason: "a position lies beyond its unit")
      let leadOffset = Int(offsets[0])
      // The cursors and the starts through their buffers, for the whole of `units`: the
      // loop below runs once per unit of a list of hundreds of thousands.
      try walk.cursors.withUnsafeMutableBufferPointer { cursors in
        try walk.starts.withUnsafeMutableBufferPointer { starts in
          candidate: for element in units {
            let unit = Int32(truncatingIfNeeded: element)
            for index in cursors.indices {
              guard try cursors[index].seek(unit, file: file) else { continue candidate }
            }
            // The lead list's positions, less its offset: where the phrase may start.
            var count = 0
            let leadEnd = try cursors[0].withDeltas(file: file) { deltas in
              // A unit holds fewer positions than the starts have room for (its counts are
              // bounded when decoded); damage that says otherwise is refused here too.
              guard deltas.count <= starts.count else { throw damaged }
              var position = 0
              for delta in deltas {
                position += Int(delta)
                if position >= leadOffset {
                  starts[count] = UInt32(position - leadOffset)
                  count += 1
                }
              }
              return position
            }
            guard leadEnd < IndexLimits.unitScalars else { throw damaged }
            // Kept: the starts s with each other list's bigram at s + its offset.
            for index in cursors.indices.dropFirst() where count > 0 {
              let offset = Int(offsets[index])
              count = try cursors[index].withDeltas(file: file) { deltas in
                var kept = 0
                var at = 0
                var position = deltas.isEmpty ? Int.max : Int(deltas[0])
                for slot in 0..<count {
                  let wanted = Int(starts[slot]) + offset
                  while position < wanted {
                    at += 1
                    position = at < deltas.count ? position + Int(deltas[at]) : Int.max
                  }
                  if position == wanted {
                    starts[kept] = starts[slot]
                    kept += 1
                  }
                }
                guard at >= deltas.count || position < IndexLimits.unitScalars else {
                  throw damaged
                }
                return kept
              }
            }
            guard count > 0 else { continue }
            let inHeading = cursors[first].inHeading
            let headingEnd = try cursors[first].withDeltas(file: file) { deltas in
              guard inHeading < deltas.count else { return Int.max }
              var position = 0
              for at in 0...inHeading { position += Int(deltas[at]) }
              return position
            }
            var startsInHeading = 0
            for slot in 0..<count where Int(starts[slot]) < headingEnd { startsInHeading += 1 }
            sink.take(Match(unit: Int(unit), total: count, inHeading: startsInHeading))
          }
        }
      }
    }
  }
}
