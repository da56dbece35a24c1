import PolicyModel

/// What a reader compares two measures on: the heading, the body's bigrams with their
/// counts, the policy lexicon's terms, the departments named and the target indicators.
struct MeasureProfile {
  /// The heading's distinct bigrams (folded, punctuation dropped).
  var heading: Set<UInt64>
  /// The heading's kept scalars, to find identical headings.
  var headingScalars: [UInt32]
  /// How often each bigram occurs in the body (the text without numbering and heading).
  var body: [UInt64: Int]
  /// The lexicon terms the measure's text holds.
  var terms: Set<String>
  /// The canonical names of the departments its responsibility clauses name.
  var departments: Set<String>
  /// The indicator keys of the targets set in it.
  var indicators: Set<String>
  /// The bigrams of the titles of its enclosing sections, numbering dropped.
  var context: Set<UInt64>
  /// The bigrams of each sentence of the body (split at 。；！？), sentences of fewer than
  /// four kept characters dropped.
  var sentences: [Set<UInt64>]
  /// Where its text first stands among its document's distinct measure texts, from 0
  /// (first) to 1 (last).
  var position: Double
  /// The title of the top-level section it stands in (the body's 三、主要任务, or 附件1…).
  var part: String

  /// The profile of measure `index` of `document`, standing at `position` (0 to 1).
  init(_ document: PolicyDocument, _ index: Int, position: Double, lexicon: LexiconTerms) {
    let measure = document.measures[index]
    let rest = measure.text.dropFirst(measure.label.count)
    let headingText = measure.title
    headingScalars = Shingles.keptScalars(headingText)
    heading = Set(Self.bigrams(headingScalars))
    var bodyText = String(rest)
    if !headingText.isEmpty, let range = bodyText.range(of: headingText) {
      bodyText.removeSubrange(range)
    }
    let bodyScalars = Shingles.keptScalars(bodyText)
    sentences = bodyText.split(whereSeparator: { "。；;！？!?".contains($0) }).compactMap {
      let scalars = Shingles.keptScalars(String($0))
      return scalars.count >= 4 ? Set(Self.bigrams(scalars)) : nil
    }
    var body: [UInt64: Int] = [:]
    for bigram in Self.bigrams(bodyScalars) { body[bigram, default: 0] += 1 }
    self.body = body
    terms = lexicon.terms(in: Shingles.keptScalars(String(rest)))
    departments = Set(
      measure.responsibilities.flatMap {
        document.responsibilities[$0].departments.map(\.canonical)
      }
    )
    indicators = Set(measure.targets.compactMap { document.targets[$0].indicatorKey })
    context = Set(Self.bigrams(Shingles.keptScalars(measure.path.joined(separator: "。"))))
    self.position = position
    part = measure.path.first ?? ""
  }

  /// The bigrams of `scalars`, in text order.
  static func bigrams(_ scalars: [UInt32]) -> [UInt64] {
    guard scalars.count >= 2 else { return [] }
    return (0..<(scalars.count - 1)).map { BigramKey.make(scalars[$0], scalars[$0 + 1]) }
  }
}
