import Foundation
import PolicyBytes
import Testing

@testable import PolicyIndex
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

  /// A row of the unit table damaged: found when a query reads the rows of its block (not
  /// when the index is opened), and by `verify`.
  @Test func damagedUnitTable_isDetected() throws {
    let directory = try freshIndex()
    let units = try liveFile(directory, "units.bin")
    var bytes = Array(try Data(contentsOf: units))
    // The seeds' units fit one block of rows; the last rows end 4 bytes (the block's
    // checksum) before the footer.
    bytes[bytes.count - UnitsFile.frame.footerSize - 4 - 10] ^= 0xFF
    try Data(bytes).write(to: units)
    let index = try InvertedIndex.open(directory)
    #expect(throws: IndexError.self) { try Searcher(index: index).search(try SearchQuery("发展")) }
    #expect(throws: IndexError.self) { try index.verify() }
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

  /// A `postings.bin` holding one list, `list`, for the key 固废: its checksum and key
  /// table made to match, so that what the list holds reaches the decoder's own checks
  /// (which stand behind the checksums).
  private func postingsFile(holding list: [UInt8], unitCount: Int) throws -> PostingsFile {
    let url = try Corpus.temporaryDirectory().appendingPathComponent("postings.bin")
    let out = try BufferedFileWriter(path: url.path)
    try out.write(Array(PostingsFile.frame.headerMagic.utf8))
    var table = PostingsKeyTable.Writer()
    table.add(
      key: Self.guFei, offset: out.length, length: list.count,
      checksum: list.withUnsafeBufferPointer { Checksum.record($0) })
    try out.write(list)
    let top = try table.write(to: out)
    try out.write(
      PostingsFile.frame.footer([UInt64(top.offset), UInt64(top.blocks), 1, top.checksum]))
    _ = try out.close()
    return try PostingsFile(path: url.path, unitCount: unitCount)
  }

  /// A list of one block: its units as gaps less one (the first from −1: `[1]` is unit 1),
  /// counts less one, heading counts, and the positions, each one patched chunk.
  private func oneBlockList(gaps: [UInt32], counts: [UInt32], positions: [UInt32]) -> [UInt8] {
    var list = ByteWriter()
    list.varint(gaps.count)
    list.varint(1)
    for values in [gaps, counts, [UInt32](repeating: 0, count: gaps.count), positions] {
      values.withUnsafeBufferPointer { PatchedBitPacking.encode($0, to: &list) }
    }
    return list.bytes
  }

  /// The file list is compressed JSON whose checksum the manifest keeps: a flipped byte
  /// anywhere in it is an error naming it, when an update reads it and when `verify` does,
  /// never a list of other files.
  @Test func damagedFileList_isAnErrorNamingIt() throws {
    let directory = try freshIndex()
    let index = try InvertedIndex.open(directory)
    #expect(try index.sourcePaths().sorted() == Corpus.seeds.sorted())
    let file = try liveFile(directory, IndexDirectory.files)
    let intact = Array(try Data(contentsOf: file))
    #expect(intact.starts(with: [0x28, 0xB5, 0x2F, 0xFD]), "a Zstandard frame")
    for at in [0, intact.count / 2, intact.count - 1] {
      var damaged = intact
      damaged[at] ^= 0x20
      try Data(damaged).write(to: file)
      #expect(throws: IndexError.corrupt(file: file.path, reason: "checksum mismatch")) {
        try index.sourcePaths()
      }
      #expect(throws: IndexError.corrupt(file: file.path, reason: "checksum mismatch")) {
        try index.verify()
      }
    }
    try Data(intact.prefix(intact.count - 1)).write(to: file)
    #expect(throws: IndexError.self) { try index.sourcePaths() }
    try FileManager.default.removeItem(at: file)
    #expect(throws: IndexError.corrupt(file: file.path, reason: "missing")) {
      try index.verify()
    }
  }

  @Test func freshIndex_passesVerify() throws {
    try InvertedIndex.open(try freshIndex()).verify()
  }

  /// Damaged bytes may decode to any number: a huge position count in a posting list, or a
  /// huge table offset in a footer, is an `IndexError` naming the file, never a crash.
  @Test func hugeNumbers_areErrorsNotCrashes() throws {
    // A position count of 2³² − 1 in a list whose checksum matches.
    let huge = try postingsFile(
      holding: oneBlockList(gaps: [1], counts: [UInt32.max - 1], positions: [3]), unitCount: 10)
    let hugeList = try #require(try huge.postings(of: Self.guFei))
    #expect(throws: IndexError.corrupt(file: huge.path, reason: "bad position count")) {
      try huge.units(of: hugeList)
    }
    let directory = try freshIndex()
    // Footers: the first field (the key table's offset, the document table's offset) of
    // one file at a time, the other intact; the error names the damaged file.
    for (name, frame) in [("postings.bin", PostingsFile.frame), ("units.bin", UnitsFile.frame)] {
      let file = try liveFile(directory, name)
      let intact = Array(try Data(contentsOf: file))
      var damaged = intact
      for offset in 0..<8 {
        damaged[damaged.count - frame.footerSize + offset] = offset == 7 ? 0x7F : 0xF0
      }
      try Data(damaged).write(to: file)
      do {
        _ = try InvertedIndex.open(directory)
        Issue.record("\(name): a huge footer offset was not noticed")
      } catch let error as IndexError {
        guard case .corrupt(let named, _) = error else { throw error }
        #expect(named == file.path)
      }
      try Data(intact).write(to: file)
    }
  }

  /// A byte damaged inside the posting lists (which are checked byte by byte only by
  /// `verify`) never crashes a search: each query answers or throws `IndexError`.
  @Test func damagedPostingBytes_neverCrashASearch() throws {
    let directory = try freshIndex()
    let postings = try liveFile(directory, "postings.bin")
    let original = Array(try Data(contentsOf: postings))
    // The lists lie between the 8-byte header and the key table.
    let tableOffset = Int(
      try original.withUnsafeBufferPointer {
        try PostingsFile.frame.footerValues(of: $0, file: postings.path)
      }[0])
    var generator = SplitMix(seed: 4)
    for _ in 0..<100 {
      var damaged = original
      for _ in 0..<6 {
        let offset = 8 + Int(generator.next() % UInt64(tableOffset - 8))
        damaged[offset] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
      }
      try Data(damaged).write(to: postings)
      let searcher = Searcher(index: try InvertedIndex.open(directory))
      for query in ["固废", "绿色工厂", "节", "2025", "区经济信息委 -光伏", "\"单位地区生产总值\""] {
        do { _ = try searcher.search(try SearchQuery(query)) } catch is IndexError {}
      }
    }
  }

  /// A posting list whose units run past the last unit of the index is reported as
  /// damage, not read from outside the unit table.
  /// Units are kept as gaps less one: the last unit of the index is a unit, the one after
  /// it is damage.
  @Test func lastUnit_isReadAndTheNextIsDamage() throws {
    let last = try postingsFile(
      holding: oneBlockList(gaps: [0, 8], counts: [0, 0], positions: [3, 4]), unitCount: 10)
    let list = try #require(try last.postings(of: Self.guFei))
    #expect(try last.units(of: list).units == [0, 9])
    let beyond = try postingsFile(
      holding: oneBlockList(gaps: [0, 9], counts: [0, 0], positions: [3, 4]), unitCount: 10)
    let beyondList = try #require(try beyond.postings(of: Self.guFei))
    #expect(throws: IndexError.corrupt(file: beyond.path, reason: "a posting names no unit")) {
      try beyond.units(of: beyondList)
    }
  }

  @Test func postingBeyondTheLastUnit_isCorrupt() throws {
    let file = try postingsFile(
      holding: oneBlockList(gaps: [1, 500], counts: [0, 0], positions: [3, 4]), unitCount: 10)
    let list = try #require(try file.postings(of: Self.guFei))
    #expect(throws: IndexError.corrupt(file: file.path, reason: "a posting names no unit")) {
      try file.units(of: list)
    }
  }

  static let guFei =
    UInt64(("固" as Unicode.Scalar).value) << 21 | UInt64(("废" as Unicode.Scalar).value)

  @Test func foreignAndMissingDirectories() throws {
    let empty = try Corpus.temporaryDirectory()
    #expect(throws: IndexError.missing(directory: empty.path)) { try InvertedIndex.open(empty) }
    let missing = empty.appendingPathComponent("nothing-here")
    #expect(throws: IndexError.missing(directory: missing.path)) { try InvertedIndex.open(missing) }
    let foreign = try Corpus.temporaryDirectory()
    try Data("hello".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
    #expect(throws: IndexError.foreign(directory: foreign.path, reason: "no CURRENT file")) {
      try InvertedIndex.open(foreign)
    }
    // A manifest of another version.
    let directory = try freshIndex()
    let manifest = try liveFile(directory, "manifest.json")
    let text = try String(contentsOf: manifest, encoding: .utf8)
      .replacingOccurrences(
        of: #""version" : \d+"#, with: "\"version\" : 99", options: .regularExpression)
    #expect(text.contains("\"version\" : 99"))
    try text.write(to: manifest, atomically: true, encoding: .utf8)
    // The error says which version it found and how to rebuild.
    do {
      _ = try InvertedIndex.open(directory)
      Issue.record("an index of another version opened")
    } catch let error as IndexError {
      #expect("\(error)".contains("format version 99") && "\(error)".contains("policyq index"))
    }
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
    // Change one file, drop another, touch a third without changing it (its content
    // hash keeps it from being parsed again).
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: files[2])
    let changed = files[1]
    try (try String(contentsOfFile: changed, encoding: .utf8) + "\n附加的说明：新增智慧农业示范基地。\n").write(
      toFile: changed, atomically: true, encoding: .utf8)
    let second = try IndexBuilder(directory: directory).build(files: Array(files.dropLast()))
    #expect((second.parsed, second.reused, second.removed) == (1, 3, 1))
    let index = try InvertedIndex.open(directory)
    #expect(index.documentCount == 4)
    let hits = try Searcher(index: index).search(
      try SearchQuery("智慧农业示范基地"), options: SearchOptions()
    ).hits
    #expect(hits.first?.document.path == changed)
    #expect(index.isCurrent(for: Array(files.dropLast())))
    #expect(!index.isCurrent(for: files))
    // Same size, another modification time (to the microsecond): no longer current.
    let touched = try #require(
      FileManager.default.attributesOfItem(atPath: files[0])[.modificationDate] as? Date)
    try FileManager.default.setAttributes(
      [.modificationDate: touched.addingTimeInterval(0.000_25)], ofItemAtPath: files[0])
    #expect(!index.isCurrent(for: Array(files.dropLast())))
  }

  /// Units reused from the previous index (records re-encoded from their decoded fields,
  /// folded scalars folded from their text) give the bytes a fresh parse gives (records
  /// copied from the document by spans, scalars sliced from the folded document).
  /// The units' text, headings and paths are kept compressed (Zstandard, with a dictionary
  /// trained on them): `units.bin` of the seeds holds under three quarters of what its
  /// units read back (1.4 times it in format 8, stored as it was).
  @Test func storedText_isCompressedAndReadsBackWhole() throws {
    let directory = try freshIndex()
    let unitsBytes = try Data(contentsOf: try liveFile(directory, IndexDirectory.units)).count
    let index = try InvertedIndex.open(directory)
    var (measures, storedBytes) = (0, 0)
    try DocumentUnits.forEach(in: index) { read in
      for unit in read.units {
        storedBytes += unit.text.utf8.count + unit.heading.utf8.count
        guard unit.kind == .measure else { continue }
        measures += 1
        #expect(unit.text.hasPrefix(String(unit.heading.prefix(2))), "\(unit.id)")
        #expect(unit.id.hasPrefix(read.document.id + "#"))
      }
    }
    #expect(measures > 50)
    #expect(unitsBytes * 4 < storedBytes * 3, "units.bin: \(unitsBytes) bytes for \(storedBytes)")
  }

  @Test func rebuildWithEverythingReused_isByteIdentical() throws {
    let directory = try Corpus.temporaryDirectory().appendingPathComponent("index")
    let layout = IndexDirectory(url: directory)
    func indexFiles() throws -> [Data] {
      let generation = try #require(try layout.liveGeneration())
      return try [IndexDirectory.units, IndexDirectory.postings].map {
        try Data(contentsOf: generation.appendingPathComponent($0))
      }
    }
    let first = try IndexBuilder(directory: directory).build(files: Corpus.seeds)
    #expect((first.parsed, first.reused) == (5, 0))
    let fresh = try indexFiles()
    let second = try IndexBuilder(directory: directory).build(files: Corpus.seeds)
    #expect((second.parsed, second.reused) == (0, 5))
    #expect(try indexFiles() == fresh)
  }

  @Test func unreadableFile_isAFailureOthersIndexed() throws {
    let directory = try Corpus.temporaryDirectory().appendingPathComponent("index")
    let summary = try IndexBuilder(directory: directory).build(
      files: Corpus.seeds + ["/nonexistent/plan.txt"])
    #expect(summary.documents == 5)
    #expect(summary.failures.map(\.path) == ["/nonexistent/plan.txt"])
    #expect(summary.failures.first?.error.contains("no such file") == true)
  }
}
