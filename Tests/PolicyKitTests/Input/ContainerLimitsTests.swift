import PolicyTestSupport
import Testing

@testable import PolicyReaders

/// The limit a part is held to, for the sizes it may be packed in.
@Suite struct ContainerLimitsTests {
  /// With no ratio (`--max-unpacked-mib` raised past the standard cap), the cap alone
  /// applies, whatever the packed size: an even one overflowed to a negative product and
  /// left the 8 MiB floor as the limit.
  @Test(arguments: [36_786, 36_787, 1])
  func withoutARatio_theCapApplies(storedSize: Int) {
    var limits = ContainerLimits.standard
    limits.maximumRatio = .max
    limits.maximumUnpackedBytes = 300 << 20
    #expect(limits.maximumUnpackedSize(storedSize: storedSize) == 300 << 20)
  }

  @Test func standard_ratioAboveTheFloor_capAboveThat() {
    let limits = ContainerLimits.standard
    #expect(limits.maximumUnpackedSize(storedSize: 1_000) == 8 << 20)
    #expect(limits.maximumUnpackedSize(storedSize: 100_000) == 20_000_000)
    #expect(limits.maximumUnpackedSize(storedSize: 10_000_000) == 256 << 20)
  }

  /// Through the reader: a 3 MiB part packed in an even number of bytes is read with the
  /// ratio off and a cap of 300 MiB.
  @Test func evenPackedSize_readWithTheRatioOff() throws {
    var paragraphs = 3 << 20 / 30
    var docx: [UInt8] = []
    var storedSize = 1
    // The packed size changes with the paragraph count; take the first even one.
    while storedSize % 2 != 0 {
      let xml = TestDocx.documentXML(repeating: "甲", paragraphs: paragraphs)
      docx = try TestDocx.make(documentXML: xml)
      storedSize = try ZipArchive(docx).member(named: "word/document.xml")?.storedSize ?? 1
      paragraphs += 1
    }
    var limits = ContainerLimits.standard
    limits.maximumRatio = .max
    limits.maximumUnpackedBytes = 300 << 20
    let text = try DocumentReader(containerLimits: limits).read(
      bytes: docx, path: "even.docx", format: .docx)
    #expect(text.text.hasPrefix("甲\n甲\n"))
  }
}
