import Foundation
import PolicyTestSupport
import Testing

/// `policyq index --jobs N` parses on N threads and writes the same index as one thread.
@Suite struct IndexJobsTests {
  /// The bytes of the live generation's files of the index in `directory`, by name (the
  /// manifest without its date).
  static func generationFiles(_ directory: URL) throws -> [String: Data] {
    let current = try String(
      contentsOf: directory.appendingPathComponent("CURRENT"), encoding: .utf8
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let generation = directory.appendingPathComponent(current)
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: generation.path) {
      files[name] = try Data(contentsOf: generation.appendingPathComponent(name))
    }
    // The manifest says when the index was made: that line differs from run to run.
    if let manifest = files["manifest.json"] {
      let lines = String(decoding: manifest, as: UTF8.self).split(separator: "\n")
      files["manifest.json"] = Data(
        lines.filter { !$0.contains("\"created\"") }.joined(separator: "\n").utf8)
    }
    return files
  }

  @Test func jobsOneAndThree_sameIndex() throws {
    let folder = Scratch.root.appendingPathComponent("index-jobs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for number in 1...7 {
      try Data("某区关于第\(number)项工作的通知\n一、总体要求\n（一）推进第\(number)项绿色工厂建设。\n".utf8)
        .write(to: folder.appendingPathComponent("f\(number).txt"))
    }
    try Data("not a zip archive".utf8).write(to: folder.appendingPathComponent("f4.docx"))
    let seeds = Policyq.root.appendingPathComponent("corpus/documents").path
    var indexes: [[String: Data]] = []
    for jobs in ["1", "3"] {
      let index = folder.appendingPathComponent("index-\(jobs)")
      let result = try Policyq.run(
        ["index", "--jobs", jobs, "--index", index.path, seeds, folder.path],
        bounds: RunBounds(seconds: 60, memoryMiB: 2048))
      #expect(result.status == 1)
      #expect(result.stderr.contains("f4.docx: error"))
      #expect(
        result.stdout.contains("indexed 12 documents (12 parsed, 0 unchanged, 0 removed, 1 failed)")
      )
      indexes.append(try Self.generationFiles(index))
    }
    #expect(
      indexes[0].keys.sorted() == ["files.json.zst", "manifest.json", "postings.bin", "units.bin"])
    #expect(indexes[0] == indexes[1])
  }
}
