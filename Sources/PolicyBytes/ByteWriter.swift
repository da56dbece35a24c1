/// Little-endian integers and LEB128 varints, for the index files.
@usableFromInline package struct ByteWriter: Sendable {
  @inlinable package init() {}

  @usableFromInline package var bytes: [UInt8] = []

  @inlinable package mutating func varint(_ value: UInt64) {
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

  @inlinable package mutating func varint(_ value: Int) { varint(UInt64(max(0, value))) }

  /// Writes `value` as a varint at `pointer` (room for 10 bytes); returns the number of
  /// bytes written.
  @inline(__always)
  @inlinable package static func varint(_ value: UInt64, at pointer: UnsafeMutablePointer<UInt8>)
    -> Int
  {
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
  @inlinable package static func varint(_ value: Int, at pointer: UnsafeMutablePointer<UInt8>)
    -> Int
  {
    varint(UInt64(max(0, value)), at: pointer)
  }

  /// The number of bytes `varint(value)` writes.
  @inlinable package static func varintLength(_ value: Int) -> Int {
    // Seven bits a byte: one byte for 0, else ⌈significant bits / 7⌉.
    let bits = UInt64.bitWidth &- UInt64(max(0, value) | 1).leadingZeroBitCount
    return (bits &+ 6) / 7
  }

  @inlinable package mutating func uint32(_ value: UInt32) { littleEndian(value) }

  @inlinable package mutating func uint64(_ value: UInt64) { littleEndian(value) }

  @usableFromInline mutating func littleEndian<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  @inlinable package mutating func string(_ value: String) {
    var value = value
    // Through its UTF-8 buffer: appending the `utf8` view goes byte by byte.
    value.withUTF8 { utf8 in
      varint(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  @inlinable package mutating func strings(_ values: [String]) {
    varint(values.count)
    for value in values { string(value) }
  }
}
