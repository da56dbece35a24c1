import Foundation
import PolicyBytes
import PolicyIndex
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

  /// Gives the posting list of 固废 the checksums of its bytes as they are now, and the
  /// key table the checksum of its entries, so that damage made on purpose reaches the
  /// decoder's own checks (which stand behind the checksums).
  private func resealListOfGuFei(_ bytes: inout [UInt8]) throws {
    let footer = try bytes.withUnsafeBufferPointer {
      try PostingsFile.frame.footerValues(of: $0, file: "postings.bin")
    }
    let (tableOffset, keyCount) = (Int(footer[0]), Int(footer[1]))
    let start = try listOfGuFei(in: bytes)
    let entry = try #require(
      (0..<keyCount).first { entry in
        bytes.withUnsafeBytes {
          Int($0.loadUnaligned(fromByteOffset: tableOffset + entry * 32 + 8, as: UInt64.self))
        } == start
      })
    let at = tableOffset + entry * 32
    let length = bytes.withUnsafeBytes {
      Int($0.loadUnaligned(fromByteOffset: at + 16, as: UInt32.self))
    }
    var reader = ListHeaderReader(bytes: bytes, at: start)
    _ = reader.varint()
    let unitBlockLength = reader.varint()
    let unitPartEnd = reader.offset + unitBlockLength
    func store(_ value: some FixedWidthInteger, at offset: Int) {
      withUnsafeBytes(of: value.littleEndian) {
        bytes.replaceSubrange(offset..<(offset + $0.count), with: $0)
      }
    }
    bytes.withUnsafeBufferPointer { all in
      let units = Checksum.record(UnsafeBufferPointer(rebasing: all[start..<unitPartEnd]))
      let positions = Checksum.record(
        UnsafeBufferPointer(rebasing: all[unitPartEnd..<(start + length)]))
      store(units, at: at + 24)
      store(positions, at: at + 28)
    }
    let table = bytes.withUnsafeBufferPointer {
      Checksum.words(UnsafeBufferPointer(rebasing: $0[tableOffset..<(tableOffset + keyCount * 32)]))
    }
    store(table, at: bytes.count - PostingsFile.frame.footerSize + 16)
  }

  /// Reads the varints of a posting list's header.
  private struct ListHeaderReader {
    let bytes: [UInt8]
    var offset: Int
    init(bytes: [UInt8], at offset: Int) {
      self.bytes = bytes
      self.offset = offset
    }
    mutating func varint() -> Int {
      var value = 0
      var shift = 0
      while true {
        let byte = bytes[offset]
        offset += 1
        value |= Int(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
    }
  }

  /// Where the posting list of 固废 starts in `postings.bin` (read from its key table).
  private func listOfGuFei(in bytes: [UInt8]) throws -> Int {
    func field(_ offset: Int) -> UInt64 {
      bytes.withUnsafeBytes {
        UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      }
    }
    let footer = try bytes.withUnsafeBufferPointer {
      try PostingsFile.frame.footerValues(of: $0, file: "postings.bin")
    }
    let (tableOffset, keyCount) = (Int(footer[0]), Int(footer[1]))
    let key = UInt64(("固" as Unicode.Scalar).value) << 21 | UInt64(("废" as Unicode.Scalar).value)
    let entry = try #require((0..<keyCount).first { field(tableOffset + $0 * 32) == key })
    return Int(field(tableOffset + entry * 32 + 8))
  }

  @Test func freshIndex_passesVerify() throws {
    try InvertedIndex.open(try freshIndex()).verify()
  }

  /// Damaged bytes may decode to any number: a huge position count in a posting list, or a
  /// huge table offset in a footer, is an `IndexError` naming the file, never a crash.
  @Test func hugeNumbers_areErrorsNotCrashes() throws {
    let directory = try freshIndex()
    let postings = try liveFile(directory, "postings.bin")
    let original = Array(try Data(contentsOf: postings))
    // The count of the first unit of 固废's list (after its unit count, block length and
    // unit delta) becomes 2⁶²−1.
    var bytes = original
    var at = try listOfGuFei(in: bytes)
    for _ in 0..<3 {
      while bytes[at] >= 0x80 { at += 1 }
      at += 1
    }
    for offset in 0..<8 { bytes[at + offset] = 0xFF }
    bytes[at + 8] = 0x3F
    // The checksums would catch the change first: they are made to match it.
    try resealListOfGuFei(&bytes)
    try Data(bytes).write(to: postings)
    let searcher = Searcher(index: try InvertedIndex.open(directory))
    #expect(throws: IndexError.corrupt(file: postings.path, reason: "bad position count")) {
      try searcher.search(
        try SearchQuery("固废"),
        options: {
          var options = SearchOptions()
          options.useSynonyms = false
          return options
        }())
    }
    try Data(original).write(to: postings)
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

  /// A posting list whose first unit delta points past the last unit is reported as
  /// damage, not read from outside the unit table.
  @Test func postingBeyondTheLastUnit_isCorrupt() throws {
    let directory = try freshIndex()
    let postings = try liveFile(directory, "postings.bin")
    var bytes = Array(try Data(contentsOf: postings))
    let index = try InvertedIndex.open(directory)
    // The list of 固废: unit count and unit block length, then the first unit delta.
    var at = try listOfGuFei(in: bytes)
    for _ in 0..<2 {
      while bytes[at] >= 0x80 { at += 1 }
      at += 1
    }
    // Rewrite the first delta (one byte) as 127: every later unit of the list moves up by
    // as much, the last ones past the last unit of the index.
    #expect(bytes[at] < 0x80)
    #expect(index.unitCount < 400)
    bytes[at] = 127
    // The checksums would catch the change first: they are made to match it.
    try resealListOfGuFei(&bytes)
    try Data(bytes).write(to: postings)
    let damaged = Searcher(index: try InvertedIndex.open(directory))
    // Caught where the list is read, before any unit table entry is looked up.
    #expect(throws: IndexError.corrupt(file: postings.path, reason: "a posting names no unit")) {
      try damaged.search(try SearchQuery("固废"))
    }
  }

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
