import Foundation
import PolicyBytes
import PolicyExtraction
import PolicyTestSupport
import Testing

@testable import PolicyIndex
@testable import PolicyKit

/// Nothing missed: for random substrings of the corpus, the units the index returns are
/// exactly those whose folded text contains the substring (a naive scan).
@Suite struct RecallPropertyTests {
  /// The counts BM25 ranks `hit` on: every (overlapping) occurrence of the folded term
  /// `wanted` in the unit's folded text, and those in its heading.
  func expectTermCounts(_ hit: SearchHit, of wanted: [Unicode.Scalar]) {
    let text = Array(PolicyDictionaries.fold(hit.unit.text).unicodeScalars)
    let starts = text.indices.filter {
      $0 + wanted.count <= text.count && Array(text[$0..<($0 + wanted.count)]) == wanted
    }
    let term = String(String.UnicodeScalarView(wanted))
    #expect(hit.termCounts.first?.count == starts.count, "\(term) in \(hit.unit.id)")
    #expect(
      hit.termCounts.first?.inHeading == starts.filter { $0 < hit.unit.headingLength }.count,
      "\(term) in \(hit.unit.id)")
  }

  @Test func randomSubstrings_indexEqualsNaiveScan() throws {
    let index = try SeedIndex.open()
    let units = try (0..<index.unitCount).map { try index.unit($0) }
    let folded = units.map { PolicyDictionaries.fold($0.text) }
    var generator = SplitMix(seed: 20_261_122)
    var checked = 0
    while checked < 150 {
      let unit = Int(generator.next() % UInt64(units.count))
      let scalars = Array(folded[unit].unicodeScalars)
      guard scalars.count > 8 else { continue }
      let length = 1 + Int(generator.next() % 6)
      let start = Int(generator.next() % UInt64(scalars.count - length))
      let piece = scalars[start..<(start + length)]
      guard
        !piece.contains(where: {
          $0.properties.isWhitespace || $0 == "\"" || $0 == "-" || $0 == ":" || $0 == "|"
        })
      else { continue }
      let term = String(String.UnicodeScalarView(piece))
      var options = SearchOptions()
      options.limit = 100_000
      options.useSynonyms = false
      // Every kind: with other kinds, a document unit is its front and back matter.
      options.kinds = Set(SearchUnitKind.allCases)
      let hits = try Searcher(index: index).search(try SearchQuery("\"\(term)\""), options: options)
        .hits
      let found = Set(hits.map(\.unit.id))
      let expected = Set(
        units.indices.filter { folded[$0].containsBytes(term) }.map { units[$0].id })
      #expect(found == expected, "\(term): \(found.symmetricDifference(expected).prefix(5))")
      for hit in hits.prefix(20) { expectTermCounts(hit, of: Array(term.unicodeScalars)) }
      checked += 1
    }
  }

  /// Separators (，。、（）《》…) start no key; terms that start with one, hold two in a row
  /// or are one are looked for in the units' text. Random substrings that start at a
  /// separator, and fixed ones, find exactly what a naive scan finds, with the same counts.
  @Test func termsWithSeparators_indexEqualsNaiveScan() throws {
    let index = try SeedIndex.open()
    let units = try (0..<index.unitCount).map { try index.unit($0) }
    let folded = units.map { PolicyDictionaries.fold($0.text) }
    let unsafeInQuery: (Unicode.Scalar) -> Bool = {
      $0.properties.isWhitespace || $0 == "\"" || $0 == "-" || $0 == ":" || $0 == "|"
    }
    var terms = ["，", "。", "、", "（一）", "发展，", "，加快", "》", "《", "（", "）。", "%，"]
    var generator = SplitMix(seed: 20_261_123)
    var attempts = 0
    while terms.count < 60 && attempts < 100_000 {
      attempts += 1
      let scalars = Array(folded[Int(generator.next() % UInt64(units.count))].unicodeScalars)
      guard scalars.count > 8 else { continue }
      let start = Int(generator.next() % UInt64(scalars.count - 4))
      guard BigramKey.isSeparator(scalars[start].value) else { continue }
      let piece = scalars[start..<(start + 1 + Int(generator.next() % 4))]
      guard !piece.contains(where: unsafeInQuery) else { continue }
      terms.append(String(String.UnicodeScalarView(piece)))
    }
    #expect(terms.count == 60)
    var options = SearchOptions()
    options.limit = 100_000
    options.useSynonyms = false
    options.kinds = Set(SearchUnitKind.allCases)
    for term in terms {
      let wanted = Array(PolicyDictionaries.fold(term).unicodeScalars)
      let hits = try Searcher(index: index).search(try SearchQuery("\"\(term)\""), options: options)
        .hits
      let expected = Set(
        units.indices.filter { folded[$0].containsBytes(PolicyDictionaries.fold(term)) }.map {
          units[$0].id
        })
      #expect(Set(hits.map(\.unit.id)) == expected, "\(term)")
      for hit in hits.prefix(10) { expectTermCounts(hit, of: wanted) }
    }
  }

  /// An index written in many small segments (merged at the end), the first kept in
  /// memory and the rest in temporary files, is byte for byte the index written in a
  /// single segment, and answers exactly as it does: same units, counts and scores, in
  /// the same order.
  @Test func manySegments_answerLikeOne() throws {
    let directory = Scratch.root.appendingPathComponent("policyq-segments-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try IndexBuilder.inSmallSegments(directory).build(files: Corpus.seeds)
    let segmentedLayout = IndexDirectory(url: directory)
    let singleLayout = IndexDirectory(url: SeedIndex.directory)
    let segmentedPostings = try #require(try segmentedLayout.liveGeneration())
      .appendingPathComponent(IndexDirectory.postings)
    let singlePostings = try #require(try singleLayout.liveGeneration()).appendingPathComponent(
      IndexDirectory.postings)
    #expect(try Data(contentsOf: segmentedPostings) == (try Data(contentsOf: singlePostings)))
    let segmented = Searcher(index: try InvertedIndex.open(directory))
    let single = Searcher(index: try SeedIndex.open())
    var options = SearchOptions()
    options.limit = 1_000
    for query in ["固废", "绿色工厂", "区经济信息委", "2025", "节", "碳达峰 -碳中和", "\"单位地区生产总值\""] {
      let a = try segmented.search(try SearchQuery(query), options: options)
      let b = try single.search(try SearchQuery(query), options: options)
      #expect(a.totalMatches == b.totalMatches && a.totalMatches > 0, "\(query)")
      #expect(a.hits.map(\.unit.id) == b.hits.map(\.unit.id), "\(query)")
      #expect(a.hits.map(\.score) == b.hits.map(\.score), "\(query)")
      #expect(
        a.hits.map { $0.termCounts.map(\.count) } == b.hits.map { $0.termCounts.map(\.count) },
        "\(query)")
    }
  }
}

/// The merge of the segments on two threads (the keys split in two ranges) writes the
/// lists that one thread writes: every key's units, counts and positions, decoded, are
/// the same; the index verifies whole; queries answer alike.
@Suite struct TwoThreadMergeTests {
  @Test func splitMerge_sameListsAsOneThread() throws {
    let directory = Scratch.root.appendingPathComponent("policyq-split-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var builder = IndexBuilder.inSmallSegments(directory)
    // Any first segment is split: the path a corpus of a few megabytes takes.
    builder.mergeSplitBytes = 1
    _ = try builder.build(files: Corpus.seeds)
    let split = try InvertedIndex.open(directory)
    let single = try SeedIndex.open()
    try split.verify()
    #expect(split.postings.keyCount == single.postings.keyCount)
    func decoded(_ index: InvertedIndex) throws -> [[[UInt32]]] {
      var lists: [[[UInt32]]] = []
      var positions: [UInt32] = []
      for postings in try index.postings.postings(in: 0...(1 << 42)) {
        let list = try index.postings.units(of: postings)
        var cursor = PositionCursor(list, file: index.postings)
        var decoded = [list.units.map(UInt32.init), list.totals.map(UInt32.init)]
        decoded.append(list.inHeading.map(UInt32.init))
        for slot in list.units.indices {
          try cursor.positions(at: slot, into: &positions)
          decoded.append(positions)
        }
        lists.append(decoded)
      }
      return lists
    }
    let splitLists = try decoded(split)
    #expect(splitLists.count == split.postings.keyCount)
    #expect(splitLists == (try decoded(single)))
    var options = SearchOptions()
    options.limit = 1_000
    for query in ["固废", "绿色工厂", "区经济信息委", "2025", "节", "的", "碳达峰 -碳中和"] {
      let a = try Searcher(index: split).search(try SearchQuery(query), options: options)
      let b = try Searcher(index: single).search(try SearchQuery(query), options: options)
      #expect(a.totalMatches == b.totalMatches && a.totalMatches > 0, "\(query)")
      #expect(a.hits.map(\.unit.id) == b.hits.map(\.unit.id), "\(query)")
    }
  }
}

extension IndexBuilder {
  /// A builder of the index in `directory` that writes the seeds in many small segments,
  /// the first kept in memory and the rest in temporary files.
  static func inSmallSegments(_ directory: URL) -> IndexBuilder {
    var builder = IndexBuilder(directory: directory)
    builder.segmentLimit = 1_500
    builder.segmentMemoryBudget = 60_000
    return builder
  }
}

/// A small deterministic random generator.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
