import PolicyCompare

extension ComparisonOutput {
  /// Every scored pair of measures as TSV (lower and upper measure ids, the similarities,
  /// the passage similarity when linked, whether linked), for calibrating the thresholds.
  package static func scoresTSV(_ comparison: DocumentComparison) -> String {
    let linked = Dictionary(
      comparison.measurePairs.map { ([$0.lower, $0.upper], $0) }, uniquingKeysWith: { a, _ in a })
    var out = "lower\tupper\theading\tbody\tterms\tscore\tsame_heading\tpassages\tlinked\n"
    for (i, j, evidence) in comparison.scoredPairs {
      let pair = linked[[i, j]]
      out +=
        [
          comparison.lower.measures[i].id, comparison.upper.measures[j].id,
          String(evidence.heading), String(evidence.body), String(evidence.terms),
          String(evidence.score), evidence.reasons.contains(.sameHeading) ? "1" : "0",
          pair.map { String($0.similarity) } ?? "", pair == nil ? "0" : "1",
        ].joined(separator: "\t") + "\n"
    }
    return out
  }
}
