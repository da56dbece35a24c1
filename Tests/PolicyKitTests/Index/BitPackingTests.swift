import PolicyBytes
import Testing

@testable import PolicyKit

/// Bit-packing gives back what it packed, at every width and for every count of a block:
/// the unpacking reads whole groups of eight values where the block has room, and the
/// values after them one by one.
@Suite struct BitPackingTests {
  @Test(arguments: Array(0...32))
  func unpacksWhatWasPacked(width: Int) {
    var random = SplitMix(seed: UInt64(width) + 11)
    let mask = width == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(width)) - 1
    for count in 0...255 {
      let values = (0..<count).map { _ in UInt32(truncatingIfNeeded: random.next() & mask) }
      var writer = ByteWriter()
      values.withUnsafeBufferPointer { BitPacking.pack($0, width: width, to: &writer) }
      #expect(writer.bytes.count == BitPacking.byteCount(count: count, width: width))
      // Read from a buffer of exactly the packed bytes (an array may have room after them).
      let exact = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: writer.bytes.count)
      defer { exact.deallocate() }
      _ = exact.initialize(from: writer.bytes)
      var unpacked: [UInt32] = [42]
      BitPacking.unpack(UnsafeBufferPointer(exact), count: count, width: width, into: &unpacked)
      guard unpacked == values else {
        Issue.record("width \(width), \(count) values: unpacked differently")
        return
      }
    }
  }

  /// Packed blocks sit one after another in a list: unpacking one never reads the next
  /// one's bits into its values.
  @Test func blocksSideBySideStayApart() {
    var random = SplitMix(seed: 5)
    for width in [3, 7, 9, 13] {
      let mask = (UInt64(1) << UInt64(width)) - 1
      let first = (0..<40).map { _ in UInt32(truncatingIfNeeded: random.next() & mask) }
      let second = (0..<40).map { _ in UInt32(mask) }
      var writer = ByteWriter()
      first.withUnsafeBufferPointer { BitPacking.pack($0, width: width, to: &writer) }
      second.withUnsafeBufferPointer { BitPacking.pack($0, width: width, to: &writer) }
      var unpacked: [UInt32] = []
      writer.bytes.withUnsafeBufferPointer {
        BitPacking.unpack($0, count: first.count, width: width, into: &unpacked)
      }
      #expect(unpacked == first, "width \(width)")
    }
  }

  /// Patched chunks (values above the chosen width kept as exceptions) round-trip too.
  @Test func patchedChunksRoundTrip() {
    var random = SplitMix(seed: 9)
    for count in [1, 8, 100, 128, 255] {
      let values = (0..<count).map { slot in
        slot % 17 == 3 ? UInt32(truncatingIfNeeded: random.next()) : UInt32(random.next() & 0x3F)
      }
      var writer = ByteWriter()
      values.withUnsafeBufferPointer { PatchedBitPacking.encode($0, to: &writer) }
      var offset = 0
      var decoded: [UInt32] = []
      let intact = writer.bytes.withUnsafeBufferPointer {
        PatchedBitPacking.decode($0, at: &offset, count: count, into: &decoded)
      }
      #expect(intact)
      #expect(offset == writer.bytes.count)
      #expect(decoded == values)
    }
  }
}
