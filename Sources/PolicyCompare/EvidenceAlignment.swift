import Foundation
import PolicyModel

/// Aligns measures that say the same in other words: each pair of measures that shares a
/// bigram is scored on its headings, its bodies (bigrams weighted by IDF), one's heading
/// in the other's body, and the lexicon terms, departments and indicators it shares; each
/// measure is paired with its best partner(s) on the other side when a kind of evidence
/// passes its threshold.
struct EvidenceAlignment {
  /// A scored pair of measures (lower, upper) and why.
  struct Scored {
    var lower: Int
    var upper: Int
    var evidence: PairEvidence
  }

  /// The pairs linked, ordered by lower then upper measure.
  private(set) var linked: [Scored] = []
  /// The evidence of every pair scored, by lower measure and upper measure.
  private(set) var scored: [Int: [Int: PairEvidence]] = [:]
  /// Postings visited while accumulating the bigram products.
  private(set) var postingsVisited = 0

  /// Scores the candidate pairs of `lower` and `upper` and links those the rule links;
  /// `passages` holds the pairs (lower, upper) that shared passages link.
  init(
    lower: [MeasureProfile], upper: [MeasureProfile], weights: BigramWeights,
    passages: Set<[Int]>
  ) {
    let candidates = Self.candidates(lower, upper, weights, visited: &postingsVisited)
    var bestLower = [Double](repeating: 0, count: lower.count)
    var bestUpper = [Double](repeating: 0, count: upper.count)
    var base: [Int: [Int: Double]] = [:]
    for (i, row) in candidates {
      for (j, features) in row {
        let score = AlignmentRule.base(features)
        base[i, default: [:]][j] = score
        bestLower[i] = max(bestLower[i], score)
        bestUpper[j] = max(bestUpper[j], score)
      }
    }
    let termWeights = weights.termWeights(lower.map(\.terms) + upper.map(\.terms))
    let listLimit = AlignmentRule.listLimit
    let echoes = (
      lower: DocumentEchoes(
        lower, weights: weights, listLimit: listLimit, visited: &postingsVisited),
      upper: DocumentEchoes(
        upper, weights: weights, listLimit: listLimit, visited: &postingsVisited)
    )
    // The pair's share of the best base score of its two texts.
    func share(_ i: Int, _ j: Int) -> Double {
      let best = max(bestLower[i], bestUpper[j])
      return best > 0 ? (base[i]?[j] ?? 0) / best : 0
    }
    for (i, row) in candidates {
      for (j, features) in row {
        let score = base[i]?[j] ?? 0
        let neighbours = max(base[i - 1]?[j - 1] ?? 0, base[i + 1]?[j + 1] ?? 0)
        // A text echoing one that is linked to the other: as linked as the weaker of the
        // echo and the link.
        var echo = 0.0
        for (other, similarity) in echoes.lower.echoes[i] {
          echo = max(echo, min(similarity, share(other, j)))
        }
        for (other, similarity) in echoes.upper.echoes[j] {
          echo = max(echo, min(similarity, share(i, other)))
        }
        let shares = (
          bestLower[i] > 0 ? score / bestLower[i] : 0, bestUpper[j] > 0 ? score / bestUpper[j] : 0
        )
        let linkedByPassages = passages.contains([i, j])
        let probability = AlignmentRule.probability(
          features, passages: linkedByPassages, shares: shares, neighbours: neighbours,
          echo: echo)
        let (a, b) = (lower[i], upper[j])
        let sharedTerms = a.terms.intersection(b.terms).map {
          PairEvidence.Term(text: $0, weight: termWeights[$0, default: 0])
        }
        .sorted { ($0.weight, $1.text) > ($1.weight, $0.text) }
        let evidence = PairEvidence(
          heading: features.heading, body: features.body,
          bodyContainment: features.bodyContainment, headingInBody: features.headingInBody,
          terms: features.terms, context: features.context, position: features.position,
          sentence: features.sentence, headingInContext: features.headingInContext, echo: echo,
          score: probability,
          sharedTerms: Array(sharedTerms.prefix(PairEvidence.termLimit)),
          sharedDepartments: a.departments.intersection(b.departments).sorted(),
          sharedIndicators: a.indicators.intersection(b.indicators).sorted(),
          reasons: AlignmentRule.reasons(
            features, probability: probability, passages: linkedByPassages))
        scored[i, default: [:]][j] = evidence
        if probability >= AlignmentRule.threshold {
          linked.append(Scored(lower: i, upper: j, evidence: evidence))
        }
      }
    }
    linked.sort { ($0.lower, $0.upper) < ($1.lower, $1.upper) }
  }

  /// The features of every pair that shares a bigram (in the body, the headings, one's
  /// heading and the other's body, or the section titles) or has the same heading.
  private static func candidates(
    _ lower: [MeasureProfile], _ upper: [MeasureProfile], _ weights: BigramWeights,
    visited: inout Int
  ) -> [Int: [Int: AlignmentRule.Features]] {
    let lowerBody = lower.map { weights.vector($0.body) }
    let upperBody = upper.map { weights.vector($0.body) }
    let lowerHeading = lower.map { weights.vector($0.heading) }
    let upperHeading = upper.map { weights.vector($0.heading) }
    let lowerSentences = lower.map { $0.sentences.map { SortedVector(weights.vector($0)) } }
    let upperSentences = upper.map { $0.sentences.map { SortedVector(weights.vector($0)) } }
    let lowerContext = lower.map { weights.vector($0.context) }
    let upperContext = upper.map { weights.vector($0.context) }
    let listLimit = AlignmentRule.listLimit
    var bodies = VectorOverlap.all(lowerBody, upperBody, listLimit: listLimit, visited: &visited)
    let headings = VectorOverlap.all(
      lowerHeading, upperHeading, listLimit: listLimit, visited: &visited)
    let lowerHeadingInBody = VectorOverlap.all(
      lowerHeading, upperBody, listLimit: listLimit, visited: &visited)
    let upperHeadingInBody = VectorOverlap.all(
      lowerBody, upperHeading, listLimit: listLimit, visited: &visited)
    let contexts = VectorOverlap.all(
      lowerContext, upperContext, listLimit: listLimit, visited: &visited)
    // One measure's heading in the titles of the sections around the other: a lower
    // section restating an upper measure's heading, its items each taking up part of it.
    let lowerHeadingInContext = VectorOverlap.all(
      lowerHeading, upperContext, listLimit: listLimit, visited: &visited)
    let upperHeadingInContext = VectorOverlap.all(
      lowerContext, upperHeading, listLimit: listLimit, visited: &visited)
    var byHeading: [[UInt32]: [Int]] = [:]
    for (j, profile) in upper.enumerated() where profile.headingScalars.count >= 2 {
      byHeading[profile.headingScalars, default: []].append(j)
    }
    for (i, profile) in lower.enumerated() {
      for j in byHeading[profile.headingScalars] ?? [] where bodies[i]?[j] == nil {
        bodies[i, default: [:]][j] = VectorOverlap()
      }
    }
    for other in [headings, lowerHeadingInBody, upperHeadingInBody] {
      for (i, row) in other {
        for j in row.keys where bodies[i]?[j] == nil {
          bodies[i, default: [:]][j] = VectorOverlap()
        }
      }
    }

    // Each text's best candidates by body and heading similarity, from both sides: the
    // features below cost the most, and are worked out for at most `candidateLimit`
    // texts of the other side per text.
    var byLower = [[(score: Double, other: Int)]](repeating: [], count: lower.count)
    var byUpper = [[(score: Double, other: Int)]](repeating: [], count: upper.count)
    for (i, row) in bodies {
      for (j, body) in row {
        let score =
          ratio(body.dot, lowerBody[i].norm * upperBody[j].norm)
          + ratio(headings[i]?[j]?.dot ?? 0, lowerHeading[i].norm * upperHeading[j].norm)
        byLower[i].append((score, j))
        byUpper[j].append((score, i))
      }
    }
    let limit = AlignmentRule.candidateLimit
    func best(_ list: [(score: Double, other: Int)]) -> [Int] {
      guard list.count > limit else { return list.map(\.other) }
      return list.sorted { $0.score != $1.score ? $0.score > $1.score : $0.other < $1.other }
        .prefix(limit).map(\.other)
    }
    var kept = Set<[Int]>()
    for (i, list) in byLower.enumerated() { for j in best(list) { kept.insert([i, j]) } }
    for (j, list) in byUpper.enumerated() { for i in best(list) { kept.insert([i, j]) } }
    let termWeights = weights.termWeights(lower.map(\.terms) + upper.map(\.terms))
    // Summed in sorted order, so that the sums do not depend on hashing.
    func norm(_ terms: Set<String>) -> Double {
      terms.sorted().reduce(0.0) { $0 + pow(termWeights[$1, default: 0], 2) }.squareRoot()
    }
    let lowerTermNorms = lower.map { norm($0.terms) }
    let upperTermNorms = upper.map { norm($0.terms) }
    var features: [Int: [Int: AlignmentRule.Features]] = [:]
    // The kept pairs only (not every pair sharing a bigram: those grow with the copies
    // of a repeated task, the kept ones with the texts).
    for key in kept {
      let (i, j) = (key[0], key[1])
      guard let body = bodies[i]?[j] else { continue }
      let (a, b) = (lower[i], upper[j])
      let heading = headings[i]?[j] ?? VectorOverlap()
      let inLower = lowerHeadingInBody[i]?[j]?.lower ?? 0
      let inUpper = upperHeadingInBody[i]?[j]?.upper ?? 0
      let shared = a.terms.intersection(b.terms).sorted()
      let sharedWeight = shared.reduce(0.0) { $0 + pow(termWeights[$1, default: 0], 2) }
      let union = a.departments.union(b.departments).count
      let sameHeading = a.headingScalars.count >= 2 && a.headingScalars == b.headingScalars
      features[i, default: [:]][j] = AlignmentRule.Features(
        heading: sameHeading
          ? 1 : ratio(heading.dot, lowerHeading[i].norm * upperHeading[j].norm),
        body: ratio(body.dot, lowerBody[i].norm * upperBody[j].norm),
        bodyContainment: ratio(body.smaller, min(lowerBody[i].total, upperBody[j].total)),
        headingInBody: max(
          ratio(inLower, lowerHeading[i].total), ratio(inUpper, upperHeading[j].total)),
        terms: ratio(sharedWeight, lowerTermNorms[i] * upperTermNorms[j]),
        departments: union == 0
          ? 0 : Double(a.departments.intersection(b.departments).count) / Double(union),
        indicators: a.indicators.isDisjoint(with: b.indicators) ? 0 : 1,
        context: ratio(contexts[i]?[j]?.dot ?? 0, lowerContext[i].norm * upperContext[j].norm),
        position: abs(a.position - b.position),
        sentence: bestSentence(lowerSentences[i], upperSentences[j]),
        headingInContext: max(
          ratio(lowerHeadingInContext[i]?[j]?.lower ?? 0, lowerHeading[i].total),
          ratio(upperHeadingInContext[i]?[j]?.upper ?? 0, upperHeading[j].total)),
        sameHeading: sameHeading)
    }
    return features
  }

  /// A weighted bag of bigrams as two arrays in key order, for merging.
  struct SortedVector {
    var keys: [UInt64]
    var weights: [Double]
    var norm: Double

    init(_ vector: BigramWeights.Vector) {
      keys = vector.weights.keys.sorted()
      weights = keys.map { vector.weights[$0] ?? 0 }
      norm = vector.norm
    }
  }

  /// The best cosine of a sentence of one measure with a sentence of the other.
  private static func bestSentence(_ a: [SortedVector], _ b: [SortedVector]) -> Double {
    var best = 0.0
    for x in a {
      for y in b { best = max(best, cosine(x, y)) }
    }
    return best
  }

  /// The cosine of two sorted vectors (the dot product summed over the shared bigrams in
  /// key order, whichever side is first).
  static func cosine(_ x: SortedVector, _ y: SortedVector) -> Double {
    var dot = 0.0
    var (i, j) = (0, 0)
    while i < x.keys.count && j < y.keys.count {
      if x.keys[i] < y.keys[j] {
        i += 1
      } else if x.keys[i] > y.keys[j] {
        j += 1
      } else {
        dot += x.weights[i] * y.weights[j]
        i += 1
        j += 1
      }
    }
    return ratio(dot, x.norm * y.norm)
  }

  /// part / whole, at most 1; 0 when the whole is 0.
  private static func ratio(_ part: Double, _ whole: Double) -> Double {
    whole == 0 ? 0 : min(1, part / whole)
  }
}
