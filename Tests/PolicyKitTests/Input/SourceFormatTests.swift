import PolicyText
import Testing

@testable import PolicyKit

@Suite struct SourceFormatTests {
  @Test func formatFromThePathsExtension() {
    #expect(SourceFormat(path: "corpus/documents/000_3cf4a8736e0c5b8a.txt") == .plainText)
    #expect(SourceFormat(path: "/data/国务院/通知.HTML") == .html)
    #expect(SourceFormat(path: "laws/民法典.md") == .markdown)
    #expect(SourceFormat(path: "plan.v2.docx") == .docx)
    // No extension, a hidden file, a dot in a folder name only, an unknown extension.
    #expect(SourceFormat(path: "README") == nil)
    #expect(SourceFormat(path: "corpus/.hidden") == nil)
    #expect(SourceFormat(path: "v1.0/README") == nil)
    #expect(SourceFormat(path: "scan.xls") == nil)
    #expect(SourceFormat(path: "scan.PDF") == .pdf)
    #expect(SourceFormat(path: "通知.ofd") == .ofd)
  }

  @Test func formatFromTheBytes() {
    #expect(SourceFormat(sniffing: Array("%PDF-1.7\n".utf8)) == .pdf)
    let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    #expect(SourceFormat(sniffing: zip + Array("OFD.xml....Doc_0/Document.xml".utf8)) == .ofd)
    #expect(
      SourceFormat(sniffing: zip + Array("[Content_Types].xml word/document.xml".utf8)) == .docx)
  }
}
