/// 对齐依据 — why two measures were aligned: how alike their headings and bodies are,
/// the words and indicators they share, and the kinds of evidence that passed their
/// thresholds.
public struct PairEvidence: Sendable, Equatable {
  /// A kind of evidence. Three link a pair on their own: `combined` (the calibrated
  /// model's probability at or above its threshold), `passages`, and `sameHeading` when
  /// one of the two measures is otherwise unaligned; the others are named to explain it.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// The same heading, character for character (folded).
    case sameHeading = "same_heading"
    /// Headings alike (IDF-weighted bigrams, cosine ≥ 0.8).
    case heading
    /// Bodies alike (IDF-weighted bigrams, cosine ≥ 0.35).
    case body
    /// One measure's heading held by the other's body (≥ 0.8 of its weight).
    case headingInBody = "heading_in_body"
    /// One measure's heading held by the titles of the sections around the other (≥ 0.8
    /// of its weight): a lower section restating an upper measure's heading.
    case headingInContext = "heading_in_context"
    /// A sentence of one much like a sentence of the other (cosine ≥ 0.6).
    case sentence
    /// The evidence together: the calibrated probability at or above its threshold.
    case combined
    /// Passages shared word for word (5-gram similarity at or above 0.2).
    case passages
  }

  /// A shared word and how much it weighs (its IDF: rarer words weigh more).
  public struct Term: Sendable, Equatable {
    /// The word (a lexicon term, or a bigram when the lexicon has none to offer).
    public var text: String
    /// Its weight.
    public var weight: Double
  }

  /// The similarity of the headings (0 when either has none), 0 to 1.
  public var heading: Double
  /// The similarity of the bodies (cosine of IDF-weighted bigrams), 0 to 1.
  public var body: Double
  /// How much of the smaller body the larger holds (IDF-weighted bigrams), 0 to 1: high
  /// when one measure merges the other into a longer text.
  public var bodyContainment: Double
  /// How much of one measure's heading the other's body holds (IDF-weighted bigrams, the
  /// larger of the two ways), 0 to 1: 创建绿色工厂 in a body that says 加快创建绿色工厂.
  public var headingInBody: Double
  /// The similarity of the lexicon terms the two hold, 0 to 1.
  public var terms: Double
  /// The similarity of the titles of their enclosing sections, 0 to 1.
  public var context: Double
  /// How far apart they stand in their documents (each measure's place from 0 to 1).
  public var position: Double
  /// The best similarity of a sentence of one with a sentence of the other, 0 to 1.
  public var sentence: Double
  /// How much of one measure's heading the titles of the sections around the other hold
  /// (IDF-weighted bigrams, the larger of the two ways), 0 to 1: a lower section that
  /// restates an upper measure's heading, its items each taking up part of it.
  public var headingInContext = 0.0
  /// How linked a text of the same document that one of the two restates in another part
  /// (a 附件 row restating a body task) is with the other, 0 to 1: the weaker of the
  /// restatement's similarity and that link's share of the best score.
  public var echo = 0.0
  /// The calibrated probability that a reader links the two, 0 to 1.
  public var score: Double
  /// The shared words, heaviest first (at most `termLimit`).
  public var sharedTerms: [Term]
  /// The departments (canonical names) both measures name.
  public var sharedDepartments: [String]
  /// The target indicators (keys) both measures set targets on.
  public var sharedIndicators: [String]
  /// The kinds of evidence that passed their thresholds, in the order of `Kind`.
  public var reasons: [Kind]

  /// No evidence: every similarity 0, nothing shared, no reason.
  public static let none = PairEvidence(
    heading: 0, body: 0, bodyContainment: 0, headingInBody: 0, terms: 0, context: 0,
    position: 0, sentence: 0, score: 0,
    sharedTerms: [], sharedDepartments: [], sharedIndicators: [], reasons: [])

  /// The most shared words listed.
  public static let termLimit = 8
}
