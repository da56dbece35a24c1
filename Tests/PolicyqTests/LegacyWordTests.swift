import Foundation
import PolicyTestSupport
import Testing

/// Word 97–2003 .doc and RTF are converted by LibreOffice and read as the .docx they were
/// made from; without LibreOffice the error says how to install it, and the batch goes on.
@Suite struct LegacyWordTests {
  @Test(.enabled(if: PrintedPDF.soffice != nil, "LibreOffice (soffice) is not installed"))
  func docAndRTF_extractAsTheirDocx() throws {
    let folder = Scratch.root.appendingPathComponent("legacy-word")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let text = try Policyq.run(["text", Policyq.seed("001")], bounds: .standard)
    let docx = folder.appendingPathComponent("001.docx")
    try PrintedPDF.makeDocx(text: text.stdout, to: docx)
    let doc = try #require(try PrintedPDF.convert([docx], to: "doc", in: folder).first)
    let rtf = try #require(try PrintedPDF.convert([docx], to: "rtf", in: folder).first)
    let expected = PDFSeedTests.items(try PDFSeedTests.extract(docx.path))
    #expect(expected.count > 10)
    for file in [doc, rtf] {
      let document = try PDFSeedTests.extract(file.path)
      #expect(PDFSeedTests.items(document) == expected, "\(file.lastPathComponent)")
      let source = document["source"] as? [String: Any] ?? [:]
      #expect(source["format"] as? String == file.pathExtension)
    }
  }

  @Test func withoutLibreOffice_theErrorSaysHowToInstallIt() throws {
    let folder = Scratch.root.appendingPathComponent("legacy-word-missing")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let doc = folder.appendingPathComponent("old.doc")
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
      .write(to: doc)
    let good = folder.appendingPathComponent("good.txt")
    try Data("关于推进绿色工厂建设的通知\n一、加快建设绿色工厂。\n".utf8).write(to: good)
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = folder.path
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", doc.path, good.path], environment: environment,
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "old.doc: error: a .doc file is read by converting it with LibreOffice, which is not installed"
      ) && result.stderr.contains("apt-get install libreoffice-writer"), "\(result.stderr)")
    #expect(result.stdout.contains("good.txt"))
  }
}
