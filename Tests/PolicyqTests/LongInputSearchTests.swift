import Foundation
import PolicyTestSupport
import Testing

/// `policyq search` with a very long query, and `index` then `search` of a file that is
/// one very long line: both within time and memory bounds (a 10,000-character query took
/// 766 MB, a line of 200 MB 4.6 GB to index and 2.4 GB per search).
@Suite struct LongInputSearchTests {
  func temporary() throws -> URL {
    let url = Scratch.root.appendingPathComponent("policyq-long-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The ideographs of a seed, in order.
  static func ideographs() throws -> [Character] {
    try String(contentsOfFile: Policyq.seed("000"), encoding: .utf8).filter {
      $0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
    }
  }

  /// Queries of 10,000 characters: 5,000 words of two characters, 3,334 times the same
  /// word, and the words joined by OR. Each answers within 10 s and 1 GiB of address space.
  @Test(arguments: ["words", "same word", "or"])
  func tenThousandCharacterQuery_answeredWithinBounds(shape: String) throws {
    let index = try temporary().appendingPathComponent("index").path
    #expect(try Policyq.run(["index", "corpus/documents", "--index", index]).status == 0)
    let text = try Self.ideographs()
    let characters = (0..<10_000).map { text[$0 % text.count] }
    let pairs = stride(from: 0, to: characters.count, by: 2).map {
      String(characters[$0..<($0 + 2)])
    }
    let query: String
    switch shape {
    case "words": query = pairs.joined(separator: " ")
    case "same word": query = Array(repeating: "发展", count: 3_334).joined(separator: " ")
    default: query = pairs.joined(separator: " OR ")
    }
    #expect(query.count >= 9_999)
    let result = try Policyq.run(
      ["search", query, "--index", index, "--limit", "3"],
      bounds: RunBounds(seconds: 10, memoryMiB: 1024))
    #expect(!result.timedOut)
    #expect(result.stderr.isEmpty, "\(result.stderr.prefix(500))")
    switch shape {
    case "words":
      // No unit holds all 5,000 words.
      #expect(result.status == 1)
      #expect(result.stdout.contains("0 matches"))
    default:
      #expect(result.status == 0)
      #expect(result.stdout.contains("发展") || result.stdout.contains("1. "))
    }
  }

  /// A file that is one line of 20 MB (the seeds without their line breaks) is indexed
  /// in pieces and searched within bounds, and the target in it found.
  @Test func oneLineOfTwentyMegabytes_indexedAndSearched() throws {
    let base = try temporary()
    var line: [UInt8] = []
    for prefix in ["000", "001", "002", "003", "004"] {
      line += Array(try String(contentsOfFile: Policyq.seed(prefix), encoding: .utf8).utf8)
        .filter { $0 != 0x0A && $0 != 0x0D }
    }
    var data: [UInt8] = []
    data.reserveCapacity(20_000_000 + line.count)
    while data.count < 20_000_000 { data += line }
    let file = base.appendingPathComponent("line.txt")
    try Data(data).write(to: file)
    let index = base.appendingPathComponent("index").path
    // The debug build parses 20 MB in about 40 s alone, several times that beside the other tests.
    let bounds = RunBounds(seconds: 300, memoryMiB: 1024)
    let built = try Policyq.run(["index", file.path, "--index", index], bounds: bounds)
    #expect(!built.timedOut)
    #expect(built.status == 0, "\(built.stderr.prefix(500))")
    #expect(built.stdout.contains("(1 parsed, 0 unchanged, 0 removed, 0 failed)"))
    let found = try Policyq.run(
      ["search", "绿色工厂", "--index", index, "--limit", "3"],
      bounds: RunBounds(seconds: 10, memoryMiB: 1024))
    #expect(found.status == 0, "\(found.stderr)")
    #expect(found.stdout.contains("line.txt:1"))
    #expect(found.stdout.contains("綠色工廠") || found.stdout.contains("绿色工厂"))
    // A common word hits the pieces of the document unit: each within the format's limit.
    let common = try Policyq.run(
      ["search", "人民政府", "--index", index, "--unit", "document", "--limit", "3"],
      bounds: RunBounds(seconds: 10, memoryMiB: 1024))
    #expect(common.status == 0, "\(common.stderr)")
    let verified = try Policyq.run(["index", "--verify", "--index", index], bounds: bounds)
    #expect(verified.status == 0, "\(verified.stderr)")
  }
}
