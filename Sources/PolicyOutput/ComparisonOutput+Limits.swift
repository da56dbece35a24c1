import PolicyCompare

extension ComparisonOutput {
  /// What the comparison left out to keep its work bounded, one sentence each; empty for
  /// ordinary documents. Shown in the text and HTML output and warned about by the CLI.
  package static func limitNotes(_ comparison: DocumentComparison) -> [String] {
    var notes: [String] = []
    if comparison.ignoredShingles > 0 {
      notes.append(
        "\(comparison.ignoredShingles) n-grams held by many measures on both sides were left out when pairing measures (the work is bounded); a pair that shares only those is not found"
      )
    }
    let truncated = comparison.measurePairs.filter(\.passagesTruncated).count
    if truncated > 0 {
      notes.append(
        "\(truncated) of \(comparison.measurePairs.count) aligned pairs list only part of their shared passages (at most \(passageLimit) each, found by a search bounded by the shorter text)"
      )
    }
    return notes
  }

  /// The most shared passages listed for one pair.
  static let passageLimit = DocumentComparison.passageLimit
}
