import PolicyBytes
import PolicyModel
import PolicyText

/// The indicators of a phrase: one per value of a list (分别, 、, 和), their shared
/// ending, the noun after a count, and a scope before the indicator.
extension TargetPhrase {
  /// The indicators of a list that shares out `count` values (能耗、水耗分别…下降14.5%、
  /// 20.3%) or, with 分别 or 均, gives each of its items the one value (化肥、农药使用量分别
  /// 减少1%): one per item, each with `ending`; `[phrase]` when the list and the values
  /// do not pair up.
  ///
  /// Items share what the list writes once: later short items the first one's head
  /// (规模以上企业单位工业增加值能耗、水耗 → …增加值水耗), earlier short items the last one's
  /// ending (化肥、农药使用量 → 化肥使用量; 县道和乡村道年均养护工程比例 → 县道年均养护工程比例).
  ///
  /// A first item of any length takes the last one's ending when the two together name a
  /// known indicator that opens with the first item and runs past it (`namesAcross`:
  /// 二氧化硫、氮氧化物排放量 → 二氧化硫排放量; not 单位国内生产总值能耗、二氧化碳排放量, whose
  /// first item is an indicator of its own).
  package static func indicators(
    _ phrase: String, count: Int, distributes: Bool, ending: String = "",
    namesAcross: (_ first: String, _ tail: String) -> Bool = { _, _ in false }
  ) -> [String] {
    guard count > 1 || distributes else { return [phrase + ending] }
    let (scope, list) = splitScope(phrase)
    let parts = listItems(list)
    guard parts.count == count || (count == 1 && parts.count > 1) else { return [phrase + ending] }
    let first = parts[0]
    let last = parts[parts.count - 1]
    let head = TargetGrammar.indicatorHeads.compactMap { first.rangeOfBytes($0, backwards: true) }
      .map(\.upperBound).max()
    // A known indicator across the join first: 氨氮、氮氧化物排放量 → 氨氮排放量, where the
    // guess by position would take 化物排放量. A single item shares nothing.
    let tail =
      parts.count > 1
      ? knownTail(of: last, after: first, namesAcross) ?? sharedTail(of: last, after: first)
      : nil
    return parts.enumerated().map { index, part in
      var item = part
      if index > 0, part.count <= 3, let head, part != first {
        item = String(first[..<head]) + part
      }
      if index < parts.count - 1, let tail { item += tail }
      return (scope ?? "") + item + ending
    }
  }

  /// The items of a list of indicators: split at 、, 和, 及 and 与 (not inside quotes or
  /// brackets).
  static func listItems(_ list: String) -> [String] {
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
  static func sharedTail(of last: String, after first: String) -> String? {
    let firstCount = first.count
    let lastCharacters = Array(last)
    guard firstCount <= 3, lastCharacters.count >= firstCount + 3, let mark = first.last else {
      return nil
    }
    if let position = lastCharacters.indices.first(where: {
      $0 >= 1 && $0 <= firstCount + 2 && lastCharacters[$0] == mark
    }),
      position + 1 < lastCharacters.count
    {
      return String(lastCharacters[(position + 1)...])
    }
    return String(lastCharacters[firstCount...])
  }

  /// The longest ending of `last` (shorter than it) that makes with `first` a known
  /// indicator opening with `first` and running past it: 排放量 of 氮氧化物排放量 for 二氧化硫
  /// (二氧化硫排放).
  static func knownTail(
    of last: String, after first: String,
    _ namesAcross: (_ first: String, _ tail: String) -> Bool
  ) -> String? {
    guard last.count >= 2 else { return nil }
    var start = last.index(after: last.startIndex)
    while start < last.endIndex {
      let tail = String(last[start...])
      if namesAcross(first, tail) { return tail }
      start = last.index(after: start)
    }
    return nil
  }

  /// The noun after a value ("家绿色工厂" → "绿色工厂"), for "新建200家绿色工厂": up to 和
  /// or 及, or a verb that says what becomes of it (60座社区公园|纳入市级公园名录).
  static func trailingNoun(_ after: String) -> String {
    var noun = after
    for (word, _) in TargetGrammar.bounds where noun.hasPrefixBytes(word) {
      noun = String(noun.droppingBytes(word.utf8.count))
    }
    for word in TargetGrammar.hedgesAfter where noun.hasPrefixBytes(word) {
      noun = String(noun.droppingBytes(word.utf8.count))
    }
    if let cut = noun.firstIndex(where: { $0 == "和" || $0 == "及" }) { noun = String(noun[..<cut]) }
    noun = noun.trimmingScalars(in: TargetGrammar.linkingBlank)
    for verb in TargetGrammar.predicateVerbs {
      if let range = noun.rangeOfBytes(verb), range.lowerBound > noun.startIndex {
        noun = String(noun[..<range.lowerBound])
      }
    }
    // A bracket after the value says something of it (（累计约3600户）, （区域面积…）); 目标
    // after 的 is the goal itself (2.3平方米的目标).
    if noun.hasPrefixBytes("(") || TargetGrammar.goalNouns.contains(noun) { return "" }
    // A value in brackets counts the noun after them: （累计约3600户）大中型餐饮单位.
    if noun.hasPrefixBytes(")") { noun = String(noun.dropFirst()) }
    let ideographs = noun.unicodeScalars.lazy.filter { UTF8Scalars.isIdeograph($0.value) }.count
    guard ideographs >= 2, noun.hasAtMostCharacters(30),
      noun.unicodeScalars.allSatisfy({
        UTF8Scalars.isIdeograph($0.value) || TargetGrammar.nounMarks.contains($0)
          || UTF8Scalars.isDigit($0.value)
      })
    else {
      return ""
    }
    return noun
  }

  /// The scope an indicator opens with (全区, 规模以上工业企业) and the rest.
  static func splitScope(_ indicator: String) -> (String?, String) {
    for scope in TargetGrammar.scopes
    where indicator.hasPrefixBytes(scope) && indicator.count > scope.count + 1 {
      return (scope, String(indicator.droppingBytes(scope.utf8.count)))
    }
    return (nil, indicator)
  }
}
