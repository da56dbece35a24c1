/// Least-significant-digit radix sort of 64-bit integers by their bits from `lowBit` up:
/// a few linear passes of 11 bits each. The indexer sorts each segment's keys (up to a
/// few hundred thousand, packed with their term numbers below `lowBit`); a comparison
/// sort took 2% of indexing a large corpus.
@usableFromInline package enum RadixSort {
  @usableFromInline static let digitBits = 11

  /// Sorts `values` by `value >> lowBit` (stable: values equal there keep their order).
  @inlinable package static func sort(_ values: inout [UInt64], fromBit lowBit: Int) {
    guard values.count > 64 else {
      // Insertion sort: stable, and quicker than counting for a few values.
      let lowBit = UInt64(lowBit)
      for index in values.indices.dropFirst() {
        let value = values[index]
        var slot = index
        while slot > 0 && values[slot - 1] >> lowBit > value >> lowBit {
          values[slot] = values[slot - 1]
          slot -= 1
        }
        values[slot] = value
      }
      return
    }
    let radix = 1 << digitBits
    let mask = UInt64(radix - 1)
    var scratch = [UInt64](repeating: 0, count: values.count)
    var counts = [Int](repeating: 0, count: radix)
    var shift = lowBit
    while shift < 64 {
      let digitShift = UInt64(shift)
      for index in counts.indices { counts[index] = 0 }
      var allSame = true
      let first = (values[0] >> digitShift) & mask
      for value in values {
        let digit = (value >> digitShift) & mask
        counts[Int(digit)] += 1
        if digit != first { allSame = false }
      }
      if !allSame {
        var total = 0
        for index in counts.indices {
          let count = counts[index]
          counts[index] = total
          total += count
        }
        values.withUnsafeBufferPointer { source in
          scratch.withUnsafeMutableBufferPointer { target in
            counts.withUnsafeMutableBufferPointer { next in
              for value in source {
                let digit = Int((value >> digitShift) & mask)
                target[next[digit]] = value
                next[digit] += 1
              }
            }
          }
        }
        swap(&values, &scratch)
      }
      shift += digitBits
    }
  }
}
