import PolicyBytes
import Testing

@testable import PolicyKit

/// The radix sort of a segment's keys orders values as a comparison sort of their high
/// bits does, keeping the low bits (the term numbers packed under the keys) with them.
@Suite struct RadixSortTests {
  @Test(arguments: [0, 1, 63, 64, 65, 5_000])
  func sortsLikeComparisonSortByHighBits(count: Int) {
    var random = SplitMix(seed: UInt64(count) + 7)
    // Keys of 42 bits (two 21-bit scalars), term numbers in the 22 bits below them.
    let values = (0..<count).map { index in (random.next() >> 22) << 22 | UInt64(index) }
    var sorted = values
    RadixSort.sort(&sorted, fromBit: 22)
    #expect(sorted == values.sorted { $0 >> 22 < $1 >> 22 })
  }

  @Test func keepsOrderOfEqualKeys() {
    let values: [UInt64] = (0..<200).map { UInt64($0 % 3) << 22 | UInt64(199 - $0) }
    var sorted = values
    RadixSort.sort(&sorted, fromBit: 22)
    let expected: [UInt64] = [UInt64(0), 1, 2].flatMap { key in values.filter { $0 >> 22 == key } }
    #expect(sorted == expected)
  }
}
