import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// The targets of a short text, as `policyq extract` finds them.
func targets(of text: String) throws -> [Target] {
  PolicyParser().parse(
    try DocumentReader().read(bytes: Array(text.utf8), path: "t.txt", format: .plainText)
  ).targets
}

/// A target as a reader checks it: "year indicator direction value unit".
func described(_ target: Target) -> String {
  let value =
    target.value == target.value.rounded() ? String(Int(target.value)) : String(target.value)
  return
    "\(target.year.map(String.init) ?? "-") \(target.indicator) \(target.direction.rawValue) \(value)\(target.unit)"
}

/// Units from `dictionaries/units.tsv`: compound and scaled units kept as written, ranges,
/// values of zero, and numbers that are no values.
@Suite struct TargetUnitTests {
  @Test func scaledUnits_keepTheirScale() throws {
    let found = try targets(
      of:
        "到2025年，光伏装机容量达到1.2亿千瓦，年发电量达到300万千瓦时，数字经济规模达到2万亿元，新增造林面积达到1.5千公顷，改造老旧小区面积达到50万平米，建设用地面积达到3.44平方公里。\n"
    ).map { "\(String($0.value))\($0.unit)" }
    #expect(found == ["1.2亿千瓦", "300.0万千瓦时", "2.0万亿元", "1.5千公顷", "50.0万平米", "3.44平方公里"])
  }

  @Test func compoundUnits_withASlash() throws {
    let found = try targets(of: "到2025年，产业园区投产工业用地产出强度提升至90亿元/平方公里，细颗粒物年均浓度控制在30微克/立方米以内。\n")
    #expect(found.map(\.unit) == ["亿元/平方公里", "微克/立方米"])
    #expect(found.last?.direction == .atMost)
  }

  @Test func ranges_giveTheirFirstValue() throws {
    let found = try targets(of: "到2035年，全区排水系统达到3-5年一遇排水能力，建成绿道驿站30-40个，森林覆盖率达到18%—20%。\n")
    #expect(found.map { "\(Int($0.value))\($0.unit)" } == ["3年一遇", "30个", "18%"])
    // The value's span covers the whole range.
    let document = PolicyParser().parse(
      try DocumentReader().read(
        bytes: Array("到2035年，建成绿道驿站30-40个。\n".utf8), path: "t.txt", format: .plainText))
    #expect(document.targets.first.map { document.string($0.valueSpan) } == "30-40个")
  }

  @Test func zero_isATarget() throws {
    let found = try targets(of: "力争2029年底实现产业类存量违法用地清零。到2020年，非法转移倾倒固体废物事件零发生。\n")
    #expect(found.map(described) == ["2029 产业类存量违法用地 reach 0", "2020 非法转移倾倒固体废物事件 reach 0"])
  }

  @Test func periodsAndBracketedSizes_areNoValues() throws {
    // 6个月 and 24小时 are lengths of time; a size in brackets describes the place before
    // it; a span of years is no range.
    let found = try targets(
      of: "到2025年，补贴期限按6个月计算，推进远香湖南（4.73平方公里）建设，实施24小时动态巡查，2024-2026年完成绿道建设50公里。\n")
    #expect(found.map { "\(Int($0.value))\($0.unit)" } == ["50公里"])
  }

  @Test func unitsDictionary_isSortedWithKnownKinds() throws {
    let url = Corpus.root.appendingPathComponent("dictionaries/units.tsv")
    let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter {
      !$0.hasPrefix("#")
    }
    let units = rows.map { String($0.split(separator: "\t")[0]) }
    #expect(units == units.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    #expect(Set(units).count == units.count)
    #expect(
      rows.allSatisfy {
        TargetUnits.Kind(rawValue: String($0.split(separator: "\t").last ?? "")) != nil
      })
  }

  @Test(.enabled(if: Corpus.hasReal)) func realPlan_areasInSquareKilometresAndReturnPeriods() throws
  {
    let file = try #require(
      Corpus.realFiles("shanghai", ext: "md").first {
        $0.lastPathComponent.contains("嘉定区系统化全域推进海绵城市建设")
      })
    let document = try Parsed.file(file)
    let areas = document.targets.filter { $0.unit == "平方公里" && $0.direction == .atLeast }
    #expect(Set(areas.map { "\($0.year ?? 0) \(Int($0.value))" }) == ["2025 50", "2030 80"])
    // The sizes of the areas listed in brackets are not targets.
    #expect(!document.targets.contains { $0.value == 4.73 })
    let drainage = try #require(document.targets.first { $0.unit == "年一遇" })
    #expect(drainage.year == 2035 && drainage.value == 3)
  }
}
