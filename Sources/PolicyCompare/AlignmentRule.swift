import Foundation

/// How evidence becomes a pairing, the same for every document: a base score that ranks
/// each measure's candidates, and a logistic model over the evidence, the ranks and the
/// neighbours' base scores whose probability links a pair at `threshold`. The weights and
/// the threshold are calibrated on the gold alignments (`Tests/GoldAlignment`) by
/// `Scripts/calibrate-alignment.py` (a logistic regression, then the threshold with the
/// best pooled F1 over measure pairs); docs/compare-alignment.md gives the figures.
struct AlignmentRule {
  /// The similarities of a pair of measures, each from 0 to 1.
  struct Features {
    var heading: Double
    var body: Double
    var bodyContainment: Double
    var headingInBody: Double
    var terms: Double
    var departments: Double
    var indicators: Double
    var context: Double
    var position: Double
    var sentence: Double
    /// How much of one's heading the titles of the sections around the other hold.
    var headingInContext: Double
    var sameHeading: Bool

    /// The values in the order of `baseWeights` (place as nearness: 1 − distance).
    var values: [Double] {
      [
        heading, body, bodyContainment, headingInBody, terms, departments > 0 ? 1 : 0,
        indicators > 0 ? 1 : 0, context, 1 - position, sentence,
      ]
    }
  }

  /// The base score's weights (fixed by hand, not fitted): it ranks each measure's
  /// candidates and gives the neighbours' support.
  static let baseWeights: [Double] = [0.3, 0.1, 0.2, 0.15, 0.15, 0.05, 0.05, 0.05, 0.05, 0.2]

  /// The model's weights: the ten features, the heading in the other's section titles,
  /// the echo of a linked text (`DocumentEchoes`), same heading, shared
  /// passages, the larger and
  /// the smaller share of the best base score of the pair's two measures, best of either,
  /// best of both, the neighbours' base score, then the bias (calibrated).
  static let modelWeights: [Double] = [
    0.975, 0.797, 0.947, 0.814, 0.002, -0.638, 0.007, 0.848, 0.165, 0.779, 1.182, 0.875,
    0.338, 0.698, 1.281, 1.542, 1.558, 1.240, 1.518, -6.661,
  ]

  /// The least probability that links a pair (calibrated).
  static let threshold = 0.35

  /// Bigrams held by more measures than this on a side are not used to find candidates
  /// (they weigh little, and would make the work grow with the product of the sides).
  static let listLimit = 64

  /// The most candidates of the other side each text is scored with in full: its best by
  /// body and heading similarity (a pair is scored when it is among the best of either).
  static let candidateLimit = 16

  /// The similarity at or above which a kind of evidence is named among a pair's reasons.
  static let namedAt = (
    heading: 0.8, body: 0.35, headingInBody: 0.8, headingInContext: 0.8, sentence: 0.6
  )

  /// The base score of `features`.
  static func base(_ features: Features) -> Double {
    zip(baseWeights, features.values).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// The probability that a reader links the pair.
  static func probability(
    _ features: Features, passages: Bool, shares: (Double, Double), neighbours: Double,
    echo: Double
  ) -> Double {
    let larger = max(shares.0, shares.1)
    let smaller = min(shares.0, shares.1)
    let inputs =
      features.values + [
        features.headingInContext, echo, features.sameHeading ? 1 : 0, passages ? 1 : 0, larger,
        smaller,
        larger >= 1 ? 1 : 0,
        smaller >= 1 ? 1 : 0, neighbours, 1,
      ]
    let z = zip(modelWeights, inputs).reduce(0) { $0 + $1.0 * $1.1 }
    return 1 / (1 + exp(-z))
  }

  /// The kinds of evidence a pair is linked or explained by.
  static func reasons(_ f: Features, probability: Double, passages: Bool) -> [PairEvidence.Kind] {
    var reasons: [PairEvidence.Kind] = []
    if f.sameHeading { reasons.append(.sameHeading) }
    if f.heading >= namedAt.heading { reasons.append(.heading) }
    if f.body >= namedAt.body { reasons.append(.body) }
    if f.headingInBody >= namedAt.headingInBody { reasons.append(.headingInBody) }
    if f.headingInContext >= namedAt.headingInContext { reasons.append(.headingInContext) }
    if f.sentence >= namedAt.sentence { reasons.append(.sentence) }
    if probability >= threshold { reasons.append(.combined) }
    if passages { reasons.append(.passages) }
    return reasons
  }
}
