import Foundation
import PolicyTestSupport
import Testing

/// A zip bomb given with good files: refused with an error naming it, and the rest of the
/// batch is read, within bounded time and memory.
@Suite struct ZipBombCommandTests {
  @Test func bombInABatch_isRefusedAndTheOtherFilesRead() throws {
    let folder = Scratch.root.appendingPathComponent("zip-bomb-batch")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let bomb = folder.appendingPathComponent("bomb.docx")
    let xml = TestDocx.documentXML(repeating: "甲", paragraphs: 3 << 20 / 30)
    try Data(try TestDocx.make(documentXML: xml)).write(to: bomb)
    let good = folder.appendingPathComponent("good.txt")
    try Data("关于推进绿色工厂建设的通知\n一、加快建设绿色工厂。\n".utf8).write(to: good)

    let result = try Policyq.run(
      ["extract", "--format", "jsonl", "--max-unpacked-mib", "1", bomb.path, good.path],
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(!result.timedOut)
    #expect(result.status != 0)
    #expect(result.stderr.contains("bomb.docx: error: word/document.xml would unpack to"))
    #expect(result.stdout.contains("good.txt"))
    #expect(!result.stdout.contains("bomb.docx"))

    // The same batch within the default limits reads both.
    let relaxed = try Policyq.run(
      ["extract", "--format", "jsonl", bomb.path, good.path], bounds: .standard)
    #expect(relaxed.status == 0, "\(relaxed.stderr)")
  }
}
