/// Patched frame of reference (PFOR, as Lucene's postings use it): a chunk of at most 255
/// values bit-packed at a width most of them fit, the few larger ones ("exceptions", a
/// unit's first position in a long unit, a rare key's first unit) stored apart with their
/// high bits. One large value then no longer widens the whole chunk.
///
/// Layout: the width (a byte; its high bit set when there are exceptions), the number of
/// exceptions (a byte, only when there are some), the values' low bits packed
/// (`BitPacking`), then per exception its slot (a byte) and its high bits (a varint).
@usableFromInline package enum PatchedBitPacking {
  /// Values per chunk at most: a slot must fit a byte.
  @usableFromInline package static let maximumCount = 255

  /// The width at which `values` (at most `maximumCount`) take the fewest bytes, and those
  /// bytes (but the width's byte).
  @inlinable package static func cheapestWidth(_ values: UnsafeBufferPointer<UInt32>) -> (
    width: Int, byteCount: Int
  ) {
    precondition(values.count <= maximumCount, "a patched chunk holds at most 255 values")
    // How many values need each width; the cost of a width is its packed bytes plus, per
    // value wider than it, a slot byte and a varint of the bits beyond it.
    var counts: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
    var best = (width: 0, byteCount: 0)
    withUnsafeMutableBytes(of: &counts) { raw in
      let counts = raw.bindMemory(to: UInt8.self)
      for value in values { counts[BitPacking.width(of: value)] &+= 1 }
      var widest = 32
      while widest > 0 && counts[widest] == 0 { widest -= 1 }
      var narrowest = 0
      while narrowest < widest && counts[narrowest] == 0 { narrowest += 1 }
      best = (widest, BitPacking.byteCount(count: values.count, width: widest))
      // Below the narrowest value's width every value would be an exception, each costing
      // at least two bytes: never the cheapest for values of at most 32 bits but in a
      // chunk of one or two, where the difference is a byte.
      var width = widest - 1
      while width >= max(0, narrowest - 1) {
        // The byte that counts the exceptions.
        var cost = BitPacking.byteCount(count: values.count, width: width) + 1
        for wider in (width + 1)...widest where counts[wider] > 0 {
          cost += Int(counts[wider]) * (1 + (wider - width + 6) / 7)
        }
        if cost < best.byteCount { best = (width, cost) }
        width -= 1
      }
    }
    return best
  }

  /// Appends `values` (at most `maximumCount`) to `bytes` at the width that takes fewest bytes.
  @inlinable package static func encode(
    _ values: UnsafeBufferPointer<UInt32>, to bytes: inout ByteWriter
  ) {
    encode(values, width: cheapestWidth(values).width, to: &bytes)
  }

  /// Appends `values` (at most `maximumCount`) to `bytes` at `width` (0 to 32), the values
  /// wider than it patched.
  @inlinable package static func encode(
    _ values: UnsafeBufferPointer<UInt32>, width: Int, to bytes: inout ByteWriter
  ) {
    precondition(values.count <= maximumCount, "a patched chunk holds at most 255 values")
    precondition((0...32).contains(width), "a patched chunk's width is 0 to 32")
    let mask: UInt32 = width >= 32 ? .max : (1 << UInt32(width)) - 1
    var exceptionCount = 0
    for value in values where value > mask { exceptionCount += 1 }
    bytes.bytes.append(UInt8(width) | (exceptionCount > 0 ? 0x80 : 0))
    if exceptionCount > 0 { bytes.bytes.append(UInt8(exceptionCount)) }
    BitPacking.pack(values, width: width, to: &bytes)
    guard exceptionCount > 0 else { return }
    for (slot, value) in values.enumerated() where value > mask {
      bytes.bytes.append(UInt8(slot))
      bytes.varint(UInt64(value >> UInt32(width)))
    }
  }

  /// Reads `count` values written by `encode` from `bytes` at `offset` into `values`
  /// (replacing its contents) and moves `offset` past them; false when the bytes do not
  /// hold such a chunk (damage), leaving `offset` anywhere.
  @inlinable package static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int, count: Int,
    into values: inout [UInt32]
  ) -> Bool {
    guard count <= maximumCount, offset < bytes.count, bytes[offset] & 0x7F <= 32 else {
      return false
    }
    let width = Int(bytes[offset] & 0x7F)
    let patched = bytes[offset] & 0x80 != 0
    offset += 1
    var exceptions = 0
    if patched {
      guard offset < bytes.count else { return false }
      exceptions = Int(bytes[offset])
      offset += 1
    }
    let length = BitPacking.byteCount(count: count, width: width)
    guard exceptions <= count, length <= bytes.count - offset else { return false }
    BitPacking.unpack(
      UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), count: count, width: width,
      into: &values)
    offset += length
    for _ in 0..<exceptions {
      guard offset < bytes.count else { return false }
      let slot = Int(bytes[offset])
      offset += 1
      var high: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        guard offset < bytes.count, shift < 35 else { return false }
        let byte = bytes[offset]
        offset += 1
        high |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      // The high bits must fit above the width in 32 bits (checked before they are shifted).
      guard slot < count, width < 32, high >> UInt64(32 - width) == 0 else { return false }
      let value = UInt64(values[slot]) | high << UInt64(width)
      values[slot] = UInt32(value)
    }
    return true
  }
}
