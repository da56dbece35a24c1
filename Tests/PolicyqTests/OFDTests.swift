import Foundation
import PolicyTestSupport
import Testing

/// OFD files written by easyofd from the seeds' PDFs read as those PDFs do: the same
/// measures, targets and clauses, each on the same page; and a damaged OFD is an error
/// naming it while the rest of the batch is read.
@Suite struct OFDTests {
  @Test(
    .enabled(
      if: PrintedPDF.canPrintWord && PrintedPDF.hasEasyOFD,
      "LibreOffice, pdftotext or easyofd (pip) is not installed"))
  func ofdFromPDF_extractsAsThePDF() throws {
    let folder = Scratch.root.appendingPathComponent("ofd-from-pdf")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var compared = 0
    for (_, pdf) in PDFSeedTests.made.prefix(3) {
      let ofd = folder.appendingPathComponent(
        pdf.deletingPathExtension().lastPathComponent + ".ofd")
      try #require(try PrintedPDF.makeOFD(from: pdf, to: ofd))
      let fromPDF = try PDFSeedTests.extract(pdf.path)
      let fromOFD = try PDFSeedTests.extract(ofd.path)
      #expect((fromOFD["source"] as? [String: Any])?["format"] as? String == "ofd")
      #expect(
        PDFSeedTests.items(fromOFD) == PDFSeedTests.items(fromPDF), "\(ofd.lastPathComponent)")
      func pages(_ document: [String: Any]) -> [Int] {
        (document["measures"] as? [[String: Any]] ?? []).compactMap {
          ($0["location"] as? [String: Any])?["page"] as? Int
        }
      }
      #expect(!pages(fromPDF).isEmpty && pages(fromOFD) == pages(fromPDF))
      compared += 1
    }
    #expect(compared == 3)
  }

  @Test func damagedOFD_isAnErrorAndTheBatchGoesOn() throws {
    let folder = Scratch.root.appendingPathComponent("ofd-damaged")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let noRoot = folder.appendingPathComponent("noroot.ofd")
    try Data(try TestDocx.zip(["OFD.xml": "<ofd:OFD xmlns:ofd=\"x\"><ofd:DocBody/></ofd:OFD>"]))
      .write(to: noRoot)
    let notZip = folder.appendingPathComponent("plain.ofd")
    try Data("not a zip".utf8).write(to: notZip)
    let good = folder.appendingPathComponent("good.txt")
    try Data("关于推进绿色工厂建设的通知\n一、加快建设绿色工厂。\n".utf8).write(to: good)
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", noRoot.path, notZip.path, good.path],
      bounds: RunBounds(seconds: 30, memoryMiB: 2048))
    #expect(result.status != 0)
    #expect(result.stderr.contains("noroot.ofd: error: a damaged OFD: OFD.xml names no DocRoot"))
    #expect(result.stderr.contains("plain.ofd: error: not an OFD file (not a zip archive)"))
    #expect(result.stdout.contains("good.txt"))
  }

  @Test func handWrittenOFD_readsInPositionOrderWithPages() throws {
    let folder = Scratch.root.appendingPathComponent("ofd-hand")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    func page(_ codes: [(x: Double, y: Double, text: String)]) -> String {
      let objects = codes.enumerated().map { index, code in
        """
        <ofd:TextObject ID="\(index + 10)" Boundary="\(code.x) \(code.y) 150 6" Size="5">\
        <ofd:TextCode X="0" Y="5" DeltaX="g \(code.text.count - 1) 5">\(code.text)</ofd:TextCode>\
        </ofd:TextObject>
        """
      }.joined()
      return """
        <ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">\
        \(objects)</ofd:Layer></ofd:Content></ofd:Page>
        """
    }
    let parts = [
      "OFD.xml":
        "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
      "Doc_0/Document.xml":
        "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/><ofd:Page ID=\"2\" BaseLoc=\"Pages/Page_1/Content.xml\"/></ofd:Pages></ofd:Document>",
      // Written bottom line first: the reader orders by position.
      "Doc_0/Pages/Page_0/Content.xml": page([
        (30, 60, "一、加快建设绿色工厂。"), (30, 40, "关于推进绿色工厂建设的通知"),
      ]),
      "Doc_0/Pages/Page_1/Content.xml": page([(30, 40, "二、完善绿色制造体系。")]),
    ]
    let ofd = folder.appendingPathComponent("hand.ofd")
    try Data(try TestDocx.zip(parts)).write(to: ofd)
    let text = try Policyq.run(["text", ofd.path], bounds: .standard)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout == "关于推进绿色工厂建设的通知\n一、加快建设绿色工厂。\n二、完善绿色制造体系。\n")
    let json = try PDFSeedTests.extract(ofd.path)
    let sections = json["sections"] as? [[String: Any]] ?? []
    let pages = sections.compactMap { ($0["location"] as? [String: Any])?["page"] as? Int }
    #expect(pages == [1, 2], "\(sections)")
  }
}
