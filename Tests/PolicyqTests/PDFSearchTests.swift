import Foundation
import PolicyTestSupport
import Testing

/// index, search and compare take PDFs: a search hit in a PDF shows `file.pdf:pN:L`, the
/// page its text is on; compare reads a PDF against a text file.
@Suite(.enabled(if: PrintedPDF.canPrintWord, "LibreOffice (soffice) or pdftotext is not installed"))
struct PDFSearchTests {
  @Test func searchHitInAPDF_showsItsPageAndLine() throws {
    let pair = try #require(PDFSeedTests.made.first { $0.pdf.lastPathComponent == "000.pdf" })
    let folder = Scratch.root.appendingPathComponent("pdf-search")
    let corpus = folder.appendingPathComponent("corpus")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: pair.pdf, to: corpus.appendingPathComponent("000.pdf"))
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: Policyq.seed("001")), to: corpus.appendingPathComponent("001.txt"))
    let index = folder.appendingPathComponent("index")
    let built = try Policyq.run(["index", corpus.path, "--index", index.path], bounds: .standard)
    #expect(built.status == 0, "\(built.stderr)")
    let result = try Policyq.run(
      ["search", "创建绿色工厂", "--index", index.path, "--limit", "20", "--color", "never"],
      bounds: .standard)
    #expect(result.status == 0, "\(result.stderr)")
    let places = result.stdout.split(separator: "\n").filter { $0.contains("000.pdf:") }
    #expect(!places.isEmpty, "\(result.stdout)")
    // "   …/000.pdf:p6:18  id": the page holds the hit's heading.
    let json = try Policyq.run(
      ["search", "创建绿色工厂", "--index", index.path, "--limit", "20", "--format", "json"],
      bounds: .standard)
    let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let hits = (report?["hits"] as? [[String: Any]] ?? []).filter {
      ($0["file"] as? String ?? "").hasSuffix("000.pdf")
    }
    #expect(!hits.isEmpty)
    for hit in hits {
      let page = try #require(hit["page"] as? Int)
      let line = try #require(hit["page_line"] as? Int)
      #expect(places.contains { $0.contains("000.pdf:p\(page):\(line)  ") })
      let heading = PDFSeedTests.letters(hit["heading"] as? String ?? "")
      let onPage = PDFSeedTests.letters(try PrintedPDF.pageText(pair.pdf, page: page))
      #expect(onPage.contains(String(heading.prefix(6))), "p\(page): \(heading)")
    }
    // The text file's hits keep their line numbers.
    #expect(!result.stdout.contains("001.txt:p"))
    // The page is kept in the index: moved away, the PDF's hits still show it.
    try FileManager.default.moveItem(
      at: corpus.appendingPathComponent("000.pdf"), to: folder.appendingPathComponent("moved.pdf"))
    let moved = try Policyq.run(
      ["search", "创建绿色工厂", "--index", index.path, "--limit", "20", "--color", "never"],
      bounds: .standard)
    #expect(moved.stdout.split(separator: "\n").filter { $0.contains("000.pdf:") } == places)
  }

  @Test func compare_readsAPDF() throws {
    let pair = try #require(PDFSeedTests.made.first { $0.pdf.lastPathComponent == "000.pdf" })
    let result = try Policyq.run(
      ["compare", pair.pdf.path, Policyq.seed("003")], bounds: .standard)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("measures:"))
  }
}
