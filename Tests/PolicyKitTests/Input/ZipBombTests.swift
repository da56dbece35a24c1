import Foundation
import PolicyReaders
import PolicyTestSupport
import PolicyText
import Testing

/// A .docx that unpacks to far more than it holds (a zip bomb) is refused under the limits,
/// whether its directory tells the truth about the size or not.
@Suite struct ZipBombTests {
  /// 3 MiB of one repeated paragraph: it packs to a few KiB.
  static let bomb: [UInt8] = {
    let xml = TestDocx.documentXML(repeating: "甲", paragraphs: 3 << 20 / 30)
    return (try? TestDocx.make(documentXML: xml)) ?? []
  }()

  func read(_ bytes: [UInt8], limits: ContainerLimits) throws -> PolicyText {
    try DocumentReader(containerLimits: limits).read(bytes: bytes, path: "bomb.docx", format: .docx)
  }

  @Test func overTheCap_isRefusedNamingTheFileAndTheOption() {
    let limits = ContainerLimits(
      maximumUnpackedBytes: 1 << 20, maximumRatio: .max, ratioFloorBytes: 0)
    #expect {
      try read(Self.bomb, limits: limits)
    } throws: { error in
      let message = "\(error)"
      return message.hasPrefix("bomb.docx: error: word/document.xml would unpack to 3 MiB")
        && message.contains("--max-unpacked-mib")
    }
  }

  @Test func overTheRatio_isRefused() {
    let limits = ContainerLimits(
      maximumUnpackedBytes: 1 << 30, maximumRatio: 100, ratioFloorBytes: 1 << 20)
    #expect(Self.bomb.count * 100 < 3 << 20)
    #expect(throws: TextError.self) { try read(Self.bomb, limits: limits) }
  }

  @Test func withinLimits_isRead() throws {
    let text = try read(Self.bomb, limits: .standard)
    #expect(text.text.hasPrefix("甲\n甲\n"))
  }

  @Test func lyingDeclaredSize_isStoppedWhileUnpacking() throws {
    var bytes = Self.bomb
    // Every declared size of the document part (local header at 22, directory entry at
    // 24 from its signature) says 1,000 bytes.
    let small: [UInt8] = [0xE8, 0x03, 0x00, 0x00]
    for (signature, offset) in [
      ([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24),
    ] {
      for start in bytes.indices.dropLast(4) where Array(bytes[start..<start + 4]) == signature {
        bytes.replaceSubrange((start + offset)..<(start + offset + 4), with: small)
      }
    }
    let limits = ContainerLimits(
      maximumUnpackedBytes: 1 << 20, maximumRatio: .max, ratioFloorBytes: 0)
    #expect {
      try read(bytes, limits: limits)
    } throws: { error in
      "\(error)".hasPrefix(
        "bomb.docx: error: word/document.xml would unpack to more than the limit of 1 MiB")
    }
  }
}
