import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

/// The clause around a value: where it starts and ends, the indicator named after a
/// count, the object of its verb, and the hedges a sentence opens with.
extension TargetExtractor {
  /// Names what `reading` measures when the words before the value did not, or named
  /// only a scope (全市) or a verb (新增): the noun right after a count or an amount, which
  /// is what it counts ("完成信息平台上线前15项业务编码贯标", "新增西门文化公园等9座城市公园";
  /// a share qualifies what precedes it); else the indicator of the clause before, which
  /// this one goes on about ("…比例达到30%，到2025年达到50%", "新增…点位30个，总计达60个"),
  /// keeping its increment (新增…确保达到120MW，力争达到180MW) unless this one counts a
  /// total; else what the clause before acts on ("增加电扶梯，三年累计新增19台"); else
  /// the scope or the verb. Returns whether the noun after the value was taken.
  static func nameIndicator(
    of reading: inout TargetPhrase.Reading, group: [TargetValue], after: String,
    previous: TargetPhrase.Reading?,
    clauseStart: Int, floor: Int, in sentence: FoldedRun
  ) -> Bool {
    var leadingScope: String? = nil
    var verbAlone: String? = nil
    if TargetGrammar.scopes.contains(where: {
      $0.utf8.count == reading.indicator.utf8.count && reading.indicator.hasPrefixBytes($0)
    }) {
      leadingScope = reading.indicator
      reading.indicator = ""
    } else if TargetPhrase.namesNothing(reading.indicator) {
      verbAlone = reading.indicator
      reading.indicator = ""
    }
    var usedTrailingNoun = false
    if group.count == 1, reading.indicator.isEmpty || !group[0].isShare {
      let noun = TargetPhrase.trailingNoun(after)
      if !noun.isEmpty {
        reading.indicator = noun
        usedTrailingNoun = true
      }
    }
    if reading.indicator.isEmpty, let previous, !previous.indicator.isEmpty, reading.verb != nil {
      reading.indicator = previous.indicator
      if reading.direction == .reach && previous.direction == .increase && !reading.cumulative {
        reading.direction = .increase
      }
    }
    if reading.indicator.isEmpty,
      let object = objectOfClause(before: clauseStart, after: floor, in: sentence)
    {
      reading.indicator = object
    }
    if reading.indicator.isEmpty, let verbAlone { reading.indicator = verbAlone }
    if let leadingScope, !reading.indicator.hasPrefixBytes(leadingScope) {
      reading.indicator = leadingScope + reading.indicator
    }
    return usedTrailingNoun
  }

  /// What the clause before `clauseStart` (and after `floor`, the previous value) acts on:
  /// the words after its verb ("增加电扶梯" → 电扶梯), for a clause that names nothing.
  static func objectOfClause(
    before clauseStart: Int, after floor: Int, in sentence: FoldedRun
  ) -> String? {
    guard clauseStart - 1 > floor else { return nil }
    let end = clauseStart - 1
    var start = end
    while start > floor && !",;:".unicodeScalars.contains(sentence[start - 1]) { start -= 1 }
    let reading = TargetPhrase.read(phrase: sentence.text(start..<end), after: "")
    return reading.indicatorFollowsVerb && !reading.indicator.isEmpty ? reading.indicator : nil
  }

  /// The hedges (力争, 争取, 预计) that open a sentence, before or after its year
  /// (力争到2025年…, 到2025年，力争…), up to its first value: they hold for every target of it.
  static func openingHedges(_ sentence: FoldedRun, before end: Int) -> [String] {
    let text = sentence.text(0..<min(end, sentence.count))
    var openings = [Substring(text)]
    if TargetLeadIn.opensWithYear(sentence.chars), let comma = text.firstIndex(of: ","),
      text.distance(from: text.startIndex, to: comma) <= 12
    {
      openings.append(text[text.index(after: comma)...])
    }
    return TargetGrammar.hedgesBefore.filter { hedge in openings.contains { $0.hasPrefix(hedge) } }
  }

  /// Where the words after a value stop: at a comma, 、, 和 or the next value.
  static func clauseEnd(
    _ chars: UnsafeBufferPointer<Unicode.Scalar>, after start: Int, before limit: Int
  ) -> Int {
    var index = start
    while index < limit && index < chars.count && !",、;:".unicodeScalars.contains(chars[index]) {
      index += 1
    }
    return min(index, chars.count)
  }

  /// Where the clause of a value starts: after the previous value, or the last comma or
  /// 、 that separates it from a previous clause (not one inside the indicator).
  static func clauseStart(
    _ chars: UnsafeBufferPointer<Unicode.Scalar>, before end: Int, after floor: Int
  ) -> Int {
    var index = end
    while index > floor {
      let scalar = chars[index - 1]
      if scalar == "," || scalar == ":" { return index }
      index -= 1
    }
    var start = floor
    // Right after a previous value: skip its bound word and the separator.
    while start < end && "、,和及以上下内左右及".unicodeScalars.contains(chars[start]) { start += 1 }
    return start
  }

  /// The part of `clause` (scalar indices) a target shows: all of it when it is at most
  /// `limit` scalars, else `limit` scalars around `value`, more of them before it (where
  /// the indicator and verb stand).
  static func clauseRange(_ clause: Range<Int>, around value: Range<Int>, limit: Int) -> Range<Int>
  {
    guard clause.count > limit else { return clause }
    let room = max(0, limit - value.count)
    let start = max(clause.lowerBound, value.lowerBound - room * 3 / 4)
    let end = min(clause.upperBound, max(value.upperBound, start + limit))
    return max(clause.lowerBound, min(start, end - limit))..<end
  }
}
