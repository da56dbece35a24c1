/// Byte tests on eight bytes at once ("SIMD within a register"): exact answers to
/// whether any byte of a 64-bit word has a value, without looking at the bytes one by one.
@usableFromInline package enum SWAR {
  @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
  @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080
  @usableFromInline static let lowSeven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// `byte` in each of the eight bytes.
  @inline(__always)
  @inlinable package static func repeated(_ byte: UInt8) -> UInt64 { ones &* UInt64(byte) }

  /// Whether a byte of `word` equals `byte`.
  @inline(__always)
  @inlinable package static func hasByte(in word: UInt64, equalTo byte: UInt8) -> Bool {
    let x = word ^ repeated(byte)
    return (x &- ones) & ~x & highBits != 0
  }

  /// Whether a byte of `word` is `a` or `b`, two values that differ in one bit (( and ),
  /// ; and ?): one test, with that bit masked.
  @inline(__always)
  @inlinable package static func hasByte(in word: UInt64, equalTo a: UInt8, orTo b: UInt8) -> Bool {
    assert((a ^ b).nonzeroBitCount == 1, "a pair that differs in one bit")
    let x = (word ^ repeated(a)) & ~repeated(a ^ b)
    return (x &- ones) & ~x & highBits != 0
  }

  /// Whether a byte of `word` is less than `bound` (at most 128).
  @inline(__always)
  @inlinable package static func hasByte(in word: UInt64, lessThan bound: UInt8) -> Bool {
    (word &- repeated(bound)) & ~word & highBits != 0
  }

  /// Whether a byte of `word` lies strictly between `low` and `high`
  /// (0 ≤ low ≤ 127, 0 ≤ high ≤ 128).
  @inline(__always)
  @inlinable package static func hasByte(in word: UInt64, between low: UInt8, and high: UInt8)
    -> Bool
  {
    let seven = word & lowSeven
    return (ones &* (127 + UInt64(high)) &- seven) & ~word & (seven &+ ones &* (127 - UInt64(low)))
      & highBits != 0
  }

  /// From `index`, eight bytes at a time while none of them is `a` or `b`, before `limit`:
  /// the first index whose eight bytes hold one of them, or that has fewer than eight
  /// left. A skip may end inside a multi-byte character.
  @inline(__always)
  @inlinable package static func skip(
    _ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int, whileNeither a: UInt8,
    nor b: UInt8
  ) -> Int {
    skip(bytes, from: index, limit: limit) {
      !hasByte(in: $0, equalTo: a) && !hasByte(in: $0, equalTo: b)
    }
  }

  /// From `index`, eight bytes at a time while `passes` says a word (read little-endian
  /// from memory: the byte at the lowest address is the lowest) may be skipped, before
  /// `limit`: the first index whose eight bytes do not pass, or that has fewer than eight
  /// left.
  @inline(__always)
  @inlinable package static func skip(
    _ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int, while passes: (UInt64) -> Bool
  ) -> Int {
    precondition(limit <= bytes.count, "a skip within the buffer")
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return index }
    var index = index
    while index + 8 <= limit {
      guard passes(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
      else { break }
      index += 8
    }
    return index
  }

  /// Whether the little-endian `word` may hold the lead byte of a three-byte UTF-8
  /// sequence `lead second third`, `third` being `thirdA` or `thirdB`: it holds the
  /// pair `second third`, or it ends with `lead` or `second` (a sequence the next word
  /// ends). A word without either can be skipped without stepping over such a
  /// sequence's lead byte, and a common character with the same lead (，is EF BC 8C
  /// beside （ EF BC 88) does not stop the skip. Thirds that differ in more than one bit
  /// are matched with more values beside them (bits where they differ are masked), which
  /// a "may hold" allows.
  @inline(__always)
  @inlinable package static func mayHoldSequence(
    _ word: UInt64, lead: UInt8, second: UInt8, thirdA: UInt8, thirdB: UInt8
  ) -> Bool {
    // A zero byte where a byte is `second` and the next one (shifted down onto it) a third,
    // the bits where the two thirds differ masked: one test for both.
    let seconds = word ^ repeated(second)
    let next = word >> 8
    let last = UInt8(truncatingIfNeeded: word >> 56)
    return hasByte(
      in: seconds | ((next ^ repeated(thirdA)) & ~repeated(thirdA ^ thirdB)), equalTo: 0)
      || last == lead || last == second
  }
}
