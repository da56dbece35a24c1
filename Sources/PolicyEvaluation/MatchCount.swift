/// How many items of one kind matched: true positives, false positives (extracted, not in
/// the gold), false negatives (in the gold, not extracted), with precision, recall and F1.
public struct MatchCount: Sendable, Equatable {
  public var matched = 0
  /// Extracted items the gold does not have.
  public var extra = 0
  /// Gold items that were not extracted.
  public var missed = 0

  public init(matched: Int = 0, extra: Int = 0, missed: Int = 0) {
    self.matched = matched
    self.extra = extra
    self.missed = missed
  }

  /// matched / extracted; 1 when nothing was extracted and nothing was to be.
  public var precision: Double { ratio(matched, matched + extra) }
  /// matched / gold; 1 when the gold has none and nothing was extracted.
  public var recall: Double { ratio(matched, matched + missed) }
  public var f1: Double {
    let p = precision
    let r = recall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }
  /// Gold items.
  public var gold: Int { matched + missed }
  /// Extracted items.
  public var extracted: Int { matched + extra }

  private func ratio(_ part: Int, _ whole: Int) -> Double {
    if whole == 0 { return matched + extra + missed == 0 ? 1 : 0 }
    return Double(part) / Double(whole)
  }

  public static func + (lhs: MatchCount, rhs: MatchCount) -> MatchCount {
    MatchCount(
      matched: lhs.matched + rhs.matched, extra: lhs.extra + rhs.extra,
      missed: lhs.missed + rhs.missed)
  }

  public static func += (lhs: inout MatchCount, rhs: MatchCount) { lhs = lhs + rhs }
}

/// How often a field agrees between gold and extraction, over the pairs where both have
/// the item.
public struct FieldAgreement: Sendable, Equatable {
  public var agreed = 0
  public var compared = 0

  public init(agreed: Int = 0, compared: Int = 0) {
    self.agreed = agreed
    self.compared = compared
  }

  /// agreed / compared; 1 when nothing was compared.
  public var accuracy: Double { compared == 0 ? 1 : Double(agreed) / Double(compared) }

  package mutating func record(_ agrees: Bool) {
    compared += 1
    if agrees { agreed += 1 }
  }

  public static func + (lhs: FieldAgreement, rhs: FieldAgreement) -> FieldAgreement {
    FieldAgreement(agreed: lhs.agreed + rhs.agreed, compared: lhs.compared + rhs.compared)
  }
}
