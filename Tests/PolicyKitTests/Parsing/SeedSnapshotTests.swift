import PolicyOutput
import Testing

@testable import PolicyKit

/// The whole parse of each seed as an outline a researcher can read and review in a diff:
/// every section, measure, clause with roles, and target.
@Suite struct SeedSnapshotTests {
  @Test(arguments: ["000", "001", "002", "003", "004"])
  func seedOutline(_ seed: String) throws {
    let document = try Parsed.seed(seed)
    // Paths differ between machines; the id and everything else do not.
    let dump = TreeDump.render(document).replacingOccurrences(
      of: Corpus.seed(seed), with: "seed \(seed)")
    assertSnapshot(dump, named: "seed\(seed).tree")
  }
}
