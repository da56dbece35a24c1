import PolicyBytes
import PolicyText

/// The year a target is for, as a reader resolves it (docs/gold-format.md, `year`): 到2025年,
/// 至2025年, 2025年底前, 2025年年内, 2025年6月底前, a span's last year (2024年-2025年,
/// 2025年7月至2025年12月), “十四五”期间 → 2025; in a plan for one year (its title names one
/// year: 2025年度, （2023年）, 2021年…工作方案), that year.
///
/// A year that only dates a state (截至2020年底, 自2020年…以来), what was done (已于2017年)
/// or a baseline (较2020年) is no target year.
package enum TargetYears {
  /// The year a sentence sets targets for: its first target year, else the end of a named
  /// period it counts over (“十四五”期间). (`TargetYearsBefore` gives the last one before
  /// each of its values.)
  /// A year that only opens the sentence ("2016年，…") and comes before `writtenYear`, the
  /// year the document was written, reports what was done then.
  /// - Complexity: O(n) in the length of the sentence.
  static func targetYear(in scalars: UnsafeBufferPointer<Unicode.Scalar>, writtenYear: Int? = nil)
    -> Int?
  {
    guard scalars.contains(where: { $0 == "年" || $0 == "五" }) else { return nil }
    // Whether the scalar at `index` stands inside a title, kept as `index` moves on.
    var insideTitle = false
    for index in 0..<scalars.count {
      if index > 0 { insideTitle = Self.isInsideTitle(scalars, after: index - 1, insideTitle) }
      // 年 four places on is asked first: it is one comparison, and rarely there.
      guard index + 5 <= scalars.count, scalars[index + 4] == "年", let year = year(scalars, index)
      else { continue }
      if isTargetYear(
        scalars, at: index, reportsBefore: writtenYear.map { year < $0 } ?? false,
        insideTitle: insideTitle)
      {
        return year
      }
    }
    guard scalars.contains("五") else { return nil }
    return namedPeriodYear(in: String(String.UnicodeScalarView(scalars)))
  }

  /// The year a heading closes with in brackets, the deadline of the phase it heads
  /// ("建设及试运行阶段（2025年年底前）", "全面推广阶段（2026年—2027年）": the last year).
  /// Only a phase's heading (…阶段, …期) or a deadline (…前, …底) is read so: "任务分工
  /// （2024年版）", "实施细则（2023年修订）" name an edition.
  package static func bracketedDeadline(in heading: String) -> Int? {
    let scalars = Array(heading.unicodeScalars)
    guard let last = scalars.last, last == "）" || last == ")",
      let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0
    else { return nil }
    let before = String(String.UnicodeScalarView(scalars[..<open]))
    let inside = String(String.UnicodeScalarView(scalars[(open + 1)..<(scalars.count - 1)]))
    guard
      phaseEndings.contains(where: { before.hasSuffix($0) })
        || deadlineEndings.contains(where: { inside.hasSuffix($0) })
    else { return nil }
    // The last year written inside the brackets (`year`, read where 年 follows it).
    return scalars.withUnsafeBufferPointer { buffer in
      ((open + 1)..<(buffer.count - 1)).last { index in
        index + 4 < buffer.count && buffer[index + 4] == "年" && year(buffer, index) != nil
      }.flatMap { year(buffer, $0) }
    }
  }

  /// How a phase's heading ends before its bracketed dates: 阶段, 期.
  static let phaseEndings = ["阶段", "期"]
  /// How a deadline in brackets ends: 前 (年底前), 底 (2025年底).
  static let deadlineEndings = ["前", "底"]

  /// Whether a heading names goals to reach (主要目标, 目标任务), not how goals were met
  /// (目标完成情况, 目标实现情况).
  static func setsPeriodGoals(_ heading: String) -> Bool {
    guard let goal = heading.rangeOfBytes(TargetGrammar.goal) else { return false }
    return !TargetGrammar.goalsMetWords.contains { heading[goal.upperBound...].hasPrefixBytes($0) }
  }

  /// The end of the named period a text counts over: “十四五”期间, 十四五末, “十四五”时期 —
  /// unless it is a baseline (较“十三五”, 比十三五, 高于“十三五”时期实际); of several, the latest ("“十三五”时期发展
  /// 成就和“十四五”时期主要目标任务": the goals are the later period's).
  static func namedPeriodYear(in text: String) -> Int? {
    var latest: Int? = nil
    for (name, end) in TargetGrammar.periods
    where TargetGrammar.periodSpans.contains(where: { text.containsBytes(name + $0) })
      && !TargetGrammar.periodBaselines.contains(where: { text.containsBytes($0 + name) })
    {
      latest = max(latest ?? end, end)
    }
    return latest
  }

  /// Whether the year "YYYY年" at `index` is one a target is for: after 到 至 于 在 or a
  /// span's dash, at the start of the sentence (unless it `reportsBefore` the document was
  /// written) or after a hedge or 计划, or before 底 末 前 内 (年内, 年底) or a month's
  /// deadline (6月底前) — but not the first year of a span, nor a year after 较 比 (a
  /// baseline), 截至 截止 (a state) or 自 从 (a start), nor one `insideTitle`.
  ///
  /// It reads the scalars before `index` and, after it, none past
  /// `lastScalarRead(scalars, at: index)`.
  static func isTargetYear(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, reportsBefore: Bool,
    insideTitle: Bool
  ) -> Bool {
    let before = index > 0 ? scalars[index - 1] : " "
    if "较比自从".unicodeScalars.contains(before) || insideTitle { return false }
    if index >= 2 && scalars[index - 2] == "截" && (before == "至" || before == "止") { return false }
    // 已于2017年印发: a date of what was done.
    if index >= 2 && scalars[index - 2] == "已" && before == "于" { return false }
    var after = index + 5
    // A month: 2025年6月底前, 2025年7月至2025年12月.
    var month = after
    while month < scalars.count && UTF8Scalars.isDigit(scalars[month].value) { month += 1 }
    let hasMonth = month > after && month < scalars.count && scalars[month] == "月"
    if hasMonth { after = month + 1 }
    // The first year of a span gives way to the last.
    if after + 5 <= scalars.count && TargetGrammar.spanDashes.contains(scalars[after])
      && year(scalars, after + 1) != nil
    {
      return false
    }
    if "到至于在".unicodeScalars.contains(before) || TargetGrammar.spanDashes.contains(before) {
      return true
    }
    if index == 0 && !reportsBefore { return true }
    if index >= 2
      && TargetGrammar.yearLeads.contains(where: {
        $0.count == 2 && scalars[index - 2] == $0[0] && before == $0[1]
      })
    {
      return true
    }
    guard after < scalars.count else { return false }
    let next = scalars[after]
    if "底末前内".unicodeScalars.contains(next) { return true }
    // 2024年年内, 2024年年底.
    return !hasMonth && next == "年" && after + 1 < scalars.count
      && "内底末".unicodeScalars.contains(scalars[after + 1])
  }

  /// The furthest scalar `isTargetYear(scalars, at: index, …)` reads, for a year at
  /// `index`: a month's digits after 年 and 月, then a dash and a year of five scalars, and
  /// the one after that year. In a longer run of scalars that begins alike, past this
  /// one, the year reads the same.
  static func lastScalarRead(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Int {
    var month = index + 5
    while month < scalars.count && UTF8Scalars.isDigit(scalars[month].value) { month += 1 }
    return month + 6
  }

  /// Whether the scalar after `position` stands inside 《…》 or brackets after one, given
  /// whether the scalar at `position` does (`inside`): the period of a plan cited by its
  /// title (《…规划（2021-2025年）》) is no year of this text's targets. The nearest 《, 》
  /// or 》( before a scalar decides.
  static func isInsideTitle(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, after position: Int, _ inside: Bool
  ) -> Bool {
    switch scalars[position] {
    case "《": return true
    case "》": return false
    case "(" where position > 0 && scalars[position - 1] == "》": return true
    default: return inside
    }
  }

  /// The four-digit year (1990–2100) at `index`, not part of a longer number.
  package static func year(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ index: Int) -> Int? {
    guard index + 4 <= scalars.count else { return nil }
    if index > 0, UTF8Scalars.isDigit(scalars[index - 1].value) { return nil }
    if index + 4 < scalars.count, UTF8Scalars.isDigit(scalars[index + 4].value) { return nil }
    var value = 0
    for offset in 0..<4 {
      guard let digit = UTF8Scalars.digitValue(scalars[index + offset].value) else { return nil }
      value = value * 10 + digit
    }
    return (1990...2100).contains(value) ? value : nil
  }

  /// The last year of the plan's period when a sentence counts over all of it: 三年累计
  /// (cumulative over three years) in a plan for 2024–2026 → 2026.
  static func planSpanYear(
    in scalars: UnsafeBufferPointer<Unicode.Scalar>, period: ClosedRange<Int>
  ) -> Int? {
    let years = period.count
    for index in scalars.indices.dropFirst()
    where scalars[index] == "年" && index + 2 < scalars.count {
      guard scalars[index + 1] == "累", scalars[index + 2] == "计" else { continue }
      let number = scalars[index - 1].value
      let count = ChineseNumeral.digit(number) ?? UTF8Scalars.digitValue(number)
      if count == years && (index < 2 || !UTF8Scalars.isDigit(scalars[index - 2].value)) {
        return period.upperBound
      }
    }
    return nil
  }

  /// The year of a plan for one year, from its title: 松江区城市更新2025年度实施计划,
  /// …实施方案（2023年）, 2021年本区城市体检工作方案, 包头市2022年数字政府建设考评办法 — a
  /// title that names one year (not a period, 2022—2025年) and is a plan (方案, 计划, 要点,
  /// 办法, 清单).
  package static func planYear(title: String?) -> Int? {
    guard let title, TargetGrammar.planTitleEndings.contains(where: { title.containsBytes($0) })
    else { return nil }
    let scalars = Array(title.unicodeScalars)
    return scalars.withUnsafeBufferPointer { scalars -> Int? in
      var found: (year: Int, namesYear: Bool)? = nil
      var index = 0
      while index + 4 <= scalars.count {
        guard let year = Self.year(scalars, index) else {
          index += 1
          continue
        }
        // A second year (a period, or a document cited in the title) leaves no one year.
        if let found, found.year != year { return nil }
        let namesYear = index + 4 < scalars.count && scalars[index + 4] == "年"
        found = (year, (found?.namesYear ?? false) || namesYear)
        index += 4
      }
      return found.flatMap { $0.namesYear ? $0.year : nil }
    }
  }
}
