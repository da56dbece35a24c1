import Foundation
import PolicyIndex
import Testing

@testable import PolicyKit

/// A phrase is matched a block at a time from its rarest covering bigram, and whether a
/// start lies in the heading is read from the counts of the bigram at offset 0: the
/// counts a hit shows must be those of the text, whichever bigram is the rarest.
@Suite struct PhraseMatchTests {
  /// 绿色 is far more frequent than 工厂 here, so 绿色工厂 is led by 工厂 (offset 2) and
  /// 绿色工厂建设 by 建设 or 工厂, never by the bigram at offset 0.
  static let plan = """
    永川区关于推进绿色工厂建设的通知
    永川府办发〔2024〕9号
    各镇人民政府、街道办事处：
    一、重点任务
    （一）绿色工厂建设。推进绿色工厂建设，创建绿色工厂10家，发展绿色低碳、绿色金融、绿色建筑、绿色交通、绿色能源。（牵头单位：区经济信息委）
    （二）绿色产业发展。推动绿色制造、绿色产品、绿色供应链、绿色园区，扶持绿色工厂。（牵头单位：区发展改革委）
    （三）绿色消费。倡导绿色出行、绿色生活、绿色包装。（牵头单位：区商务委）
    永川区人民政府办公室
    2024年3月1日
    """

  func search(_ query: String) throws -> [String: (count: Int, inHeading: Int)] {
    let base = try Corpus.temporaryDirectory()
    let file = base.appendingPathComponent("plan.txt").path
    try Self.plan.write(toFile: file, atomically: true, encoding: .utf8)
    let directory = base.appendingPathComponent("index")
    _ = try IndexBuilder(directory: directory).build(files: [file])
    var options = SearchOptions()
    options.limit = 50
    options.useSynonyms = false
    let results = try Searcher(index: try InvertedIndex.open(directory)).search(
      try SearchQuery(query), options: options)
    var counts: [String: (count: Int, inHeading: Int)] = [:]
    for hit in results.hits where hit.unit.kind == .measure {
      let term = try #require(hit.termCounts.first)
      counts[hit.unit.heading] = (term.count, term.inHeading)
    }
    return counts
  }

  @Test func headingCounts_whicheverBigramIsRarest() throws {
    let factories = try search("绿色工厂")
    #expect(factories["（一）绿色工厂建设"]?.count == 3)
    #expect(factories["（一）绿色工厂建设"]?.inHeading == 1)
    #expect(factories["（二）绿色产业发展"]?.count == 1)
    #expect(factories["（二）绿色产业发展"]?.inHeading == 0)
    #expect(factories["（三）绿色消费"] == nil)
    // Three covering bigrams (绿色 + 工厂 + 建设).
    let building = try search("绿色工厂建设")
    #expect(building["（一）绿色工厂建设"]?.count == 2)
    #expect(building["（一）绿色工厂建设"]?.inHeading == 1)
    #expect(building.count == 1)
  }
}
