/// How many items of one kind matched: true positives, false positives (extracted, not in
/// the gold), false negatives (in the gold, not extracted), with precision, recall and F1.
public struct MatchCount: Sendable, Equatable {
  /// Items in both the gold and the extraction.
  public var matched = 0
  /// Extracted items the gold does not have.
  public var extra = 0
  /// Gold items that were not extracted.
  public var missed = 0

  /// A count of `matched`, `extra` and `missed` items.
  public init(matched: Int = 0, extra: Int = 0, missed: Int = 0) {
    self.matched = matched
    self.extra = extra
    self.missed = missed
  }

  /// matched / extracted; 1 when nothing was extracted and nothing was to be.
  public var precision: Double { ratio(matched, matched + extra) }
  /// matched / gold; 1 when the gold has none and nothing was extracted.
  public var recall: Double { ratio(matched, matched + missed) }
  /// The harmonic mean of precision and recall; 0 when both are 0.
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

  /// The two counts added field by field.
  public static func + (lhs: MatchCount, rhs: MatchCount) -> MatchCount {
    MatchCount(
      matched: lhs.matched + rhs.matched, extra: lhs.extra + rhs.extra,
      missed: lhs.missed + rhs.missed)
  }

  /// Adds `rhs` to `lhs` field by field.
  public static func += (lhs: inout MatchCount, rhs: MatchCount) { lhs = lhs + rhs }
}

/// How often a field agrees between gold and extraction, over the pairs where both have
/// the item.
public struct FieldAgreement: Sendable, Equatable {
  /// Pairs in which the field agrees.
  public var agreed = 0
  /// Pairs compared.
  public var compared = 0

  /// A tally of `agreed` out of `compared` pairs.
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

  /// The two tallies added field by field.
  public static func + (lhs: FieldAgreement, rhs: FieldAgreement) -> FieldAgreement {
    FieldAgreement(agreed: lhs.agreed + rhs.agreed, compared: lhs.compared + rhs.compared)
  }
}
