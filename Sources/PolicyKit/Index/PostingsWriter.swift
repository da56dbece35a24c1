import Foundation

/// Builds the positional bigram postings of an index in bounded memory: units go into an
/// in-memory segment, which is written to disk when it holds `segmentLimit` positions;
/// at the end the segments are merged into one `postings.bin`.
///
/// A posting list is, for each unit holding the key: the unit (as a delta from the previous
/// one, starting from -1), the number of positions, and the positions (as deltas).
final class PostingsWriter {
  private let directory: URL
  private let segmentLimit: Int
  /// Groups of this segment: one per (key, unit), in the order they were added.
  private var groupUnits: [UInt32] = []
  private var groupStarts: [UInt32] = []
  /// Positions of all groups, group after group.
  private var positions: [UInt32] = []
  /// Per group, its key and index packed (key << 22 | group): sorted, they give the
  /// groups in key order and, for one key, in unit order.
  private var sortKeys: [UInt64] = []
  private var segments: [URL] = []
  private var packed: [UInt64] = []
  private static let groupLimit = (1 << 22) - 1

  init(directory: URL, segmentLimit: Int = 6_000_000) {
    self.directory = directory
    self.segmentLimit = segmentLimit
  }

  /// Adds the folded scalars of unit `unit` (units must come in increasing order).
  func add(unit: Int, scalars: UnsafeBufferPointer<UInt32>) throws {
    guard !scalars.isEmpty else { return }
    if sortKeys.count + scalars.count >= Self.groupLimit || positions.count >= segmentLimit { try flushSegment() }
    // The arrays are moved into locals for the loop: appending to a class's stored arrays
    // pays for exclusivity and uniqueness checks on every element.
    var packed = take(&self.packed)
    var sortKeys = take(&self.sortKeys)
    var groupUnits = take(&self.groupUnits)
    var groupStarts = take(&self.groupStarts)
    var positions = take(&self.positions)
    defer {
      self.packed = packed
      self.sortKeys = sortKeys
      self.groupUnits = groupUnits
      self.groupStarts = groupStarts
      self.positions = positions
    }
    // Key and position packed in one integer (positions below 2^22), sorted without a
    // comparison closure.
    packed.removeAll(keepingCapacity: true)
    let count = min(scalars.count, 1 << 22)
    for index in 0..<count {
      let next = index + 1 < scalars.count ? scalars[index + 1] : BigramKey.end
      packed.append(BigramKey.make(scalars[index], next) << 22 | UInt64(index))
    }
    packed.sort()
    var start = 0
    while start < packed.count {
      let key = packed[start] >> 22
      var end = start + 1
      while end < packed.count && packed[end] >> 22 == key { end += 1 }
      sortKeys.append(key << 22 | UInt64(groupUnits.count))
      groupUnits.append(UInt32(unit))
      groupStarts.append(UInt32(positions.count))
      for index in start..<end { positions.append(UInt32(packed[index] & 0x3F_FFFF)) }
      start = end
    }
  }

  private func take<T>(_ array: inout [T]) -> [T] {
    var taken: [T] = []
    swap(&taken, &array)
    return taken
  }

  /// Writes the in-memory segment: keys in order, each with its first and last unit,
  /// document frequency and posting bytes.
  private func flushSegment() throws {
    guard !sortKeys.isEmpty else { return }
    var sortKeys = take(&self.sortKeys)
    var groupStarts = take(&self.groupStarts)
    let groupUnits = take(&self.groupUnits)
    let positions = take(&self.positions)
    sortKeys.sort()
    groupStarts.append(UInt32(positions.count))
    let url = directory.appendingPathComponent("segment-\(segments.count).tmp")
    let file = try BufferedFileWriter(path: url.path)
    var keys = 0
    var index = 0
    while index < sortKeys.count {
      let key = sortKeys[index] >> 22
      var end = index + 1
      while end < sortKeys.count && sortKeys[end] >> 22 == key { end += 1 }
      keys += 1
      index = end
    }
    var header = ByteWriter()
    header.varint(keys)
    try file.write(header.bytes)
    var list = ByteWriter()
    var entry = ByteWriter()
    index = 0
    while index < sortKeys.count {
      let key = sortKeys[index] >> 22
      list.bytes.removeAll(keepingCapacity: true)
      var lastUnit = -1
      var firstUnit = -1
      var frequency = 0
      while index < sortKeys.count && sortKeys[index] >> 22 == key {
        let group = Int(sortKeys[index] & 0x3F_FFFF)
        let unit = Int(groupUnits[group])
        let from = Int(groupStarts[group])
        let to = Int(groupStarts[group + 1])
        list.varint(unit - lastUnit)
        list.varint(to - from)
        var previous: UInt32 = 0
        for position in positions[from..<to] {
          list.varint(UInt64(position - previous))
          previous = position
        }
        if firstUnit < 0 { firstUnit = unit }
        lastUnit = unit
        frequency += 1
        index += 1
      }
      entry.bytes.removeAll(keepingCapacity: true)
      entry.uint64(key)
      entry.varint(firstUnit)
      entry.varint(lastUnit)
      entry.varint(frequency)
      entry.varint(list.bytes.count)
      try file.write(entry.bytes)
      try file.write(list.bytes)
    }
    _ = try file.close()
    segments.append(url)
    sortKeys.removeAll(keepingCapacity: true)
    groupStarts.removeAll(keepingCapacity: true)
    self.sortKeys = sortKeys
    self.groupStarts = groupStarts
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
          try out.write(UnsafeBufferPointer(rebasing: entry.bytes[reader.offset...]))
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
    let tableChecksum = table.bytes.withUnsafeBufferPointer { Checksum.words($0) }
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
