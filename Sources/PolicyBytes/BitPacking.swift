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
      var bit = 0
      var index = 0
      // Eight bytes at once while the block has them, then the bytes left one by one.
      while index < count && (bit >> 3) + 8 <= length {
        let word = UnsafeRawPointer(base + (bit >> 3)).loadUnaligned(as: UInt64.self)
        values[index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
        bit += width
        index += 1
      }
      while index < count {
        let byte = bit >> 3
        var word: UInt64 = 0
        for at in byte..<length { word |= UInt64(base[at]) << UInt64((at - byte) * 8) }
        values[index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
        bit += width
        index += 1
      }
    }
  }
}
