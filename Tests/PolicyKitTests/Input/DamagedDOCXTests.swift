import PolicyReaders
import PolicyText
import Testing

/// Damaged .docx files (cut short, or with a byte changed anywhere, as a bad download or
/// disk gives them) are an error naming the file, never a crash or a hang. Fuzzing found
/// both in the zip library used before: an offset in the central directory sent its
/// reader past the end (a trap), and a changed byte in the deflated data made it loop.
@Suite struct DamagedDOCXTests {
  let reader = DocumentReader()

  /// Reads `bytes` and says whether it was read or refused with an error naming the file.
  func readOrRefuse(_ bytes: [UInt8]) -> Bool {
    do {
      _ = try reader.read(bytes: bytes, path: "damaged.docx", format: .docx)
      return true
    } catch let error as TextError {
      return "\(error)".hasPrefix("damaged.docx: ")
    } catch {
      return false
    }
  }

  @Test func everyTruncation_isReadOrRefused() throws {
    let docx = try DOCXReaderTests.makeDocx(documentXML: DOCXReaderTests.documentXML)
    for length in 0..<docx.count {
      #expect(readOrRefuse(Array(docx[..<length])), "cut to \(length) bytes")
    }
  }

  @Test func everyChangedByte_isReadOrRefused() throws {
    let docx = try DOCXReaderTests.makeDocx(documentXML: DOCXReaderTests.documentXML)
    for position in docx.indices {
      for value: UInt8 in [0x00, 0xFF, docx[position] ^ 0x80] {
        var damaged = docx
        damaged[position] = value
        #expect(readOrRefuse(damaged), "byte \(position) set to \(value)")
      }
    }
  }

  @Test func changedDeflatedByte_isACRCErrorNotAWrongText() throws {
    let docx = try DOCXReaderTests.makeDocx(documentXML: DOCXReaderTests.documentXML)
    let original = try reader.read(bytes: docx, path: "damaged.docx", format: .docx).text
    // Every byte between the document part's local header and the central directory is
    // its deflated data: a change there is refused (CRC-32 or a broken stream) or, where
    // deflate ignores it, gives the same text — never another text.
    let name = Array("word/document.xml".utf8)
    let header = try #require(
      docx.indices.first {
        docx[$0..<min(docx.count, $0 + 4)] == [0x50, 0x4B, 0x03, 0x04]
          && docx[min(docx.count, $0 + 30)..<min(docx.count, $0 + 30 + name.count)] == name[...]
      })
    let directory = try #require(
      docx.indices.first { docx[$0..<min(docx.count, $0 + 4)] == [0x50, 0x4B, 0x01, 0x02] })
    for position in (header + 30 + name.count)..<directory {
      var damaged = docx
      damaged[position] ^= 0x55
      if let text = try? reader.read(bytes: damaged, path: "damaged.docx", format: .docx).text {
        #expect(text == original, "byte \(position) changed the text")
      }
    }
  }

  @Test func directoryPointingPastTheEnd_isADamagedDocx() throws {
    var docx = try DOCXReaderTests.makeDocx(documentXML: DOCXReaderTests.documentXML)
    // The end record's directory offset (at 16 from its signature) points past the end.
    let end = try #require(
      (0...(docx.count - 22)).reversed().first { docx[$0..<$0 + 4] == [0x50, 0x4B, 0x05, 0x06] })
    docx.replaceSubrange((end + 16)..<(end + 20), with: [0xF0, 0xFF, 0xFF, 0x0F])
    #expect {
      try reader.read(bytes: docx, path: "damaged.docx", format: .docx)
    } throws: { error in
      "\(error)".hasPrefix("damaged.docx: error: a damaged .docx")
    }
  }
}
