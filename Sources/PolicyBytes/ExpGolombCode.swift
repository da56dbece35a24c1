/// Exponential-Golomb codes of order k: a value v is written as the bits of
/// x = (v >> k) + 1 preceded by as many zeros as x has bits after its leading one, then
/// the k low bits of v. A value costs 2·⌊log₂ x⌋ + 1 + k bits, so small values cost few
/// bits and a large one costs about twice its width, where bit-packing makes every value
/// of a chunk as wide as most of them. Unit gaps in a posting list are like that: mostly
/// small (the units of one document), now and then large (the next document holding the
/// key); on corpus-real a chunk's cheaper order codes them in 8.5 bits each against
/// 10.1 in patched bit-packing.
///
/// Bits are written high bit first, the chunk padded with zeros to a whole byte. Decoding
/// reads a value at once from a 64-bit window: the leading zeros give its length, and
/// the window shifted right by what is left of 64 is x and the low bits together
/// (x·2ᵏ + low = v + 2ᵏ).
@usableFromInline package enum ExpGolombCode {
  /// The largest order: a value's low bits must fit a 32-bit value.
  @usableFromInline package static let maximumOrder = 31

  /// Bits that `value` takes at order `order`: the coded value v + 2ᵏ (x and the low
  /// bits together) has w bits, and as many zeros as x has bits after its leading one
  /// come before it, w − k − 1.
  @inlinable @inline(__always)
  package static func bitCount(of value: UInt32, order: Int) -> Int {
    let coded = UInt64(value) + (UInt64(1) << UInt64(order))
    return 2 * (64 - coded.leadingZeroBitCount) - order - 1
  }

  /// The order that codes `values` in the fewest bytes, and those bytes, from one pass
  /// over the values. At order k a value of width w costs 2·max(w − k, 0) + 1 + k bits,
  /// less 2 when v >> k is not all ones (x = (v >> k) + 1 then has no more bits than
  /// v >> k): that is when k is below the value's width less its leading ones. So the
  /// count of values per width and per such bound gives the exact cost of every order.
  @inlinable package static func cheapestOrder(_ values: UnsafeBufferPointer<UInt32>) -> (
    order: Int, byteCount: Int
  ) {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 66) { counts in
      counts.initialize(repeating: 0)
      var widest = 0
      for value in values {
        let width = BitPacking.width(of: value)
        widest = max(widest, width)
        counts[width] += 1
        let ones = width == 0 ? 0 : (~(value << UInt32(32 - width))).leadingZeroBitCount
        counts[33 + width - ones] += 1
      }
      // From the highest order worth trying down: the values wider than the order (how
      // many, their widths summed) and those not all ones above it.
      let top = min(widest, maximumOrder)
      var wider = 0
      var widerWidths = 0
      var notAllOnes = 0
      for width in (top + 1)..<33 {
        wider += counts[width]
        widerWidths += counts[width] * width
        notAllOnes += counts[33 + width]
      }
      var best = (order: 0, bits: Int.max)
      for order in stride(from: top, through: 0, by: -1) {
        let bits =
          2 * (widerWidths - order * wider) + values.count * (1 + order) - 2 * notAllOnes
        if bits <= best.bits { best = (order, bits) }
        wider += counts[order]
        widerWidths += counts[order] * order
        notAllOnes += counts[33 + order]
      }
      return (best.order, (best.bits + 7) / 8)
    }
  }

  /// Appends `values` coded at `order` (at most `maximumOrder`) to `bytes`, padded to a
  /// whole byte: each value as v + 2ᵏ in `bitCount` bits (its leading zeros included).
  @inlinable package static func encode(
    _ values: UnsafeBufferPointer<UInt32>, order: Int, to bytes: inout ByteWriter
  ) {
    precondition((0...maximumOrder).contains(order), "an exp-Golomb order is 0 to 31")
    bytes.bytes.reserveCapacity(bytes.bytes.count + values.count * 9 + 1)
    // Bits not yet written, at the low end of `pending` (fewer than 8 between values).
    var pending: UInt64 = 0
    var pendingBits = 0
    @inline(__always) func append(_ bits: UInt64, count: Int) {
      pending = pending << UInt64(count) | bits
      pendingBits += count
      while pendingBits >= 8 {
        pendingBits -= 8
        bytes.bytes.append(UInt8(truncatingIfNeeded: pending >> UInt64(pendingBits)))
      }
    }
    let bias = UInt64(1) << UInt64(order)
    for value in values {
      let coded = UInt64(value) + bias
      let length = bitCount(of: value, order: order)
      // At most 65 bits (a value of 32 bits at order 0): written in two parts past 56.
      if length > 56 {
        append(coded >> 32, count: length - 32)
        append(coded & 0xFFFF_FFFF, count: 32)
      } else {
        append(coded, count: length)
      }
    }
    if pendingBits > 0 {
      bytes.bytes.append(UInt8(truncatingIfNeeded: pending << UInt64(8 - pendingBits)))
    }
  }

  /// Reads `count` values coded at `order` from `bytes` at `offset` into `values`
  /// (replacing its contents) and moves `offset` to the byte after them; false when the
  /// bytes do not hold such values (damage: a run of zeros too long, a value beyond 32
  /// bits, bits past the end, padding that is not zeros), leaving `offset` anywhere.
  @inlinable package static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int, count: Int, order: Int,
    into values: inout [UInt32]
  ) -> Bool {
    // Every value takes at least 1 + order bits: a count the bytes cannot hold is damage,
    // refused before anything is allocated.
    guard (0...maximumOrder).contains(order), count >= 0, offset >= 0, offset <= bytes.count,
      count <= (bytes.count - offset) * 8 / (1 + order)
    else { return false }
    // Sized once, then written in place (as `BitPacking.unpack` does).
    if values.count != count {
      values.removeAll(keepingCapacity: true)
      values.append(contentsOf: repeatElement(0, count: count))
    }
    guard count > 0 else { return true }
    guard let base = bytes.baseAddress else { return false }
    let start = base + offset
    let byteCount = bytes.count - offset
    let available = byteCount * 8
    let bias = UInt64(1) << UInt64(order)
    var position = 0
    let intact = values.withUnsafeMutableBufferPointer { values -> Bool in
      var slot = 0
      while slot < count {
        let byte = position >> 3
        // Fast path: eight bytes from the value's byte stay in the chunk, so a window of
        // them holds the 57 to 64 bits from the value on; values are read from it while
        // they fit, the window shifted past each (no new load per value), and whether one
        // passed 32 bits is checked once the window is done.
        if byte + 8 <= byteCount {
          let skip = position & 7
          var window =
            UInt64(bigEndian: UnsafeRawPointer(start + byte).loadUnaligned(as: UInt64.self))
            << UInt64(skip)
          let loaded = 64 - skip
          var valid = loaded
          var wide: UInt64 = 0
          let first = slot
          while slot < count {
            let length = 2 * window.leadingZeroBitCount + 1 + order
            guard length <= valid else { break }
            let value = window >> UInt64(64 - length) &- bias
            wide |= value
            values[slot] = UInt32(truncatingIfNeeded: value)
            window <<= UInt64(length)
            valid -= length
            slot += 1
          }
          guard wide >> 32 == 0 else { return false }
          position += loaded - valid
          if slot > first { continue }
        }
        guard let value = slowValue(start, at: position, bitCount: available, order: order)
        else { return false }
        values[slot] = value.value
        position += value.length
        slot += 1
      }
      return true
    }
    guard intact else { return false }
    let used = (position + 7) / 8
    // The padding after the last value is zeros.
    if position % 8 != 0, start[used - 1] & UInt8(0xFF >> (position % 8)) != 0 { return false }
    offset += used
    return true
  }

  /// The value at bit `position` of the `bitCount` bits at `start`, read with every check
  /// (near the chunk's end, or longer than 57 bits), and the bits it took; nil when no
  /// value fits there.
  @inlinable
  static func slowValue(
    _ start: UnsafePointer<UInt8>, at position: Int, bitCount: Int, order: Int
  ) -> (value: UInt32, length: Int)? {
    let bits = window(start, bitOffset: position, bitCount: bitCount)
    let zeros = bits.leadingZeroBitCount
    // x of more than 33 bits, or no one bit left: damage.
    guard zeros <= 32 else { return nil }
    let length = 2 * zeros + 1 + order
    guard length <= bitCount - position else { return nil }
    let coded: UInt64
    if length <= 64 {
      coded = bits >> UInt64(64 - length)
    } else {
      let x = window(start, bitOffset: position + zeros, bitCount: bitCount) >> UInt64(63 - zeros)
      let low =
        window(start, bitOffset: position + 2 * zeros + 1, bitCount: bitCount)
        >> UInt64(64 - order)
      coded = x << UInt64(order) | low
    }
    // x is at least 1, so the value is at least 0; beyond 32 bits is damage.
    let value = coded - (UInt64(1) << UInt64(order))
    guard value <= UInt64(UInt32.max) else { return nil }
    return (UInt32(value), length)
  }

  /// The 64 bits from `bitOffset` on of the `bitCount` bits at `start` (high bit first),
  /// zeros past the end.
  @inlinable @inline(__always)
  static func window(_ start: UnsafePointer<UInt8>, bitOffset: Int, bitCount: Int) -> UInt64 {
    let byte = bitOffset >> 3
    let byteCount = bitCount >> 3
    var word: UInt64
    if byte + 8 <= byteCount {
      word = UInt64(bigEndian: UnsafeRawPointer(start + byte).loadUnaligned(as: UInt64.self))
    } else {
      word = 0
      var at = byte
      var shift: UInt64 = 56
      while at < byteCount && at < byte + 8 {
        word |= UInt64(start[at]) << shift
        at += 1
        shift &-= 8
      }
    }
    let skip = bitOffset & 7
    guard skip > 0 else { return word }
    let next = byte + 8 < byteCount ? UInt64(start[byte + 8]) : 0
    return word << UInt64(skip) | next >> UInt64(8 - skip)
  }
}
