import Foundation
import PolicyReaders
import PolicyTestSupport
import PolicyText
import Testing

@testable import PolicyKit

/// Encodings, and files that are not text, on files the tests generate.
@Suite struct TextDecoderTests {
  let reader = DocumentReader()
  static let sample = "重庆市永川区人民政府关于印发行动计划的通知\n到2025年，单位工业增加值能耗下降14.5%。\n"

  @Test(arguments: [TextEncoding.gb18030, .big5])
  func chineseCharset_detectedAndDecoded(_ encoding: TextEncoding) throws {
    // Big5 has no simplified forms: use the Traditional text for it.
    let text =
      encoding == .big5
      ? "重慶市永川區人民政府關於印發行動計劃的通知\n到2025年，單位工業增加值能耗下降14.5%，水耗下降20.3%。\n"
      : Self.sample
    let bytes = try #require(encoding.encode(text))
    #expect(bytes != Array(text.utf8))
    let document = try reader.read(bytes: bytes, path: "generated.txt", format: .plainText)
    #expect(document.source.encoding == encoding.description)
    #expect(document.text == text.trimmingCharacters(in: .newlines))
    // Every character maps back to the bytes that encode it.
    try expectEveryCharacterMapsBack(document, source: bytes, encoding: encoding)
  }

  @Test func utf16_withAndWithoutByteOrderMark() throws {
    let littleEndian = try #require(TextEncoding.utf16LittleEndian.encode(Self.sample))
    let withBOM = [0xFF, 0xFE] + littleEndian
    for bytes in [withBOM, littleEndian] {
      let document = try reader.read(bytes: bytes, path: "utf16.txt", format: .plainText)
      #expect(document.source.encoding == "UTF-16LE")
      #expect(document.text == Self.sample.trimmingCharacters(in: .newlines))
    }
    let bigEndian = try #require(TextEncoding.utf16BigEndian.encode(Self.sample))
    let document = try reader.read(
      bytes: [0xFE, 0xFF] + bigEndian, path: "utf16be.txt", format: .plainText)
    #expect(document.source.encoding == "UTF-16BE")
    #expect(document.text.hasPrefix("重庆市永川区人民政府"))
    // The second line starts after the BOM and the first line in the source.
    let secondLine = try #require(document.text.utf8.firstIndex(of: 0x0A))
    let offset =
      document.text.utf8.distance(from: document.text.utf8.startIndex, to: secondLine) + 1
    #expect(document.sourceSpan(ofTextRange: offset..<(offset + 3)).line == 2)
  }

  /// Line numbers are those of `grep -n`: pkulaw's CR CR LF ends one line, not two; a
  /// file of CR alone still has lines.
  @Test(arguments: ["\r\r\n", "\r\n", "\n", "\r"])
  func lineNumbers_countLinesAsGrepDoes(lineEnd: String) throws {
    let lines = ["第一条　为了规范政务数据管理，制定本办法。", "第二条　本办法适用于本市。", "第三条　市政务服务数据管理局负责统筹。"]
    let bytes = Array(lines.joined(separator: lineEnd).utf8)
    let document = try reader.read(bytes: bytes, path: "pkulaw.txt", format: .plainText)
    for (number, line) in lines.enumerated() {
      let range = try #require(document.text.range(of: line))
      let start = document.text.utf8.distance(from: document.text.startIndex, to: range.lowerBound)
      #expect(
        document.sourceSpan(ofTextRange: start..<(start + 3)).line == number + 1,
        "line end \(Array(lineEnd.utf8))")
    }
  }

  @Test func invalidUTF8InTheMiddle_replacedAndReportedWithLine() throws {
    var bytes = Array(Self.sample.utf8)
    let secondLine = Array("第二段：大宗工业固废综合利用率保持在95%以上。\n".utf8)
    bytes += secondLine
    bytes += [0xE7, 0xFF, 0x41]  // a broken sequence on line 4
    bytes += Array("第四段文字。\n".utf8)
    let document = try reader.read(bytes: bytes, path: "broken.txt", format: .plainText)
    #expect(document.source.encoding == "UTF-8")
    #expect(document.text.contains("\u{FFFD}"))
    #expect(document.text.contains("第四段文字。"))
    let diagnostic = try #require(document.diagnostics.first)
    #expect(diagnostic.file == "broken.txt")
    #expect(diagnostic.line == 4)
    #expect(diagnostic.description.hasPrefix("broken.txt:4: warning:"))
  }

  @Test func emptyFile_isAnErrorNamingTheFile() throws {
    let directory = try Corpus.temporaryDirectory()
    let path = directory.appendingPathComponent("empty.txt").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    #expect(throws: TextError.emptyFile(path: path)) { try reader.read(contentsOf: path) }
    let blank = directory.appendingPathComponent("blank.txt").path
    #expect(FileManager.default.createFile(atPath: blank, contents: Data(" \n\u{3000}\n\n".utf8)))
    #expect(throws: TextError.emptyFile(path: blank)) { try reader.read(contentsOf: blank) }
  }

  @Test func binaryFile_isNotText() throws {
    var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]
    for index in 0..<2048 { bytes.append(UInt8(truncatingIfNeeded: index &* 7919 >> 3)) }
    do {
      _ = try reader.read(bytes: bytes, path: "program.bin")
      Issue.record("binary data was read as text")
    } catch let error as TextError {
      guard case .notText(let path, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(path == "program.bin")
      #expect(error.description.hasPrefix("program.bin: error: not a text file"))
    }
  }

  @Test func missingFile_isUnreadable() {
    #expect(throws: TextError.unreadable(path: "/nonexistent/x.txt", reason: "no such file")) {
      try reader.read(contentsOf: "/nonexistent/x.txt")
    }
  }

  @Test func directoryOrForbiddenFile_isUnreadableSayingWhy() throws {
    let folder = Scratch.root.appendingPathComponent("policyq-unreadable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    #expect(throws: TextError.unreadable(path: folder.path, reason: "it is a directory")) {
      try reader.read(contentsOf: folder.path)
    }
    // Without read permission (root reads it anyway, so the check is skipped there).
    let locked = folder.appendingPathComponent("locked.txt")
    try Data("关于印发方案的通知".utf8).write(to: locked)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
    if getuid() != 0 {
      #expect(throws: TextError.unreadable(path: locked.path, reason: "permission denied")) {
        try reader.read(contentsOf: locked.path)
      }
    }
  }
}

/// Checks that each character of the text maps to source bytes that decode to it.
func expectEveryCharacterMapsBack(
  _ document: PolicyText, source: [UInt8], encoding: TextEncoding,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  var offset = 0
  for scalar in document.text.unicodeScalars {
    let length = String(scalar).utf8.count
    let range = document.sourceMap.sourceRange(for: offset..<(offset + length))
    if scalar != "\n" && scalar != " " {
      let expected = try #require(encoding.encode(String(scalar)), sourceLocation: sourceLocation)
      #expect(
        Array(source[range]) == expected, "\(scalar) at \(offset)", sourceLocation: sourceLocation)
    }
    offset += length
  }
}

/// NUL bytes judged by their share: a few in a text are read as spaces with a warning.
@Suite struct StrayZeroByteTests {
  let reader = DocumentReader()

  @Test func fewNULsInAChineseText_readAsSpacesWithAWarning() throws {
    let text = String(repeating: TextDecoderTests.sample, count: 4)
    var bytes = Array(text.utf8)
    // After the first line's end, then after 重.
    bytes.insert(0, at: try #require(bytes.firstIndex(of: 0x0A)) + 1)
    bytes.insert(0, at: 3)
    let document = try reader.read(bytes: bytes, path: "nul.txt", format: .plainText)
    #expect(document.text.hasPrefix("重庆市永川区人民政府"))
    #expect(!document.text.contains("\u{0}"))
    #expect(
      document.diagnostics.map(\.description) == [
        "nul.txt:1: warning: 2 NUL byte(s) in the text were read as spaces (first at byte 3)"
      ])
    // In GB18030 too.
    var gbk = try #require(TextEncoding.gb18030.encode(text))
    gbk.insert(0, at: 2)
    let decoded = try reader.read(bytes: gbk, path: "nul-gbk.txt", format: .plainText)
    #expect(decoded.source.encoding == "GB18030")
    #expect(decoded.text.hasPrefix("重庆市永川区人民政府"))
    #expect(decoded.diagnostics.count == 1)
  }

  /// Zeros in more than 1% of the bytes, in no UTF-16 pattern: binary.
  @Test func manyNULs_stillNotText() {
    var bytes = Array(TextDecoderTests.sample.utf8)
    for index in stride(from: 0, to: bytes.count, by: 20) { bytes[index] = 0 }
    #expect(throws: TextError.self) {
      try reader.read(bytes: bytes, path: "zeros.txt", format: .plainText)
    }
  }
}
