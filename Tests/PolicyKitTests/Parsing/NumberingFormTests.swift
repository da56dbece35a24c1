import Foundation
import Testing

@testable import PolicyKit

/// Numbering written with compatibility or variant characters (1﹒ 1． 1、 1） ⑴ ⒈ ㈠ 一.)
/// is read as the GB/T 9704 level it stands for.
@Suite struct NumberingFormTests {
  func sections(_ text: String) throws -> [Section] {
    PolicyParser().parse(try DocumentReader().read(bytes: Array(text.utf8), path: "numbering.txt", format: .plainText)).sections
  }

  @Test(arguments: [
    ("一、", HeadingMarker.Kind.chineseOrdinal, 1), ("二.", .chineseOrdinal, 2), ("三．", .chineseOrdinal, 3),
    ("㈠", .parenthesizedChineseOrdinal, 1), ("（二)", .parenthesizedChineseOrdinal, 2),
    ("1﹒", .arabicOrdinal, 1), ("２．", .arabicOrdinal, 2), ("⒊", .arabicOrdinal, 3), ("4、", .arabicOrdinal, 4),
    ("⑴", .parenthesizedArabicOrdinal, 1), ("2）", .parenthesizedArabicOrdinal, 2), ("(3)", .parenthesizedArabicOrdinal, 3),
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
}
