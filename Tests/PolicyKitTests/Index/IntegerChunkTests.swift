import PolicyBytes
import Testing

@testable import PolicyKit

/// The chunks posting lists are made of: exp-Golomb codes and the choice between them and
/// patched bit-packing give back what they coded, take the bytes they announce, and read
/// damaged bytes as damage, never past the chunk and never trapping.
@Suite struct IntegerChunkTests {
  /// Reads `count` values from exactly `bytes` (no room after them) with `decode`.
  private func decoded(
    _ bytes: [UInt8], count: Int,
    _ decode: (UnsafeBufferPointer<UInt8>, inout Int, Int, inout [UInt32]) -> Bool
  ) -> (values: [UInt32], offset: Int)? {
    let exact = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
    defer { exact.deallocate() }
    _ = exact.initialize(from: bytes)
    var offset = 0
    var values: [UInt32] = [42]
    let buffer = UnsafeBufferPointer(rebasing: exact[0..<bytes.count])
    guard decode(buffer, &offset, count, &values) else { return nil }
    return (values, offset)
  }

  /// Values of every width, at every order: each round-trips, takes the bits
  /// `bitCount` says, and the chunk ends on the byte after its last bit.
  @Test(arguments: Array(0...31))
  func expGolomb_roundTripsAtEveryOrder(order: Int) {
    var random = SplitMix(seed: UInt64(order) + 3)
    for count in [0, 1, 2, 7, 64, 128, 255] {
      let values = (0..<count).map { _ -> UInt32 in
        let width = Int(random.next() % 33)
        return width == 0 ? 0 : UInt32(truncatingIfNeeded: random.next() >> UInt64(64 - width))
      }
      var writer = ByteWriter()
      values.withUnsafeBufferPointer { ExpGolombCode.encode($0, order: order, to: &writer) }
      let bits = values.reduce(0) { $0 + ExpGolombCode.bitCount(of: $1, order: order) }
      #expect(writer.bytes.count == (bits + 7) / 8, "order \(order), \(count) values")
      let read = decoded(writer.bytes, count: count) {
        ExpGolombCode.decode($0, at: &$1, count: $2, order: order, into: &$3)
      }
      #expect(read?.values == values, "order \(order), \(count) values")
      #expect(read?.offset == writer.bytes.count)
    }
  }

  /// The order the encoder picks, counted from the values' widths in one pass, is the
  /// cheapest of all 32 and its bytes are those the values take at it.
  @Test func cheapestOrder_isExactAndCheapest() {
    var random = SplitMix(seed: 29)
    for trial in 0..<400 {
      let count = 1 + Int(random.next() % 255)
      let widest = UInt64(trial % 33)
      let values = (0..<count).map { _ -> UInt32 in
        let width = widest == 0 ? 0 : random.next() % (widest + 1)
        return width == 0 ? 0 : UInt32(truncatingIfNeeded: random.next() >> (64 - width))
      }
      let bytes = (0...ExpGolombCode.maximumOrder).map { order in
        (values.reduce(0) { $0 + ExpGolombCode.bitCount(of: $1, order: order) } + 7) / 8
      }
      let picked = values.withUnsafeBufferPointer { ExpGolombCode.cheapestOrder($0) }
      #expect(picked.byteCount == bytes[picked.order], "trial \(trial)")
      #expect(picked.byteCount == bytes.min(), "trial \(trial)")
    }
  }

  /// The extremes: 0 and the largest 32-bit value, the longest codes (33 bits of x at
  /// order 0, 65 bits in all).
  @Test func expGolomb_extremes() {
    for order in [0, 1, 31] {
      let values: [UInt32] = [0, .max, 1, .max, .max - 1, 1 << 31]
      var writer = ByteWriter()
      values.withUnsafeBufferPointer { ExpGolombCode.encode($0, order: order, to: &writer) }
      let read = decoded(writer.bytes, count: values.count) {
        ExpGolombCode.decode($0, at: &$1, count: $2, order: order, into: &$3)
      }
      #expect(read?.values == values, "order \(order)")
    }
    #expect(ExpGolombCode.bitCount(of: .max, order: 0) == 65)
    #expect(ExpGolombCode.bitCount(of: 0, order: 0) == 1)
    #expect(ExpGolombCode.bitCount(of: 5, order: 2) == 5)  // x = 2: 0 1 0, then 01
  }

  /// Gaps as posting lists have them, mostly small and fewer the larger they are, take
  /// fewer bytes exp-Golomb coded than bit-packed: the chunk picks exp-Golomb, and is never
  /// larger than patched bit-packing alone.
  @Test func chunk_picksTheSmallerCoding() {
    var random = SplitMix(seed: 17)
    // A value of width w with probability 2⁻ʷ: half the gaps 1, a quarter 2 or 3, and so
    // on up to 16 bits.
    let gaps = (0..<128).map { _ -> UInt32 in
      var width: UInt32 = 1
      while width < 16 && random.next() % 2 == 0 { width += 1 }
      return 1 << (width - 1) | UInt32(truncatingIfNeeded: random.next()) & ((1 << (width - 1)) - 1)
    }
    let alike = (0..<128).map { _ in UInt32(random.next() % 16) }
    for values in [gaps, alike] {
      var chunk = ByteWriter()
      var packed = ByteWriter()
      values.withUnsafeBufferPointer {
        IntegerChunk.encode($0, to: &chunk)
        PatchedBitPacking.encode($0, to: &packed)
      }
      #expect(chunk.bytes.count <= packed.bytes.count)
      let read = decoded(chunk.bytes, count: values.count) {
        IntegerChunk.decode($0, at: &$1, count: $2, into: &$3)
      }
      #expect(read?.values == values)
      #expect(read?.offset == chunk.bytes.count)
    }
    var chunk = ByteWriter()
    gaps.withUnsafeBufferPointer { IntegerChunk.encode($0, to: &chunk) }
    #expect(chunk.bytes[0] & 0xC0 == 0x40, "gaps of two sizes are exp-Golomb coded")
    var packed = ByteWriter()
    gaps.withUnsafeBufferPointer { PatchedBitPacking.encode($0, to: &packed) }
    #expect(Double(chunk.bytes.count) < 0.9 * Double(packed.bytes.count))
  }

  /// Random bytes read as chunks of every kind never trap and never read past the
  /// bytes; whatever they give has the count asked for.
  @Test func chunk_randomBytesNeverTrap() {
    var random = SplitMix(seed: 23)
    for trial in 0..<20_000 {
      let length = Int(random.next() % 40)
      var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      if trial % 2 == 0, !bytes.isEmpty { bytes[0] = 0x40 | (bytes[0] & 0x1F) }
      let count = Int(random.next() % 12)
      if let read = decoded(
        bytes, count: count, { IntegerChunk.decode($0, at: &$1, count: $2, into: &$3) })
      {
        #expect(read.values.count == count)
        #expect(read.offset <= bytes.count)
        // Exp-Golomb codes are canonical: what was read is what its values code to.
        if bytes[0] & 0xC0 == 0x40 {
          var again = ByteWriter()
          read.values.withUnsafeBufferPointer {
            ExpGolombCode.encode($0, order: Int(bytes[0] & 0x3F), to: &again)
          }
          #expect(again.bytes[...] == bytes[1..<read.offset], "trial \(trial)")
        }
      }
    }
  }

  /// Chunks one after another in a part, read from a nonzero offset with bytes after
  /// them: each reads its own values and stops at its last byte (the fast path loads
  /// eight bytes at a time, into the next chunk's).
  @Test func chunksInARow_eachReadsItsOwn() {
    var random = SplitMix(seed: 31)
    var part = ByteWriter()
    part.bytes = [0xAB, 0xCD, 0xEF]
    var chunks: [[UInt32]] = []
    for index in 0..<40 {
      let count = 1 + Int(random.next() % 128)
      let chunk = (0..<count).map { _ -> UInt32 in
        index % 3 == 0
          ? UInt32(random.next() % 8)
          : UInt32(truncatingIfNeeded: random.next() >> UInt64(44 + index % 20))
      }
      chunks.append(chunk)
      chunk.withUnsafeBufferPointer { IntegerChunk.encode($0, to: &part) }
    }
    part.bytes += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
    var offset = 3
    var values: [UInt32] = []
    part.bytes.withUnsafeBufferPointer { bytes in
      for chunk in chunks {
        #expect(IntegerChunk.decode(bytes, at: &offset, count: chunk.count, into: &values))
        #expect(values == chunk)
      }
    }
    #expect(offset == part.bytes.count - 9)
  }

  /// Values a few large ones among small: patched bit-packing with exceptions (its header
  /// 0x80 plus the width) read through `IntegerChunk`; and a share below 1 keeps
  /// bit-packing unless exp-Golomb saves that much.
  @Test func patchedChunks_andTheShare() {
    let patched: [UInt32] = (0..<128).map { $0 % 40 == 7 ? 1 << 30 : UInt32($0 % 16) }
    var writer = ByteWriter()
    patched.withUnsafeBufferPointer { IntegerChunk.encode($0, to: &writer) }
    #expect(writer.bytes[0] & 0x80 != 0, "bit-packed with exceptions")
    var offset = 0
    var values: [UInt32] = []
    #expect(
      writer.bytes.withUnsafeBufferPointer {
        IntegerChunk.decode($0, at: &offset, count: patched.count, into: &values)
      })
    #expect(values == patched)
    // Gaps exp-Golomb codes in fewer bytes: taken at a share of 1, not at a share below
    // what it saves.
    let gaps = (0..<128).map { UInt32(1 << ($0 % 9)) - 1 }
    let (packed, golomb) = gaps.withUnsafeBufferPointer {
      (PatchedBitPacking.cheapestWidth($0).byteCount, ExpGolombCode.cheapestOrder($0).byteCount)
    }
    #expect(golomb < packed)
    let saved = Double(golomb) / Double(packed)
    for (share, expGolomb) in [(1.0, true), (saved + 1e-9, true), (saved - 0.01, false)] {
      var chunk = ByteWriter()
      gaps.withUnsafeBufferPointer { IntegerChunk.encode($0, to: &chunk, expGolombShare: share) }
      #expect((chunk.bytes[0] & 0xC0 == 0x40) == expGolomb, "share \(share)")
    }
  }

  /// Cut chunks, an order beyond 31, and padding bits that are not zeros are damage.
  @Test func chunk_cutOrBadIsDamage() {
    let values: [UInt32] = [3, 1, 900, 2, 0, 70_000, 5]
    var writer = ByteWriter()
    writer.bytes.append(0x40 | 2)
    values.withUnsafeBufferPointer { ExpGolombCode.encode($0, order: 2, to: &writer) }
    let whole = writer.bytes
    #expect(
      decoded(whole, count: values.count) {
        IntegerChunk.decode($0, at: &$1, count: $2, into: &$3)
      }?.values == values)
    for cut in 0..<whole.count {
      let read = decoded(Array(whole.prefix(cut)), count: values.count) {
        IntegerChunk.decode($0, at: &$1, count: $2, into: &$3)
      }
      #expect(read == nil, "cut at \(cut)")
    }
    var badOrder = whole
    badOrder[0] = 0x40 | 40
    #expect(
      decoded(badOrder, count: values.count) {
        IntegerChunk.decode($0, at: &$1, count: $2, into: &$3)
      } == nil)
    let bits = values.reduce(0) { $0 + ExpGolombCode.bitCount(of: $1, order: 2) }
    if bits % 8 != 0 {
      var badPadding = whole
      badPadding[badPadding.count - 1] |= 1
      #expect(
        decoded(badPadding, count: values.count) {
          IntegerChunk.decode($0, at: &$1, count: $2, into: &$3)
        } == nil)
    }
  }
}
