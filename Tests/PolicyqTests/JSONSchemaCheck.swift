import Foundation
import PolicyTestSupport

/// JSON lines checked against a JSON Schema of docs/ by Python's jsonschema (Draft
/// 2020-12), an implementation nobody on this project wrote. Tests that use it are skipped
/// where it is not installed.
enum JSONSchemaCheck {
  /// Whether python3 with jsonschema is installed.
  static let isAvailable: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema"]
    process.standardError = Pipe()
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  /// Checks every line of `lines` (one JSON value each) against `docs/<schema>`: the
  /// validator's exit status (0 when all are valid) and a report of the errors, each with
  /// its line number and, when `label` is given, that member of the value.
  static func validate(_ lines: [Substring], against schema: String, label: [String] = [])
    throws -> (status: Int32, report: String)
  {
    let file = Scratch.root.appendingPathComponent("policyq-schema-\(UUID().uuidString).jsonl")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      validator = jsonschema.Draft202012Validator(schema)
      label = json.loads(sys.argv[3])
      bad = 0
      for number, line in enumerate(open(sys.argv[2]), 1):
          value = json.loads(line)
          for error in validator.iter_errors(value):
              bad += 1
              name = value
              for key in label:
                  name = name.get(key) if isinstance(name, dict) else None
              print(number, name, list(error.path), error.message[:200])
      sys.exit(1 if bad else 0)
      """
    let labelJSON = String(
      decoding: try JSONSerialization.data(withJSONObject: label), as: UTF8.self)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c", script, Policyq.root.appendingPathComponent("docs/\(schema)").path,
      file.path, labelJSON,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, report)
  }
}
