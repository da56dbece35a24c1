/// Reads the words around a value: what is measured (the indicator), the verb and the
/// direction it gives, a bound (以上, 以内), a baseline (较2020年), 累计/共计/合计/总计,
/// hedges, and 分别/均, which give each of several indicators a value of its own.
enum TargetPhrase {
  struct Reading {
    var indicator: String
    var verb: String?
    var direction: TargetDirection?
    var bound: TargetDirection?
    var baseline: String?
    var baselineYear: Int?
    var cumulative = false
    var hedges: [String] = []
    /// 分别 or 均: the indicators listed share out the values (分别) or each take the one
    /// value (均).
    var distributes = false
    /// Words between 分别 and the verb, shared by every indicator of the list (…货物贸易、
    /// 对外投资和实际利用外资分别占比达…: 占比).
    var sharedEnding = ""
    /// Whether the indicator was read after the verb ("建成绿色园区30个"), not before it
    /// ("能耗下降14.5%").
    var indicatorFollowsVerb = false
  }

  /// Reads the words of a value's clause before it (`phrase`, "…能耗、水耗分别较“十三五”末
  /// 下降") and after it (`after`, "以上").
  static func read(phrase: String, after: String) -> Reading {
    var rest = phrase
    var reading = Reading(indicator: "")
    for (word, direction) in TargetGrammar.bounds where after.hasPrefixBytes(word) {
      reading.bound = direction
      break
    }
    for word in TargetGrammar.hedgesAfter where after.hasPrefixBytes(word) { reading.hedges.append(word) }
    // 累计, 共计, 合计, 总计 anywhere in the clause.
    for word in TargetGrammar.cumulativeWords where rest.containsBytes(word) {
      reading.cumulative = true
      rest = rest.removingBytes(word)
    }
    for word in TargetGrammar.hedgesBefore where rest.containsBytes(word) {
      reading.hedges.append(word)
      rest = rest.removingBytes(word)
    }
    // 约, 近 right before the number (新增约2万个, 近100万), not in 节约 or 近年.
    for word in TargetGrammar.hedgesBeforeValue where rest.hasSuffixBytes(word) {
      reading.hedges.append(word)
      rest = String(rest.utf8.dropLast(word.utf8.count))!
      break
    }
    reading.distributes = rest.containsBytes("分别") || saysEach(rest)
    // The verb closest to the value.
    if let verb = nearestVerb(in: rest) {
      (reading.verb, reading.direction) = TargetGrammar.verbs[verb]
    }
    // "新增白玉兰栽植及观赏点位30个": a verb that opens the clause, far from the value.
    if reading.verb == nil, let verb = openingVerb(of: rest) {
      (reading.verb, reading.direction) = TargetGrammar.verbs[verb]
    }
    if let verb = reading.verb, let range = rest.rangeOfBytes(verb, backwards: true) {
      if [TargetDirection.atLeast, .atMost].contains(reading.direction ?? .reach) && reading.bound == nil {
        reading.bound = reading.direction
      }
      // 新增 is an increment whatever verb reaches it: 新增光伏装机容量确保达到120MW.
      if reading.direction == .reach && rest[..<range.lowerBound].containsBytes(TargetGrammar.increment) {
        reading.direction = .increase
      }
      // "建成绿色园区30个": the indicator follows the verb; "能耗下降14.5%": it precedes it.
      let following = rest[range.upperBound...].trimmingScalars(in: TargetGrammar.linkingBlank)
      if following.unicodeScalars.lazy.filter({ UTF8Scalars.isIdeograph($0.value) }).count >= 2
        && !following.hasPrefixBytes("到") && !following.hasPrefixBytes("至")
      {
        rest = following
        reading.indicatorFollowsVerb = true
      } else {
        rest = String(rest[..<range.lowerBound])
        // "交通领域新增光伏装机容量确保达到…": what is added is the indicator.
        if let added = rest.rangeOfBytes(TargetGrammar.increment, backwards: true), added.lowerBound > rest.startIndex {
          let object = rest[added.upperBound...]
          if object.unicodeScalars.lazy.filter({ UTF8Scalars.isIdeograph($0.value) }).count >= 2 { rest = String(object) }
        }
      }
    }
    // Baseline: 较2020年, 比2020年, 较“十三五”末, 较上年.
    for marker in ["较", "比"] {
      guard let range = rest.rangeOfBytes(marker, backwards: true) else { continue }
      let tail = String(rest[range.upperBound...])
      if let year = Int(tail.prefix(4)), tail.dropFirst(4).hasPrefix("年") {
        reading.baselineYear = year
      } else if let period = TargetGrammar.periods.first(where: { tail.hasPrefixBytes($0.0) }) {
        reading.baselineYear = period.1
      } else if !(tail.hasPrefixBytes("上年") || tail.hasPrefixBytes("基期")) {
        continue
      }
      reading.baseline = String(rest[range.lowerBound...])
      rest = String(rest[..<range.lowerBound])
      break
    }
    // 分别 / 均 close the list of indicators; what stands between them and the verb ends
    // each of them.
    if let range = rest.rangeOfBytes("分别") {
      reading.sharedEnding = String(rest[range.upperBound...]).trimmingScalars(in: TargetGrammar.clauseSeparators)
      rest = String(rest[..<range.lowerBound])
    }
    if reading.distributes && rest.hasSuffixBytes(TargetGrammar.each) { rest = String(rest.utf8.dropLast(TargetGrammar.each.utf8.count))! }
    rest = withoutLeadingWords(rest)
    for word in TargetGrammar.trailingNoise where rest.hasSuffixBytes(word) && !rest.hasAtMostCharacters(word.count) {
      rest = String(rest.utf8.dropLast(word.utf8.count))!
    }
    // The last scalar is asked first: none of these characters has another spelling, so
    // the last character can be one of them only if the last scalar is.
    while let scalar = rest.unicodeScalars.last, TargetGrammar.trailingLinks.contains(scalar),
      rest.last?.unicodeScalars.count == 1
    {
      rest.removeLast()
    }
    reading.indicator = rest
    return reading
  }

  /// Whether 均 (each) stands before the verb of `phrase` ("…均达到", "…均不低于"), not as
  /// part of 人均, 年均, 平均.
  private static func saysEach(_ phrase: String) -> Bool {
    var previous: Character = " "
    var sawEach = false
    for character in phrase {
      if sawEach { return true }
      if character == "均" && !TargetGrammar.averageMarks.contains(previous) { sawEach = true }
      previous = character
    }
    return false
  }

  /// `phrase` without what opens a clause before its indicator: a year phrase (到2025年,
  /// 2022年底), connectors and adverbs (其中, 并, 率先), and verbs (新增, 完成).
  static func withoutLeadingWords(_ phrase: String, verbs stripsVerbs: Bool = true) -> String {
    var rest = phrase
    let (noise, verbs, verbLengths) = (TargetGrammar.leadingNoise, TargetGrammar.verbs, TargetGrammar.verbLengths)
    let (noiseFirstBytes, verbFirstBytes) = (TargetGrammar.leadingNoiseFirstBytes, TargetGrammar.verbFirstBytes)
    var changed = true
    while changed {
      changed = false
      // A leading year phrase: 到2025年, 2022年底.
      if let range = rest.rangeOfBytes("年"), rest.distance(from: rest.startIndex, to: range.lowerBound) <= 6,
        rest.prefix(while: { $0 != "年" }).contains(where: \.isNumber), !rest[..<range.lowerBound].containsBytes("较")
      {
        rest = String(rest[range.upperBound...])
        while let first = rest.first, "底末前内,".contains(first) { rest.removeFirst() }
        changed = true
      }
      rest = rest.trimmingScalars(in: TargetGrammar.clauseSeparators)
      // A word's first byte is compared with the phrase's before the rest is: most words
      // do not start the phrase.
      var first = rest.utf8.first
      for index in noise.indices
      where first == noiseFirstBytes[index] && rest.hasPrefixBytes(noise[index]) && !rest.hasAtMostCharacters(noise[index].count) {
        let word = noise[index]
        rest = String(rest.droppingBytes(word.utf8.count))
        first = rest.utf8.first
        changed = true
      }
      for index in verbs.indices
      where stripsVerbs && first == verbFirstBytes[index] && rest.hasPrefixBytes(verbs[index].0) && verbLengths[index] >= 2
        && !rest.hasAtMostCharacters(verbLengths[index] + 1)
      {
        rest = String(rest.droppingBytes(verbs[index].0.utf8.count))
        first = rest.utf8.first
        changed = true
      }
    }
    return rest
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
    return verbs.indices.first { TargetGrammar.verbLengths[$0] >= 2 && rest.hasPrefixBytes(verbs[$0].0) && !rest.hasAtMostCharacters(TargetGrammar.verbLengths[$0] + 1) }
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
      let boundaries = UTF8Scalars.characterStarts(of: phrase, utf8: bytes, fromEnd: TargetGrammar.verbTail)
      /// The byte offset `count` characters before the end, or 0.
      func offset(charactersBeforeEnd count: Int) -> Int { count < boundaries.count ? boundaries[count] : 0 }
      var best: (verb: Int, start: Int)? = nil
      var position = offset(charactersBeforeEnd: TargetGrammar.verbTail)
      while position < bytes.count {
        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
        defer { position += length }
        guard let candidates = TargetGrammar.verbIndex.candidates(startingWith: scalar) else { continue }
        for verb in candidates where TargetGrammar.verbIndex.matches(verb, in: bytes, at: position) {
          let end = position + TargetGrammar.verbIndex.words[verb].count
          // Positions only grow: a verb found earlier at this position and listed first stays.
          if let current = best, current.start == position && current.verb < verb { continue }
          // It must end within its length plus six characters of the end.
          guard end >= offset(charactersBeforeEnd: TargetGrammar.verbLengths[verb] + 6) else { continue }
          best = (verb, position)
        }
      }
      return best?.verb
    }
  }

  /// The indicators of a list that shares out `count` values (能耗、水耗分别…下降14.5%、
  /// 20.3%) or, with 分别 or 均, gives each of its items the one value (化肥、农药使用量分别
  /// 减少1%): one per item, each with `ending`; `[phrase]` when the list and the values
  /// do not pair up.
  ///
  /// Items share what the list writes once: later short items the first one's head
  /// (规模以上企业单位工业增加值能耗、水耗 → …增加值水耗), earlier short items the last one's
  /// ending (化肥、农药使用量 → 化肥使用量; 县道和乡村道年均养护工程比例 → 县道年均养护工程比例).
  static func indicators(_ phrase: String, count: Int, distributes: Bool, ending: String = "") -> [String] {
    guard count > 1 || distributes else { return [phrase + ending] }
    let (scope, list) = splitScope(phrase)
    let parts = listItems(list)
    guard parts.count == count || (count == 1 && parts.count > 1) else { return [phrase + ending] }
    let first = parts[0]
    let last = parts[parts.count - 1]
    let head = TargetGrammar.indicatorHeads.compactMap { first.rangeOfBytes($0, backwards: true) }.map(\.upperBound).max()
    let tail = sharedTail(of: last, after: first)
    return parts.enumerated().map { index, part in
      var item = part
      if index > 0, part.count <= 3, let head, part != first { item = String(first[..<head]) + part }
      if index < parts.count - 1, let tail { item += tail }
      return (scope ?? "") + item + ending
    }
  }

  /// The items of a list of indicators: split at 、, 和, 及 and 与 (not inside quotes or
  /// brackets).
  private static func listItems(_ list: String) -> [String] {
    var items: [String] = []
    var current = ""
    var depth = 0
    for character in list {
      switch character {
      case "“", "(", "《": depth += 1
      case "”", ")", "》": depth = max(0, depth - 1)
      default: break
      }
      if depth == 0 && TargetGrammar.listSeparators.contains(character) && !current.isEmpty {
        items.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { items.append(current) }
    return items
  }

  /// The ending the last item of a list writes once for a short first item: what follows
  /// the last item's own head, found where the first item's last character stands in it
  /// (县道 / 乡村道年均养护工程比例 → 年均养护工程比例) or, failing that, after as many
  /// characters as the first item has (化肥 / 农药使用量 → 使用量).
  private static func sharedTail(of last: String, after first: String) -> String? {
    let firstCount = first.count
    let lastCharacters = Array(last)
    guard firstCount <= 3, lastCharacters.count >= firstCount + 3, let mark = first.last else { return nil }
    if let position = lastCharacters.indices.first(where: { $0 >= 1 && $0 <= firstCount + 2 && lastCharacters[$0] == mark }),
      position + 1 < lastCharacters.count
    {
      return String(lastCharacters[(position + 1)...])
    }
    return String(lastCharacters[firstCount...])
  }

  /// The noun after a value ("家绿色工厂" → "绿色工厂"), for "新建200家绿色工厂".
  static func trailingNoun(_ after: String) -> String {
    var noun = after
    for (word, _) in TargetGrammar.bounds where noun.hasPrefixBytes(word) { noun = String(noun.droppingBytes(word.utf8.count)) }
    for word in TargetGrammar.hedgesAfter where noun.hasPrefixBytes(word) { noun = String(noun.droppingBytes(word.utf8.count)) }
    if let cut = noun.firstIndex(where: { $0 == "和" || $0 == "及" }) { noun = String(noun[..<cut]) }
    noun = noun.trimmingScalars(in: TargetGrammar.linkingBlank)
    guard noun.hasAtLeastCharacters(2), noun.hasAtMostCharacters(20), noun.unicodeScalars.allSatisfy({ UTF8Scalars.isIdeograph($0.value) || $0 == "“" || $0 == "”" }) else {
      return ""
    }
    return noun
  }

  /// The scope an indicator opens with (全区, 规模以上工业企业) and the rest.
  static func splitScope(_ indicator: String) -> (String?, String) {
    for scope in TargetGrammar.scopes where indicator.hasPrefixBytes(scope) && indicator.count > scope.count + 1 {
      return (scope, String(indicator.droppingBytes(scope.utf8.count)))
    }
    return (nil, indicator)
  }
}
