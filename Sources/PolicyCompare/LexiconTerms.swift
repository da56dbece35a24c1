import PolicyExtraction

/// 政策词表 — finds the terms of the policy lexicon (`dictionaries/lexicon.txt`) in folded
/// text: each position looks up the terms starting with its two scalars, so the work is
/// linear in the text times the few terms sharing a start.
struct LexiconTerms {
  /// The terms by the key of their first two scalars.
  private let byStart: [UInt64: [[UInt32]]]

  /// The terms of `lexicon` (folded strings) of two or more scalars.
  init(_ lexicon: [String]) {
    var byStart: [UInt64: [[UInt32]]] = [:]
    for term in lexicon {
      let scalars = Shingles.keptScalars(term)
      guard scalars.count >= 2 else { continue }
      byStart[BigramKey.make(scalars[0], scalars[1]), default: []].append(scalars)
    }
    self.byStart = byStart
  }

  /// The distinct terms found in `scalars` (kept scalars), as strings.
  func terms(in scalars: [UInt32]) -> Set<String> {
    var found = Set<String>()
    guard scalars.count >= 2 else { return found }
    for start in 0..<(scalars.count - 1) {
      guard let candidates = byStart[BigramKey.make(scalars[start], scalars[start + 1])] else {
        continue
      }
      for term in candidates where start + term.count <= scalars.count {
        if scalars[start..<(start + term.count)].elementsEqual(term) {
          found.insert(String(String.UnicodeScalarView(term.compactMap(Unicode.Scalar.init))))
        }
      }
    }
    return found
  }
}
