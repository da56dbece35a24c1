import Foundation
import PolicyExtraction
import PolicyIndex
import Testing

@testable import PolicyKit

@Suite struct WordLayerTests {
  private func counted(_ term: String, in text: String) -> (total: Int, asWords: Int) {
    WordLayer.bundled.occurrences(
      of: WordLayer.scalars(PolicyDictionaries.fold(term)),
      in: WordLayer.scalars(PolicyDictionaries.fold(text)))
  }

  /// Sentences of the seeds, and how a researcher reads the term in them.
  @Test func wordsAndNonWords() {
    // Words: a plain word, a lexicon term, a term nested in a longer lexicon term, a year.
    #expect(counted("电力", in: "加快构建清洁安全高效电力体系，推动电力系统适应高比例新能源并网运行") == (2, 2))
    #expect(counted("固废", in: "开展钛石膏、粉煤灰等大宗工业固废综合利用的技术研发") == (1, 1))
    #expect(counted("绿色工厂", in: "加快创建绿色工厂。") == (1, 1))
    #expect(counted("2025", in: "到2025年，单位地区生产总值能耗下降14.5%") == (1, 1))
    // Across words: 使用|电, a department name (区经济信息委), 产业园 (业园 inside it).
    #expect(counted("用电", in: "推广使用电、LNG等新能源乘用车和商用车") == (1, 0))
    #expect(counted("区经", in: "（责任单位：区经济信息委。）") == (1, 0))
    #expect(counted("业园", in: "布局绿色生态产业园。") == (1, 0))
    // Traditional and full-width text is folded first, like everything searched.
    #expect(counted("固废", in: "大宗工業固廢綜合利用") == (1, 1))
  }

  /// Two measures, each holding 用电 once: as a word (加强用电需求侧管理) and across words
  /// (推广使用电动…, shorter, so BM25 alone puts it first). Ranked by words, the first
  /// comes first.
  @Test func hitsThatAreWordsRankFirst() throws {
    let folder = try Corpus.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let across = "区交通运输绿色转型方案\n\n一、重点任务\n\n（一）推广新能源车辆。推广使用电动车辆和充电设施。\n"
    let word = "区需求侧管理工作方案\n\n一、重点任务\n\n（一）加强需求侧管理。加强用电需求侧管理，完善城区充电设施布局。\n"
    try across.write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try word.write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    let directory = folder.appendingPathComponent("index")
    _ = try IndexBuilder(directory: directory).build(
      files: ["a.txt", "b.txt"].map { folder.appendingPathComponent($0).path })
    let searcher = Searcher(index: try InvertedIndex.open(directory))
    var options = SearchOptions()
    options.kinds = [.measure]
    let ranked = try searcher.search(try SearchQuery("用电"), options: options).hits
    #expect(ranked.count == 2)
    #expect(ranked.first?.unit.text.contains("加强用电需求侧管理") == true)
    #expect(ranked.first?.wordCounts["用电"] == 1)
    #expect(ranked.last?.wordCounts["用电"] == 0)
    #expect(ranked.first?.explanation.contains { $0.contains("1× as a word") } == true)
    options.rankByWords = false
    let plain = try searcher.search(try SearchQuery("用电"), options: options).hits
    #expect(plain.allSatisfy { $0.wordCounts.isEmpty })
    // By BM25 alone the unit across words comes first (its text is shorter): the word
    // layer is what reverses the order.
    #expect(plain.first?.unit.text.contains("推广使用电动") == true)
    // The unit across words keeps 70% of its BM25 score; the other all of it.
    let acrossPlain = try #require(plain.first { $0.unit.text.contains("推广使用电动") })
    let acrossRanked = try #require(ranked.first { $0.unit.text.contains("推广使用电动") })
    #expect(abs(acrossRanked.score - acrossPlain.score * Searcher.wordFloor) < 1e-9)
  }
}
