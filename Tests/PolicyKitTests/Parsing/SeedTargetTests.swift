import Foundation
import PolicyExtraction
import PolicyReaders
import Testing

@testable import PolicyKit

@Suite struct SeedTargetTests {
  @Test func seed000_mainTargets() throws {
    let document = try Parsed.seed("000")
    let main = document.targets.filter { $0.measure == nil }
    #expect(main.count == 7)
    #expect(main.allSatisfy { $0.year == 2025 })
    let units = try #require(document.target("green_manufacturing_demonstration_units", 23))
    #expect(units.unit == "家")
    #expect(document.target("green_factories", 18)?.scope == "市级")
    #expect(document.target("green_parks", 2)?.unit == "个")
    #expect(document.target("water_saving_enterprises", 3) != nil)
    let national = try #require(main.first { $0.indicator.contains("国家级") || $0.scope == "国家级" })
    #expect(national.direction == .atLeast && national.value == 2 && national.isCumulative)
    let energy = try #require(document.target("industrial_energy_intensity", 14.5))
    #expect(energy.direction == .decrease)
    #expect(energy.unit == "%")
    #expect(energy.baselineYear == 2020)
    #expect(energy.baseline == "较“十三五”末")
    let water = try #require(document.target("industrial_water_intensity", 20.3))
    #expect(water.direction == .decrease && water.baselineYear == 2020)
    // Every value points at its own characters in the source.
    #expect(document.string(energy.valueSpan) == "14.5%")
    #expect(document.sourceSpan(of: energy.valueSpan).line == 30)
  }

  @Test func seed000_targetsInsideMeasures() throws {
    let document = try Parsed.seed("000")
    let audits = try #require(document.target("clean_production_audits", 40))
    #expect(
      audits.isCumulative
        && audits.measure == document.measures.firstIndex { $0.label.hasPrefix("2.") })
    let waste = try #require(document.target("bulk_industrial_solid_waste_utilisation", 95))
    #expect(waste.direction == .atLeast)
    #expect(waste.verb == "保持在")
  }

  @Test func seed004_municipalTargetsFromTraditionalText() throws {
    let document = try Parsed.seed("004")
    let energy = try #require(document.target("industrial_energy_intensity", 16))
    #expect(energy.direction == .decrease && energy.baselineYear == 2020 && energy.year == 2025)
    #expect(document.string(energy.valueSpan) == "16%")
    #expect(document.target("industrial_water_intensity", 20)?.direction == .decrease)
    #expect(document.target("bulk_industrial_solid_waste_utilisation", 70)?.direction == .atLeast)
    #expect(document.target("green_parks", 30) != nil)
    #expect(document.target("green_factories", 300) != nil)
    #expect(document.target("water_saving_enterprises", 100) != nil)
    #expect(document.target("green_products", 100)?.unit == "种")
  }

  @Test func seed001_valuesBeforeTheirNouns() throws {
    let document = try Parsed.seed("001")
    let energy = try #require(document.target("industrial_energy_intensity", 13))
    #expect(energy.baselineYear == 2022 && energy.year == 2027)
    #expect(document.target("green_factories", 200)?.isCumulative == true)
    #expect(document.target("green_supply_chain_enterprises", 5) != nil)
    #expect(document.target("green_parks", 20) != nil)
  }

  @Test func targets_chineseNumeralsAndPercentWords() throws {
    let text = "到2025年，区级医疗机构成功创建智慧医院两家、互联网医院四家，农作物秸秆综合利用率达到百分之七十。\n"
    let document = PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "t.txt", format: .plainText))
    let values = document.targets.map { "\($0.indicator)=\(Int($0.value))\($0.unit)" }
    #expect(values == ["智慧医院=2家", "互联网医院=4家", "农作物秸秆综合利用率=70%"])
  }

  @Test func targets_noYearNoTarget() throws {
    let text = "加大对300家重点用能企业节能目标监督管理和技术支持。\n"
    let document = PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "t.txt", format: .plainText))
    #expect(document.targets.isEmpty)
  }
}
