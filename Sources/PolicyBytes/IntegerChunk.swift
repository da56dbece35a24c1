/// A chunk of at most 255 unsigned integers in whichever of two codings takes fewer bytes:
/// patched bit-packing (`PatchedBitPacking`), fastest to read and the smaller when the
/// values are alike, or exponential-Golomb (`ExpGolombCode`), the smaller when they
/// spread over several widths (unit gaps, position gaps).
///
/// Layout: a byte that names the coding, then its bytes. Patched bit-packing's width byte
/// (0 to 32, its high bit set when there are exceptions) is that byte; 0x40 plus the
/// order (0 to 31) names exp-Golomb.
@usableFromInline package enum IntegerChunk {
  /// Values per chunk at most.
  @usableFromInline package static let maximumCount = PatchedBitPacking.maximumCount
  @usableFromInline static let expGolombFlag: UInt8 = 0x40

  /// Appends `values` (at most `maximumCount`) to `bytes` in the coding that takes fewer
  /// bytes (patched bit-packing on a tie). With `expGolombShare` below 1, exp-Golomb is
  /// taken only when it takes at most that share of patched bit-packing's bytes: for
  /// values read by the million, where bit-packing's faster reading is worth some bytes.
  @inlinable package static func encode(
    _ values: UnsafeBufferPointer<UInt32>, to bytes: inout ByteWriter,
    expGolombShare: Double = 1
  ) {
    let packed = PatchedBitPacking.cheapestWidth(values)
    let golomb = ExpGolombCode.cheapestOrder(values)
    guard golomb.byteCount < packed.byteCount,
      Double(golomb.byteCount) <= expGolombShare * Double(packed.byteCount)
    else {
      PatchedBitPacking.encode(values, width: packed.width, to: &bytes)
      return
    }
    bytes.bytes.append(expGolombFlag | UInt8(golomb.order))
    ExpGolombCode.encode(values, order: golomb.order, to: &bytes)
  }

  /// Reads `count` values written by `encode` from `bytes` at `offset` into `values`
  /// (replacing its contents) and moves `offset` past them; false when the bytes do not
  /// hold such a chunk (damage), leaving `offset` anywhere.
  @inlinable package static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int, count: Int,
    into values: inout [UInt32]
  ) -> Bool {
    guard count <= maximumCount, offset >= 0, offset < bytes.count else { return false }
    let coding = bytes[offset]
    guard coding & 0xC0 == expGolombFlag else {
      return PatchedBitPacking.decode(bytes, at: &offset, count: count, into: &values)
    }
    offset += 1
    return ExpGolombCode.decode(
      bytes, at: &offset, count: count, order: Int(coding & 0x3F), into: &values)
  }
}
