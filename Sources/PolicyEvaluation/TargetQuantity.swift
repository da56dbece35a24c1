import PolicyText

/// A target's value in base units, so that 2 万个 and 20000 个, or 1.2 亿千瓦 and
/// 12000 万千瓦, compare equal: scale characters (万 亿 千 百 十) at the front of a unit
/// are multiplied into the value, and spellings of one unit are made one (平米 = 平方米,
/// 公里 = 千米, 个百分点 = 百分点).
package struct TargetQuantity: Equatable {
  package var amount: Double
  package var unit: String

  package init(value: Double, unit written: String) {
    var unit = TextFolder.fold(written).filter { !$0.isWhitespace }
    for (spelling, standard) in Self.spellings {
      unit = unit.replacingOccurrences(of: spelling, with: standard)
    }
    var amount = value
    if unit != "百分点" {
      while let first = unit.first, let scale = Self.scales[first], unit.count > 1 {
        amount *= scale
        unit.removeFirst()
      }
    }
    self.amount = amount
    self.unit = unit
  }

  package static func == (lhs: TargetQuantity, rhs: TargetQuantity) -> Bool {
    lhs.unit == rhs.unit
      && abs(lhs.amount - rhs.amount) <= 1e-9 * max(1, abs(lhs.amount), abs(rhs.amount))
  }

  private static let scales: [Character: Double] = [
    "万": 1e4, "亿": 1e8, "千": 1e3, "百": 100, "十": 10,
  ]
  private static let spellings = [("个百分点", "百分点"), ("平米", "平方米"), ("公里", "千米"), ("％", "%")]
}
