import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// Numbering written with compatibility or variant characters (1﹒ 1． 1、 1） ⑴ ⒈ ㈠ 一.)
/// is read as the GB/T 9704 level it stands for.
@Suite struct NumberingFormTests {
  func sections(_ text: String) throws -> [Section] {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "numbering.txt", format: .plainText)
    ).sections
  }

  @Test(arguments: [
    ("一、", HeadingMarker.Kind.chineseOrdinal, 1), ("二.", .chineseOrdinal, 2),
    ("三．", .chineseOrdinal, 3),
    ("㈠", .parenthesizedChineseOrdinal, 1), ("（二)", .parenthesizedChineseOrdinal, 2),
    ("1﹒", .arabicOrdinal, 1), ("２．", .arabicOrdinal, 2), ("⒊", .arabicOrdinal, 3),
    ("4、", .arabicOrdinal, 4),
    ("⑴", .parenthesizedArabicOrdinal, 1), ("2）", .parenthesizedArabicOrdinal, 2),
    ("(3)", .parenthesizedArabicOrdinal, 3),
  ])
  func variant_readAsItsLevel(marker: String, kind: HeadingMarker.Kind, number: Int) throws {
    let found = try sections("前言。\n\(marker)加强组织领导。各部门要落实责任。\n")
    let section = try #require(found.first)
    #expect(section.kind == kind)
    #expect(section.number == number)
    #expect(section.label == marker)
    #expect(section.title == "加强组织领导")
  }

  /// Numbers are not items: 2.5万亩, 一.5, 2022).
  @Test(arguments: ["2.5万亩土地。", "一.5倍。", "2022）年度。", "100）项目。"])
  func number_isNoItem(line: String) throws {
    #expect(try sections("前言。\n\(line)\n").isEmpty)
  }

  /// ⑴ ⑵ nest under 1. 2. as （1）（2） do.
  @Test func variants_nestByLevel() throws {
    let found = try sections("一、重点任务\n1﹒推进改革。\n⑴清理事项。\n⑵优化流程。\n2﹒强化保障。\n")
    #expect(found.map(\.depth) == [1, 2, 3, 3, 2])
  }

  /// An article's title in 【】, as 规定 and 办法 of Shanghai departments write it: the
  /// article is a heading and its title is read.
  @Test func articleTitle_inLenticularBrackets() throws {
    let found = try sections("第一条【目的依据】为了规范管理，制定本规定。\n第二条【适用范围】本规定适用于本市。\n")
    #expect(found.map(\.label) == ["第一条", "第二条"])
    #expect(found.map(\.kind) == [.article, .article])
    #expect(found.map(\.title) == ["目的依据", "适用范围"])
  }

  /// The same on a real 规定: every article a measure.
  @Test func articleTitles_realRegulation() throws {
    guard let real = Corpus.real else { return }
    let document = try Parsed.file(
      real.appendingPathComponent("shanghai/建筑设计与报建/上海市住房和城乡建设管理委员会关于印发《上海市建筑工程施工许可管理规定》的通知.md"))
    #expect(document.measures.count == 20)
    #expect(document.measures.allSatisfy { document.sections[$0.section].kind == .article })
    #expect(document.measures.first?.title == "目的依据")
    // The number from the page's field, without its label (文件编号).
    #expect(document.metadata.documentNumber?.text == "沪住建规范〔2023〕2号")
  }
}
