import Foundation
import Testing

/// Compares `actual` with `Snapshots/<name>.txt`; records the file when it is missing or
/// when RECORD_SNAPSHOTS=1 (and fails, so that a recording is never a silent pass).
func assertSnapshot(
  _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots").appendingPathComponent("\(name).txt")
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded snapshot \(url.lastPathComponent); run again to compare",
      sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
      Array(zip(expectedLines, actualLines)).firstIndex { $0.0 != $0.1 }
      ?? min(expectedLines.count, actualLines.count)
    let was = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
    let now = first < actualLines.count ? String(actualLines[first]) : "<end>"
    Issue.record(
      "snapshot \(name) differs at line \(first + 1):\n- \(was)\n+ \(now)",
      sourceLocation: sourceLocation)
  }
}
