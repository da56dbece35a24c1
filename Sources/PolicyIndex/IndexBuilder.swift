import Foundation
import PolicyBytes
import PolicyExtraction
import PolicyReaders
import PolicyText

/// Builds or updates an index: reads and parses the files given (reusing the units of
/// files unchanged since the last run), writes a new generation, and makes it live
/// atomically. Files are read and parsed on `jobs` threads while postings are written
/// (`OrderedPipeline`); memory stays bounded: postings are flushed to disk in segments.
public struct IndexBuilder: Sendable {
  /// How far a build has come.
  public struct Progress: Sendable {
    /// Files taken from the list so far, those that failed included.
    public var filesDone: Int
    /// Files given to `build`.
    public var filesTotal: Int
    /// Bytes of the files indexed so far, by their sizes on disk (failed files not counted).
    public var bytesDone: Int
    /// Seconds since the build started.
    public var seconds: Double
  }

  /// What a build did.
  public struct Summary: Sendable {
    /// Documents in the new index: the files given, less those that failed.
    public var documents: Int
    /// Files read and parsed anew.
    public var parsed: Int
    /// Files whose document and units were copied from the previous index: unchanged in
    /// size and modification time (and in content, with `rehash`), or in content.
    public var reused: Int
    /// Documents of the previous index whose files were not given this time.
    public var removed: Int
    /// The files that could not be read or parsed, with the error as text.
    public var failures: [(path: String, error: String)]
    /// What was indexed with a change, one line each naming the file ("PATH: warning: …"):
    /// units cut to the limits of the format (`IndexLimits`).
    public var warnings: [String]
    /// Search units written.
    public var units: Int
    /// Bytes of the files indexed, by their sizes on disk.
    public var sourceBytes: Int
    /// UTF-8 bytes of the units' text, targets left out (their sentences are also in the
    /// units around them).
    public var textBytes: Int
    /// Bytes of `units.bin` and `postings.bin` together.
    public var indexBytes: Int
    /// Seconds the build took, start to finish.
    public var seconds: Double
  }

  /// The index directory: its generations, `CURRENT` and the writer's lock (made when
  /// missing).
  public let directory: URL
  /// Parses the files that are new or changed; it reads no references (units keep none).
  public var parser: PolicyParser
  /// Reads the files that are new or changed into `PolicyText` for `parser`.
  public var reader = DocumentReader()
  /// Scalars of text whose postings are gathered before they are encoded as a segment
  /// (kept in memory or written to a temporary file: `segmentMemoryBudget`). Measured on
  /// corpus-real: 2 M positions index as fast as 6 M (smaller segments stay in cache) with
  /// a third less memory (236 MB peak instead of 354 MB).
  public var segmentLimit = 2_000_000
  /// Bytes of the first postings segment from which the final merge runs on two threads.
  package var mergeSplitBytes = 1 << 20
  /// Bytes of stored text held back to train the code and the dictionary of the stored
  /// text on (`StoredTextCompression.sampleBytes`; less in tests, so that later documents
  /// hold characters the code lacks).
  package var storedTextSampleBytes = StoredTextCompression.sampleBytes
  /// Bytes of encoded postings segments kept in memory before they go to temporary files.
  public var segmentMemoryBudget = 32 << 20
  /// Whether a file unchanged in size and modification time is still read and its content
  /// compared with the index's hash of it: an edit of the same size whose modification time
  /// was restored (`touch -r`, `cp -p`, `rsync -t`, an archive unpacked) is then found. Off
  /// by default, since it reads every file.
  public var rehash = false
  /// Bytes the build may write before its writes fail as on a full disk (nil: no limit but
  /// the disk's). Lets a test reach the full-disk error path (`WriteBudget`).
  package var writeBudget: Int?
  /// Threads that read, parse and fold files while postings are written (1: one thread
  /// besides the writer's).
  public var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// A builder for the index in `directory` that reads departments, indicators and target
  /// units with `dictionaries`.
  public init(directory: URL, dictionaries: PolicyDictionaries = .bundled) {
    self.directory = directory
    self.parser = PolicyParser(dictionaries: dictionaries)
    // Units keep no references; reading them is 1% of indexing the seeds.
    self.parser.readsReferences = false
  }

  /// Indexes `files` (the whole set: files indexed before and not given now are removed).
  /// - Throws: `IndexError` when the index cannot be written (`.unwritable` naming the
  ///   index directory, with the system's reason: "no space left on device"); the new
  ///   generation is then removed, and the previous index stays live and whole. A file that
  ///   cannot be read is a failure in the summary, not an error.
  /// - Complexity: O(t) in the folded text of all units, plus reading and parsing the files
  ///   that changed; O(k log k) per segment of k keys, O(K · s) to merge K keys over s segments.
  public func build(files: [String], progress: ((Progress) -> Void)? = nil) throws -> Summary {
    let start = Date()
    OpenFileLimit.raiseToHardLimit()
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw IndexError.unwritable(directory: directory.path, reason: error.localizedDescription)
    }
    let layout = IndexDirectory(url: directory)
    let lock = try layout.lock()
    defer { layout.unlock(lock) }
    // A previous index whose unit table is damaged is not reused: its files are parsed again.
    var previous = try? InvertedIndex.open(directory)
    if let index = previous, (try? index.units.checkTables()) == nil { previous = nil }
    // Generations left by interrupted runs go; while CURRENT cannot be read, every
    // generation stays (the live one among them).
    do { layout.removeStaleGenerations(keeping: try layout.liveGeneration()) } catch {}
    var previousByPath: [String: Int] = [:]
    var previousDocuments: [Int: IndexedDocument] = [:]
    var previousUnits: [Int: Range<Int>] = [:]
    if let previous {
      // A damaged document record is left out: its file is parsed again.
      for index in 0..<previous.documentCount {
        guard let document = try? previous.document(index) else { continue }
        previousByPath[document.path] = index
        previousDocuments[index] = document
      }
      var index = 0
      let entries = previous.units.entries
      while index < entries.count {
        var end = index + 1
        while end < entries.count && entries[end].document == entries[index].document { end += 1 }
        previousUnits[Int(entries[index].document)] = index..<end
        index = end
      }
    }

    let generation = try layout.makeGeneration()
    do {
      let reuse = Reuse(
        index: previous, byPath: previousByPath, documents: previousDocuments,
        units: previousUnits)
      var summary = try write(files, into: generation, reusing: reuse, progress: progress)
      try layout.commit(generation)
      layout.removeStaleGenerations(keeping: generation)
      let given = Set(files)
      summary.removed = previousDocuments.values.filter { !given.contains($0.path) }.count
      summary.seconds = Date().timeIntervalSince(start)
      return summary
    } catch {
      // Nothing of a failed build stays: the next run would find it only to remove it.
      try? FileManager.default.removeItem(at: generation)
      if case .unwritable(_, let reason) = error as? IndexError {
        throw IndexError.unwritable(directory: directory.path, reason: reason)
      }
      throw error
    }
  }

  /// What a build may take from the previous index: its documents by path, and the
  /// range of each document's units.
  struct Reuse: Sendable {
    var index: InvertedIndex?
    var byPath: [String: Int]
    var documents: [Int: IndexedDocument]
    var units: [Int: Range<Int>]
  }

  /// Writes the index of `files` into the new `generation` (not yet live).
  private func write(
    _ files: [String], into generation: URL, reusing reuse: Reuse,
    progress: ((Progress) -> Void)?
  ) throws -> Summary {
    let start = Date()
    let budget = writeBudget.map { WriteBudget(bytes: $0) }
    let unitsWriter = try UnitsFile.Writer(
      path: generation.appendingPathComponent(IndexDirectory.units).path, budget: budget)
    let postings = PostingsWriter(
      directory: generation, segmentLimit: segmentLimit, memoryBudget: segmentMemoryBudget,
      writeBudget: budget)
    postings.splitBytes = mergeSplitBytes
    let fileList = try IndexFileListWriter(
      path: generation.appendingPathComponent(IndexDirectory.files).path, budget: budget)
    var failures: [(path: String, error: String)] = []
    var warnings: [String] = []
    var parsed = 0
    var reused = 0
    var sourceBytes = 0
    var textBytes = 0
    var unitIndex = 0
    var totalLength = 0
    var lastReport = Date.distantPast

    // Files are read, parsed and folded on `jobs` threads besides this one, handed over in
    // order, a few ahead; their stored text is compressed there once the code and the
    // dictionary are trained (before, by this thread).
    let compression = StoredTextCompression()
    let pipeline = OrderedPipeline(count: files.count, workers: jobs, depth: max(8, 4 * jobs)) {
      [self] number in
      var file = prepare(files[number], reusing: reuse)
      if let codec = compression.codec { file.units.compressChunks(with: codec) }
      return file
    }
    defer { pipeline.cancel() }
    /// Files written (their failures included): what progress reports.
    var filesWritten = 0
    func report(final: Bool) {
      guard let progress, !files.isEmpty, final || Date().timeIntervalSince(lastReport) > 0.2
      else { return }
      lastReport = Date()
      progress(
        Progress(
          filesDone: filesWritten, filesTotal: files.count, bytesDone: sourceBytes,
          seconds: Date().timeIntervalSince(start)))
    }

    /// Writes one prepared file: its document, chunks and units, or its failure.
    func write(_ file: PreparedFile) throws {
      defer { filesWritten += 1 }
      let path = file.path
      guard let document = file.document else {
        failures.append((path, file.failure ?? "unreadable"))
        fileList.add(IndexManifest.Failure(path: path, error: failures.last!.error))
        return
      }
      guard fileList.fileCount < IndexLimits.documents,
        unitIndex <= IndexLimits.units - file.units.extents.count
      else {
        let error =
          "\(path): error: the index is full (at most \(IndexLimits.documents) "
          + "documents and \(IndexLimits.units) units)"
        failures.append((path, error))
        fileList.add(IndexManifest.Failure(path: path, error: error))
        return
      }
      warnings += file.warnings
      if file.reused { reused += 1 } else { parsed += 1 }
      let documentIndex = fileList.fileCount
      try unitsWriter.add(document)
      var units = file.units
      if let codec = compression.codec { units.compressChunks(with: codec) }
      let chunkOffsets = try unitsWriter.add(chunks: units.chunks)
      try units.records.bytes.withUnsafeBufferPointer { records in
        try units.folded.withUnsafeBufferPointer { folded in
          var recordStart = 0
          var foldedStart = 0
          for unit in units.extents {
            let scalars = UnsafeBufferPointer(rebasing: folded[foldedStart..<unit.foldedEnd])
            try unitsWriter.add(
              fields: UnsafeBufferPointer(rebasing: records[recordStart..<unit.recordEnd]),
              chunkOffset: chunkOffsets[unit.chunk], document: documentIndex, kind: unit.kind,
              foldedLength: scalars.count, headingLength: unit.headingLength)
            try postings.add(unit: unitIndex, scalars: scalars, headingLength: unit.headingLength)
            totalLength += scalars.count
            textBytes += unit.textBytes
            unitIndex += 1
            recordStart = unit.recordEnd
            foldedStart = unit.foldedEnd
          }
        }
      }
      try fileList.add(
        IndexManifest.File(
          path: path, size: file.size, modified: file.modified, hash: document.contentHash,
          document: document.id))
      sourceBytes += file.size
    }

    // The first files wait until their stored text is enough to train the code and the
    // dictionary on (or the files run out); then they are written, and the rest as they come.
    var waiting: [PreparedFile] = []
    var waitingBytes = 0
    func writeWaiting() throws {
      // The chunks of the first megabyte (a large first file gives its first chunks).
      var samples: [[UInt8]] = []
      var sampled = 0
      for chunk in waiting.lazy.flatMap(\.units.uncompressedChunks) {
        guard sampled < storedTextSampleBytes else { break }
        samples.append(chunk)
        sampled += chunk.count
      }
      try unitsWriter.writeTables(compression.decide(samples: samples))
      for file in waiting { try write(file) }
      waiting = []
    }
    while let file = pipeline.next() {
      if compression.isDecided {
        try write(file)
      } else {
        waiting.append(file)
        waitingBytes += file.units.chunks.reduce(0) { $0 + $1.rawLength }
        if waitingBytes >= storedTextSampleBytes { try writeWaiting() }
      }
      report(final: false)
    }
    if !compression.isDecided { try writeWaiting() }
    report(final: true)
    let unitsResult = try unitsWriter.finish()
    let postingsResult = try postings.finish(
      to: generation.appendingPathComponent(IndexDirectory.postings))
    let fileListResult = try fileList.finish()
    let manifest = IndexManifest(
      format: IndexManifest.format, version: IndexManifest.version,
      created: ISO8601DateFormatter().string(from: Date()),
      documentCount: fileList.fileCount, unitCount: unitIndex,
      keyCount: postingsResult.keys, textBytes: textBytes,
      averageUnitLength: unitIndex > 0 ? Double(totalLength) / Double(unitIndex) : 1,
      checksums: [
        IndexDirectory.units: [String(unitsResult.length), Checksum.hex(unitsResult.checksum)],
        IndexDirectory.postings: [
          String(postingsResult.length), Checksum.hex(postingsResult.checksum),
        ],
        IndexDirectory.files: [
          String(fileListResult.length), Checksum.hex(fileListResult.checksum),
        ],
      ])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let writer = try BufferedFileWriter(
      path: generation.appendingPathComponent(IndexDirectory.manifest).path, budget: budget)
    try writer.write(Array(try encoder.encode(manifest)))
    _ = try writer.close()
    return Summary(
      documents: fileList.fileCount, parsed: parsed, reused: reused, removed: 0,
      failures: failures, warnings: warnings, units: unitIndex,
      sourceBytes: sourceBytes, textBytes: textBytes,
      indexBytes: unitsResult.length + postingsResult.length,
      seconds: Date().timeIntervalSince(start))
  }
}
