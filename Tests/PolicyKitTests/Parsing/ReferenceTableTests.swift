import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

@Suite struct ReferenceTableTests {
  /// The keys the parser reads from the head of a document are those of its whole parse.
  @Test func referenceTarget_sameAsTheParsedDocuments() throws {
    let parser = PolicyParser()
    for path in Corpus.seeds {
      let text = try DocumentReader().read(contentsOf: path)
      #expect(parser.referenceTarget(of: text) == ReferenceTarget(parser.parse(text)), "\(path)")
    }
  }

  /// A table of keys resolves each document alone as the batch resolver resolves them all,
  /// whatever the order of the documents (a cited document after the citing one).
  @Test func oneDocumentAtATime_sameAsTheBatch() throws {
    let parser = PolicyParser()
    let texts = try Corpus.seeds.map { try DocumentReader().read(contentsOf: $0) }
    for order in [Array(texts.indices), Array(texts.indices.reversed())] {
      var batch = order.map { parser.parse(texts[$0]) }
      ReferenceResolver().resolve(&batch)
      let table = ReferenceTable(order.map { parser.referenceTarget(of: texts[$0]) })
      var resolved = 0
      for (position, index) in order.enumerated() {
        var document = parser.parse(texts[index])
        table.resolve(&document)
        #expect(document.references == batch[position].references)
        resolved += document.references.filter { $0.resolvedDocument != nil }.count
      }
      #expect(resolved > 0)
    }
  }

  /// Resolves `cited` (titles) from a document of its own against a batch titled `titles`:
  /// the title each resolves to, or nil.
  static func resolved(_ cited: [String], among titles: [String], copies: Int = 1) throws
    -> [String?]
  {
    let targets = (0..<copies).flatMap { copy in
      titles.enumerated().map { index, title in
        ReferenceTarget(id: "\(copy)-\(index)", metadata: DocumentMetadata(title: title))
      }
    }
    var citing = PolicyParser().parse(
      try DocumentReader().read(
        bytes: Array("某某条例\n第一条 为了管理。\n".utf8), path: "citing.txt", format: .plainText))
    citing.references = cited.enumerated().map { number, title in
      DocumentReference(id: "r\(number)", title: title, span: TextSpan(0, 1))
    }
    ReferenceTable(targets).resolve(&citing)
    return citing.references.map { reference in
      reference.resolvedDocument.map { id in
        titles[Int(id.split(separator: "-")[1])!] + (id.hasPrefix("0-") ? "" : " (copy \(id))")
      }
    }
  }

  static let batch = [
    "物业管理条例", "中华人民共和国治安管理处罚法", "国务院办公厅关于推进农村公路建设的指导意见",
    "上海市遗体捐献条例", "山东省无线电管理条例", "流动人口计划生育工作条例",
    "最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定（二）",
    "以实现碳达峰碳中和目标为引领加快推进制造业基地绿色低碳发展行动计划",
  ]

  /// A near title is one a reader takes for the same document: a word more or less, the
  /// issuer left out before 关于, 中华人民共和国 left out of a law; not one that shares only
  /// the common words, another place's or a national one's, nor one of another kind (a
  /// 办法 is no 法).
  @Test func nearTitles_sameDocumentOnly() throws {
    let found = try Self.resolved(
      [
        "治安管理处罚法", "关于推进农村公路建设的指导意见",
        "以实现碳达峰碳中和目标为引领推进制造业基地绿色低碳发展行动计划",
        "盐业管理条例", "重庆市遗体捐献条例", "无线电管理条例", "流动人口计划生育工作管理办法",
        "关于执行〈中华人民共和国刑法〉确定罪名的规定", "海域使用管理办法",
      ], among: Self.batch + ["中华人民共和国海域使用管理法"])
    #expect(
      found == [
        "中华人民共和国治安管理处罚法", "国务院办公厅关于推进农村公路建设的指导意见",
        "以实现碳达峰碳中和目标为引领加快推进制造业基地绿色低碳发展行动计划",
        nil, nil, nil, nil, nil, nil,
      ])
  }

  /// Copies of a batch resolve as the batch does, to the first copy: how many titles share
  /// a word changes what is read, not what is found.
  @Test func nearTitles_copiesResolveAsOne() throws {
    let cited = [
      "治安管理处罚法", "关于推进农村公路建设的指导意见", "盐业管理条例", "无线电管理条例",
    ]
    let once = try Self.resolved(cited, among: Self.batch)
    #expect(try Self.resolved(cited, among: Self.batch, copies: 16) == once)
    #expect(once.compactMap { $0 }.count == 2)
  }

  /// The plan a title carries is a transmittal notice's: 北京市实施《…》办法 and 关于适用《…》
  /// 的解释 implement or apply the law they name, so it stays one of their references.
  @Test func planTitle_onlyOfNotices() throws {
    let parser = PolicyParser()
    func planTitle(_ title: String) throws -> String? {
      parser.parse(
        try DocumentReader().read(
          bytes: Array("\(title)\n第一条 为了实施。\n".utf8), path: "t.txt", format: .plainText)
      ).metadata.planTitle
    }
    #expect(try planTitle("关于印发《工资支付暂行规定》的通知") == "工资支付暂行规定")
    #expect(try planTitle("北京市实施《中华人民共和国消费者权益保护法》办法") == nil)
    #expect(try planTitle("最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（一）") == nil)
  }

  /// The search for a near title is exact: on random titles made of a few words (so that
  /// many are near one another), it finds the title a scan of every title finds — the
  /// best by the Dice similarity of bigrams weighted ln((n + 1) / (df + 0.5)), at 0.8 or
  /// more, the first in batch order among equals.
  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func nearTitles_sameAsAScanOfEveryTitle(seed: UInt64) throws {
    // No word with 市: "供水城市…" would read as a place, which the place guard keeps apart.
    let words = ["公园", "道路", "绿化", "管理", "保护", "河道", "排水", "环境", "卫生", "供水", "节约", "用水"]
    var seeded = seed
    func next(_ bound: Int) -> Int {
      seeded = seeded &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seeded >> 33) % UInt64(bound))
    }
    let titles = (0..<300).map { _ in
      (0..<(2 + next(4))).map { _ in words[next(words.count)] }.joined() + "条例"
    }
    func bigrams(_ text: String) -> [String] {
      let scalars = Array(text.unicodeScalars)
      return (0..<(scalars.count - 1)).map { String(scalars[$0]) + String(scalars[$0 + 1]) }
    }
    var documentFrequency: [String: Int] = [:]
    for title in titles {
      for bigram in Set(bigrams(title)) { documentFrequency[bigram, default: 0] += 1 }
    }
    func weight(_ bigram: String) -> Double {
      log(Double(titles.count + 1) / (Double(documentFrequency[bigram] ?? 0) + 0.5))
    }
    func similarity(_ a: String, _ b: String) -> Double {
      var left: [String: Int] = [:]
      for bigram in bigrams(a) { left[bigram, default: 0] += 1 }
      var shared = 0.0
      for bigram in bigrams(b) where (left[bigram] ?? 0) > 0 {
        left[bigram]! -= 1
        shared += weight(bigram)
      }
      return 2 * shared
        / (bigrams(a).reduce(0) { $0 + weight($1) } + bigrams(b).reduce(0) { $0 + weight($1) })
    }
    let cited = (0..<60).map { _ in
      (0..<(2 + next(4))).map { _ in words[next(words.count)] }.joined() + "条例"
    }
    var expected: [String?] = []
    for key in cited {
      var best: (index: Int, score: Double)? = nil
      for (index, title) in titles.enumerated() where title != key {
        let score = similarity(key, title)
        if score >= 0.8, score > (best?.score ?? 0) { best = (index, score) }
      }
      // A title the batch holds as written resolves to it (an exact match).
      if let exact = titles.firstIndex(of: key) { best = (exact, 1) }
      expected.append(best.map { titles[$0.index] })
    }
    let found = try Self.resolved(cited, among: titles).map {
      $0?.replacingOccurrences(of: " (copy", with: "|").split(separator: "|").first.map(String.init)
    }
    #expect(found == expected)
    #expect(expected.compactMap { $0 }.count >= 5)
  }
}
