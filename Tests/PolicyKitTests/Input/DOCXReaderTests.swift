import Foundation
import PolicyReaders
import PolicyTestSupport
import PolicyText
import Testing

@testable import PolicyKit

@Suite struct DOCXReaderTests {
  let reader = DocumentReader()

  static func paragraph(_ text: String) -> String {
    "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
  }

  static let documentXML = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
    \(paragraph("永川府发〔2022〕11号"))
    <w:p><w:r><w:t>一、主要</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>目标</w:t></w:r></w:p>
    <w:p><w:r><w:t>到2025年，能耗下降14.5%&amp;水耗下降20.3%。</w:t></w:r><w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del></w:p>
    <w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>重点任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr>
    <w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>创建绿色工厂</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>区经济信息委</w:t></w:r></w:p><w:p><w:r><w:t>区发展改革委</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    \(paragraph("（此件公开发布）"))
    </w:body></w:document>
    """

  static func makeDocx(documentXML: String?) throws -> [UInt8] {
    try TestDocx.make(documentXML: documentXML)
  }

  @Test func docxWithTable_paragraphsAndRowsAsLines() throws {
    let bytes = try Self.makeDocx(documentXML: Self.documentXML)
    let document = try reader.read(bytes: bytes, path: "plan.docx", format: .docx)
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "永川府发〔2022〕11号",
        "一、主要目标",
        "到2025年，能耗下降14.5%&水耗下降20.3%。",
        "序号\t重点任务\t牵头单位",
        "1\t创建绿色工厂\t区经济信息委\u{3000}区发展改革委",
        "（此件公开发布）",
      ])
    #expect(document.source.part == "word/document.xml")
    // Offsets point into word/document.xml.
    let xml = Array(Self.documentXML.utf8)
    let range = try #require(document.text.range(of: "创建绿色工厂"))
    let start = document.text.utf8.distance(from: document.text.startIndex, to: range.lowerBound)
    let source = document.sourceMap.sourceRange(for: start..<(start + 18))
    #expect(String(decoding: xml[source], as: UTF8.self) == "创建绿色工厂")
  }

  /// Word stores a text box twice: for current readers (mc:Choice) and old ones
  /// (mc:Fallback). Red-header title blocks are often text boxes; they must read once.
  @Test func textBox_readOnce() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>
      <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>\(Self.paragraph("重庆市永川区人民政府文件"))</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>\(Self.paragraph("重庆市永川区人民政府文件"))</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
      \(Self.paragraph("永川府发〔2022〕11号"))
      </w:body></w:document>
      """
    let document = try reader.read(
      bytes: try Self.makeDocx(documentXML: xml), path: "header.docx", format: .docx)
    #expect(document.text.components(separatedBy: "重庆市永川区人民政府文件").count == 2)
    #expect(document.text.contains("永川府发〔2022〕11号"))
  }

  @Test func notAZip_isAnErrorNamingTheFile() {
    #expect(
      throws: TextError.malformedContainer(
        path: "fake.docx", reason: "not a .docx file (not a zip archive)")
    ) {
      try reader.read(bytes: Array("这不是压缩包".utf8), path: "fake.docx", format: .docx)
    }
  }

  @Test func zipWithoutDocumentPart_isAnError() throws {
    let bytes = try Self.makeDocx(documentXML: nil)
    #expect(
      throws: TextError.malformedContainer(
        path: "empty.docx", reason: "not a .docx file (no word/document.xml inside)")
    ) {
      try reader.read(bytes: bytes, path: "empty.docx", format: .docx)
    }
  }
}
