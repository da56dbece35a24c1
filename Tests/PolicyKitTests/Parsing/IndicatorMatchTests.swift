import Foundation
import PolicyBytes
import PolicyExtraction
import Testing

@testable import PolicyKit

/// Indicators found in the words before a value: the earliest-listed phrasing that occurs
/// wins, at its first occurrence, as when each phrasing is looked for in turn.
@Suite struct IndicatorMatchTests {
  @Test func firstPatternMatcher_earliestListedPatternWinsAtItsFirstOccurrence() {
    let matcher = FirstPatternMatcher(["绿色工厂", "工厂", "", "园区"])
    func match(_ text: String) -> (pattern: Int, offset: Int)? {
      Array(text.utf8).withUnsafeBufferPointer { matcher.firstMatch(in: $0) }
    }
    let both = match("园区和工厂及绿色工厂、绿色工厂")
    #expect(both?.pattern == 0)
    #expect(both?.offset == "园区和工厂及".utf8.count)
    #expect(match("园区和工厂")?.pattern == 1)
    #expect(match("园区")?.pattern == 3)
    #expect(match("无关的词") == nil)
    #expect(match("") == nil)
  }

  @Test func bundledIndicators_sameAsSearchingEachPhrasingInTurn_allSeeds() throws {
    let dictionaries = PolicyDictionaries.bundled
    var checked = 0
    for seed in ["000", "001", "002", "003", "004"] {
      for target in try Parsed.seed(seed).targets {
        let folded = PolicyDictionaries.fold(target.indicator)
        let inTurn = dictionaries.indicatorPatterns.lazy.compactMap { pattern, index in
          folded.rangeOfBytes(pattern).map { (key: dictionaries.indicators[index].key, range: $0) }
        }.first
        let found = dictionaries.indicator(in: folded)
        #expect(found?.indicator.key == inTurn?.key, "\(target.indicator)")
        #expect(found?.range == inTurn?.range, "\(target.indicator)")
        checked += 1
      }
    }
    #expect(checked > 50)
  }
}
