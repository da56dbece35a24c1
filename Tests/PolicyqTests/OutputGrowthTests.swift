import Foundation
import PolicyTestSupport
import Testing

/// Output and index grow with the text, not with its square: a paragraph of N targets once
/// wrote its whole sentence with each of them (216 KB of text gave 867 MB of JSON).
@Suite struct OutputGrowthTests {
  /// A plan whose one paragraph states `count` targets.
  func plan(targets count: Int, in folder: URL) throws -> String {
    let sentence =
      "到2025年，" + (0..<count).map { "指标\($0)达到\($0)万吨" }.joined(separator: "，") + "。"
    let file = folder.appendingPathComponent("targets-\(count).txt")
    try Data("关于印发某区行动方案的通知\n一、主要目标\n\(sentence)\n".utf8).write(to: file)
    return file.path
  }

  func bytes(ofDirectory url: URL) -> Int {
    let files = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey])
    return (files?.allObjects as? [URL] ?? []).reduce(0) {
      $0 + ((try? $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
    }
  }

  @Test func extractAndIndex_growLinearlyWithTargetsInOneSentence() throws {
    let folder = Scratch.root.appendingPathComponent("output-growth")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var jsonSizes: [Int] = []
    var indexSizes: [Int] = []
    for count in [100, 400] {
      let path = try plan(targets: count, in: folder)
      let extract = try Policyq.run(["extract", "--format", "json", path], bounds: .standard)
      #expect(extract.status == 0)
      let object =
        try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any]
      #expect((object?["targets"] as? [Any])?.count == count)
      #expect((object?["target_sentences"] as? [Any])?.count == 1)
      jsonSizes.append(extract.stdout.utf8.count)
      let index = folder.appendingPathComponent("index-\(count)")
      let built = try Policyq.run(["index", path, "--index", index.path], bounds: .standard)
      #expect(built.status == 0)
      indexSizes.append(bytes(ofDirectory: index))
    }
    // Four times the targets: about four times the bytes (sixteen if each repeated the
    // sentence).
    #expect(Double(jsonSizes[1]) / Double(jsonSizes[0]) < 5, "\(jsonSizes)")
    #expect(Double(indexSizes[1]) / Double(indexSizes[0]) < 5, "\(indexSizes)")
  }
}
