import PolicyExtraction
import PolicyModel

/// Scores the measure pairs of a comparison against a gold alignment: each gold link
/// contributes every (a, b) pair of its measures, and a pair the tool makes matches a gold
/// pair when both its measures are the gold's, located as the extraction eval locates
/// them (numbering path, then source line, then lead); an extracted measure below a gold
/// measure that the extraction split into parts (2. read as 2.(1), 2.(2)) stands for it.
public struct AlignmentEvaluator: Sendable {
  private let dictionaries: PolicyDictionaries

  /// An evaluator; `dictionaries` fold department names as the extraction eval does.
  public init(dictionaries: PolicyDictionaries = .bundled) {
    self.dictionaries = dictionaries
  }

  /// Compares `pairs` (measure indices of `a` and `b`) with `gold`.
  /// - Parameters:
  ///   - name: how the report names this pair of documents.
  ///   - paths: the files `a` and `b` were read from.
  public func evaluate(
    pairs: [(a: Int, b: Int)], a: PolicyDocument, b: PolicyDocument, against gold: GoldAlignment,
    name: String, paths: (a: String, b: String)
  ) -> AlignmentEvaluation {
    let keys = DepartmentKeys(dictionaries: dictionaries)
    let foundA = ComparableItems(document: a, departments: keys).measures
    let foundB = ComparableItems(document: b, departments: keys).measures
    let locatedA = Self.locate(gold.measuresA, in: foundA)
    let locatedB = Self.locate(gold.measuresB, in: foundB)
    var evaluation = AlignmentEvaluation(gold: gold.file, name: name, documents: paths)
    evaluation.unlocated =
      gold.measuresA.count - Set(locatedA.values).count + gold.measuresB.count
      - Set(locatedB.values).count
    let goldPairs = gold.pairs.map {
      [
        NumberingToken.folded($0.a).joined(separator: " "),
        NumberingToken.folded($0.b).joined(
          separator: " "),
      ]
    }
    let expected = Set(goldPairs)
    var found = Set<[String]>()
    for pair in pairs {
      guard let left = locatedA[pair.a], let right = locatedB[pair.b] else {
        evaluation.count.extra += 1
        evaluation.findings.append(
          .init(
            kind: "alignment", verdict: .extra,
            item: "\(foundA[pair.a].shown) ↔ \(foundB[pair.b].shown) (not a gold measure)",
            line: foundA[pair.a].line))
        continue
      }
      let key = [left, right]
      // Two parts of one gold measure paired with the same measure are one pair.
      if expected.contains(key) { evaluation.matchedPairs.insert([pair.a, pair.b]) }
      guard found.insert(key).inserted else { continue }
      if expected.contains(key) {
        evaluation.count.matched += 1
      } else {
        evaluation.count.extra += 1
        evaluation.findings.append(
          .init(
            kind: "alignment", verdict: .extra,
            item:
              "\(left) \(foundA[pair.a].lead.prefix(12)) ↔ \(right) \(foundB[pair.b].lead.prefix(12))",
            line: foundA[pair.a].line))
      }
    }
    for (index, key) in goldPairs.enumerated() where !found.contains(key) {
      evaluation.count.missed += 1
      let pair = gold.pairs[index]
      evaluation.findings.append(
        .init(
          kind: "alignment", verdict: .missed,
          item: "\(pair.a.joined(separator: " ")) ↔ \(pair.b.joined(separator: " "))", line: nil))
    }
    return evaluation
  }

  /// The folded gold path each extracted measure stands for: by numbering path first, then
  /// by source line, then by lead, each gold measure taken once; then each measure still
  /// free whose path lies below a gold measure located by none of these (the extraction
  /// split it into its items) stands for the nearest such one.
  static func locate(_ gold: [GoldDocument.Measure], in found: [ComparableItems.Measure])
    -> [Int: String]
  {
    var located: [Int: String] = [:]
    var left: [(path: [String], measure: GoldDocument.Measure)] = []
    var byPath: [[String]: [Int]] = [:]
    for (index, measure) in found.enumerated() { byPath[measure.path, default: []].append(index) }
    for measure in gold {
      let path = NumberingToken.folded(measure.path)
      if let index = byPath[path]?.first(where: { located[$0] == nil }) {
        located[index] = path.joined(separator: " ")
      } else {
        left.append((path, measure))
      }
    }
    for (path, measure) in left {
      let free = found.indices.filter { located[$0] == nil }
      let byLine = measure.line.flatMap { line in free.first { found[$0].line == line } }
      let byLead = free.first { Evaluator.leadAgrees(gold: measure.lead, found: found[$0].lead) }
      if let index = byLine ?? byLead { located[index] = path.joined(separator: " ") }
    }
    let unlocated = Set(left.map { $0.path.joined(separator: " ") })
      .subtracting(located.values)
    for (index, measure) in found.enumerated() where located[index] == nil {
      let parent = (1..<max(measure.path.count, 1)).reversed().lazy
        .map { measure.path.prefix($0).joined(separator: " ") }.first { unlocated.contains($0) }
      if let parent { located[index] = parent }
    }
    return located
  }
}
