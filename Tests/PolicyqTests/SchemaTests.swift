import Foundation
import PolicyTestSupport
import Testing

/// The JSON output against docs/extract.schema.json, checked by Python's jsonschema, an
/// implementation nobody on this project wrote (skipped where it is not installed).
@Suite struct SchemaTests {
  static let validatorAvailable: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema"]
    process.standardError = Pipe()
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  @Test(.enabled(if: SchemaTests.validatorAvailable))
  func extractOutput_validatesAgainstTheDocumentedSchema() throws {
    var inputs = ["corpus/documents"]
    let stateCouncil = Policyq.root.deletingLastPathComponent().appendingPathComponent(
      "shared/corpus-real/state-council")
    if FileManager.default.fileExists(atPath: stateCouncil.path) {
      inputs.append(stateCouncil.path)
    }
    let result = try Policyq.run(["extract", "--format", "jsonl"] + inputs)
    #expect(result.stdout.split(separator: "\n").count >= 5)
    let output = Scratch.root.appendingPathComponent("policyq-schema-\(UUID().uuidString).jsonl")
    try result.stdout.write(to: output, atomically: true, encoding: .utf8)
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      validator = jsonschema.Draft202012Validator(schema)
      bad = 0
      for line in open(sys.argv[2]):
          document = json.loads(line)
          for error in validator.iter_errors(document):
              bad += 1
              print(document["source"]["path"], list(error.path), error.message[:200])
      sys.exit(1 if bad else 0)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c", script, Policyq.root.appendingPathComponent("docs/extract.schema.json").path,
      output.path,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(report)")
  }
}
