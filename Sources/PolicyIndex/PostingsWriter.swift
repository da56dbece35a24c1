import Foundation
import PolicyBytes

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
  }

  /// Merges the segments into `url`; returns the file's checksum and length.
  package func finish(to url: URL) throws -> (checksum: UInt64, length: Int, keys: Int) {
    try flushSegment()
    let out = try BufferedFileWriter(path: url.path, budget: writeBudget)
    try out.write(Array(PostingsFile.frame.headerMagic.utf8))
    var table = ByteWriter()
    var keyCount = 0
    var files: [MappedFile] = []
    var readers: [SegmentReader] = []
    for segment in segments {
      switch segment {
      case .memory(let bytes):
        readers.append(
          try SegmentReader(
            UnsafeBufferPointer(start: bytes.base, count: bytes.count),
            file: "a postings segment in memory"))
      case .file(let url):
        let file = try MappedFile(path: url.path)
        files.append(file)
        readers.append(try SegmentReader(file.bytes, file: file.path))
      }
    }
    var parts: [Int] = []
    // Per part: the delta of its first unit from the last unit of the part before, the
    // rest of its unit block, its positions.
    var pieces:
      [(delta: Int, units: UnsafeBufferPointer<UInt8>, positions: UnsafeBufferPointer<UInt8>)] = []
    // Each reader's current key (keys have 42 bits; the largest value marks an exhausted
    // reader), scanned without copying the readers.
    var currentKeys = readers.map { $0.current?.key ?? .max }
    while true {
      var key = UInt64.max
      for current in currentKeys where current < key { key = current }
      guard key != .max else { break }
      // The unit block of each part starts with a delta from unit -1; it is re-based on
      // the last unit of the part before, and the list written in one piece.
      parts.removeAll(keepingCapacity: true)
      pieces.removeAll(keepingCapacity: true)
      var previousUnit = -1
      var unitCount = 0
      for index in readers.indices where currentKeys[index] == key {
        let part = readers[index].current!
        let skip = ByteWriter.varintLength(part.firstUnit + 1)
        pieces.append(
          (
            part.firstUnit - previousUnit, UnsafeBufferPointer(rebasing: part.unitBlock[skip...]),
            part.positionBlock
          ))
        parts.append(index)
        unitCount += part.documentFrequency
        previousUnit = part.lastUnit
      }
      let unitBlockLength = pieces.reduce(0) {
        $0 + ByteWriter.varintLength($1.delta) + $1.units.count
      }
      let positionsLength = pieces.reduce(0) { $0 + $1.positions.count }
      let offset = out.length
      let unitPartLength =
        ByteWriter.varintLength(unitCount) + ByteWriter.varintLength(unitBlockLength)
        + unitBlockLength
      let listLength = unitPartLength + positionsLength
      guard listLength <= IndexLimits.postingListBytes else {
        throw IndexError.unwritable(
          directory: url.path,
          reason:
            "a posting list of \(listLength) bytes (the limit is \(IndexLimits.postingListBytes))")
      }
      var checksums: (units: UInt32, positions: UInt32) = (0, 0)
      try out.append(count: listLength) { target in
        var at = ByteWriter.varint(unitCount, at: target)
        at += ByteWriter.varint(unitBlockLength, at: target + at)
        for piece in pieces {
          at += ByteWriter.varint(piece.delta, at: target + at)
          if let base = piece.units.baseAddress {
            (target + at).update(from: base, count: piece.units.count)
          }
          at += piece.units.count
        }
        for piece in pieces {
          if let base = piece.positions.baseAddress {
            (target + at).update(from: base, count: piece.positions.count)
          }
          at += piece.positions.count
        }
        checksums = (
          Checksum.record(UnsafeBufferPointer(start: target, count: unitPartLength)),
          Checksum.record(
            UnsafeBufferPointer(start: target + unitPartLength, count: positionsLength))
        )
      }
      for index in parts {
        try readers[index].advance()
        currentKeys[index] = readers[index].current?.key ?? .max
      }
      table.uint64(key)
      table.uint64(UInt64(offset))
      table.uint32(UInt32(out.length - offset))
      table.uint32(UInt32(unitCount))
      table.uint32(checksums.units)
      table.uint32(checksums.positions)
      keyCount += 1
    }
    let tableOffset = out.length
    let tableChecksum = table.bytes.withUnsafeBufferPointer { Checksum.words($0) }
    try out.write(table.bytes)
    try out.write(
      PostingsFile.frame.footer([UInt64(tableOffset), UInt64(keyCount), tableChecksum]))
    let length = out.length
    let checksum = try out.close()
    withExtendedLifetime((files, segments)) {}
    for case .file(let url) in segments { try? FileManager.default.removeItem(at: url) }
    segments.removeAll()
    memoryHeld = 0
    return (checksum, length, keyCount)
  }

  /// Reads a segment file key by key.
  private struct SegmentReader {
    package struct Entry {
      package var key: UInt64
      var firstUnit: Int
      var lastUnit: Int
      var documentFrequency: Int
      var unitBlock: UnsafeBufferPointer<UInt8>
      var positionBlock: UnsafeBufferPointer<UInt8>
    }
    package var reader: ByteReader
    var remaining: Int
    package var current: Entry?

    package init(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws {
      reader = ByteReader(buffer, file: file)
      remaining = try reader.int()
      try advance()
    }

    package mutating func advance() throws {
      guard remaining > 0 else {
        current = nil
        return
      }
      remaining -= 1
      let key = try reader.uint64()
      let first = try reader.int()
      let last = try reader.int()
      let frequency = try reader.int()
      let unitLength = try reader.int()
      let positionLength = try reader.int()
      let start = reader.offset
      guard unitLength >= 0, positionLength >= 0,
        start + unitLength + positionLength <= reader.bytes.count
      else {
        throw IndexError.corrupt(file: reader.file, reason: "segment truncated")
      }
      reader.offset += unitLength + positionLength
      current = Entry(
        key: key, firstUnit: first, lastUnit: last, documentFrequency: frequency,
        unitBlock: UnsafeBufferPointer(rebasing: reader.bytes[start..<(start + unitLength)]),
        positionBlock: UnsafeBufferPointer(
          rebasing: reader.bytes[(start + unitLength)..<reader.offset]))
    }
  }
}
