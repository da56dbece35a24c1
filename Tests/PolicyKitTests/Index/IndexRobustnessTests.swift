import Foundation
import Testing

@testable import PolicyKit

/// An index that is damaged, foreign, locked or out of date gives a clear answer, never a
/// crash or wrong results; updates parse only what changed.
@Suite struct IndexRobustnessTests {
  func freshIndex(_ files: [String] = Corpus.seeds) throws -> URL {
    let directory = try Corpus.temporaryDirectory().appendingPathComponent("index")
    _ = try IndexBuilder(directory: directory).build(files: files)
    return directory
  }

  func liveFile(_ directory: URL, _ name: String) throws -> URL {
    try #require(try IndexDirectory(url: directory).liveGeneration()).appendingPathComponent(name)
  }

  @Test func truncatedPostings_isACorruptIndexNamingTheFile() throws {
    let directory = try freshIndex()
    let postings = try liveFile(directory, "postings.bin")
    let data = try Data(contentsOf: postings)
    try data.prefix(data.count / 2).write(to: postings)
    do {
      _ = try InvertedIndex.open(directory)
      Issue.record("a truncated index opened")
    } catch let error as IndexError {
      guard case .corrupt(let file, let reason) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(file.hasSuffix("postings.bin"))
      #expect(reason.contains("truncated"))
      #expect(error.description.contains("rebuild it with `policyq index`"))
    }
  }

  @Test func damagedUnitTable_isDetected() throws {
    let directory = try freshIndex()
    let units = try liveFile(directory, "units.bin")
    var bytes = Array(try Data(contentsOf: units))
    bytes[bytes.count - 100] ^= 0xFF  // inside the unit table, whose checksum is kept
    try Data(bytes).write(to: units)
    #expect(throws: IndexError.self) { try InvertedIndex.open(directory) }
  }

  @Test func flippedPostingByte_foundByVerify() throws {
    let directory = try freshIndex()
    let postings = try liveFile(directory, "postings.bin")
    var bytes = Array(try Data(contentsOf: postings))
    bytes[20] ^= 0x01
    try Data(bytes).write(to: postings)
    let index = try InvertedIndex.open(directory)
    #expect(throws: IndexError.self) { try index.verify() }
  }

  @Test func foreignAndMissingDirectories() throws {
    let empty = try Corpus.temporaryDirectory()
    #expect(throws: IndexError.missing(directory: empty.path)) { try InvertedIndex.open(empty) }
    let missing = empty.appendingPathComponent("nothing-here")
    #expect(throws: IndexError.missing(directory: missing.path)) { try InvertedIndex.open(missing) }
    let foreign = try Corpus.temporaryDirectory()
    try Data("hello".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
    #expect(throws: IndexError.foreign(directory: foreign.path, reason: "no CURRENT file")) { try InvertedIndex.open(foreign) }
    // A manifest of another version.
    let directory = try freshIndex()
    let manifest = try liveFile(directory, "manifest.json")
    let text = try String(contentsOf: manifest, encoding: .utf8)
      .replacingOccurrences(of: #""version" : \d+"#, with: "\"version\" : 99", options: .regularExpression)
    #expect(text.contains("\"version\" : 99"))
    try text.write(to: manifest, atomically: true, encoding: .utf8)
    #expect(throws: IndexError.self) { try InvertedIndex.open(directory) }
  }

  @Test func secondWriter_isLockedOut() throws {
    let directory = try freshIndex()
    let layout = IndexDirectory(url: directory)
    let lock = try layout.lock()
    defer { layout.unlock(lock) }
    #expect(throws: IndexError.locked(directory: directory.path)) {
      try IndexBuilder(directory: directory).build(files: Corpus.seeds)
    }
  }

  @Test func update_parsesOnlyWhatChanged_removesWhatIsGone() throws {
    let corpus = try Corpus.temporaryDirectory()
    var files: [String] = []
    for seed in Corpus.seeds {
      let copy = corpus.appendingPathComponent(URL(fileURLWithPath: seed).lastPathComponent)
      try FileManager.default.copyItem(atPath: seed, toPath: copy.path)
      files.append(copy.path)
    }
    let directory = corpus.appendingPathComponent("index")
    let first = try IndexBuilder(directory: directory).build(files: files)
    #expect((first.parsed, first.reused) == (5, 0))
    // Change one file, drop another.
    let changed = files[1]
    try (try String(contentsOfFile: changed, encoding: .utf8) + "\n附加的说明：新增智慧农业示范基地。\n").write(toFile: changed, atomically: true, encoding: .utf8)
    let second = try IndexBuilder(directory: directory).build(files: Array(files.dropLast()))
    #expect((second.parsed, second.reused, second.removed) == (1, 3, 1))
    let index = try InvertedIndex.open(directory)
    #expect(index.documents.count == 4)
    let hits = try Searcher(index: index).search(try SearchQuery("智慧农业示范基地"), options: SearchOptions()).hits
    #expect(hits.first?.document.path == changed)
    #expect(index.isCurrent(for: Array(files.dropLast())))
    #expect(!index.isCurrent(for: files))
  }

  @Test func unreadableFile_isAFailureOthersIndexed() throws {
    let directory = try Corpus.temporaryDirectory().appendingPathComponent("index")
    let summary = try IndexBuilder(directory: directory).build(files: Corpus.seeds + ["/nonexistent/plan.txt"])
    #expect(summary.documents == 5)
    #expect(summary.failures.map(\.path) == ["/nonexistent/plan.txt"])
    #expect(summary.failures.first?.error.contains("no such file") == true)
  }
}
