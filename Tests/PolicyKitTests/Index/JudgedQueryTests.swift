import Foundation
import Testing

@testable import PolicyKit

/// Queries a researcher would type, with the units they expect in the top five.
@Suite struct JudgedQueryTests {
  /// (query, seed, measure or section label the hit must have, kind)
  static let judged: [(query: String, seed: String, label: String)] = [
    ("固废", "000", "3."),
    ("大宗工业固废", "000", "3."),
    ("资源节约高效利用", "001", "（四）"),
    ("绿色工厂 dept:区经济信息委", "000", "9."),
    ("绿色工厂", "000", "9."),
    ("绿色金融", "000", "18."),
    ("汽摩 新能源汽车", "000", "5."),
    ("碳达峰碳中和政策体系", "002", "（三）"),
    ("噪声", "002", "（十九）"),
    ("蓝天", "002", "（十七）"),
    ("专精特新", "000", "14."),
    ("生物医药", "003", "5."),
    ("装配式建筑", "003", "9."),
    ("智慧医院", "003", "17."),
    ("人才 dept:高新区管委会", "000", "19."),
    ("绿色金融 lead:人行重庆市分行", "001", "（七）"),
    ("川渝 协同", "001", "（八）"),
    ("節能環保產業", "004", "五、"),
    ("lead:区能源局", "000", "8."),
  ]

  @Test(arguments: judged.indices)
  func judgedQuery_expectedUnitInTopFive(_ index: Int) throws {
    let (query, seed, label) = Self.judged[index]
    let results = try SeedIndex.search(query, limit: 5)
    let document = try SeedIndex.documentID(seed)
    #expect(
      results.hits.contains { $0.document.id == document && $0.unit.heading.hasPrefix(label) },
      "\(query): top 5 were \(results.hits.map { "\($0.document.title.prefix(8)) \($0.unit.heading.prefix(12))" })"
    )
  }

  @Test func traditionalAndFullWidthQueriesFindTheSame() throws {
    let simplified = try SeedIndex.search("固废", limit: 1000, synonyms: false).hits.map(\.unit.id)
    let traditional = try SeedIndex.search("固廢", limit: 1000, synonyms: false).hits.map(\.unit.id)
    #expect(!simplified.isEmpty)
    #expect(simplified == traditional)
    let ascii = Set(try SeedIndex.search("2025", limit: 1000).hits.map(\.unit.id))
    let fullWidth = Set(try SeedIndex.search("２０２５", limit: 1000).hits.map(\.unit.id))
    #expect(ascii.count > 10)
    #expect(ascii == fullWidth)
    // The Traditional seed is found by simplified queries.
    let summary = try SeedIndex.search("节能环保产业", limit: 20).hits
    #expect(summary.contains { $0.document.id == (try? SeedIndex.documentID("004")) })
  }

  @Test func synonymsExpandAndAreReported() throws {
    let with = try SeedIndex.search("固废", limit: 1000)
    let without = try SeedIndex.search("固废", limit: 1000, synonyms: false)
    #expect(with.totalMatches > without.totalMatches)
    #expect(with.expansions.first?.synonyms.contains("固体废物") == true)
  }

  @Test func snippetsMarkTheHits() throws {
    let hit = try #require(try SeedIndex.search("固废", limit: 1, synonyms: false).hits.first)
    #expect(!hit.highlights.isEmpty)
    let scalars = Array(hit.snippet.unicodeScalars)
    for range in hit.highlights {
      #expect(String(String.UnicodeScalarView(scalars[range])) == "固废")
    }
  }
}
