import PolicyModel

/// Pairs the targets of two plans by indicator (and year and baseline), and judges each
/// pair from the lower plan's side: a larger cut, a higher floor, a lower ceiling or more
/// things built is stronger.
package enum TargetComparison {
  /// Units that count things: a district's count and a city's are different totals.
  static let countUnits: Set<String> = [
    "家", "个", "种", "项", "所", "座", "处", "条", "台", "套", "辆", "万辆", "人", "万人", "户", "亩", "万亩", "公顷",
  ]

  package static func pairs(lower: [Target], upper: [Target], sameLevel: Bool = true)
    -> [DocumentComparison.TargetPair]
  {
    var pairs: [DocumentComparison.TargetPair] = []
    var candidates = TargetCandidates(upper)
    for (i, target) in lower.enumerated() {
      guard let key = target.indicatorKey else { continue }
      // Prefer the same year, then the same baseline, then the same unit.
      guard let j = candidates.take(bestFor: target, indicator: key) else { continue }
      var (judgement, difference, reason) = judge(target, upper[j])
      if !sameLevel, countUnits.contains(target.unit), judgement != .notComparable {
        (judgement, difference, reason) = (
          .notComparable, nil,
          "counts for jurisdictions of different levels (\(target.value.plainText(decimals: 3))\(target.unit) vs \(upper[j].value.plainText(decimals: 3))\(upper[j].unit))"
        )
      }
      pairs.append(
        DocumentComparison.TargetPair(
          lower: i, upper: j, indicatorKey: key, judgement: judgement, difference: difference,
          reason: reason))
    }
    return pairs
  }

  /// How ambitious a target is along its direction: +1 when more is better, -1 when less is.
  private static func sense(_ target: Target) -> Double? {
    switch target.direction {
    case .decrease:
      return 1  // a larger cut is stronger
    case .increase, .reach, .atLeast, .keep:
      return 1
    case .atMost:
      return -1
    }
  }

  package static func judge(_ lower: Target, _ upper: Target) -> (
    DocumentComparison.Judgement, Double?, String
  ) {
    guard lower.unit == upper.unit else {
      return (
        .notComparable, nil,
        "units differ: \(lower.unit.isEmpty ? "none" : lower.unit) vs \(upper.unit.isEmpty ? "none" : upper.unit)"
      )
    }
    let relative: Set<TargetDirection> = [.decrease, .increase]
    if relative.contains(lower.direction) != relative.contains(upper.direction) {
      return (
        .notComparable, nil,
        "one is a change (\(lower.direction.rawValue)), the other a level (\(upper.direction.rawValue))"
      )
    }
    if lower.direction == .atMost && upper.direction != .atMost
      || upper.direction == .atMost && lower.direction != .atMost
    {
      return (.notComparable, nil, "one is a ceiling, the other is not")
    }
    if relative.contains(lower.direction) && lower.direction != upper.direction {
      return (.notComparable, nil, "opposite directions")
    }
    if relative.contains(lower.direction), let a = lower.baselineYear, let b = upper.baselineYear,
      a != b
    {
      return (.notComparable, nil, "baselines differ: \(a) vs \(b)")
    }
    guard let sense = sense(lower) else { return (.notComparable, nil, "no direction") }
    let difference = (lower.value - upper.value) * sense
    let unit = lower.unit == "%" ? " percentage points" : lower.unit
    let yearNote =
      lower.year != upper.year
      ? " (years \(lower.year.map(String.init) ?? "?") vs \(upper.year.map(String.init) ?? "?"))"
      : ""
    let shown = abs(lower.value - upper.value).plainText(decimals: 3)
    if abs(difference) < 1e-9 {
      return (.same, 0, "the same \(lower.value.plainText(decimals: 3))\(lower.unit)\(yearNote)")
    }
    let what: String
    switch lower.direction {
    case .decrease:
      what = difference > 0 ? "cuts \(shown)\(unit) more" : "cuts \(shown)\(unit) less"
    case .atMost:
      what = difference > 0 ? "a ceiling \(shown)\(unit) lower" : "a ceiling \(shown)\(unit) higher"
    default: what = difference > 0 ? "\(shown)\(unit) higher" : "\(shown)\(unit) lower"
    }
    return (
      difference > 0 ? .stronger : .weaker, difference,
      "\(lower.value.plainText(decimals: 3))\(lower.unit) vs \(upper.value.plainText(decimals: 3))\(upper.unit): \(what)\(yearNote)"
    )
  }

}
