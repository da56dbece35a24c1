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
