import Foundation
import PolicyTestSupport
import Testing

/// Bad PDFs in a batch with a good file: a scan without a text layer, an encrypted PDF, a
/// truncated one, one with flipped bytes, and one with more pages than the limits allow.
/// Each is an error naming the file; the good file is still extracted; the run is
/// bounded in time and memory.
@Suite struct PDFDamageTests {
  private static func folder(_ name: String) throws -> URL {
    let folder = Scratch.root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  private static func writeGood(in folder: URL) throws -> URL {
    let good = folder.appendingPathComponent("good.txt")
    try Data("关于推进绿色工厂建设的通知\n一、加快建设绿色工厂。\n".utf8).write(to: good)
    return good
  }

  @Test func scanWithoutTextLayer_saysItNeedsOCR() throws {
    let folder = try Self.folder("pdf-scan")
    let scan = folder.appendingPathComponent("scan.pdf")
    try Data(TestPDF.make(pages: [.image, .image])).write(to: scan)
    let good = try Self.writeGood(in: folder)
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", scan.path, good.path],
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(!result.timedOut)
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "scan.pdf: error: has no text layer (a scan); it needs OCR: give --ocr"),
      "\(result.stderr)")
    #expect(result.stdout.contains("good.txt"))
  }

  @Test func encryptedPDF_isAnErrorNamingIt() throws {
    let folder = try Self.folder("pdf-encrypted")
    let locked = folder.appendingPathComponent("locked.pdf")
    try Data(TestPDF.make(pages: [.text("Hello")], encrypted: true)).write(to: locked)
    let good = try Self.writeGood(in: folder)
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", locked.path, good.path],
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("locked.pdf: error: an encrypted PDF (it needs a password"),
      "\(result.stderr)")
    #expect(result.stdout.contains("good.txt"))
  }

  @Test func truncatedAndFlippedPDFs_areErrorsNamingThem() throws {
    let folder = try Self.folder("pdf-damaged")
    let whole = TestPDF.make(pages: [.text("Green factories"), .text("Second page")])
    let truncated = folder.appendingPathComponent("truncated.pdf")
    try Data(whole.prefix(40)).write(to: truncated)
    // Every byte after the header turned to garbage: no object poppler can find.
    let flipped = folder.appendingPathComponent("flipped.pdf")
    try Data(whole.prefix(9) + whole.dropFirst(9).map { $0 ^ 0x5A }).write(to: flipped)
    let good = try Self.writeGood(in: folder)
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", truncated.path, flipped.path, good.path],
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(!result.timedOut)
    #expect(result.status != 0)
    #expect(result.stderr.contains("truncated.pdf: error: "), "\(result.stderr)")
    #expect(result.stderr.contains("flipped.pdf: error: "), "\(result.stderr)")
    #expect(result.stdout.contains("good.txt"))
    #expect(!result.stdout.contains("truncated.pdf"))
  }

  @Test func pageCountOverTheLimit_isRefusedAndCanBeRaised() throws {
    let folder = try Self.folder("pdf-pages")
    let bomb = folder.appendingPathComponent("many.pdf")
    try Data(TestPDF.make(pages: Array(repeating: .text("Page"), count: 70))).write(to: bomb)
    let good = try Self.writeGood(in: folder)
    // 1 MiB allows 64 pages.
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", "--max-unpacked-mib", "1", bomb.path, good.path],
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("many.pdf: error: the PDF has 70 pages, over the limit of 64"),
      "\(result.stderr)")
    #expect(result.stdout.contains("good.txt"))
    let raised = try Policyq.run(
      ["text", "--max-unpacked-mib", "2", bomb.path],
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(raised.status == 0, "\(raised.stderr)")
    #expect(raised.stdout.contains("Page"))
  }
}
