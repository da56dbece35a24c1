/// Bit-packing of small integers, as Lucene's and tantivy's postings blocks hold them: a
/// block of values stored with the bits the largest one needs, little-endian, low bits
/// first, one value after the other with no padding but at the block's end.
@usableFromInline package enum BitPacking {
  /// The bits needed for `value` (0 for 0).
  @inlinable package static func width(of value: UInt32) -> Int {
    value == 0 ? 0 : 32 - value.leadingZeroBitCount
  }

  /// Bytes that `count` values of `width` bits take.
  @inlinable package static func byteCount(count: Int, width: Int) -> Int {
    (count * width + 7) / 8
  }

  /// Appends `values`, each in `width` bits (bits above them are dropped), to `bytes`.
  @inlinable package static func pack(
    _ values: UnsafeBufferPointer<UInt32>, width: Int, to bytes: inout ByteWriter
  ) {
    guard width > 0 else { return }
    let start = bytes.bytes.count
    let length = byteCount(count: values.count, width: width)
    bytes.bytes.append(contentsOf: repeatElement(0, count: length))
    let mask = width == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(width)) - 1
    bytes.bytes.withUnsafeMutableBufferPointer { buffer in
      let target = buffer.baseAddress! + start
      var pending: UInt64 = 0
      var pendingBits = 0
      var at = 0
      for value in values {
        pending |= (UInt64(value) & mask) << UInt64(pendingBits)
        pendingBits += width
        while pendingBits >= 8 {
          target[at] = UInt8(truncatingIfNeeded: pending)
          at += 1
          pending >>= 8
          pendingBits -= 8
        }
      }
      if pendingBits > 0 { target[at] = UInt8(truncatingIfNeeded: pending) }
    }
  }

  /// Reads `count` values of `width` bits from `bytes` (which must hold
  /// `byteCount(count:width:)` of them) into `values`, replacing its contents.
  @inlinable package static func unpack(
    _ bytes: UnsafeBufferPointer<UInt8>, count: Int, width: Int, into values: inout [UInt32]
  ) {
    guard width > 0 else {
      values.removeAll(keepingCapacity: true)
      values.append(contentsOf: repeatElement(0, count: count))
      return
    }
    precondition(bytes.count >= byteCount(count: count, width: width), "a packed block is short")
    // Sized once, then written in place: an append per value would check the array's
    // uniqueness per value (a posting list's units and positions are unpacked by the
    // million in a query on a frequent phrase).
    if values.count != count {
      values.removeAll(keepingCapacity: true)
      values.append(contentsOf: repeatElement(0, count: count))
    }
    let mask = width == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(width)) - 1
    let base = bytes.baseAddress!
    let length = bytes.count
    values.withUnsafeMutableBufferPointer { values in
      // Groups of eight values (`width` bytes each) while a word read from the group's
      // last value stays in the block, each width with its own loop: the shifts are then
      // constants and the group unrolled.
      let room = length - 8 - 7 * width / 8
      let groups = room < 0 ? 0 : min(count / 8, room / width + 1)
      let output = values.baseAddress!
      switch width {
      case 1: unpackGroups(base, groups: groups, width: 1, into: output)
      case 2: unpackGroups(base, groups: groups, width: 2, into: output)
      case 3: unpackGroups(base, groups: groups, width: 3, into: output)
      case 4: unpackGroups(base, groups: groups, width: 4, into: output)
      case 5: unpackGroups(base, groups: groups, width: 5, into: output)
      case 6: unpackGroups(base, groups: groups, width: 6, into: output)
      case 7: unpackGroups(base, groups: groups, width: 7, into: output)
      case 8: unpackGroups(base, groups: groups, width: 8, into: output)
      case 9: unpackGroups(base, groups: groups, width: 9, into: output)
      case 10: unpackGroups(base, groups: groups, width: 10, into: output)
      case 11: unpackGroups(base, groups: groups, width: 11, into: output)
      case 12: unpackGroups(base, groups: groups, width: 12, into: output)
      case 13: unpackGroups(base, groups: groups, width: 13, into: output)
      case 14: unpackGroups(base, groups: groups, width: 14, into: output)
      case 15: unpackGroups(base, groups: groups, width: 15, into: output)
      case 16: unpackGroups(base, groups: groups, width: 16, into: output)
      default: unpackGroups(base, groups: groups, width: width, into: output)
      }
      var bit = groups * 8 * width
      var index = groups * 8
      // Then a word per value while the block has eight bytes from the value's first.
      while index < count && (bit >> 3) + 8 <= length {
        let word = UnsafeRawPointer(base + (bit >> 3)).loadUnaligned(as: UInt64.self)
        values[index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
        bit += width
        index += 1
      }
      guard index < count else { return }
      // The last values, from the fewer than eight bytes left copied into zeros: each word
      // read from a value's first byte then lies in the sixteen.
      let start = bit >> 3
      var padded = (UInt64(0), UInt64(0))
      withUnsafeMutableBytes(of: &padded) { padded in
        padded.copyMemory(from: UnsafeRawBufferPointer(start: base + start, count: length - start))
        while index < count {
          let word = padded.loadUnaligned(fromByteOffset: (bit >> 3) - start, as: UInt64.self)
          values[index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
          bit += width
          index += 1
        }
      }
    }
  }

  /// Unpacks `groups` groups of eight values of `width` bits from `base` into `values`;
  /// every word read (eight bytes from a value's first byte) must lie in the block.
  @inlinable @inline(__always)
  static func unpackGroups(
    _ base: UnsafePointer<UInt8>, groups: Int, width: Int, into values: UnsafeMutablePointer<UInt32>
  ) {
    let mask = width == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(width)) - 1
    for group in 0..<groups {
      let bytes = UnsafeRawPointer(base + group * width)
      let output = values + group * 8
      for slot in 0..<8 {
        let bit = slot * width
        let word = bytes.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self)
        output[slot] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
      }
    }
  }
}
