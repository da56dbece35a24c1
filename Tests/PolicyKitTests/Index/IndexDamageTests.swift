import Foundation
import PolicyBytes
import PolicyIndex
import Testing

@testable import PolicyKit

#if canImport(Glibc)
import Glibc
#endif

/// Damage to an index's files is an error naming the file, never a different answer; a
/// damaged unit is never carried into the next index.
@Suite struct IndexDamageTests {
  /// A small plan: two parts, measures with departments of every role, a target, a
  /// document number and an issuer (so a document has a level).
  static let smallPlan = """
    永川区人民政府办公室关于印发永川区固废治理行动方案的通知
    永川府办发〔2024〕5号
    各镇人民政府、街道办事处，区政府各部门：
    现将《永川区固废治理行动方案》印发给你们，请认真贯彻执行。
    一、重点任务
    （一）推进固废综合利用。推动大宗工业固废规模化利用，到2025年，工业固废综合利用率达到80%。（责任单位：区经济信息委、区生态环境局）
    （二）建设绿色工厂。创建绿色工厂10家，推广节能技术。（牵头单位：区发展改革委；配合单位：区科技局）
    二、保障措施
    （一）加强组织领导。各部门按职责分工负责，确保任务落实。
    永川区人民政府办公室
    2024年3月1日
    """

  /// Queries that read every kind of record: a key's unit block, positions, the lists of
  /// every key starting with a character, departments, documents, document ranking.
  static let queries = [
    "固废", "绿色工厂", "废", "dept:区经济信息委", "level:district 固废", "固废 -工厂",
    "\"综合利用率\"", "unit:document 永川",
  ]

  /// Each query's results, rendered with scores and explanations (what a user would see,
  /// and more).
  static func answers(_ directory: URL) throws -> [String] {
    let searcher = Searcher(index: try InvertedIndex.open(directory))
    return try queries.map { query in
      SearchOutput.render(
        try searcher.search(try SearchQuery(query)), query: query, format: "json",
        explain: true, highlight: false)
    }
  }

  /// Where the bytes of the record framed at `offset` of `units.bin` start (after its
  /// checksum, 4 bytes, and its length, a varint), and how many they are.
  static func framedRecord(in bytes: [UInt8], at offset: Int) -> (start: Int, length: Int) {
    var start = offset + 4
    var length = 0
    var shift = 0
    repeat {
      length |= Int(bytes[start] & 0x7F) << shift
      shift += 7
      start += 1
    } while bytes[start - 1] >= 0x80
    return (start, length)
  }

  func smallIndex() throws -> (directory: URL, file: String) {
    let base = try Corpus.temporaryDirectory()
    let file = base.appendingPathComponent("plan.txt").path
    try Self.smallPlan.write(toFile: file, atomically: true, encoding: .utf8)
    let directory = base.appendingPathComponent("index")
    _ = try IndexBuilder(directory: directory).build(files: [file])
    return (directory, file)
  }

  func liveFile(_ directory: URL, _ name: String) throws -> URL {
    try #require(try IndexDirectory(url: directory).liveGeneration()).appendingPathComponent(name)
  }

  /// Every byte of `units.bin` and `postings.bin`, one at a time, one bit flipped (a
  /// different bit at each offset): every query then gives the undamaged answer, or fails
  /// with `IndexError.corrupt` naming the damaged file.
  @Test func everyFlippedByte_isTheSameAnswerOrAnErrorNamingTheFile() throws {
    let (directory, _) = try smallIndex()
    let expected = try Self.answers(directory)
    #expect(expected.count == Self.queries.count)
    var sizes: [String: Int] = [:]
    for name in [IndexDirectory.units, IndexDirectory.postings] {
      let url = try liveFile(directory, name)
      let original = Array(try Data(contentsOf: url))
      sizes[name] = original.count
      var wrong: [String] = []
      var detected = 0
      for offset in original.indices {
        var damaged = original
        damaged[offset] ^= 1 << UInt8(offset % 8)
        try Data(damaged).write(to: url)
        do {
          let answers = try Self.answers(directory)
          if answers != expected { wrong.append("\(name) byte \(offset)") }
        } catch let error as IndexError {
          guard case .corrupt(let file, _) = error, file == url.path else {
            wrong.append("\(name) byte \(offset): \(error)")
            continue
          }
          detected += 1
        }
      }
      try Data(original).write(to: url)
      let wrongAnswers = wrong.count
      #expect(wrongAnswers == 0, "\(wrongAnswers) of \(original.count) flips: \(wrong.prefix(10))")
      #expect(detected > 0)
    }
    // The index is small enough to flip every byte, large enough to hold every part.
    #expect((sizes[IndexDirectory.units] ?? 0) > 1_000)
    #expect((sizes[IndexDirectory.postings] ?? 0) > 1_000)
    #expect(try Self.answers(directory) == expected)
  }

  /// The code and the dictionary the stored text is compressed with are checked when the
  /// index is opened: a flipped byte in either is an error naming `units.bin`, never other
  /// text.
  @Test func damagedCodeOrDictionary_isAnErrorNamingTheFile() throws {
    let directory = try Corpus.temporaryDirectory().appendingPathComponent("index")
    _ = try IndexBuilder(directory: directory).build(files: Corpus.seeds)
    let url = try liveFile(directory, IndexDirectory.units)
    let original = Array(try Data(contentsOf: url))
    // After the header (8 bytes), the code's record, then the dictionary's.
    let code = Self.framedRecord(in: original, at: 8)
    let dictionary = Self.framedRecord(in: original, at: code.start + code.length)
    #expect(code.length > 1_000, "the seeds' stored text ranks a few thousand characters")
    #expect(dictionary.length > 1_000, "the seeds' stored text trains a dictionary")
    for (start, length) in [code, dictionary] {
      for offset in stride(from: start, to: start + length, by: max(1, length / 50)) {
        var damaged = original
        damaged[offset] ^= 1 << UInt8(offset % 8)
        try Data(damaged).write(to: url)
        do {
          _ = try Self.answers(directory)
          Issue.record("byte \(offset) of the code or dictionary flipped, and the index answered")
        } catch let error as IndexError {
          guard case .corrupt(let file, _) = error else {
            Issue.record("byte \(offset): \(error)")
            continue
          }
          #expect(file == url.path)
        }
      }
    }
    try Data(original).write(to: url)
    #expect(try Self.answers(directory).count == Self.queries.count)
  }

  /// An index whose code was trained on less than the first document: the documents after
  /// it hold characters the code lacks, which are escaped in its chunks. Every answer,
  /// snippets included, is the one of an index trained on everything, and the index
  /// verifies.
  @Test func codeTrainedOnLittle_escapesTheRest_answersTheSame() throws {
    let full = try Corpus.temporaryDirectory().appendingPathComponent("index")
    _ = try IndexBuilder(directory: full).build(files: Corpus.seeds)
    let little = try Corpus.temporaryDirectory().appendingPathComponent("index")
    var builder = IndexBuilder(directory: little)
    builder.storedTextSampleBytes = 1
    _ = try builder.build(files: Corpus.seeds)
    #expect(try Self.answers(little) == Self.answers(full))
    try InvertedIndex.open(little).verify()
    // The code of the first chunk alone lacks characters of the others.
    let url = try liveFile(little, IndexDirectory.units)
    let bytes = Array(try Data(contentsOf: url))
    let table = Self.framedRecord(in: bytes, at: 8)
    let tableBytes = Array(bytes[table.start..<(table.start + table.length)])
    let code = try #require(tableBytes.withUnsafeBufferPointer { ScalarCode(serialized: $0) })
    let seeds = try Corpus.seeds.map { try String(contentsOfFile: $0, encoding: .utf8) }
    let characters = Set(seeds.joined().unicodeScalars)
    #expect(code.scalars.count < characters.count, "\(code.scalars.count) of \(characters.count)")
  }

  /// A unit record damaged in the live index is not reused by the next build: its file is
  /// parsed again, the new index verifies and answers as a fresh one.
  @Test func damagedUnit_isParsedAgainNotCarriedForward() throws {
    let (directory, file) = try smallIndex()
    let expected = try Self.answers(directory)
    let index = try InvertedIndex.open(directory)
    let unit = index.units.entry(1)
    let units = try liveFile(directory, IndexDirectory.units)
    var bytes = Array(try Data(contentsOf: units))
    // The unit's record; its text is last.
    let (start, length) = Self.framedRecord(in: bytes, at: unit.offset)
    bytes[start + length - 3] ^= 0x04  // in the unit's text
    try Data(bytes).write(to: units)
    #expect(throws: IndexError.self) { try InvertedIndex.open(directory).verify() }
    let summary = try IndexBuilder(directory: directory).build(files: [file])
    #expect((summary.parsed, summary.reused) == (1, 0))
    try InvertedIndex.open(directory).verify()
    #expect(try Self.answers(directory) == expected)
  }

  /// A file edited without a change of size, its modification time restored (`touch -r`,
  /// `cp -p`): taken as unchanged by default, found with `rehash`.
  @Test func sameSizeEditWithRestoredTime_foundByRehash() throws {
    let (directory, file) = try smallIndex()
    var status = stat()
    #expect(stat(file, &status) == 0)
    let edited = Self.smallPlan.replacingOccurrences(of: "推广节能技术", with: "推广储能技术")
    #expect(edited.utf8.count == Self.smallPlan.utf8.count && edited != Self.smallPlan)
    try edited.write(toFile: file, atomically: false, encoding: .utf8)
    var times = [status.st_atim, status.st_mtim]
    #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
    func hits(_ query: String) throws -> Int {
      try Searcher(index: try InvertedIndex.open(directory)).search(try SearchQuery(query)).hits
        .count
    }
    let plain = try IndexBuilder(directory: directory).build(files: [file])
    #expect((plain.parsed, plain.reused) == (0, 1))
    #expect(try hits("储能技术") == 0)
    var builder = IndexBuilder(directory: directory)
    builder.rehash = true
    let rehashed = try builder.build(files: [file])
    #expect((rehashed.parsed, rehashed.reused) == (1, 0))
    #expect(try hits("储能技术") == 1)
    #expect(try hits("节能技术") == 0)
    // Unchanged content is still reused with rehash.
    let again = try builder.build(files: [file])
    #expect((again.parsed, again.reused) == (0, 1))
  }

  /// A build whose writes fail as on a full disk: the error says so and names the index
  /// directory; the partial generation is removed; CURRENT and the live generation stay
  /// whole and answer as before.
  @Test func fullDisk_removesThePartialGenerationKeepsTheIndex() throws {
    let (directory, file) = try smallIndex()
    let expected = try Self.answers(directory)
    let current = try String(
      contentsOf: directory.appendingPathComponent("CURRENT"), encoding: .utf8)
    try (Self.smallPlan + "\n附：新增智慧农业示范基地。\n").write(
      toFile: file, atomically: true, encoding: .utf8)
    for budget in [0, 100, 3_000] {
      var builder = IndexBuilder(directory: directory)
      builder.writeBudget = budget
      #expect(
        throws: IndexError.unwritable(directory: directory.path, reason: "no space left on device")
      ) { try builder.build(files: [file]) }
      let generations = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasPrefix("gen-") }
      #expect(generations.count == 1, "budget \(budget): \(generations)")
      #expect(
        try String(contentsOf: directory.appendingPathComponent("CURRENT"), encoding: .utf8)
          == current)
      try InvertedIndex.open(directory).verify()
      #expect(try Self.answers(directory) == expected)
    }
    #expect(
      IndexError.unwritable(directory: "/x/index", reason: "no space left on device").description
        == "/x/index: error: cannot write the index: no space left on device; the previous index is unchanged"
    )
    // With room, the same build succeeds.
    _ = try IndexBuilder(directory: directory).build(files: [file])
    #expect(
      try Searcher(index: try InvertedIndex.open(directory)).search(try SearchQuery("智慧农业"))
        .hits.count == 1)
  }
}
