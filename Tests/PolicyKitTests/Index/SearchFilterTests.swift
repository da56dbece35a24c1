import Foundation
import PolicyBytes
import PolicyExtraction
import PolicyIndex
import Testing

@testable import PolicyKit

/// Every filter and operator of the query language, on the seed index.
@Suite struct SearchFilterTests {
  func ids(_ query: String, kinds: Set<SearchUnitKind> = [.measure, .section, .target]) throws
    -> [SearchHit]
  {
    try SeedIndex.search(query, limit: 10_000, kinds: kinds).hits
  }

  @Test func departmentFilters_byNameCanonicalAndRole() throws {
    let anyRole = try ids("绿色 dept:区经济信息委")
    #expect(!anyRole.isEmpty)
    #expect(
      anyRole.allSatisfy {
        $0.unit.departments.contains { $0.canonical == "经济信息委" && $0.levelPrefix == "区" }
      })
    // 市经济信息委 is the same kind of body at another level: not matched by 区….
    #expect(!anyRole.contains { $0.document.level == "municipal" })
    let lead = try ids("lead:区经济信息委")
    #expect(
      lead.allSatisfy {
        $0.unit.departments.contains { $0.role == .lead && $0.canonical == "经济信息委" }
      })
    #expect(lead.count < anyRole.count + 100)
    // An alias finds the same department.
    #expect(Set(try ids("dept:区经信委").map(\.unit.id)) == Set(try ids("dept:区经济信息委").map(\.unit.id)))
  }

  @Test func levelRegionYearKindDocFilters() throws {
    let district = try ids("绿色 level:district")
    #expect(!district.isEmpty && district.allSatisfy { $0.document.level == "district" })
    let municipal = try ids("绿色 level:municipal")
    #expect(!municipal.isEmpty && municipal.allSatisfy { $0.document.level == "municipal" })
    let banan = try ids("绿色 region:巴南区")
    #expect(!banan.isEmpty && banan.allSatisfy { $0.document.regionPath.contains("巴南区") })
    let targets2027 = try ids("绿色 year:2027", kinds: [.target])
    #expect(!targets2027.isEmpty && targets2027.allSatisfy { $0.unit.year == 2027 })
    let plans = try ids("绿色 kind:行动计划")
    #expect(!plans.isEmpty && plans.allSatisfy { $0.document.planKind == "行动计划" })
    let byNumber = try ids("绿色 doc:永川府发〔2022〕11号")
    #expect(
      !byNumber.isEmpty && byNumber.allSatisfy { $0.document.documentNumber == "永川府发〔2022〕11号" })
    let measuresOnly = try ids("绿色 unit:measure")
    #expect(!measuresOnly.isEmpty && measuresOnly.allSatisfy { $0.unit.kind == .measure })
  }

  @Test func operators_phraseOrExclusion() throws {
    let both = Set(try ids("绿色工厂 绿色园区").map(\.unit.id))
    let factory = Set(try ids("绿色工厂").map(\.unit.id))
    let park = Set(try ids("绿色园区").map(\.unit.id))
    #expect(both == factory.intersection(park))
    let either = Set(try ids("绿色工厂 OR 绿色园区").map(\.unit.id))
    #expect(either == factory.union(park))
    let without = Set(try ids("绿色工厂 -绿色园区").map(\.unit.id))
    #expect(without == factory.subtracting(park))
    let phrase = try ids("\"市级绿色工厂\"")
    #expect(
      !phrase.isEmpty
        && phrase.allSatisfy { PolicyDictionaries.fold($0.unit.text).containsBytes("市级绿色工厂") })
  }

  @Test func wholeDocuments_everyTermSomewhere() throws {
    let documents = try ids("噪声 绿色工厂", kinds: [.document])
    #expect(documents.map(\.document.id) == [try SeedIndex.documentID("002")])
  }

  @Test func badQueries_areClearErrors() throws {
    #expect(throws: IndexError.self) { try SearchQuery("level:galaxy") }
    // An unknown name before a colon is no filter: the word is text
    // (`SearchQuerySyntaxTests`).
    #expect(try SearchQuery("colour:red 绿色").filters.isEmpty)
    #expect(throws: IndexError.self) { try SearchQuery("year:abc") }
  }
}
