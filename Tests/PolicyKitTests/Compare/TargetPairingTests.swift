import PolicyCompare
import PolicyModel
import Testing

@testable import PolicyKit

/// Targets are paired by indicator through lists by shared year, baseline and unit, not by
/// scanning every upper target for each lower one; the pairs are those of that scan.
@Suite struct TargetPairingTests {
  /// The scan: for each lower target, the unpaired upper target on its indicator that
  /// ranks best (the same year 4, baseline 2, unit 1), the first of the best.
  static func scanned(lower: [Target], upper: [Target]) -> [[Int]] {
    var used = Set<Int>()
    var pairs: [[Int]] = []
    for (i, target) in lower.enumerated() {
      guard let key = target.indicatorKey else { continue }
      func rank(_ other: Target) -> Int {
        (target.year == other.year ? 4 : 0) + (target.baselineYear == other.baselineYear ? 2 : 0)
          + (target.unit == other.unit ? 1 : 0)
      }
      let candidates = upper.indices.filter { upper[$0].indicatorKey == key && !used.contains($0) }
      guard let j = candidates.max(by: { rank(upper[$0]) < rank(upper[$1]) }) else { continue }
      used.insert(j)
      pairs.append([i, j])
    }
    return pairs
  }

  /// The seeds' targets, many times over with years, baselines and units changed by a
  /// fixed pseudo-random sequence, so that every rank occurs.
  static func varied(_ targets: [Target], copies: Int, seed: UInt64) -> [Target] {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var out: [Target] = []
    for _ in 0..<copies {
      for var target in targets {
        if next(3) == 0 { target.year = [2025, 2030, nil][next(3)] }
        if next(3) == 0 { target.baselineYear = [2020, 2021, nil][next(3)] }
        if next(4) == 0 { target.unit = ["%", "家", "万吨"][next(3)] }
        out.append(target)
      }
    }
    return out
  }

  @Test func pairsAreThoseOfTheScan() throws {
    let seeds = try ["000", "001", "002", "003", "004"].map { try Parsed.seed($0).targets }
    let all = seeds.flatMap { $0 }
    #expect(all.count > 20)
    for (a, b) in [(0, 4), (3, 4), (1, 4), (0, 3)] {
      let pairs = TargetComparison.pairs(lower: seeds[a], upper: seeds[b])
      #expect(pairs.map { [$0.lower, $0.upper] } == Self.scanned(lower: seeds[a], upper: seeds[b]))
    }
    for seed in 1...4 {
      let lower = Self.varied(all, copies: 6, seed: UInt64(seed))
      let upper = Self.varied(all, copies: 5, seed: UInt64(seed) + 100)
      let pairs = TargetComparison.pairs(lower: lower, upper: upper)
      #expect(pairs.count > 100)
      #expect(pairs.map { [$0.lower, $0.upper] } == Self.scanned(lower: lower, upper: upper))
    }
  }
}
