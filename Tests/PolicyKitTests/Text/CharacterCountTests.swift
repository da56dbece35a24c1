import PolicyBytes
import PolicyExtraction
import PolicyModel
import Testing

@testable import PolicyKit

/// The character bounds and plain-string comparisons read scalars or bytes where
/// characters and scalars coincide; they must answer as `count`, `hasSuffix` and
/// `lastIndex(where:)` do everywhere else too.
@Suite struct CharacterCountTests {
  @Test func hasAtMostCharacters_agreesWithCount() {
    let samples = [
      "", "通知", "重庆市永川区人民政府关于印发行动计划（2022—2025年）的通知", "abc", "e\u{301}e\u{301}e\u{301}",
      "行动\u{301}计划方案", "🇨🇳🇨🇳", "👩‍👩‍👧通知", String(repeating: "碳", count: 45),
      String(repeating: "a\u{301}", count: 45),
    ]
    for text in samples {
      for limit in 0...50 {
        #expect(text.hasAtMostCharacters(limit) == (text.count <= limit), "\(text) \(limit)")
        #expect(text.hasAtLeastCharacters(limit) == (text.count >= limit), "\(text) \(limit)")
      }
    }
  }

  @Test func plainSuffix_agreesWithHasSuffix() {
    let titles = [
      "关于印发方案的通知", "行动计划", "计划", "实施方案（2022—2025年）", "规\u{301}划", "e\u{301}通知", "条\u{F9B5}",
    ]
    for title in titles {
      for kind in MetadataExtractor.kinds + ["条例", "的通知"] {
        #expect(
          title.hasSuffix(kind, isPlain: title.isPlain) == title.hasSuffix(kind), "\(title) \(kind)"
        )
      }
    }
    #expect("重庆市“十四五”规划（2021—2025年）".isPlain)
    #expect(!"规\u{301}划".isPlain)
    #expect(!"条\u{F9B5}".isPlain)  // a compatibility ideograph, canonically 例
  }

  @Test func plainPrefix_agreesWithHasPrefix() {
    let names = ["重庆市永川区人民政府", "国务院办公厅", "内蒙古自治区人民政府", "重\u{301}庆市", "e\u{301}", "\u{212A}K"]
    for name in names {
      for prefix in AdministrativePlace.directMunicipalities + AdministrativePlace.nationalPrefixes
        + ["重", "K", "e"]
      {
        #expect(
          name.hasPrefix(prefix, isPlain: name.isPlain) == name.hasPrefix(prefix),
          "\(name) \(prefix)")
      }
    }
    #expect(AdministrativePlace.read("重庆市永川区人民政府").path == ["重庆市", "永川区"])
    #expect(AdministrativePlace.read("国务院办公厅").level == .national)
  }

  @Test func withoutPeriod_cutsTheLastParenthesisedPeriod() {
    #expect(MetadataExtractor.withoutPeriod("制造业绿色低碳发展行动计划（2022—2025年）") == "制造业绿色低碳发展行动计划")
    #expect(MetadataExtractor.withoutPeriod("行动计划(2022-2025年)") == "行动计划")
    #expect(MetadataExtractor.withoutPeriod("方案（试行）（2022—2025年）") == "方案（试行）")
    #expect(MetadataExtractor.withoutPeriod("方案（2022—2025年）（试行）") == "方案（2022—2025年）（试行）")
    #expect(MetadataExtractor.withoutPeriod("e\u{301}方案（2022—2025年）") == "e\u{301}方案")
  }
}
