import Foundation
import PolicyTestSupport
import Testing

/// The JSON output against docs/extract.schema.json, checked by Python's jsonschema
/// (`JSONSchemaCheck`; skipped where it is not installed).
@Suite struct SchemaTests {
  @Test(.enabled(if: JSONSchemaCheck.isAvailable))
  func extractOutput_validatesAgainstTheDocumentedSchema() throws {
    var inputs = ["corpus/documents"]
    let stateCouncil = Policyq.root.deletingLastPathComponent().appendingPathComponent(
      "shared/corpus-real/state-council")
    if FileManager.default.fileExists(atPath: stateCouncil.path) {
      inputs.append(stateCouncil.path)
    }
    let result = try Policyq.run(["extract", "--format", "jsonl"] + inputs)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count >= 5)
    let (status, report) = try JSONSchemaCheck.validate(
      lines, against: "extract.schema.json", label: ["source", "path"])
    #expect(status == 0, "\(report)")
  }
}
