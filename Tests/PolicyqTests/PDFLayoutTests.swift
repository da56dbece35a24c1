import Foundation
import PolicyTestSupport
import Testing

/// Layouts other than one column from LibreOffice: the same seed set in two columns, and
/// printed by headless Chromium from HTML (its own running header with the date and
/// title, and a footer with the file's URL and "2/11"). Each reads as the seed's text.
@Suite struct PDFLayoutTests {
  /// The seed's cleaned text, one paragraph per line.
  private static func seedText(_ prefix: String) throws -> String {
    let result = try Policyq.run(["text", Policyq.seed(prefix)], bounds: .standard)
    #expect(result.status == 0)
    return result.stdout
  }

  /// The letters of `policyq text` of a file, paragraph by paragraph.
  private static func paragraphs(of path: String) throws -> [String] {
    let result = try Policyq.run(["text", path], bounds: .standard)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.split(separator: "\n").map { PDFSeedTests.letters(String($0)) }
  }

  @Test(
    .enabled(if: PrintedPDF.canPrintWord, "LibreOffice (soffice) or pdftotext is not installed"))
  func twoColumns_readLeftColumnFirst() throws {
    let folder = Scratch.root.appendingPathComponent("two-columns")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let text = try Self.seedText("000")
    let docx = folder.appendingPathComponent("000-two.docx")
    try PrintedPDF.makeDocx(text: text, to: docx, columns: 2)
    let pdf = try #require(try PrintedPDF.convert([docx], to: "pdf", in: folder).first)
    let expected = text.split(separator: "\n").map { PDFSeedTests.letters(String($0)) }
    let read = try Self.paragraphs(of: pdf.path)
    #expect(
      read == expected, "\(zip(read, expected).first { $0 != $1 }.map { "\($0)\n\($1)" } ?? "")")
  }

  /// Seed 002 as an HTML page (one `<p>` per paragraph, `text-align: align`) printed by
  /// Chromium into `folder`; the seed's text and the PDF.
  private static func printSeed002(aligned align: String, in name: String) throws -> (
    text: String, pdf: URL
  ) {
    let folder = Scratch.root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let text = try Self.seedText("002")
    let escaped = text.replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "<", with: "&lt;")
    let body = escaped.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
    let html = folder.appendingPathComponent("002.html")
    try Data(
      """
      <!doctype html><html><head><meta charset="utf-8"><title>政策</title><style>
      body { font-family: 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 1.6; }
      p { text-indent: 2em; text-align: \(align); margin: 0; }
      </style></head><body>\(body)</body></html>
      """.utf8
    ).write(to: html)
    let pdf = folder.appendingPathComponent("002.pdf")
    // With Chromium's own header and footer: date, title, URL, "n/m".
    let printed = try PrintedPDF.printHTML(html, to: pdf, headerAndFooter: true)
    try #require(printed)
    return (text, pdf)
  }

  @Test(.enabled(if: PrintedPDF.chromium != nil, "chromium is not installed"))
  func chromiumPrint_readsAsTheSeed() throws {
    let (text, pdf) = try Self.printSeed002(aligned: "justify", in: "chromium-print")
    let expected = text.split(separator: "\n").map { PDFSeedTests.letters(String($0)) }
    let read = try Self.paragraphs(of: pdf.path)
    #expect(
      read == expected, "\(zip(read, expected).first { $0 != $1 }.map { "\($0)\n\($1)" } ?? "")")
    let page2 = try PrintedPDF.pageText(pdf, page: 2)
    #expect(page2.contains("2/"), "Chromium's footer is in the layer")
  }

  /// Ragged right, as web pages are: a line may end up to three characters short where a
  /// mark or a number moved whole to the next line; the paragraphs hold together.
  @Test(.enabled(if: PrintedPDF.chromium != nil, "chromium is not installed"))
  func chromiumRaggedRight_extractsAsTheSeed() throws {
    let (text, pdf) = try Self.printSeed002(aligned: "left", in: "chromium-ragged")
    // Paragraphs: all but one hold together (a line ending in 。 short of the edge before
    // "（牵头单位：…）" cannot be told from a paragraph's end).
    let paragraphs = text.split(separator: "\n").map { PDFSeedTests.letters(String($0)) }
    let printed = try Self.paragraphs(of: pdf.path)
    #expect(printed.joined() == paragraphs.joined())
    #expect(printed.count <= paragraphs.count + 1, "\(printed.count) for \(paragraphs.count)")
    let expected = PDFSeedTests.items(try PDFSeedTests.extract(Policyq.seed("002")))
    let read = PDFSeedTests.items(try PDFSeedTests.extract(pdf.path))
    #expect(expected.count > 20)
    #expect(read == expected, "\(read.filter { !expected.contains($0) })")
  }
}
