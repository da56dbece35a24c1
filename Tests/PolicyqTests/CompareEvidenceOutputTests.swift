import Foundation
import PolicyTestSupport
import Testing

/// Each aligned pair says why in every format of `policyq compare`.
@Suite struct CompareEvidenceOutputTests {
  static let arguments = ["compare", Policyq.seed("000"), Policyq.seed("004")]

  @Test func json_eachPairHasItsEvidence() throws {
    let result = try Policyq.run(
      Self.arguments + ["--format", "json"], bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let pairs = try #require(object["measure_pairs"] as? [[String: Any]])
    #expect(pairs.count >= 4)
    for pair in pairs {
      let evidence = try #require(pair["evidence"] as? [String: Any])
      #expect((evidence["reasons"] as? [String])?.contains("combined") == true)
      let terms = try #require(evidence["shared_terms"] as? [[String: Any]])
      #expect(!terms.isEmpty && terms.allSatisfy { ($0["weight"] as? Double ?? 0) > 0 })
    }
  }

  @Test func textAndHTML_sayWhy() throws {
    let text = try Policyq.run(Self.arguments, bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(text.status == 0)
    #expect(text.stdout.contains("why: by heading in body, combined; score"))
    #expect(text.stdout.contains("再生资源"))
    let html = try Policyq.run(
      Self.arguments + ["--format", "html"], bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(html.status == 0)
    #expect(html.stdout.contains("<div class=\"why\">by "))
  }
}

/// With `--index`, words weigh by their frequency in the index's corpus.
@Suite struct CompareIndexWeightsTests {
  @Test func indexGiven_evidenceWeighedByTheIndex() throws {
    let directory = Scratch.root.appendingPathComponent("policyq-compare-\(UUID().uuidString)")
    let built = try Policyq.run(["index", "corpus/documents", "--index", directory.path])
    #expect(built.status == 0)
    let bounds = RunBounds(seconds: 60, memoryMiB: 2048)
    let indexed = try Policyq.run(
      ["compare", "--index", directory.path, "--upper", Policyq.seed("004"), "--format", "json"],
      bounds: bounds)
    #expect(indexed.status == 0, "\(indexed.stderr)")
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(indexed.stdout.utf8)) as? [[String: Any]])
    let district = try #require(
      list.first {
        (($0["lower"] as? [String: Any])?["file"] as? String)?.hasPrefix("corpus/documents/000")
          == true
      })
    let alone = try Policyq.run(
      ["compare", Policyq.seed("000"), Policyq.seed("004"), "--format", "json"], bounds: bounds)
    let bundled = try #require(
      try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [String: Any])
    func terms(_ comparison: [String: Any]) -> [String: Double] {
      var weights: [String: Double] = [:]
      for pair in comparison["measure_pairs"] as? [[String: Any]] ?? [] {
        let evidence = pair["evidence"] as? [String: Any] ?? [:]
        let body = evidence["body"] as? Double ?? -1
        weights["\(pair["lower_label"] ?? "") \(pair["upper_label"] ?? "")"] = body
      }
      return weights
    }
    let withIndex = terms(district)
    let withTable = terms(bundled)
    // The same pair, body similarity weighed by other frequencies.
    let shared = Set(withIndex.keys).intersection(withTable.keys)
    #expect(!shared.isEmpty)
    #expect(shared.contains { withIndex[$0] != withTable[$0] })
  }
}
