import PolicyBytes
import PolicyModel
import PolicyText

/// Reads the words around a value: what is measured (the indicator), the verb and the
/// direction it gives, a bound (以上, 以内), a baseline (较2020年), 累计/共计/合计/总计,
/// hedges, and 分别/均, which give each of several indicators a value of its own.
enum TargetPhrase {
  package struct Reading {
    package var indicator: String
    package var verb: String?
    package var direction: TargetDirection?
    package var bound: TargetDirection?
    package var baseline: String?
    package var baselineYear: Int?
    package var cumulative = false
    package var hedges: [String] = []
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
  package static func read(phrase: String, after: String) -> Reading {
    var rest = withoutNamingBrackets(phrase)
    var reading = Reading(indicator: "")
    for (word, direction) in TargetGrammar.bounds where after.hasPrefixBytes(word) {
      reading.bound = direction
      break
    }
    for word in TargetGrammar.hedgesAfter where after.hasPrefixBytes(word) {
      reading.hedges.append(word)
    }
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
      rest = rest.droppingSuffixBytes(word)
      break
    }
    let saysAll = saysAll(rest)
    reading.distributes = rest.containsBytes("分别") || saysEach(rest)
    // Verbs are looked for where no noun holds them (品质提升项目, 建设用地).
    let verbText = withoutVerbNouns(rest)
    // The verb closest to the value; else one that opens the clause, far from the value
    // ("新增白玉兰栽植及观赏点位30个"), or the last of a long clause.
    if let verb = nearestVerb(in: verbText) ?? openingVerb(of: verbText) ?? lastVerb(in: verbText) {
      (reading.verb, reading.direction) = TargetGrammar.verbs[verb]
    }
    // "全市90%的重点领域市场主体纳入…平台", "…100%达标": the verb follows the value.
    if reading.verb == nil,
      let verb = TargetGrammar.verbsAfterValue.first(where: { after.containsBytes($0) })
    {
      reading.verb = verb
      reading.direction = .reach
    }
    if let verb = reading.verb, let masked = verbText.rangeOfBytes(verb, backwards: true) {
      // The same bytes in the phrase: the mask keeps every character's length.
      let lower = rest.utf8.index(
        rest.startIndex,
        offsetBy: verbText.utf8.distance(from: verbText.startIndex, to: masked.lowerBound))
      let range = lower..<rest.utf8.index(lower, offsetBy: verb.utf8.count)
      if [TargetDirection.atLeast, .atMost].contains(reading.direction ?? .reach)
        && reading.bound == nil
      {
        reading.bound = reading.direction
      }
      // 新增 is an increment whatever verb reaches it: 新增光伏装机容量确保达到120MW.
      if reading.direction == .reach
        && rest[..<range.lowerBound].containsBytes(TargetGrammar.increment)
      {
        reading.direction = .increase
      }
      // "建成绿色园区30个": the indicator follows the verb; "能耗下降14.5%": it precedes it.
      let following = rest[range.upperBound...].trimmingScalars(in: TargetGrammar.linkingBlank)
      if let named = namedBeforeGoal(String(rest[range.upperBound...])) {
        // "广义货币增长目标为16%": what precedes the verb is measured, as in "能耗降低3%";
        // "年均经济增长速度预期目标为7%": what stands between verb and goal word names it
        // with them; and a lone word of two characters takes the verb with it (经济增长).
        let before = String(rest[..<range.lowerBound])
        rest =
          named.isEmpty && withoutLeadingWords(before).unicodeScalars.count > 2
          ? before : String(rest[..<range.upperBound]) + named
      } else if following.unicodeScalars.lazy.filter({ UTF8Scalars.isIdeograph($0.value) })
        .count >= 2
        && !following.hasPrefixBytes("到") && !following.hasPrefixBytes("至")
      {
        rest = following
        reading.indicatorFollowsVerb = true
      } else {
        rest = String(rest[..<range.lowerBound])
        // "交通领域新增光伏装机容量确保达到…": what is added is the indicator.
        if let added = rest.rangeOfBytes(TargetGrammar.increment, backwards: true),
          added.lowerBound > rest.startIndex
        {
          let object = rest[added.upperBound...]
          if object.unicodeScalars.lazy.filter({ UTF8Scalars.isIdeograph($0.value) }).count >= 2 {
            rest = String(object)
          }
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
      reading.sharedEnding = String(rest[range.upperBound...]).trimmingScalars(
        in: TargetGrammar.clauseSeparators)
      rest = String(rest[..<range.lowerBound])
    }
    if reading.distributes { rest = rest.droppingSuffixBytes(TargetGrammar.each) }
    rest = withoutExamples(withoutLeadingWords(rest))
    // Until none is left: 人数要再增长 → 人数.
    var trimmed = true
    while trimmed {
      trimmed = false
      for word in TargetGrammar.trailingNoise
      where rest.hasSuffixBytes(word) && !rest.hasAtMostCharacters(word.count) {
        rest = rest.droppingSuffixBytes(word)
        trimmed = true
      }
    }
    if saysAll { rest = rest.droppingSuffixBytes(TargetGrammar.all) }
    // The last scalar is asked first: none of these characters has another spelling, so
    // the last character can be one of them only if the last scalar is.
    while let scalar = rest.unicodeScalars.last, TargetGrammar.trailingLinks.contains(scalar),
      rest.last?.unicodeScalars.count == 1
    {
      rest.removeLast()
    }
    // The mark of a starting level the indicator ran into (…比例由75%提高到100%).
    if endsWithStartMark(rest) && !rest.hasAtMostCharacters(1) { rest.removeLast() }
    reading.indicator = TargetGrammar.loneOpeners.contains(rest) ? "" : rest
    return reading
  }

  /// What stands between a verb and the word after it that names the value as the expected
  /// goal (预期, 预期目标, 目标), with the link to the value dropped (为, 是, 定在, 拟定为…):
  /// "速度预期目标为" → 速度, "预期目标" → "". Nil when the words after the verb end with no
  /// such word, or with 的 after it: 完成年度目标的80% is a share of a goal, not its level.
  static func namedBeforeGoal(_ following: String) -> String? {
    var words = following.trimmingScalars(in: .whitespaces)
    if let link = TargetGrammar.goalLinks.first(where: { words.hasSuffixBytes($0) }) {
      words = words.droppingSuffixBytes(link)
    }
    guard let goal = TargetGrammar.expectedGoals.first(where: { words.hasSuffixBytes($0) })
    else { return nil }
    return words.droppingSuffixBytes(goal)
  }

  /// Whether `indicator` is a verb alone (新增, 建设), which names nothing measured: another
  /// name is looked for, and it stands only when none is found.
  static func namesNothing(_ indicator: String) -> Bool {
    TargetGrammar.verbs.contains {
      $0.0.utf8.count == indicator.utf8.count && indicator.hasPrefixBytes($0.0)
    }
  }

  /// `phrase` with the verbs inside nouns (提升项目, 建设用地) masked, byte for byte.
  static func withoutVerbNouns(_ phrase: String) -> String {
    var text = phrase
    for noun in TargetGrammar.verbNouns where text.containsBytes(noun) {
      text = text.replacingBytes(noun, with: String(repeating: "□", count: noun.count))
    }
    return text
  }

  /// `phrase` without brackets that name what they follow: （以下简称“新三年行动”）.
  static func withoutNamingBrackets(_ phrase: String) -> String {
    guard let open = phrase.rangeOfBytes("("),
      let close = phrase[open.upperBound...].rangeOfBytes(")"),
      phrase[open.upperBound..<close.lowerBound].containsBytes("简称")
    else { return phrase }
    return String(phrase[..<open.lowerBound]) + phrase[close.upperBound...]
  }

  /// An indicator without the examples that stand before it: "上海大学附属嘉定实验学校等各级
  /// 各类学校" → 各级各类学校; a list of places that ends with 等 (徐汇、黄浦、普陀等) names no
  /// indicator: the thing counted follows the value.
  static func withoutExamples(_ indicator: String) -> String {
    guard let range = indicator.rangeOfBytes(TargetGrammar.examplesMark, backwards: true),
      range.lowerBound > indicator.startIndex
    else {
      return indicator
    }
    let rest = indicator[range.upperBound...]
    if TargetGrammar.examplesMarkWords.contains(where: { rest.hasPrefix($0) }) { return indicator }
    return String(rest)
  }

  /// Whether 均 (each) stands before the verb of `phrase` ("…均达到", "…均不低于"), not as
  /// part of 人均, 年均, 平均; or 都 after a list, before a modal or a verb ("…、氨氮排放都要").
  static func saysEach(_ phrase: String) -> Bool {
    if saysAll(phrase) { return true }
    guard phrase.containsBytes("均") else { return false }
    var previous: Unicode.Scalar = " "
    var sawEach = false
    for scalar in phrase.unicodeScalars {
      if sawEach { return true }
      if scalar == "均" && !TargetGrammar.averageMarks.contains(previous) { sawEach = true }
      previous = scalar
    }
    return false
  }

  /// Whether 都 (all) stands after a list, before a modal or a verb ("化学需氧量、氨氮排放都
  /// 要减少"), not as part of a place's name (成都, 首都).
  static func saysAll(_ phrase: String) -> Bool {
    guard let all = phrase.rangeOfBytes(TargetGrammar.all, backwards: true),
      phrase[..<all.lowerBound].containsBytes("、"),
      !(phrase[..<all.lowerBound].unicodeScalars.last.map {
        TargetGrammar.capitalMarks.contains($0)
      } ?? false)
    else { return false }
    return TargetGrammar.allFollowers.contains { phrase[all.upperBound...].hasPrefixBytes($0) }
  }

  /// `phrase` without what opens a clause before its indicator: who reported it
  /// (`withoutReport`: 中央提出), a year phrase (到2025年, 2022年底), connectors and adverbs
  /// (其中, 并, 率先), and verbs (新增, 完成).
  static func withoutLeadingWords(_ phrase: String, verbs stripsVerbs: Bool = true) -> String {
    var rest = withoutReport(phrase)
    let (noise, verbs, verbLengths) = (
      TargetGrammar.leadingNoise, TargetGrammar.verbs, TargetGrammar.verbLengths
    )
    let (noiseFirstBytes, verbFirstBytes) = (
      TargetGrammar.leadingNoiseFirstBytes, TargetGrammar.verbFirstBytes
    )
    var changed = true
    while changed {
      changed = false
      // A leading item number (6. 15、 (3)) and a time phrase (到2025年, 2024年-2025年,
      // 2025年6月底前, “十四五”期间).
      let untimed = withoutTimePhrase(withoutItemNumber(rest))
      if untimed.utf8.count < rest.utf8.count {
        rest = untimed
        changed = true
      }
      rest = rest.trimmingScalars(in: TargetGrammar.clauseSeparators)
      // A word's first byte is compared with the phrase's before the rest is: most words
      // do not start the phrase.
      var first = rest.utf8.first
      for index in noise.indices
      where first == noiseFirstBytes[index] && rest.hasPrefixBytes(noise[index])
        && !rest.hasAtMostCharacters(noise[index].count)
      {
        let word = noise[index]
        rest = String(rest.droppingBytes(word.utf8.count))
        first = rest.utf8.first
        changed = true
      }
      for index in verbs.indices
      where stripsVerbs && first == verbFirstBytes[index] && rest.hasPrefixBytes(verbs[index].0)
        && verbLengths[index] >= 2
        && !rest.hasAtMostCharacters(verbLengths[index] + 1)
      {
        rest = String(rest.droppingBytes(verbs[index].0.utf8.count))
        first = rest.utf8.first
        changed = true
      }
    }
    return rest
  }

  /// Whether `phrase` ends with the mark of a level a change starts from (由, 从: 比例由),
  /// not the 由 of 自由.
  static func endsWithStartMark(_ phrase: String) -> Bool {
    let scalars = phrase.unicodeScalars
    guard let last = scalars.last, TargetGrammar.startMarks.contains(last) else { return false }
    return !(last == "由" && scalars.dropLast().last == "自")
  }

  /// `phrase` from after the last word that reports who set the target (中央提出, 《纲要》
  /// 提出了: `TargetGrammar.reportingVerbs`): what was proposed follows it, its indicator
  /// (中央提出今年经济增长预期目标为8%左右: 今年经济增长; 提出居民消费价格涨幅控制在4%左右).
  static func withoutReport(_ phrase: String) -> String {
    for verb in TargetGrammar.reportingVerbs {
      guard let found = phrase.rangeOfBytes(verb, backwards: true) else { continue }
      let rest = phrase[found.upperBound...]
      guard !rest.isEmpty else { continue }
      return String(rest)
    }
    return phrase
  }

  /// `phrase` without the item number it opens with: 6., 15、, (3).
  static func withoutItemNumber(_ phrase: String) -> String {
    guard let first = phrase.utf8.first, first == 0x28 || UTF8Scalars.isDigit(UInt32(first)) else {
      return phrase
    }
    let scalars = Array(phrase.unicodeScalars)
    var index = scalars.first == "(" ? 1 : 0
    let digits = index
    while index < scalars.count && UTF8Scalars.isDigit(scalars[index].value) { index += 1 }
    guard index > digits, index - digits <= 3, index < scalars.count,
      ".、)".unicodeScalars.contains(scalars[index])
    else { return phrase }
    // Not a decimal number.
    if scalars[index] == "." && index + 1 < scalars.count
      && UTF8Scalars.isDigit(scalars[index + 1].value)
    {
      return phrase
    }
    return String(String.UnicodeScalarView(scalars[(index + 1)...]))
  }

  /// Whether a time phrase can open with `scalar`: 到 / 至 …, a year's digit, a numeral of
  /// a length of years (三年), or a named period's first character (“十四五”).
  static func opensTimePhrase(_ scalar: Unicode.Scalar) -> Bool {
    timeOpenings.contains(scalar) || scalar == "“" || UTF8Scalars.isDigit(scalar.value)
      || ChineseNumeral.digit(scalar.value) != nil
      || TargetGrammar.periods.contains { $0.0.unicodeScalars.first == scalar }
  }

  /// The words that open a time phrase before its year: 到, 至, 于, 在, 从, 自.
  static let timeOpenings: Set<Unicode.Scalar> = Set("到至于在从自".unicodeScalars)

  /// `phrase` without the time phrase it opens with: 到2025年, 至2026年底, 2024年-2025年,
  /// 2024年年内, 2025年6月底前, “十四五”期间, 至“十四五”期末.
  static func withoutTimePhrase(_ phrase: String) -> String {
    guard let first = phrase.unicodeScalars.first, opensTimePhrase(first) else { return phrase }
    let scalars = Array(phrase.unicodeScalars)
    var index = 0
    if index < scalars.count && timeOpenings.contains(scalars[index]) { index += 1 }
    var end = index
    scalars.withUnsafeBufferPointer { scalars in
      var position = index
      while position + 5 <= scalars.count, scalars[position + 4] == "年",
        TargetYears.year(scalars, position) != nil
      {
        position += 5
        // A month: 6月.
        var month = position
        while month < scalars.count && UTF8Scalars.isDigit(scalars[month].value) { month += 1 }
        if month > position && month < scalars.count && scalars[month] == "月" {
          position = month + 1
        }
        while position < scalars.count && "底末前内初".unicodeScalars.contains(scalars[position]) {
          position += 1
        }
        if position + 1 < scalars.count && scalars[position] == "年"
          && "内底末".unicodeScalars.contains(scalars[position + 1])
        {
          position += 2
        }
        end = position
        // The next year of a span.
        guard position < scalars.count, TargetGrammar.spanDashes.contains(scalars[position]) else {
          break
        }
        position += 1
      }
    }
    // A length of years the count runs over: 三年累计, 5年内.
    if end == index, index < scalars.count,
      ChineseNumeral.digit(scalars[index].value) != nil
        || UTF8Scalars.isDigit(scalars[index].value),
      index + 1 < scalars.count, scalars[index + 1] == "年",
      index + 2 >= scalars.count || scalars[index + 2] != "一"
    {
      end = index + 2
      if end < scalars.count && scalars[end] == "内" { end += 1 }
    }
    if end == index {
      let rest = String(String.UnicodeScalarView(scalars[index...]))
      guard let period = TargetGrammar.periods.first(where: { rest.hasPrefixBytes($0.0) }) else {
        return phrase
      }
      var after = String(rest.droppingBytes(period.0.utf8.count))
      for word in ["期间", "期末", "时期", "末"] where after.hasPrefixBytes(word) {
        after = String(after.droppingBytes(word.utf8.count))
        break
      }
      return after.trimmingScalars(in: TargetGrammar.clauseSeparators)
    }
    return String(String.UnicodeScalarView(scalars[end...])).trimmingScalars(
      in: TargetGrammar.clauseSeparators)
  }
}
