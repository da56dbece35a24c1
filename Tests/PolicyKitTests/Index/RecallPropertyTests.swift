import Foundation
import Testing

@testable import PolicyKit

/// Nothing missed: for random substrings of the corpus, the units the index returns are
/// exactly those whose folded text contains the substring (a naive scan).
@Suite struct RecallPropertyTests {
  @Test func randomSubstrings_indexEqualsNaiveScan() throws {
    let index = try SeedIndex.open()
    let units = try (0..<index.unitCount).map { try index.unit($0) }
    let folded = units.map { PolicyDictionaries.fold($0.text) }
    var generator = SplitMix(seed: 20_261_122)
    var checked = 0
    while checked < 150 {
      let unit = Int(generator.next() % UInt64(units.count))
      let scalars = Array(folded[unit].unicodeScalars)
      guard scalars.count > 8 else { continue }
      let length = 1 + Int(generator.next() % 6)
      let start = Int(generator.next() % UInt64(scalars.count - length))
      let piece = scalars[start..<(start + length)]
      guard !piece.contains(where: { $0.properties.isWhitespace || $0 == "\"" || $0 == "-" || $0 == ":" || $0 == "|" }) else { continue }
      let term = String(String.UnicodeScalarView(piece))
      var options = SearchOptions()
      options.limit = 100_000
      options.useSynonyms = false
      // Every kind: with other kinds, a document unit is its front and back matter.
      options.kinds = Set(SearchUnitKind.allCases)
      let found = Set(try Searcher(index: index).search(try SearchQuery("\"\(term)\""), options: options).hits.map(\.unit.id))
      let expected = Set(units.indices.filter { folded[$0].containsBytes(term) }.map { units[$0].id })
      #expect(found == expected, "\(term): \(found.symmetricDifference(expected).prefix(5))")
      checked += 1
    }
  }
}

/// A small deterministic random generator.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
