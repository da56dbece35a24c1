import Testing

@testable import PolicyCompare

/// `TextReuse`: shared passages found whatever the punctuation, through small changes,
/// in the direction of the earlier or higher document; boilerplate held by many left out.
@Suite struct TextReuseTests {
  /// A passage of a municipal plan that a district plan copies with one word changed.
  static let passage =
    "推动工业固体废物综合利用，支持企业建设大宗工业固废综合利用项目，提高资源循环利用水平，"
    + "建立健全再生资源回收体系，推进园区循环化改造"
  static let changed = passage.replacingOccurrences(of: "支持企业", with: "鼓励企业")

  static func text(
    _ id: String, year: Int?, level: Int?, _ parts: [String]
  ) -> ReuseText {
    var text = ReuseText(id: id, title: id, year: year, levelRank: level)
    for (number, part) in parts.enumerated() {
      text.append(part: "\(id)#m\(number + 1)", line: number + 1, text: part, folded: part)
    }
    return text
  }

  static let city = text(
    "city", year: 2021, level: 2, ["一、总体要求。坚持绿色发展理念。", passage, "三、保障措施。加强组织领导。"])
  static let district = text(
    "district", year: 2022, level: 3,
    [
      "区经济信息委牵头，各街镇配合。", "（二）" + changed.replacingOccurrences(of: "，", with: "；"),
      "四、其他事项",
    ])
  static let unrelated = text(
    "other", year: 2020, level: 1, ["第一条 为了规范城市景观照明的建设和管理，制定本办法。"])

  @Test func rewordedCopy_isOnePassageFromTheEarlierDocument() throws {
    let edges = TextReuse.edges(in: [Self.district, Self.unrelated, Self.city])
    #expect(edges.count == 1)
    let edge = try #require(edges.first)
    #expect(edge.source == 2 && edge.target == 0 && edge.direction == .earlier)
    let passage = try #require(edge.passages.first)
    #expect(edge.passages.count == 1)
    // Both halves around the changed word, chained into one passage.
    let letters = Self.passage.unicodeScalars.filter(ReuseText.isLetter).count
    #expect(passage.matched >= letters - 4 && passage.source.count == letters)
    #expect(Self.city.text(passage.source).hasPrefix("推动工业固体废物"))
    #expect(Self.district.anchor(at: passage.target.lowerBound)?.part == "district#m2")
  }

  @Test func sameYear_higherLevelIsTheSource_andOrderDoesNotMatter() throws {
    var city = Self.city
    city.year = 2022
    for texts in [[city, Self.district], [Self.district, city]] {
      let edge = try #require(TextReuse.edges(in: texts).first)
      #expect(texts[edge.source].id == "city" && edge.direction == .upper)
    }
  }

  @Test func boilerplateOfManyDocuments_startsNoCandidate() {
    let formula = "各区人民政府，市政府各委、办、局：现将《实施方案》印发给你们，请认真按照执行。"
    let texts = (0..<4).map { Self.text("d\($0)", year: nil, level: nil, [formula, "第\($0)号"]) }
    var options = TextReuse.Options()
    #expect(TextReuse.edges(in: texts, options: options).count == 6)
    options.maximumDocuments = 3
    #expect(TextReuse.edges(in: texts, options: options).isEmpty)
  }

  /// Winnowing promises that a run shared over `shingle + window - 1` letters shares a
  /// fingerprint: random texts with one such run planted are always paired.
  @Test func sharedRunOfTheGuaranteedLength_isAlwaysFound() {
    var generator = SplitMix(seed: 7)
    let alphabet = Array("政府部门推进绿色发展资源利用产业园区企业建设管理制度体系能力水平")
    func random(_ count: Int) -> String {
      String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
    var options = TextReuse.Options()
    options.minimumLength = options.shingle + options.window - 1
    for _ in 0..<200 {
      let shared = random(options.minimumLength)
      let first = Self.text("a", year: nil, level: nil, [random(40) + shared + random(30)])
      let second = Self.text("b", year: nil, level: nil, [random(25) + shared + random(50)])
      let edge = TextReuse.edges(in: [first, second], options: options).first
      #expect(edge != nil && edge!.matched >= shared.count)
      if edge == nil { break }
    }
  }

  /// Random letters from the vocabulary of plans (a deterministic generator).
  static func randomText(_ count: Int, _ generator: inout SplitMix) -> String {
    let alphabet = Array("政府部门推进绿色发展资源利用产业园区企业建设管理制度体系能力水平")
    return String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
  }

  /// A copied passage with a word changed stays one passage though a phrase inside it
  /// also stands elsewhere in the copy (that phrase pairs twice; the copy is one).
  @Test func phraseRepeatedElsewhere_doesNotSplitThePassage() throws {
    var generator = SplitMix(seed: 11)
    let (x1, phrase, x2, y) = (
      Self.randomText(60, &generator), Self.randomText(25, &generator),
      Self.randomText(60, &generator), Self.randomText(80, &generator)
    )
    let (before, z, w) = (
      Self.randomText(13, &generator), Self.randomText(40, &generator),
      Self.randomText(40, &generator)
    )
    let first = Self.text("a", year: 2020, level: nil, [before + x1 + phrase + x2 + y])
    let second = Self.text(
      "b", year: 2021, level: nil, [x1 + phrase + x2 + "改" + y + z + phrase + w])
    let edge = try #require(TextReuse.edges(in: [first, second]).first)
    let longest = try #require(edge.passages.max { $0.matched < $1.matched })
    #expect(longest.source == 13..<(13 + 225) && longest.matched == 225)
    #expect(edge.matched <= first.letters.count)
  }

  /// A phrase repeated hundreds of times in two documents (the rows of a task table)
  /// neither pairs every copy with every other nor counts shared letters twice.
  @Test func phraseRepeatedHundredsOfTimes_staysLinearAndCountsOnce() throws {
    let phrase = "牵头单位区经济信息委配合单位区发展改革委区财政局"
    let rows = { (offset: Int) in
      (0..<400).map { "第\($0 + offset)项：" + phrase }.joined(separator: "\n")
    }
    let texts = [
      Self.text("a", year: 2020, level: nil, [rows(0)]),
      Self.text("b", year: 2021, level: nil, [rows(1000)]),
    ]
    let clock = ContinuousClock()
    let started = clock.now
    let edges = TextReuse.edges(in: texts)
    #expect(clock.now - started < .seconds(5))
    let matched = edges.reduce(0) { $0 + $1.matched }
    #expect(matched <= texts[1].letters.count)
    let summaries = TextReuseSummary.of(edges, texts: texts)
    #expect(summaries.allSatisfy { $0.matchedIn <= $0.letters && $0.coveredShare <= 1 })
  }

  @Test func summary_countsEachCoveredLetterOnce() throws {
    let edges = TextReuse.edges(in: [Self.city, Self.district])
    let summaries = TextReuseSummary.of(edges, texts: [Self.city, Self.district])
    #expect(summaries[0].targets == 1 && summaries[1].sources == 1)
    #expect(summaries[1].coveredLetters == edges[0].passages[0].target.count)
    #expect(summaries[1].coveredShare > 0.5 && summaries[1].coveredShare < 1)
  }
}
