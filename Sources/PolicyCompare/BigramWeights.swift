import Foundation

/// How much a bigram or a lexicon term weighs when two measures share it: its inverse
/// document frequency, the mean of the IDF among the measures of the two documents and
/// the IDF in a background corpus (the bundled table, or an index's counts).
struct BigramWeights {
  /// A weighted bag of bigrams and its Euclidean norm.
  struct Vector {
    var weights: [UInt64: Double]
    /// The Euclidean norm.
    var norm: Double
    /// The sum of the weights.
    var total: Double
  }

  private let background: BackgroundBigrams
  private let localFrequencies: [UInt64: Int]
  private let measures: Int

  /// Weights for measures whose bigram sets are `bigramSets` (both sides), against
  /// `background`.
  init(bigramSets: [Set<UInt64>], background: BackgroundBigrams) {
    var frequencies: [UInt64: Int] = [:]
    for set in bigramSets {
      for key in set { frequencies[key, default: 0] += 1 }
    }
    localFrequencies = frequencies
    measures = bigramSets.count
    self.background = background
  }

  /// The IDF of `key`.
  func idf(_ key: UInt64) -> Double {
    let local = log(Double(measures + 1) / Double(localFrequencies[key, default: 0] + 1))
    guard background.documents > 0 else { return local }
    let global = log(
      Double(background.documents + 1) / Double(background.frequencies[key, default: 0] + 1))
    return (local + global) / 2
  }

  /// Counts weighted as (1 + ln tf) · IDF.
  func vector(_ counts: [UInt64: Int]) -> Vector {
    var weights: [UInt64: Double] = [:]
    var sum = 0.0
    var total = 0.0
    for key in counts.keys.sorted() {
      let weight = (1 + log(Double(counts[key] ?? 1))) * idf(key)
      weights[key] = weight
      sum += weight * weight
      total += weight
    }
    return Vector(weights: weights, norm: sum.squareRoot(), total: total)
  }

  /// A set weighted by IDF.
  func vector(_ set: Set<UInt64>) -> Vector {
    vector(Dictionary(uniqueKeysWithValues: set.map { ($0, 1) }))
  }

  /// The IDF of each lexicon term among the measures holding `termSets`.
  func termWeights(_ termSets: [Set<String>]) -> [String: Double] {
    var frequencies: [String: Int] = [:]
    for set in termSets {
      for term in set { frequencies[term, default: 0] += 1 }
    }
    return frequencies.mapValues { log(Double(termSets.count + 1) / Double($0)) }
  }
}
