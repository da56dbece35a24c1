#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an encoded postings segment (`PostingsSegmentBuffer.write`) key by key while the
/// segments are merged: a segment kept in memory is read in place; a segment in a
/// temporary file through a window of `windowSize` bytes (grown to hold the largest entry),
/// read with `pread`. Mapping the files instead let the kernel keep 2 MB of every one in
/// memory, so a build's memory grew with the number of segments, that is with the corpus.
struct SegmentReader {
  /// One key's part of the segment; its blocks stay valid until the next `advance()`.
  struct Entry {
    var key: UInt64
    var documentFrequency: Int
    var unitBlock: UnsafeBufferPointer<UInt8>
    var positionBlock: UnsafeBufferPointer<UInt8>
  }

  /// Bytes read from a segment file at a time (a merge of a 1 GB corpus reads about 170
  /// segments at once, on each of its two threads).
  static let windowSize = 16 << 10
  /// The most bytes an entry's header takes: a key and five varints.
  private static let headerSize = 8 + 5 * 10

  private let source: Window
  private var remaining: Int
  private(set) var current: Entry?

  /// A reader of the segment in `bytes` (kept alive by the caller), from its start or
  /// from `start` (an entry's offset, and the entries left from there).
  init(
    bytes: UnsafeBufferPointer<UInt8>, name: String,
    start: (offset: Int, entriesLeft: Int)? = nil
  ) throws {
    source = Window(bytes: bytes, name: name)
    remaining = 0
    try begin(at: start)
  }

  /// A reader of the segment file at `path`, from its start or from `start`.
  init(path: String, start: (offset: Int, entriesLeft: Int)? = nil) throws {
    source = try Window(path: path)
    remaining = 0
    try begin(at: start)
  }

  private mutating func begin(at start: (offset: Int, entriesLeft: Int)?) throws {
    if let start {
      try source.skip(start.offset)
      remaining = start.entriesLeft
      try advance()
      return
    }
    _ = try source.ensure(10)
    var reader = ByteReader(source.available, file: source.name)
    remaining = try reader.int()
    source.consume(reader.offset)
    try advance()
  }

  /// Moves past the entries of keys below `key` (their blocks are skipped, not read), to
  /// the first entry of a key at least `key`, read whole.
  mutating func skip(below key: UInt64) throws {
    while let entry = current, entry.key < key { try advance(skippingBelow: key) }
  }

  /// Moves to the next key's entry (nil after the last).
  mutating func advance() throws { try advance(skippingBelow: 0) }

  /// Moves to the next key's entry; an entry of a key below `limit` is only looked at for
  /// its key (to be skipped): its blocks are not read, and `current` holds none.
  private mutating func advance(skippingBelow limit: UInt64) throws {
    guard remaining > 0 else {
      current = nil
      return
    }
    remaining -= 1
    _ = try source.ensure(Self.headerSize)
    var reader = ByteReader(source.available, file: source.name)
    let key = try reader.uint64()
    _ = try reader.int()  // the first unit
    _ = try reader.int()  // the last unit
    let frequency = try reader.int()
    let unitLength = try reader.int()
    let positionLength = try reader.int()
    let header = reader.offset
    guard unitLength >= 0, positionLength >= 0 else {
      throw IndexError.corrupt(file: source.name, reason: "segment truncated")
    }
    guard key >= limit else {
      current = Entry(
        key: key, documentFrequency: frequency,
        unitBlock: UnsafeBufferPointer(start: nil, count: 0),
        positionBlock: UnsafeBufferPointer(start: nil, count: 0))
      try source.skip(header + unitLength + positionLength)
      return
    }
    guard try source.ensure(header + unitLength + positionLength) else {
      throw IndexError.corrupt(file: source.name, reason: "segment truncated")
    }
    let bytes = source.available
    current = Entry(
      key: key, documentFrequency: frequency,
      unitBlock: UnsafeBufferPointer(rebasing: bytes[header..<(header + unitLength)]),
      positionBlock: UnsafeBufferPointer(
        rebasing: bytes[(header + unitLength)..<(header + unitLength + positionLength)]))
    source.consume(header + unitLength + positionLength)
  }

  /// The bytes of a segment not yet consumed, or the part of them read so far.
  private final class Window {
    let name: String
    private let descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    /// The unread bytes: `base[start..<end]`.
    private var base: UnsafePointer<UInt8>?
    private var start = 0
    private var end = 0
    /// Where the next read of the file starts.
    private var fileOffset = 0

    init(bytes: UnsafeBufferPointer<UInt8>, name: String) {
      self.name = name
      descriptor = -1
      base = bytes.baseAddress
      end = bytes.count
    }

    init(path: String) throws {
      name = path
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      // A temporary file of this build: failing to open it is the build's failure (too
      // many open files), not damage.
      guard descriptor >= 0 else { throw BufferedFileWriter.failure(path, errno) }
      capacity = SegmentReader.windowSize
      buffer = .allocate(capacity: capacity)
      base = UnsafePointer(buffer)
    }

    deinit {
      buffer?.deallocate()
      if descriptor >= 0 { close(descriptor) }
    }

    /// The unread bytes held now (the entry being read starts there).
    var available: UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(start: base.map { $0 + start }, count: end - start)
    }

    /// Marks `count` bytes as read.
    func consume(_ count: Int) { start += count }

    /// Moves past `count` bytes, reading none of those not held yet.
    func skip(_ count: Int) throws {
      let held = end - start
      guard count > held else {
        start += count
        return
      }
      guard descriptor >= 0 else {
        throw IndexError.corrupt(file: name, reason: "segment truncated")
      }
      start = end
      fileOffset += count - held
    }

    /// Makes at least `count` unread bytes available, or as many as the segment has left;
    /// returns whether `count` are.
    func ensure(_ count: Int) throws -> Bool {
      guard end - start < count, descriptor >= 0, let held = buffer else {
        return end - start >= count
      }
      // What is left moves to the front; the window grows for an entry larger than it,
      // and shrinks back after it.
      let left = end - start
      let wanted = max(count, SegmentReader.windowSize)
      if wanted != capacity && left <= wanted {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
        grown.update(from: held + start, count: left)
        held.deallocate()
        buffer = grown
        capacity = wanted
      } else {
        (held + 0).update(from: held + start, count: left)
      }
      let target = buffer!
      base = UnsafePointer(target)
      start = 0
      end = left
      while end < capacity {
        let got = pread(descriptor, target + end, capacity - end, off_t(fileOffset))
        if got < 0 && errno == EINTR { continue }
        guard got >= 0 else {
          throw IndexError.corrupt(
            file: name, reason: "cannot be read: \(String(cString: strerror(errno)))")
        }
        if got == 0 { break }
        end += got
        fileOffset += got
      }
      return end - start >= count
    }
  }
}
