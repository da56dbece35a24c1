import Testing

@testable import PolicyIndex

/// Unit ids are kept in a unit record as a letter and a number when they are one, and
/// read back whole; any other suffix stays a string.
@Suite struct UnitIDSuffixTests {
  @Test func letterAndNumber_roundTrip() {
    for suffix in ["#m1", "#s18", "#t37", "#m0", "#a123456789", "#z9"] {
      guard let (letter, number) = UnitIDSuffix.parts(of: Array(suffix.utf8)) else {
        Issue.record("\(suffix) is a letter and a number")
        continue
      }
      #expect(
        UnitIDSuffix.suffix(form: UnitIDSuffix.firstLetterForm + letter, number: number)
          == suffix)
    }
  }

  /// Leading zeros, capitals, more letters, no number, other characters and numbers of
  /// ten digits are not the compact form: read back from a number they would differ.
  @Test func otherSuffixes_stayStrings() {
    for suffix in ["", "#m", "#m01", "#M1", "#mm1", "#m1.2", "#m1~2", "m1", "#m1234567890", "#量1"] {
      #expect(UnitIDSuffix.parts(of: Array(suffix.utf8)) == nil, "\(suffix)")
    }
  }

  @Test func badForms_areNone() {
    #expect(UnitIDSuffix.suffix(form: UnitIDSuffix.firstLetterForm + 26, number: 1) == nil)
    #expect(UnitIDSuffix.suffix(form: UnitIDSuffix.firstLetterForm, number: -1) == nil)
  }
}
