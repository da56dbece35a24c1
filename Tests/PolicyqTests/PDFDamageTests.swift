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

  /// poppler-glib is loaded when the first PDF is opened: where it cannot be, a PDF is an
  /// error that says what to install, and the rest of the batch is read.
  @Test func popplerMissing_isAnErrorSayingWhatToInstall() throws {
    let folder = try Self.folder("pdf-no-poppler")
    let pdf = folder.appendingPathComponent("plan.pdf")
    try Data(TestPDF.make(pages: [.text("Green factories")])).write(to: pdf)
    let good = try Self.writeGood(in: folder)
    var environment = ProcessInfo.processInfo.environment
    environment["POLICYQ_POPPLER_GLIB"] = folder.appendingPathComponent("missing.so").path
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", pdf.path, good.path], environment: environment,
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(result.status != 0 && !result.timedOut)
    #expect(
      result.stderr.contains("plan.pdf: error: PDF files are read with poppler-glib"),
      "\(result.stderr)")
    #expect(result.stderr.contains("apt-get install libpoppler-glib8"))
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

  /// A content stream that inflates to 100 MB from 100 KB: poppler reads it as a stream,
  /// so memory stays flat; the page's text is read (about 4 s in a release build).
  @Test(.enabled(if: PrintedPDF.program("python3") != nil, "python3 is not installed"))
  func inflatingContentStream_isReadInBoundedMemory() throws {
    let folder = try Self.folder("pdf-flate-bomb")
    let bomb = folder.appendingPathComponent("flate.pdf")
    let script = """
      import sys, zlib
      content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\\n" + b"q Q " * 25_000_000
      data = zlib.compress(content, 9)
      objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\\nstream\\n" % len(data) + data + b"\\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
      out = b"%PDF-1.4\\n"
      offsets = []
      for number, body in enumerate(objects):
          offsets.append(len(out))
          out += b"%d 0 obj\\n" % (number + 1) + body + b"\\nendobj\\n"
      xref = len(out)
      out += b"xref\\n0 %d\\n0000000000 65535 f \\n" % (len(objects) + 1)
      out += b"".join(b"%010d 00000 n \\n" % offset for offset in offsets)
      out += b"trailer\\n<< /Size %d /Root 1 0 R >>\\nstartxref\\n%d\\n%%%%EOF\\n" % (len(objects) + 1, xref)
      open(sys.argv[1], "wb").write(out)
      """
    try PrintedPDF.run(["python3", "-c", script, bomb.path])
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int)
    #expect(size < 1 << 20)
    let result = try Policyq.run(
      ["text", bomb.path], bounds: RunBounds(seconds: 60, memoryMiB: 1024))
    #expect(!result.timedOut)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Hello\n")
  }
}
