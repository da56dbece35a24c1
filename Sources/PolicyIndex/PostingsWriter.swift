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
  private enum Segment {
    case memory(GrowableBytes)
    case file(URL)
  }

  private let directory: URL
  private let segmentLimit: Int
  private let memoryBudget: Int
  private let writeBudget: WriteBudget?
  private var memoryHeld = 0
  private var buffer = PostingsSegmentBuffer()
  private var segments: [Segment] = []

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
    try buffer.write { count, fill in
      if memoryHeld + count <= memoryBudget {
        let bytes = GrowableBytes(capacity: count)
        fill(bytes.reserve(count))
        bytes.count = count
        memoryHeld += count
        segments.append(.memory(bytes))
      } else {
        let url = directory.appendingPathComponent("segment-\(segments.count).tmp")
        let writer = try BufferedFileWriter(path: url.path, temporary: true, budget: writeBudget)
        try writer.append(count: count, fill)
        file = (writer, url)
      }
    }
    if let file {
      try file.writer.closeTemporary()
      segments.append(.file(file.url))
    }
    #if os(Linux)
    // Memory the parser freed since the last segment goes back to the system: without
    // this, the allocator's free lists grow with the number of files parsed (25 MB more at
    // 1 GB than at 64 MB).
    _ = releaseFreedMemory(0)
    #endif
  }

  /// Merges the segments into `url`; returns the file's checksum and length.
  package func finish(to url: URL) throws -> (checksum: UInt64, length: Int, keys: Int) {
    try flushSegment()
    let out = try BufferedFileWriter(path: url.path, budget: writeBudget)
    try out.write(Array(PostingsFile.frame.headerMagic.utf8))
    var keyCount = 0
    var readers: [SegmentReader] = []
    for segment in segments {
      switch segment {
      case .memory(let bytes):
        readers.append(
          try SegmentReader(
            bytes: UnsafeBufferPointer(start: bytes.base, count: bytes.count),
            name: "a postings segment in memory"))
      case .file(let url):
        readers.append(try SegmentReader(path: url.path))
      }
    }
    var encoder = PostingListEncoder()
    var table = PostingsKeyTable.Writer()
    // Each reader's current key (keys have 42 bits; the largest value marks an exhausted
    // reader), scanned without copying the readers.
    var currentKeys = readers.map { $0.current?.key ?? .max }
    while true {
      var key = UInt64.max
      for current in currentKeys where current < key { key = current }
      guard key != .max else { break }
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
    let top = try table.write(to: out)
    try out.write(
      PostingsFile.frame.footer([
        UInt64(top.offset), UInt64(top.blocks), UInt64(keyCount), top.checksum,
      ]))
    let length = out.length
    let checksum = try out.close()
    readers.removeAll()
    withExtendedLifetime(segments) {}
    for case .file(let url) in segments { try? FileManager.default.removeItem(at: url) }
    segments.removeAll()
    memoryHeld = 0
    return (checksum, length, keyCount)
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
