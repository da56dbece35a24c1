import Foundation
import PolicyTestSupport
import Testing

/// A scan — the first page of a seed's PDF rendered to a JPEG and wrapped in a PDF with no
/// text layer — is an error without --ocr, and with it is read by tesseract (chi_sim),
/// which the document's diagnostics say.
@Suite(
  .enabled(
    if: PrintedPDF.canPrintWord && PrintedPDF.program("tesseract") != nil
      && PrintedPDF.program("pdftoppm") != nil,
    "LibreOffice, poppler-utils or tesseract is not installed"))
struct OCRTests {
  /// The first page of seed 000's printed PDF as a JPEG of `dpi` (a scan), made in `folder`.
  static func seedPageAsJPEG(in folder: URL, dpi: Int) throws -> Data {
    let pair = try #require(PDFSeedTests.made.first { $0.pdf.lastPathComponent == "000.pdf" })
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let prefix = folder.appendingPathComponent("page").path
    try PrintedPDF.run(
      [
        "pdftoppm", "-f", "1", "-l", "1", "-r", "\(dpi)", "-jpeg", "-singlefile", pair.pdf.path,
        prefix,
      ])
    return try Data(contentsOf: URL(fileURLWithPath: prefix + ".jpg"))
  }

  @Test func scannedPage_isReadWithOCR() throws {
    let folder = Scratch.root.appendingPathComponent("ocr")
    let jpeg = try Self.seedPageAsJPEG(in: folder, dpi: 200)
    // 200 dpi of an A4 page: 1654 × 2339 pixels.
    let scan = folder.appendingPathComponent("scan.pdf")
    try Data(TestPDF.make(pages: [.jpeg(Array(jpeg), width: 1654, height: 2339)])).write(to: scan)

    let refused = try Policyq.run(["text", scan.path], bounds: .standard)
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("has no text layer (a scan); it needs OCR: give --ocr"))

    let read = try Policyq.run(
      ["text", "--ocr", scan.path], bounds: RunBounds(seconds: 120, memoryMiB: 4096))
    #expect(read.status == 0, "\(read.stderr)")
    #expect(
      read.stderr.contains("1 page(s) were read by OCR (tesseract, chi_sim): page 1"),
      "\(read.stderr)")
    let letters = PDFSeedTests.letters(read.stdout)
    let phrases = ["重庆市永川区人民政府", "永川府发", "各镇人民政府", "绿色低碳发展", "指导思想"]
    let found = phrases.filter { letters.contains($0) }
    #expect(found.count >= 4, "\(found)\n\(read.stdout)")
    // The items of a scan keep their page.
    let json = try Policyq.run(
      ["extract", "--ocr", "--format", "json", scan.path],
      bounds: RunBounds(seconds: 120, memoryMiB: 4096))
    #expect(json.status == 0)
    #expect(json.stdout.contains("\"page\": 1"))
  }

  @Test func scannedPageAmongPrintedOnes_isWarnedOfOrReadWithOCR() throws {
    let folder = Scratch.root.appendingPathComponent("ocr-mixed")
    let jpeg = try Self.seedPageAsJPEG(in: folder, dpi: 150)
    let mixed = folder.appendingPathComponent("mixed.pdf")
    try Data(
      TestPDF.make(pages: [
        .text("Annex one"), .jpeg(Array(jpeg), width: 1241, height: 1754), .text("Annex three"),
      ])
    ).write(to: mixed)
    let plain = try Policyq.run(["text", mixed.path], bounds: .standard)
    #expect(plain.status == 0)
    #expect(
      plain.stderr.contains(
        "mixed.pdf: warning: page 2 has no text layer, only an image (a scanned page?)"),
      "\(plain.stderr)")
    let read = try Policyq.run(
      ["text", "--ocr", mixed.path], bounds: RunBounds(seconds: 120, memoryMiB: 4096))
    #expect(read.status == 0)
    #expect(read.stderr.contains("1 page(s) were read by OCR (tesseract, chi_sim): page 2"))
    let letters = PDFSeedTests.letters(read.stdout)
    #expect(letters.contains("Annexone") && letters.contains("Annexthree"))
    #expect(letters.contains("永川区人民政府"), "\(read.stdout)")
  }
}
