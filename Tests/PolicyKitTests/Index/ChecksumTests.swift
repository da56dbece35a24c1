import PolicyBytes
import Testing

@testable import PolicyKit

@Suite struct ChecksumTests {
  /// A file's checksum computed while it is written, piece by piece, equals the checksum
  /// of the whole file (what `policyq index --verify` recomputes).
  @Test func streamedEqualsWhole() {
    var generator = SplitMix(seed: 7)
    for length in [0, 1, 31, 32, 33, 100, 4_097, 70_000] {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      let whole = bytes.withUnsafeBufferPointer { Checksum.words($0) }
      var stream = Checksum.Stream()
      var start = 0
      while start < length {
        let end = min(length, start + 1 + Int(generator.next() % 70))
        bytes.withUnsafeBufferPointer {
          stream.update(UnsafeBufferPointer(rebasing: $0[start..<end]))
        }
        start = end
      }
      #expect(stream.finish() == whole, "length \(length)")
    }
    // Any changed byte changes it.
    var bytes = [UInt8](repeating: 7, count: 1_000)
    let before = bytes.withUnsafeBufferPointer { Checksum.words($0) }
    bytes[500] ^= 1
    #expect(bytes.withUnsafeBufferPointer { Checksum.words($0) } != before)
  }

  /// A record's checksum is `words` folded to 32 bits, and any one byte of a record
  /// changed (every byte, every bit position in turn) changes it.
  @Test func recordChecksum_foldsWords_andSeesEveryFlip() {
    var generator = SplitMix(seed: 11)
    for length in [0, 1, 31, 32, 33, 200] {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      let words = bytes.withUnsafeBufferPointer { Checksum.words($0) }
      let record = bytes.withUnsafeBufferPointer { Checksum.record($0) }
      #expect(record == UInt32(truncatingIfNeeded: words ^ (words >> 32)), "length \(length)")
      for offset in bytes.indices {
        var damaged = bytes
        damaged[offset] ^= 1 << UInt8(offset % 8)
        #expect(damaged.withUnsafeBufferPointer { Checksum.record($0) } != record)
      }
    }
  }
}
