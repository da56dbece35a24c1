/// Little-endian integers and LEB128 varints, for the index files.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func varint(_ value: UInt64) {
    if value < 0x80 {
      bytes.append(UInt8(value))
      return
    }
    // Encoded on the stack and appended at once: one capacity check, not one a byte.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
      let length = ByteWriter.varint(value, at: buffer.baseAddress!)
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<length]))
    }
  }

  mutating func varint(_ value: Int) { varint(UInt64(max(0, value))) }

  /// Writes `value` as a varint at `pointer` (room for 10 bytes); returns the number of
  /// bytes written.
  @inline(__always)
  static func varint(_ value: UInt64, at pointer: UnsafeMutablePointer<UInt8>) -> Int {
    var value = value
    var count = 0
    while value >= 0x80 {
      pointer[count] = UInt8(truncatingIfNeeded: value) | 0x80
      value >>= 7
      count &+= 1
    }
    pointer[count] = UInt8(truncatingIfNeeded: value)
    return count &+ 1
  }

  /// `varint(_:at:)` for a count or an offset (negative values are written as 0).
  @inline(__always)
  static func varint(_ value: Int, at pointer: UnsafeMutablePointer<UInt8>) -> Int {
    varint(UInt64(max(0, value)), at: pointer)
  }

  /// The number of bytes `varint(value)` writes.
  static func varintLength(_ value: Int) -> Int {
    // Seven bits a byte: one byte for 0, else ⌈significant bits / 7⌉.
    let bits = UInt64.bitWidth &- UInt64(max(0, value) | 1).leadingZeroBitCount
    return (bits &+ 6) / 7
  }

  mutating func uint32(_ value: UInt32) { littleEndian(value) }

  mutating func uint64(_ value: UInt64) { littleEndian(value) }

  private mutating func littleEndian<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ value: String) {
    var value = value
    // Through its UTF-8 buffer: appending the `utf8` view goes byte by byte.
    value.withUTF8 { utf8 in
      varint(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func strings(_ values: [String]) {
    varint(values.count)
    for value in values { string(value) }
  }
}

/// Reads what `ByteWriter` wrote, checking every bound: a damaged file throws, it never
/// crashes.
struct ByteReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var offset: Int
  let file: String

  init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int = 0, file: String) {
    self.bytes = bytes
    self.offset = offset
    self.file = file
  }

  var isAtEnd: Bool { offset >= bytes.count }

  mutating func varint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count else { throw IndexError.corrupt(file: file, reason: "a number runs past the end") }
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
      guard shift < 64 else { throw IndexError.corrupt(file: file, reason: "a number is too long") }
    }
  }

  mutating func int() throws -> Int { Int(truncatingIfNeeded: try varint()) }

  /// Reads a varint at `bytes[offset]` without bounds checks: only for bytes this process
  /// encoded itself in memory (never for a file).
  @inline(__always)
  static func trustedVarint(_ bytes: UnsafePointer<UInt8>, at offset: inout Int) -> Int {
    var byte = bytes[offset]
    offset &+= 1
    var result = Int(byte & 0x7F)
    var shift = 7
    while byte >= 0x80 {
      byte = bytes[offset]
      offset &+= 1
      result |= Int(byte & 0x7F) &<< shift
      shift &+= 7
    }
    return result
  }

  mutating func uint32() throws -> UInt32 { try littleEndian() }

  mutating func uint64() throws -> UInt64 { try littleEndian() }

  private mutating func littleEndian<T: FixedWidthInteger>() throws -> T {
    let size = MemoryLayout<T>.size
    guard offset + size <= bytes.count else { throw IndexError.corrupt(file: file, reason: "truncated") }
    defer { offset += size }
    return T(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: T.self))
  }

  mutating func string() throws -> String {
    let length = try int()
    guard length >= 0, offset + length <= bytes.count else {
      throw IndexError.corrupt(file: file, reason: "a text runs past the end")
    }
    defer { offset += length }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
  }

  mutating func strings() throws -> [String] {
    let count = try int()
    guard count >= 0, count <= bytes.count else { throw IndexError.corrupt(file: file, reason: "bad list length") }
    return try (0..<count).map { _ in try string() }
  }
}

/// A 64-bit FNV-1a checksum.
enum Checksum {
  static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// A fast 64-bit checksum for tables checked on every open and for whole index files:
  /// four independent lanes of eight bytes (so the multiplications overlap), mixed
  /// together with the length at the end.
  static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var stream = Stream()
    stream.update(bytes)
    return stream.finish()
  }

  /// `words` computed over bytes given piece by piece (as a file is written).
  struct Stream {
    private static let prime: UInt64 = 0x0000_0100_0000_01B3
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5)
    /// Bytes short of a 32-byte block, carried to the next update.
    private var pending: [UInt8] = []
    private var length = 0

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
      length += bytes.count
      var start = 0
      if !pending.isEmpty {
        let taken = min(32 - pending.count, bytes.count)
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<taken]))
        start = taken
        guard pending.count == 32 else { return }
        pending.withUnsafeBytes { mix(UnsafeRawPointer($0.baseAddress!), blocks: 1) }
        pending.removeAll(keepingCapacity: true)
      }
      let blocks = (bytes.count - start) / 32
      mix(UnsafeRawPointer(base + start), blocks: blocks)
      pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + blocks * 32)...]))
    }

    private mutating func mix(_ raw: UnsafeRawPointer, blocks: Int) {
      var lanes = self.lanes
      for block in 0..<blocks {
        let offset = block * 32
        lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* Self.prime
        lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* Self.prime
        lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* Self.prime
        lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* Self.prime
        lanes.0 ^= lanes.0 >> 29
        lanes.1 ^= lanes.1 >> 29
        lanes.2 ^= lanes.2 >> 29
        lanes.3 ^= lanes.3 >> 29
      }
      self.lanes = lanes
    }

    func finish() -> UInt64 {
      var hash = lanes.0 ^ UInt64(length)
      for lane in [lanes.1, lanes.2, lanes.3] { hash = (hash ^ lane) &* Self.prime ^ (hash >> 31) }
      for byte in pending { hash = (hash ^ UInt64(byte)) &* Self.prime }
      return hash
    }
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
