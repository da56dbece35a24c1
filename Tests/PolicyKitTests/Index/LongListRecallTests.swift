import Foundation
import PolicyExtraction
import PolicyTestSupport
import Testing

@testable import PolicyIndex
@testable import PolicyKit

/// Nothing missed when a term's lists are long: twelve plans of 900 measures, most holding 人民
/// and 政府 in varied ways, so that a phrase is matched block by block on two threads, its
/// BM25 weight estimated from a sample of its lead list, and a frequent term of an AND
/// query is looked for only in the units of a rare one. Every answer equals a naive scan.
@Suite struct LongListRecallTests {
  static let plans = 12
  static let measuresPerPlan = 900

  /// Measure bodies mixing the phrase, its bigrams apart, overlapping forms and others.
  static let pieces = [
    "人民政府", "人民群众", "政府采购", "人民政府人民政府", "区人民政", "府办公室", "民政府",
    "人民代表大会", "2025年", "采购", "监管", "人民", "政府",
  ]

  static let index: Result<InvertedIndex, Error> = Result {
    let directory = Scratch.root.appendingPathComponent("policyq-long-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var generator = SplitMix(seed: 20_261_206)
    var files: [String] = []
    for plan in 1...plans {
      var text = "关于推进基层治理的实施方案（\(plan)）\n\n一、重点任务\n\n"
      for number in 1...measuresPerPlan {
        var body = ""
        for _ in 0..<(2 + Int(generator.next() % 5)) {
          body += pieces[Int(generator.next() % UInt64(pieces.count))]
          body += generator.next() % 3 == 0 ? "，" : "工作"
        }
        text += "\(number).事项\(number)。\(body)。\n"
      }
      let file = directory.appendingPathComponent("plan-\(plan).txt")
      try text.write(to: file, atomically: true, encoding: .utf8)
      files.append(file.path)
    }
    let indexDirectory = directory.appendingPathComponent("index")
    _ = try IndexBuilder(directory: indexDirectory).build(files: files)
    return try InvertedIndex.open(indexDirectory)
  }

  func answer(_ query: String) throws -> SearchResults {
    var options = SearchOptions()
    options.limit = 100_000
    options.useSynonyms = false
    options.kinds = Set(SearchUnitKind.allCases)
    return try Searcher(index: try Self.index.get()).search(
      try SearchQuery(query), options: options)
  }

  func naive(_ terms: [String]) throws -> [String: [Int]] {
    let index = try Self.index.get()
    var found: [String: [Int]] = [:]
    for number in 0..<index.unitCount {
      let unit = try index.unit(number)
      let folded = PolicyDictionaries.fold(unit.text)
      let counts = terms.map { term in
        let scalars = Array(folded.unicodeScalars)
        let wanted = Array(term.unicodeScalars)
        return scalars.indices.filter {
          $0 + wanted.count <= scalars.count && Array(scalars[$0..<($0 + wanted.count)]) == wanted
        }.count
      }
      if counts.allSatisfy({ $0 > 0 }) { found[unit.id] = counts }
    }
    return found
  }

  @Test func frequentPhrase_matchedOnTwoThreads_equalsNaiveScan() throws {
    let index = try Self.index.get()
    // The lead list is long enough for the two halves and for the sampled weight.
    let (first, second): (Unicode.Scalar, Unicode.Scalar) = ("人", "民")
    let key = PolicyIndex.BigramKey.make(first.value, second.value)
    let lead = try #require(try index.postings.postings(of: key))
    #expect(lead.blocks.count >= TermMatcher.blocksForTwoThreads)
    #expect(lead.blocks.count > TermMatcher.blocksSampled)
    let results = try answer("人民政府")
    let expected = try naive(["人民政府"])
    #expect(expected.count > 4_000)
    #expect(results.totalMatches == expected.count)
    #expect(Set(results.hits.map(\.unit.id)) == Set(expected.keys))
    for hit in results.hits {
      #expect(hit.termCounts.first?.count == expected[hit.unit.id]?.first, "\(hit.unit.id)")
    }
  }

  @Test func andQuery_frequentTermLookedUpInRareOnesUnits_equalsNaiveScan() throws {
    for query in [
      ["人民政府", "2025"], ["人民政府", "采购", "2025"], ["政府", "民政府", "人民"], ["2025", "民"],
      ["监管", "府"],
    ] {
      let results = try answer(query.joined(separator: " "))
      let expected = try naive(query)
      #expect(results.totalMatches == expected.count, "\(query)")
      #expect(Set(results.hits.map(\.unit.id)) == Set(expected.keys), "\(query)")
      for hit in results.hits {
        #expect(hit.termCounts.map(\.count) == expected[hit.unit.id], "\(query) \(hit.unit.id)")
      }
    }
  }

  /// A group no unit holds ends the query before any list is decoded, whatever the other
  /// groups (one-character terms, frequent phrases): no match, and the counts shown empty.
  @Test func groupNoUnitHolds_noMatch() throws {
    for query in ["喵喵喵 人民政府", "人 民 喵喵喵", "采购 -政府 喵喵"] {
      let results = try answer(query)
      #expect(results.totalMatches == 0, "\(query)")
      #expect(results.hits.isEmpty, "\(query)")
    }
  }

  /// A query of one term is ranked as its list is walked (two halves, each keeping its best,
  /// merged): its best few are the first of the full ranking, with the same scores, and the
  /// same as the general path gives (the term typed twice is matched once and scores twice).
  @Test func oneTermRankedAsWalked_equalsFullRankingAndGeneralPath() throws {
    let searcher = Searcher(index: try Self.index.get())
    func ranked(_ query: String, limit: Int) throws -> SearchResults {
      var options = SearchOptions()
      options.limit = limit
      options.useSynonyms = false
      options.rankByWords = false
      return try searcher.search(try SearchQuery(query), options: options)
    }
    for term in ["人民政府", "政府", "人民代表大会", "2025"] {
      let best = try ranked(term, limit: 25)
      let full = try ranked(term, limit: 100_000)
      let twice = try ranked("\(term) \(term)", limit: 25)
      #expect(best.hits.count == 25, "\(term)")
      #expect(best.totalMatches == full.totalMatches, "\(term)")
      #expect(best.hits.map(\.unit.id) == full.hits.prefix(25).map(\.unit.id), "\(term)")
      #expect(best.hits.map(\.score) == full.hits.prefix(25).map(\.score), "\(term)")
      #expect(twice.totalMatches == best.totalMatches, "\(term)")
      #expect(twice.hits.map(\.unit.id) == best.hits.map(\.unit.id), "\(term)")
      #expect(twice.hits.map(\.score) == best.hits.map { 2 * $0.score }, "\(term)")
      #expect(
        twice.hits.map { $0.termCounts.first?.count }
          == best.hits.map { $0.termCounts.first?.count },
        "\(term)")
    }
  }

  /// A damaged row of the shape table, read by both threads of a walk that ranks as it
  /// goes, makes the query fail naming `units.bin`: never an answer from zeros.
  @Test func damagedShapeRow_duringTheWalkOnTwoThreads_isAnError() throws {
    let index = try Self.index.get()
    let copy = Scratch.root.appendingPathComponent("policyq-long-damaged-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: index.directory, to: copy)
    let units = try #require(try IndexDirectory(url: copy).liveGeneration())
      .appendingPathComponent(IndexDirectory.units)
    var bytes = Array(try Data(contentsOf: units))
    let footer = try bytes.withUnsafeBufferPointer {
      try UnitsFile.frame.footerValues(of: $0, file: units.path)
    }
    // The shape table's row of a unit in the middle of the index: one bit of its length.
    let row = Int(footer[4]) + 4 * (index.unitCount / 2)
    bytes[row] ^= 0x04
    try Data(bytes).write(to: units)
    let damaged = try InvertedIndex.open(copy)
    for term in ["人民政府", "政府"] {
      #expect(try TermMatcher(postings: damaged.postings, units: damaged.units).ranksAsWalked(term))
      #expect(throws: IndexError.self, "\(term)") {
        try Searcher(index: damaged).search(try SearchQuery(term))
      }
      do {
        _ = try Searcher(index: damaged).search(try SearchQuery(term))
      } catch IndexError.corrupt(let file, _) {
        #expect(file == units.path, "\(term)")
      }
    }
  }

  @Test func sampledWeight_isCloseToTheExactCount() throws {
    let index = try Self.index.get()
    let matcher = TermMatcher(postings: index.postings, units: index.units)
    let exact = try matcher.matches(of: "人民政府").count
    let estimated = try matcher.documentFrequency(of: "人民政府")
    #expect(abs(Double(estimated - exact)) < 0.1 * Double(exact), "\(estimated) vs \(exact)")
  }
}
