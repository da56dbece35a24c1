import PolicyBytes

extension TermMatcher {
  /// The units that hold `folded` given to sinks made by `makeSink` as its postings are
  /// walked, none of them kept in a list: one sink, or two for a long list (at least
  /// `blocksForTwoThreads` blocks), each filled on its own thread with half of the blocks
  /// (the first sink's units all below the second's). Nil for a term this walk does not
  /// serve (one character, or one `needsText` sends to the text); `matches(of:)` serves
  /// every term.
  func streamMatches<Sink: MatchSink>(of folded: String, makeSink: () -> Sink) throws
    -> [Sink]?
  {
    let scalars = folded.unicodeScalars.map(\.value)
    guard scalars.count >= 2, !Self.needsText(scalars[...]) else { return nil }
    guard scalars.count == 2 else { return try phraseMatches(scalars, makeSink: makeSink) }
    guard let found = try postings.postings(of: BigramKey.make(scalars[0], scalars[1])) else {
      return []
    }
    let postings = self.postings
    // A block at a time, into buffers kept from block to block.
    func matched(_ blocks: Range<Int>) throws -> Sink {
      var sink = makeSink()
      var list = PostingsFile.UnitList()
      for block in blocks {
        list.units.removeAll(keepingCapacity: true)
        list.totals.removeAll(keepingCapacity: true)
        list.inHeading.removeAll(keepingCapacity: true)
        _ = try postings.appendUnits(ofBlock: block, of: found, to: &list)
        for slot in list.units.indices {
          sink.take(
            Match(
              unit: Int(list.units[slot]), total: Int(list.totals[slot]),
              inHeading: Int(list.inHeading[slot])))
        }
      }
      return sink
    }
    let blocks = found.blocks.count
    guard blocks >= Self.blocksForTwoThreads else { return [try matched(0..<blocks)] }
    let (first, second) = try TwoThreads.run(
      { try matched(0..<(blocks / 2)) }, { try matched((blocks / 2)..<blocks) })
    return [first, second]
  }
}
