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
    // A block at a time, into a cursor's buffers kept from block to block.
    return try Self.inHalves(blocks: found.blocks.count) { blocks in
      var sink = makeSink()
      var cursor = PhraseListCursor(found, offset: 0)
      for block in blocks {
        try cursor.enter(block: block, file: postings)
        for slot in cursor.list.units.indices { sink.take(cursor.list.match(at: slot)) }
      }
      return sink
    }
  }
}
