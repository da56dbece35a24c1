import Foundation
import PolicyCompare
import Testing

@testable import PolicyKit

@Suite struct ComparisonTests {
  func judgement(_ comparison: DocumentComparison, _ key: String) -> DocumentComparison.TargetPair?
  {
    comparison.targetPairs.first { $0.indicatorKey == key }
  }

  @Test func district000AgainstMunicipal004_targetsJudged() throws {
    let comparison = DocumentComparison(
      lower: try Parsed.seed("000"), upper: try Parsed.seed("004"))
    let energy = try #require(judgement(comparison, "industrial_energy_intensity"))
    #expect(energy.judgement == .weaker)
    #expect(abs((energy.difference ?? 0) + 1.5) < 1e-9)
    #expect(energy.reason.contains("14.5% vs 16%"))
    let water = try #require(judgement(comparison, "industrial_water_intensity"))
    #expect(water.judgement == .stronger)
    #expect(abs((water.difference ?? 0) - 0.3) < 1e-9)
    let waste = try #require(judgement(comparison, "bulk_industrial_solid_waste_utilisation"))
    #expect(waste.judgement == .stronger)
    #expect(waste.difference == 25)
    // A district's count of green factories is not a city's.
    #expect(judgement(comparison, "green_factories")?.judgement == .notComparable)
    #expect(comparison.targetCoverage > 0.5)
  }

  @Test func twoDistrictsFromOneTemplate_parallelMeasuresAligned() throws {
    let lower = try Parsed.seed("000")
    let upper = try Parsed.seed("003")
    let comparison = DocumentComparison(lower: lower, upper: upper)
    for number in 1...4 {
      let pair = comparison.measurePairs.first { lower.measures[$0.lower].number == number }
      #expect(pair.map { upper.measures[$0.upper].number } == number, "measure \(number)")
      #expect(pair?.sharedPassages.isEmpty == false)
    }
    let first = try #require(comparison.measurePairs.first { lower.measures[$0.lower].number == 1 })
    #expect(first.sharedPassages.first?.contains("严格节能审查制度") == true)
    #expect(!comparison.lowerOnlyMeasures.isEmpty && !comparison.upperOnlyMeasures.isEmpty)
  }

  @Test(arguments: ["000", "002", "003"])
  func comparedWithItself_everythingCarriedOverAndNothingElse(_ seed: String) throws {
    let document = try Parsed.seed(seed)
    let comparison = DocumentComparison(lower: document, upper: document)
    #expect(comparison.measurePairs.count == document.measures.count)
    #expect(
      comparison.measurePairs.allSatisfy {
        $0.lower == $0.upper && $0.carry == .carriedOver && !$0.leadChanged
      })
    #expect(comparison.lowerOnlyMeasures.isEmpty && comparison.upperOnlyMeasures.isEmpty)
    #expect(comparison.targetPairs.allSatisfy { $0.judgement == .same })
    #expect(comparison.measureCoverage == 1)
  }

  @Test func pairingIsSymmetric() throws {
    for (a, b) in [("000", "003"), ("000", "002"), ("001", "004")] {
      let forward = DocumentComparison(lower: try Parsed.seed(a), upper: try Parsed.seed(b))
      let backward = DocumentComparison(lower: try Parsed.seed(b), upper: try Parsed.seed(a))
      #expect(
        Set(forward.measurePairs.map { [$0.lower, $0.upper] })
          == Set(backward.measurePairs.map { [$0.upper, $0.lower] }), "\(a) \(b)")
    }
  }

  @Test(.enabled(if: Corpus.hasReal))
  func provincialAndCityRegulation_articlesAlignWhereCarriedOver() throws {
    let files = Corpus.realFiles("laws/DLC/河南地方法规", ext: "md")
    let province = try #require(files.first { $0.lastPathComponent.hasPrefix("河南省大气污染防治条例") })
    let city = try #require(files.first { $0.lastPathComponent.hasPrefix("郑州市大气污染防治条例") })
    let lower = try Parsed.file(city)
    let upper = try Parsed.file(province)
    let comparison = DocumentComparison(lower: lower, upper: upper)
    #expect(lower.measures.count > 40 && upper.measures.count > 60)
    #expect(comparison.measurePairs.count >= 10)
    // Aligned articles share passages word for word, or are linked by the evidence of
    // rewording; all pairs are article to article.
    #expect(
      comparison.measurePairs.allSatisfy {
        $0.evidence.reasons.contains(.passages)
          ? !$0.sharedPassages.isEmpty
          : $0.evidence.reasons.contains(.combined) || $0.evidence.reasons.contains(.sameHeading)
      })
    #expect(comparison.measurePairs.filter { !$0.sharedPassages.isEmpty }.count >= 10)
    #expect(
      comparison.measurePairs.allSatisfy {
        lower.sections[lower.measures[$0.lower].section].kind == .article
      })
    // The city's 第一条 (purpose) aligns with the province's 第一条.
    let first = comparison.measurePairs.first { lower.measures[$0.lower].number == 1 }
    #expect(first.map { upper.measures[$0.upper].number } == 1)
  }
}
