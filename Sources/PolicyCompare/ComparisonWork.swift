/// How much work a comparison took, counted in steps that do not depend on the machine:
/// tests check that it grows with the documents, not with the product of their sizes.
package struct ComparisonWork: Sendable {
  /// Distinct measure texts of the lower plan.
  package var lowerTexts: Int
  /// Distinct measure texts of the upper plan.
  package var upperTexts: Int
  /// Pairs of texts scored (pairs that share an n-gram that was scored).
  package var pairsScored: Int
  /// Postings of the n-gram index visited while counting shared n-grams.
  package var postingsVisited: Int
  /// Distinct shared n-grams left out of the scoring because too many texts hold them.
  package var ignoredShingles: Int
  /// Steps of the shared-passage searches of the aligned pairs.
  package var passageSteps: Int
  /// Pairs of measures scored on evidence other than shared passages (heading, body,
  /// terms …): those that share a bigram held by few measures, or a heading.
  package var evidencePairs = 0
}
