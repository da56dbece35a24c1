import PolicyBytes
import PolicyModel
import PolicyText

/// The verbs of a phrase (新增, 达到, 下降 …): the last, the opening and the nearest to its value.
extension TargetPhrase {
  /// The last verb of `phrase` (two characters or more), however far from its end: the
  /// verb of a long clause (新建、改建以白玉兰为主的玉兰属植物特色园20座).
  static func lastVerb(in phrase: String) -> Int? {
    var best: (verb: Int, position: String.Index)? = nil
    for (index, verb) in TargetGrammar.verbs.enumerated()
    where TargetGrammar.verbLengths[index] >= 2 {
      guard let range = phrase.rangeOfBytes(verb.0, backwards: true) else { continue }
      if best.map({ range.lowerBound > $0.position }) ?? true { best = (index, range.lowerBound) }
    }
    return best?.verb
  }

  /// The verb (an index into `TargetGrammar.verbs`, two characters or more) that opens
  /// `phrase` after its year phrase and connectors, if any.
  static func openingVerb(of phrase: String) -> Int? {
    var rest = phrase
    // The leading words but the verbs: a year phrase, connectors, hedges.
    while true {
      let shorter = withoutLeadingWords(rest, verbs: false)
      if shorter == rest { break }
      rest = shorter
    }
    let verbs = TargetGrammar.verbs
    return verbs.indices.first {
      TargetGrammar.verbLengths[$0] >= 2 && rest.hasPrefixBytes(verbs[$0].0)
        && !rest.hasAtMostCharacters(TargetGrammar.verbLengths[$0] + 1)
    }
  }

  /// The verb (an index into `TargetGrammar.verbs`) that starts last in `phrase` among
  /// those that end within their length plus six characters of its end; at the same
  /// start, the one listed first ("下降到" before "下降").
  ///
  /// Such a verb starts within twice its length plus six characters of the end, so only
  /// that tail is read, once, looking verbs up by their first scalar.
  static func nearestVerb(in phrase: String) -> Int? {
    var text = phrase
    return text.withUTF8 { bytes -> Int? in
      // Where the phrase's last `TargetGrammar.verbTail` characters start, one by one from
      // the end: boundaries[k] is the byte offset k characters before the end.
      let boundaries = UTF8Scalars.characterStarts(
        of: phrase, utf8: bytes, fromEnd: TargetGrammar.verbTail)
      /// The byte offset `count` characters before the end, or 0.
      func offset(charactersBeforeEnd count: Int) -> Int {
        count < boundaries.count ? boundaries[count] : 0
      }
      var best: (verb: Int, start: Int)? = nil
      var position = offset(charactersBeforeEnd: TargetGrammar.verbTail)
      while position < bytes.count {
        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
        defer { position += length }
        guard let candidates = TargetGrammar.verbIndex.candidates(startingWith: scalar) else {
          continue
        }
        for verb in candidates where TargetGrammar.verbIndex.matches(verb, in: bytes, at: position)
        {
          let end = position + TargetGrammar.verbIndex.words[verb].count
          // Positions only grow: a verb found earlier at this position and listed first stays,
          // and so does one this verb lies inside (开工 of 新开工).
          if let current = best,
            (current.start == position && current.verb < verb)
              || end <= current.start + TargetGrammar.verbIndex.words[current.verb].count
          {
            continue
          }
          // It must end within its length plus six characters of the end.
          guard end >= offset(charactersBeforeEnd: TargetGrammar.verbLengths[verb] + 6) else {
            continue
          }
          best = (verb, position)
        }
      }
      return best?.verb
    }
  }
}
