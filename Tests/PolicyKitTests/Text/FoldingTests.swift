import PolicyReaders
import Testing

@testable import PolicyKit

@Suite struct FoldingTests {
  let reader = DocumentReader()

  @Test func folded_widthCaseAndTraditional() throws {
    let text = "到２０２５年（ＡＢＣ）重慶市發展改革委、固廢\n"
    let document = try reader.read(bytes: Array(text.utf8), path: "fold.txt", format: .plainText)
    #expect(document.folded == "到2025年(abc)重庆市发展改革委、固废")
    // Each folded character maps back to the character it came from.
    let folded = Array(document.folded.utf8)
    let position = try #require(document.folded.range(of: "重庆"))
    let start = document.folded.utf8.distance(
      from: document.folded.startIndex, to: position.lowerBound)
    let textRange = document.textRange(ofFoldedRange: start..<(start + 6))
    let textBytes = Array(document.text.utf8)
    #expect(String(decoding: textBytes[textRange], as: UTF8.self) == "重慶")
    let digits = document.textRange(ofFoldedRange: 3..<7)
    #expect(String(decoding: textBytes[digits], as: UTF8.self) == "２０２５")
    #expect(folded.count < textBytes.count)
  }

  @Test func folded_seed004MatchesSimplifiedTerms() throws {
    let document = try reader.read(contentsOf: Corpus.seed("004"))
    #expect(document.folded.contains("大宗工业固废综合利用率保持在70%以上"))
    #expect(document.folded.contains("单位增加值能耗、水耗较“十三五”末分别下降16%、20%"))
  }

  @Test func folded_simplifiedTextUnchanged_seed000() throws {
    let document = try reader.read(contentsOf: Corpus.seed("000"))
    // Simplified text only loses its full-width punctuation to ASCII (and 著, which is
    // Traditional for 着 as well as Simplified, becomes 着 — on both sides of a match).
    let expected = document.text.replacingOccurrences(of: "著", with: "着").replacingOccurrences(
      of: "（", with: "("
    )
    .replacingOccurrences(of: "）", with: ")").replacingOccurrences(of: "，", with: ",")
    .replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "；", with: ";")
    .replacingOccurrences(of: "5G", with: "5g").replacingOccurrences(of: "APP", with: "app")
    #expect(document.folded == expected)
  }

  @Test func folding_isIdempotent() throws {
    for seed in Corpus.seeds {
      let document = try reader.read(contentsOf: seed)
      let again = try reader.read(
        bytes: Array(document.folded.utf8), path: "folded.txt", format: .plainText)
      #expect(again.folded == document.folded, "\(seed)")
    }
  }
}
