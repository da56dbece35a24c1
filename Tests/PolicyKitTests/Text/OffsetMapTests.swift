import Foundation
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

@Suite struct OffsetMapTests {
  @Test func builder_mergesVerbatimRunsAndKeepsUnits() {
    var builder = OffsetMap.Builder()
    builder.appendVerbatim(length: 3, sourceStart: 10)
    builder.appendVerbatim(length: 3, sourceStart: 13)
    builder.append(units: 2, targetUnit: 3, sourceStart: 16, sourceUnit: 2)
    builder.append(targetLength: 1, sourceStart: 20, sourceLength: 0)
    let map = builder.map
    #expect(map.pieces.count == 3)
    #expect(map.targetLength == 13)
    #expect(map.sourceRange(at: 4) == 14..<15)
    #expect(map.sourceRange(at: 7) == 16..<18)
    #expect(map.sourceRange(at: 10) == 18..<20)
    #expect(map.sourceRange(for: 0..<12) == 10..<20)
    #expect(map.sourceRange(at: 12) == 20..<20)
  }

  /// The folded text of any span is the slice of the folded document that
  /// `targetOffset(ofSource:)` gives (the indexer folds units this way).
  @Test func targetOffset_slicesTheFoldedTextOfAnySpan() {
    let text = Array("重慶市ＡＢ固廢２０２５年，单位GDP能耗下降14.5%。\u{00AD}綠色工廠".utf8)
    let folding = text.withUnsafeBufferPointer { TextFolder.fold($0) }
    // Character boundaries: every byte that does not continue a multi-byte sequence.
    let boundaries = text.indices.filter { text[$0] & 0xC0 != 0x80 } + [text.count]
    for start in boundaries {
      for end in boundaries where end >= start {
        let expected = Array(text[start..<end]).withUnsafeBufferPointer { TextFolder.fold($0).utf8 }
        let slice = Array(
          folding.utf8[
            folding.map.targetOffset(ofSource: start)..<folding.map.targetOffset(ofSource: end)])
        #expect(slice == expected, "span \(start)..<\(end)")
      }
    }
  }

  @Test func composed_followsBothStages() {
    // text → decoded: bytes 0..<6 copied from decoded 3..<9.
    let outer = OffsetMap.identity(length: 6, sourceStart: 3)
    // decoded → file: GB18030, 3 UTF-8 bytes per 2 file bytes.
    var inner = OffsetMap.Builder()
    inner.append(units: 4, targetUnit: 3, sourceStart: 100, sourceUnit: 2)
    let composed = outer.composed(with: inner.map)
    #expect(composed.sourceRange(at: 0) == 102..<104)
    #expect(composed.sourceRange(for: 0..<6) == 102..<106)
  }

  @Test func seeds_everyCharacterMapsToItsBytes() throws {
    for seed in Corpus.seeds {
      let bytes = Array(try #require(fileContents(seed)))
      let document = try DocumentReader().read(contentsOf: seed)
      try expectEveryCharacterMapsBack(document, source: bytes, encoding: .utf8)
    }
  }

  @Test func seeds_paragraphLinesPointAtSourceLines() throws {
    let document = try DocumentReader().read(contentsOf: Corpus.seed("000"))
    let text = document.text
    let target = try #require(text.range(of: "9.创建绿色工厂。"))
    let offset = text.utf8.distance(from: text.startIndex, to: target.lowerBound)
    let location = document.sourceSpan(ofTextRange: offset..<(offset + 3))
    #expect(location.line == 66)
    #expect(location.column == 1)
    let clause = try #require(text.range(of: "关部门按职责分工负责)"))
    let clauseOffset = text.utf8.distance(from: text.startIndex, to: clause.lowerBound)
    #expect(document.sourceLine(ofTextOffset: clauseOffset) == 44)
  }
}

func fileContents(_ path: String) -> [UInt8]? {
  guard let handle = fopen(path, "rb") else { return nil }
  defer { fclose(handle) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = fread(&buffer, 1, buffer.count, handle)
    if count <= 0 { break }
    bytes.append(contentsOf: buffer[0..<count])
  }
  return bytes
}
