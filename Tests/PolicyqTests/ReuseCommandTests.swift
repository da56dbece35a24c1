import Foundation
import PolicyTestSupport
import Testing

/// `policyq reuse`: the passages two district plans written from one municipal template
/// share, each found in both files as written; CSV and JSON agree; bad use is an error.
@Suite struct ReuseCommandTests {
  static let bounds = RunBounds(seconds: 120, memoryMiB: 2048)
  static let seeds = Policyq.root.appendingPathComponent("corpus/documents")

  static func indexOfSeeds() throws -> String {
    let index = Scratch.root.appendingPathComponent("reuse-\(UUID().uuidString)").path
    let built = try Policyq.run(["index", seeds.path, "--index", index], bounds: bounds)
    #expect(built.status == 0)
    return index
  }

  /// The id `extract` gives the seed whose file name starts with `prefix`, and the letters
  /// of its cleaned text (`policyq text`: page numbers and noise out).
  static func seed(_ prefix: String) throws -> (id: String, letters: String) {
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: seeds.path).first {
        $0.hasPrefix(prefix)
      })
    let path = seeds.appendingPathComponent(name).path
    let extracted = try Policyq.run(["extract", path, "--format", "json"], bounds: bounds)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(extracted.stdout.utf8)) as? [String: Any])
    let text = try Policyq.run(["text", path], bounds: bounds).stdout
    let letters = String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter {
          $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    return (try #require(object["id"] as? String), letters)
  }

  @Test func twoDistrictsFromOneTemplate_sharePassagesFoundInBothFiles() throws {
    let index = try Self.indexOfSeeds()
    let result = try Policyq.run(
      ["reuse", "--index", index, "--format", "json"], bounds: Self.bounds)
    #expect(result.status == 0 && !result.timedOut)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let edges = try #require(json["edges"] as? [[String: Any]])
    let (first, second) = (try Self.seed("000_"), try Self.seed("003_"))
    let edge = try #require(
      edges.first {
        Set([$0["source"] as? String, $0["target"] as? String]) == Set([first.id, second.id])
      })
    #expect((edge["matched"] as? Int ?? 0) >= 300)
    let passages = try #require(edge["passages"] as? [[String: Any]])
    #expect(passages.count >= 5)
    let (source, target) = edge["source"] as? String == first.id ? (first, second) : (second, first)
    for passage in passages {
      // The source's text as written; the target holds its start and end (runs chained
      // over small gaps may differ between).
      let text = try #require(passage["text"] as? String)
      let whole = !text.hasSuffix("…")
      #expect(source.letters.contains(text.replacingOccurrences(of: "…", with: "")), "\(text)")
      #expect(target.letters.contains(String(text.prefix(8))), "\(text)")
      if whole { #expect(target.letters.contains(String(text.suffix(8))), "\(text)") }
      #expect(
        (passage["source_line"] as? Int ?? 0) > 0 && (passage["target_line"] as? Int ?? 0) > 0)
    }
    // The CSV has one row per passage of the JSON.
    let csv = try Policyq.run(["reuse", "--index", index, "--format", "csv"], bounds: Self.bounds)
    let rows = csv.stdout.split(separator: "\n")
    #expect(
      rows.first?.hasPrefix("source_id,source_title,target_id,target_title,direction") == true)
    let passageCount = edges.reduce(0) { $0 + (($1["passages"] as? [Any])?.count ?? 0) }
    #expect(rows.count == passageCount + 1)
  }

  @Test func missingIndexAndTooShortLength_areErrors() throws {
    let missing = Scratch.root.appendingPathComponent("no-index-\(UUID().uuidString)").path
    let result = try Policyq.run(["reuse", "--index", missing], bounds: Self.bounds)
    #expect(result.status == 2 && result.stderr.contains(missing))
    let short = try Policyq.run(["reuse", "--min-length", "3"], bounds: Self.bounds)
    #expect(short.status == 64 && short.stderr.contains("--min-length"))
    let negative = try Policyq.run(["reuse", "--limit=-1"], bounds: Self.bounds)
    #expect(negative.status == 64 && negative.stderr.contains("--limit"))
  }
}
