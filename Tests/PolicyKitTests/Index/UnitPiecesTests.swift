import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import PolicyTestSupport
import PolicyText
import Testing

@testable import PolicyIndex

/// Units longer than the format holds (`IndexLimits.unitScalars`) are cut in pieces at
/// sentence ends; a unit at the limit is kept whole.
@Suite struct UnitPiecesTests {
  /// The document unit of a text without an outline: all of its text.
  private func documentUnit(_ text: String) throws -> (UnitDraft, PolicyDocument) {
    let document = PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "line.txt", format: .plainText))
    let unit = try #require(UnitBuilder.units(of: document).first { $0.fields.kind == .document })
    return (unit, document)
  }

  /// Scalars of a draft's folded text, its spans joined by line feeds.
  private func foldedLength(_ unit: UnitDraft, _ document: PolicyDocument) -> Int {
    var scalars: [UInt32] = []
    BigramKey.appendFoldedScalars(of: unit.spans, in: document.text, to: &scalars)
    return scalars.count
  }

  /// A unit of exactly the limit stays whole; one scalar more is cut in two, after the
  /// last sentence end, and the pieces hold all of its text in order.
  @Test func unitAtAndOverTheLimit() throws {
    let text = String(repeating: "推进绿色低碳发展。加强固废综合利用；", count: 12)
    let (unit, document) = try documentUnit(text)
    let length = foldedLength(unit, document)
    #expect(length > 200)

    let whole = UnitPieces.pieces(of: unit, in: document, limit: length)
    #expect(whole.count == 1)
    #expect(whole.first?.spans == unit.spans)

    let cut = UnitPieces.pieces(of: unit, in: document, limit: length - 1)
    #expect(cut.count == 2)
    #expect(cut.map(\.fields.id) == [unit.fields.id, unit.fields.id + "~2"])
    #expect(cut.allSatisfy { foldedLength($0, document) <= length - 1 })
    let first = document.string(try #require(cut.first?.spans.last))
    #expect(first.hasSuffix("。") || first.hasSuffix("；"))
    let joined = cut.flatMap(\.spans).map(document.string).joined()
    #expect(joined == unit.spans.map(document.string).joined(separator: "\n"))
  }

  /// Text with no sentence end is cut where a piece is full; every piece is within the limit.
  @Test func noSentenceEnd_cutWhenFull() throws {
    let (unit, document) = try documentUnit(String(repeating: "绿色工厂", count: 250))
    let pieces = UnitPieces.pieces(of: unit, in: document, limit: 64)
    #expect(pieces.count == (foldedLength(unit, document) + 63) / 64)
    #expect(pieces.allSatisfy { foldedLength($0, document) <= 64 })
    #expect(pieces.dropLast().allSatisfy { foldedLength($0, document) == 64 })
  }

  /// A file longer than the limit is indexed as pieces: every unit within the limit, and
  /// a term at its very end found.
  @Test func longFile_indexedInPieces_termAtTheEndFound() throws {
    let directory = Scratch.root.appendingPathComponent("unit-pieces-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("line.txt")
    let sentence = "推进绿色低碳发展，加强固废综合利用。"
    let repeats = IndexLimits.unitScalars * 2 / sentence.unicodeScalars.count + 1
    try (String(repeating: sentence, count: repeats) + "末尾的稀有词语").write(
      to: file, atomically: true, encoding: .utf8)
    let index = directory.appendingPathComponent("index")
    let summary = try IndexBuilder(directory: index).build(files: [file.path])
    #expect(summary.failures.isEmpty)
    let opened = try InvertedIndex.open(index)
    let entries = opened.units.entries
    #expect(entries.filter { $0.kind == .document }.count == 3)
    #expect(entries.allSatisfy { Int($0.length) <= IndexLimits.unitScalars })
    let results = try Searcher(index: opened).search(try SearchQuery("稀有词语"))
    let documentID = try opened.units.unit(0).id
    #expect(results.hits.map(\.unit.id) == [documentID + "~3"])
  }
}

/// A unit naming more departments than the format holds keeps the first ones, with a
/// warning naming the file (a parsed unit within `IndexLimits.unitScalars` characters
/// cannot name that many: `IndexHostileInputTests`).
@Suite struct DepartmentLimitTests {
  @Test(arguments: [10_000, 10_001])
  func departmentsAtAndOverTheLimit(count: Int) {
    let departments = (0..<count).map {
      UnitDepartment(name: "部门\($0)", canonical: "部门\($0)", levelPrefix: nil, role: .lead)
    }
    let (kept, warning) = IndexLimits.clamped(departments, file: "plan.txt", unit: "u#m1")
    #expect(kept.count == min(count, IndexLimits.departmentsPerUnit))
    #expect(kept.first == departments.first)
    if count > IndexLimits.departmentsPerUnit {
      #expect(
        warning
          == "plan.txt: warning: unit u#m1 names 10001 departments; the index keeps the first 10000"
      )
    } else {
      #expect(warning == nil)
    }
  }
}
