import Foundation

/// Builds the positional bigram postings of an index in bounded memory: units go into an
/// in-memory segment, which is written to disk when it holds `segmentLimit` positions;
/// at the end the segments are merged into one `postings.bin`.
///
/// A posting list is, for each unit holding the key: the unit (as a delta from the previous
/// one, starting from -1), the number of positions, and the positions (as deltas).
final class PostingsWriter {
  private struct Accumulator {
    var bytes: [UInt8] = []
    var lastUnit = -1
    var firstUnit = -1
    var documentFrequency = 0
  }

  private let directory: URL
  private let segmentLimit: Int
  private var slots: [UInt64: Int] = [:]
  private var accumulators: [Accumulator] = []
  private var positions = 0
  private var segments: [URL] = []
  private var pairs: [(key: UInt64, position: UInt32)] = []

  init(directory: URL, segmentLimit: Int = 6_000_000) {
    self.directory = directory
    self.segmentLimit = segmentLimit
  }

  /// Adds the folded scalars of unit `unit` (units must come in increasing order).
  func add(unit: Int, scalars: [UInt32]) throws {
    guard !scalars.isEmpty else { return }
    pairs.removeAll(keepingCapacity: true)
    for index in 0..<scalars.count {
      let next = index + 1 < scalars.count ? scalars[index + 1] : BigramKey.end
      pairs.append((BigramKey.make(scalars[index], next), UInt32(index)))
    }
    pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
    var start = 0
    while start < pairs.count {
      var end = start + 1
      while end < pairs.count && pairs[end].key == pairs[start].key { end += 1 }
      let key = pairs[start].key
      let slot: Int
      if let existing = slots[key] {
        slot = existing
      } else {
        slot = accumulators.count
        slots[key] = slot
        accumulators.append(Accumulator())
      }
      var writer = ByteWriter()
      writer.varint(unit - accumulators[slot].lastUnit)
      writer.varint(end - start)
      var previous: UInt32 = 0
      for index in start..<end {
        writer.varint(UInt64(pairs[index].position - previous))
        previous = pairs[index].position
      }
      accumulators[slot].bytes.append(contentsOf: writer.bytes)
      if accumulators[slot].firstUnit < 0 { accumulators[slot].firstUnit = unit }
      accumulators[slot].lastUnit = unit
      accumulators[slot].documentFrequency += 1
      start = end
    }
    positions += scalars.count
    if positions >= segmentLimit { try flushSegment() }
  }

  /// Writes the in-memory segment: keys in order, each with its first and last unit,
  /// document frequency and posting bytes.
  private func flushSegment() throws {
    guard !slots.isEmpty else { return }
    let url = directory.appendingPathComponent("segment-\(segments.count).tmp")
    let file = try BufferedFileWriter(path: url.path)
    var header = ByteWriter()
    header.varint(slots.count)
    try file.write(header.bytes)
    for key in slots.keys.sorted() {
      let accumulator = accumulators[slots[key]!]
      var writer = ByteWriter()
      writer.uint64(key)
      writer.varint(accumulator.firstUnit)
      writer.varint(accumulator.lastUnit)
      writer.varint(accumulator.documentFrequency)
      writer.varint(accumulator.bytes.count)
      writer.bytes.append(contentsOf: accumulator.bytes)
      try file.write(writer.bytes)
    }
    _ = try file.close()
    segments.append(url)
    slots.removeAll(keepingCapacity: true)
    accumulators.removeAll(keepingCapacity: true)
    positions = 0
  }

  /// Merges the segments into `url`; returns the file's checksum and length.
  func finish(to url: URL) throws -> (checksum: UInt64, length: Int, keys: Int) {
    try flushSegment()
    let out = try BufferedFileWriter(path: url.path)
    try out.write(Array(PostingsFile.headerMagic.utf8))
    var table = ByteWriter()
    var keyCount = 0
    let datas = try segments.map { try Data(contentsOf: $0, options: .alwaysMapped) }
    try withUnsafeSegments(datas) { buffers in
      var readers = try buffers.map { buffer -> SegmentReader in try SegmentReader(buffer, file: url.path) }
      while true {
        guard let key = readers.compactMap(\.currentKey).min() else { break }
        let offset = out.length
        var lastUnit = -1
        var documentFrequency = 0
        for index in readers.indices where readers[index].currentKey == key {
          let entry = readers[index].current!
          // Re-base the first unit delta on the last unit of the parts before.
          var reader = ByteReader(entry.bytes, file: url.path)
          let firstDelta = try reader.int()
          var rebased = ByteWriter()
          rebased.varint((firstDelta - 1) - lastUnit)
          try out.write(rebased.bytes)
          try out.write(Array(UnsafeBufferPointer(rebasing: entry.bytes[reader.offset...])))
          lastUnit = entry.lastUnit
          documentFrequency += entry.documentFrequency
          try readers[index].advance()
        }
        table.uint64(key)
        table.uint64(UInt64(offset))
        table.uint32(UInt32(out.length - offset))
        table.uint32(UInt32(documentFrequency))
        keyCount += 1
      }
    }
    let tableOffset = out.length
    let tableChecksum = table.bytes.withUnsafeBufferPointer { Checksum.fnv1a($0) }
    try out.write(table.bytes)
    var footer = ByteWriter()
    footer.uint64(UInt64(tableOffset))
    footer.uint64(UInt64(keyCount))
    footer.uint64(tableChecksum)
    footer.bytes.append(contentsOf: PostingsFile.footerMagic.utf8)
    try out.write(footer.bytes)
    let length = out.length
    let checksum = try out.close()
    for segment in segments { try? FileManager.default.removeItem(at: segment) }
    return (checksum, length, keyCount)
  }

  private func withUnsafeSegments<R>(_ datas: [Data], _ body: ([UnsafeBufferPointer<UInt8>]) throws -> R) throws -> R {
    func nest(_ index: Int, _ acc: [UnsafeBufferPointer<UInt8>]) throws -> R {
      if index == datas.count { return try body(acc) }
      return try datas[index].withUnsafeBytes { raw in
        try nest(index + 1, acc + [raw.bindMemory(to: UInt8.self)])
      }
    }
    return try nest(0, [])
  }

  /// Reads a segment file key by key.
  private struct SegmentReader {
    struct Entry {
      var key: UInt64
      var firstUnit: Int
      var lastUnit: Int
      var documentFrequency: Int
      var bytes: UnsafeBufferPointer<UInt8>
    }
    var reader: ByteReader
    var remaining: Int
    var current: Entry?
    var currentKey: UInt64? { current?.key }

    init(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws {
      reader = ByteReader(buffer, file: file)
      remaining = try reader.int()
      try advance()
    }

    mutating func advance() throws {
      guard remaining > 0 else {
        current = nil
        return
      }
      remaining -= 1
      let key = try reader.uint64()
      let first = try reader.int()
      let last = try reader.int()
      let frequency = try reader.int()
      let length = try reader.int()
      guard reader.offset + length <= reader.bytes.count else { throw IndexError.corrupt(file: reader.file, reason: "segment truncated") }
      let bytes = UnsafeBufferPointer(rebasing: reader.bytes[reader.offset..<(reader.offset + length)])
      reader.offset += length
      current = Entry(key: key, firstUnit: first, lastUnit: last, documentFrequency: frequency, bytes: bytes)
    }
  }
}
