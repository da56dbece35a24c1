import PolicyBytes
import Testing

@testable import PolicyKit

/// The interval search that places clauses and targets in their sections and measures
/// gives what a scan of the intervals gives: the most preferred interval that encloses
/// the range, the earliest of equally preferred ones.
@Suite struct EnclosingIntervalsTests {
  /// The answer of a scan, as `innermostSection(containing:)` and `firstIndex` give it.
  private func scanned(
    _ intervals: [(lower: Int, upper: Int)], _ preferences: [Int], _ range: (lower: Int, upper: Int)
  ) -> Int? {
    var best: Int? = nil
    for index in intervals.indices
    where intervals[index].lower <= range.lower && range.upper <= intervals[index].upper {
      if let current = best, preferences[current] >= preferences[index] { continue }
      best = index
    }
    return best
  }

  @Test(arguments: [0, 1, 2, 50, 400])
  func answersAsAScan(count: Int) {
    var random = SplitMix(seed: UInt64(count) + 11)
    func number(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    // Nested, overlapping, repeated and empty intervals over a short text, so that
    // many enclose each range and many tie.
    let intervals = (0..<count).map { _ in
      let lower = number(200)
      return (lower: lower, upper: lower + number(60))
    }
    let preferences = (0..<count).map { _ in number(4) }
    let ranges = (0..<300).map { _ in
      let lower = number(220)
      return (lower: lower, upper: lower + number(8))
    }
    let search = EnclosingIntervals(intervals, preferences: preferences)
    #expect(
      search.preferred(enclosing: ranges).map { $0 ?? -1 }
        == ranges.map { scanned(intervals, preferences, $0) ?? -1 })
    // Without preferences: the first interval that encloses the range.
    let first = EnclosingIntervals(intervals).preferred(enclosing: ranges)
    #expect(
      first.map { $0 ?? -1 }
        == ranges.map { range in
          intervals.firstIndex { $0.lower <= range.lower && range.upper <= $0.upper } ?? -1
        })
  }
}
