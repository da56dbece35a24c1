import PolicyBytes

/// Reads what `ByteWriter` wrote, checking every bound: a damaged file throws, it never
/// crashes.
struct ByteReader {
  package let bytes: UnsafeBufferPointer<UInt8>
  package var offset: Int
  package let file: String

  package init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int = 0, file: String) {
    self.bytes = bytes
    self.offset = offset
    self.file = file
  }

  var isAtEnd: Bool { offset >= bytes.count }

  package mutating func varint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count else {
        throw IndexError.corrupt(file: file, reason: "a number runs past the end")
      }
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
      guard shift < 64 else { throw IndexError.corrupt(file: file, reason: "a number is too long") }
    }
  }

  package mutating func int() throws -> Int { Int(truncatingIfNeeded: try varint()) }

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

  package mutating func byte() throws -> UInt8 { try littleEndian() }
  package mutating func uint32() throws -> UInt32 { try littleEndian() }

  package mutating func uint64() throws -> UInt64 { try littleEndian() }

  private mutating func littleEndian<T: FixedWidthInteger>() throws -> T {
    let size = MemoryLayout<T>.size
    guard offset + size <= bytes.count else {
      throw IndexError.corrupt(file: file, reason: "truncated")
    }
    defer { offset += size }
    return T(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: T.self))
  }

  package mutating func string() throws -> String {
    let length = try int()
    guard length >= 0, length <= bytes.count - offset else {
      throw IndexError.corrupt(file: file, reason: "a text runs past the end")
    }
    defer { offset += length }
    return String(
      decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
  }

  package mutating func strings() throws -> [String] {
    let count = try int()
    guard count >= 0, count <= bytes.count else {
      throw IndexError.corrupt(file: file, reason: "bad list length")
    }
    return try (0..<count).map { _ in try string() }
  }
}
