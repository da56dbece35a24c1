import Foundation
import PolicyBytes

#if os(Linux)
/// glibc's `malloc_trim` (declared in `malloc.h`, which the Glibc module leaves out).
@_silgen_name("malloc_trim") private func releaseFreedMemory(_ pad: Int) -> Int32
#endif

/// Builds the positional bigram postings of an index in bounded memory: units go into an
/// in-memory segment (`PostingsSegmentBuffer`), which is encoded when it holds
/// `segmentLimit` positions; at the end the segments are merged into one `postings.bin`
/// (format in `PostingsFile`). Encoded segments stay in memory while they total at most
/// `memoryBudget` bytes, and go to temporary files after that: a corpus of a few tens of
/// megabytes is indexed without writing its postings twice.
final class PostingsWriter {
  /// An encoded segment: in memory, or in a temporary file.
  private enum Storage {
    case memory(GrowableBytes)
    case file(URL)
  }

  /// An encoded segment: where it is, and its sparse key index.
  private struct Segment {
    var storage: Storage
    var keys: SegmentKeyIndex
  }

  private let directory: URL
  private let segmentLimit: Int
  private let memoryBudget: Int
  private let writeBudget: WriteBudget?
  private var memoryHeld = 0
  private var buffer = PostingsSegmentBuffer()
  private var segments: [Segment] = []

  /// Bytes of the first segment from which the merge runs on two threads (a test sets it
  /// low to take that path on a small corpus).
  package var splitBytes = 1 << 20

  /// A writer whose files go in `directory`, counted against `writeBudget` if given.
  package init(
    directory: URL, segmentLimit: Int, memoryBudget: Int, writeBudget: WriteBudget? = nil
  ) {
    self.directory = directory
    self.segmentLimit = segmentLimit
    self.memoryBudget = memoryBudget
    self.writeBudget = writeBudget
  }

  /// Adds the folded scalars of unit `unit` (units must come in increasing order), of
  /// which the first `headingLength` are its heading.
  func add(unit: Int, scalars: UnsafeBufferPointer<UInt32>, headingLength: Int) throws {
    guard !scalars.isEmpty else { return }
    if buffer.positionCount >= segmentLimit { try flushSegment() }
    buffer.add(unit: unit, scalars: scalars, headingLength: headingLength)
  }

  private func flushSegment() throws {
    guard !buffer.isEmpty else { return }
    var file: (writer: BufferedFileWriter, url: URL)?
    var memory: GrowableBytes?
    let keys = try buffer.write { count, fill in
      if memoryHeld + count <= memoryBudget {
        let bytes = GrowableBytes(capacity: count)
        fill(bytes.reserve(count))
        bytes.count = count
        memoryHeld += count
        memory = bytes
      } else {
        let url = directory.appendingPathComponent("segment-\(segments.count).tmp")
        let writer = try BufferedFileWriter(path: url.path, temporary: true, budget: writeBudget)
        try writer.append(count: count, fill)
        file = (writer, url)
      }
    }
    if let memory {
      segments.append(Segment(storage: .memory(memory), keys: keys))
    } else if let file {
      try file.writer.closeTemporary()
      segments.append(Segment(storage: .file(file.url), keys: keys))
    }
    #if os(Linux)
    // Memory the parser freed since the last segment goes back to the system: without
    // this, the allocator's free lists grow with the number of files parsed (25 MB more at
    // 1 GB than at 64 MB).
    _ = releaseFreedMemory(0)
    #endif
  }

  /// Merges the segments into `url`; returns the file's checksum and length. The keys are
  /// merged in two ranges at once, on two threads, split where the first segment's bytes
  /// are halved: the lower range into `url`, the upper one into a temporary file appended
  /// after it (the merge was a quarter of a build, on one thread).
  package func finish(to url: URL) throws -> (checksum: UInt64, length: Int, keys: Int) {
    try flushSegment()
    let out = try BufferedFileWriter(path: url.path, budget: writeBudget)
    try out.write(Array(PostingsFile.frame.headerMagic.utf8))
    let split = try splitKey()
    var (table, keyCount) = (PostingsKeyTable.Writer(), 0)
    if let split {
      let upperURL = directory.appendingPathComponent("postings-upper.tmp")
      defer { try? FileManager.default.removeItem(at: upperURL) }
      let (lower, upper) = try TwoThreads.run(
        { try merge(keys: 0..<split, into: out) },
        {
          let upper = try BufferedFileWriter(
            path: upperURL.path, temporary: true, budget: writeBudget)
          let merged = try merge(keys: split..<UInt64.max, into: upper)
          try upper.closeTemporary()
          return merged
        })
      (table, keyCount) = lower
      table.append(upper.0, listsMovedBy: out.length)
      try out.appendContents(ofFile: upperURL.path)
      keyCount += upper.1
    } else {
      (table, keyCount) = try merge(keys: 0..<UInt64.max, into: out)
    }
    let top = try table.write(to: out)
    try out.write(
      PostingsFile.frame.footer([
        UInt64(top.offset), UInt64(top.blocks), UInt64(keyCount), top.checksum,
      ]))
    let length = out.length
    let checksum = try out.close()
    withExtendedLifetime(segments) {}
    for case .file(let url) in segments.map(\.storage) {
      try? FileManager.default.removeItem(at: url)
    }
    segments.removeAll()
    memoryHeld = 0
    return (checksum, length, keyCount)
  }

  /// A reader of each segment, at the entry of the first key at least `key` or a little
  /// before it.
  private func readers(from key: UInt64 = 0) throws -> [SegmentReader] {
    try segments.map { segment in
      let start = segment.keys.start(for: key)
      switch segment.storage {
      case .memory(let bytes):
        return try SegmentReader(
          bytes: UnsafeBufferPointer(start: bytes.base, count: bytes.count),
          name: "a postings segment in memory", start: start)
      case .file(let url):
        return try SegmentReader(path: url.path, start: start)
      }
    }
  }

  /// The key that halves the bytes of the first segment (nil when it holds fewer than
  /// `splitBytes`, too few to be worth a second thread): the lists of a bigram are spread
  /// over the segments alike.
  private func splitKey() throws -> UInt64? {
    guard let first = segments.first else { return nil }
    var reader: SegmentReader
    switch first.storage {
    case .memory(let bytes):
      reader = try SegmentReader(
        bytes: UnsafeBufferPointer(start: bytes.base, count: bytes.count),
        name: "a postings segment in memory")
    case .file(let url):
      reader = try SegmentReader(path: url.path)
    }
    var entries: [(key: UInt64, bytes: Int)] = []
    var total = 0
    while let entry = reader.current {
      let bytes = entry.unitBlock.count + entry.positionBlock.count
      entries.append((entry.key, bytes))
      total += bytes
      try reader.advance()
    }
    guard total >= splitBytes else { return nil }
    var sum = 0
    for entry in entries {
      sum += entry.bytes
      if sum * 2 >= total { return entry.key &+ 1 }
    }
    return nil
  }

  /// Merges the keys in `keys` of every segment into `out`, each list re-encoded in blocks
  /// as it is read; returns the key table (offsets from the start of `out`) and the count.
  private func merge(keys: Range<UInt64>, into out: BufferedFileWriter) throws -> (
    PostingsKeyTable.Writer, Int
  ) {
    var readers = try readers(from: keys.lowerBound)
    for index in readers.indices {
      try readers[index].skip(below: keys.lowerBound)
    }
    var encoder = PostingListEncoder()
    var table = PostingsKeyTable.Writer()
    var keyCount = 0
    // Each reader's current key (keys have 42 bits; the largest value marks an exhausted
    // reader), scanned without copying the readers.
    var currentKeys = readers.map { $0.current?.key ?? .max }
    while true {
      var key = UInt64.max
      for current in currentKeys where current < key { key = current }
      guard key != .max, keys.contains(key) else { break }
      // The parts of the key, in segment order (so in unit order), re-encoded as blocks
      // and written as they fill.
      var unitCount = 0
      for index in readers.indices where currentKeys[index] == key {
        unitCount += readers[index].current!.documentFrequency
      }
      let offset = out.length
      try encoder.begin(unitCount: unitCount, out: out)
      for index in readers.indices where currentKeys[index] == key {
        try Self.decode(readers[index].current!, into: &encoder, out: out)
        try readers[index].advance()
        currentKeys[index] = readers[index].current?.key ?? .max
      }
      let (length, checksum) = try encoder.finish(out: out)
      table.add(key: key, offset: offset, length: length, checksum: checksum)
      keyCount += 1
    }
    return (table, keyCount)
  }

  /// Adds the units of a segment's part to `encoder`: the unit block holds per unit its
  /// delta (the first from -1), its count field (`PostingsSegmentBuffer`) and its heading
  /// count when flagged; the positions block its positions as deltas. The segment was
  /// encoded by this process: its varints are read without bounds checks.
  private static func decode(
    _ part: SegmentReader.Entry, into encoder: inout PostingListEncoder, out: BufferedFileWriter
  ) throws {
    guard let units = part.unitBlock.baseAddress, let positions = part.positionBlock.baseAddress
    else { return }
    var read = 0
    var positionRead = 0
    var unit = -1
    while read < part.unitBlock.count {
      unit += ByteReader.trustedVarint(units, at: &read)
      let countField = ByteReader.trustedVarint(units, at: &read)
      let inHeading = countField & 1 == 1 ? ByteReader.trustedVarint(units, at: &read) : 0
      let total = countField >> 1
      try encoder.add(unit: unit, total: total, inHeading: inHeading, out: out)
      for _ in 0..<total {
        encoder.addPosition(
          UInt32(truncatingIfNeeded: ByteReader.trustedVarint(positions, at: &positionRead)))
      }
    }
  }
}
