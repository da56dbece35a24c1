import Foundation
import PolicyCompare
import PolicyEvaluation
import PolicyExtraction
import PolicyReaders

extension EvalCommand {
  /// Compares the two documents of each alignment as `policyq compare` does (the upper one
  /// as upper) and scores the pairs; returns how many could not be read.
  func scoreAlignments(
    _ entries: [GoldSet.AlignmentEntry], parser: PolicyParser, into report: inout EvaluationReport
  ) -> Int {
    var err = StandardError()
    let reader = DocumentReader()
    let evaluator = AlignmentEvaluator(dictionaries: parser.dictionaries)
    var failures = 0
    for entry in entries {
      if let unavailable = entry.unavailable {
        report.skipped.append(.init(name: entry.name, reason: unavailable))
        continue
      }
      do {
        let a = parser.parse(try reader.read(contentsOf: entry.paths.a))
        let b = parser.parse(try reader.read(contentsOf: entry.paths.b))
        let aIsUpper = entry.gold.upper == "a"
        let comparison =
          aIsUpper ? DocumentComparison(lower: b, upper: a) : DocumentComparison(lower: a, upper: b)
        let pairs = comparison.measurePairs.map {
          aIsUpper ? (a: $0.upper, b: $0.lower) : (a: $0.lower, b: $0.upper)
        }
        let evaluation = evaluator.evaluate(
          pairs: pairs, a: a, b: b, against: entry.gold, name: entry.name, paths: entry.paths)
        report.alignments.append(evaluation)
        if let scoresOut {
          let scored = comparison.scoredPairs.map {
            aIsUpper ? (a: $0.upper, b: $0.lower) : (a: $0.lower, b: $0.upper)
          }
          let gold = evaluator.evaluate(
            pairs: scored, a: a, b: b, against: entry.gold, name: entry.name, paths: entry.paths)
          var passages = Set<[Int]>()
          for pair in comparison.measurePairs where pair.evidence.reasons.contains(.passages) {
            passages.insert(aIsUpper ? [pair.upper, pair.lower] : [pair.lower, pair.upper])
          }
          var out =
            "# gold \(evaluation.count.gold) passages \(passages.count) passages_matched \(passages.filter { evaluation.matchedPairs.contains($0) }.count)\n"
          out +=
            "a\tb\theading\tbody\tcontainment\theading_in_body\tterms\tdepartments\tindicators\tcontext\tposition\tsentence\theading_in_context\techo\tsame_heading\tpassages\tgold\n"
          for (pair, evidence) in zip(scored, comparison.scoredPairs.map(\.evidence)) {
            out +=
              "\(pair.a)\t\(pair.b)\t\(evidence.heading)\t\(evidence.body)\t\(evidence.bodyContainment)\t\(evidence.headingInBody)\t\(evidence.terms)\t\(evidence.sharedDepartments.count)\t\(evidence.sharedIndicators.count)\t\(evidence.context)\t\(evidence.position)\t\(evidence.sentence)\t\(evidence.headingInContext)\t\(evidence.echo)\t\(evidence.reasons.contains(.sameHeading) ? 1 : 0)\t\(passages.contains([pair.a, pair.b]) ? 1 : 0)\t\(gold.matchedPairs.contains([pair.a, pair.b]) ? 1 : 0)\n"
          }
          try out.write(toFile: "\(scoresOut)/\(entry.name).tsv", atomically: true, encoding: .utf8)
        }
      } catch {
        failures += 1
        print(error, to: &err)
      }
    }
    return failures
  }
}
