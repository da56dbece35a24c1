/// One search hit: the unit, its document, its score, where the terms occur, and a
/// snippet of its text with the hits marked.
public struct SearchHit: Sendable {
  /// The unit that matched, with its text.
  public var unit: SearchUnit
  /// The document the unit belongs to.
  public var document: IndexedDocument
  /// The ranking score, higher first (`explanation` shows how it was made); 0 when the
  /// query has no terms.
  public var score: Double
  /// Occurrences of each matched term (after synonyms) in the unit.
  public var termCounts: [(term: String, count: Int, inHeading: Int)]
  /// Of each term's occurrences, how many stand as words (when ranked by words).
  public var wordCounts: [String: Int] = [:]
  /// A stretch of the unit's text around the first hit.
  public var snippet: String
  /// Ranges of `snippet` (in Unicode scalars) that are hits.
  public var highlights: [Range<Int>]
  /// How the score was made, for `--explain`.
  public var explanation: [String]
}

/// The answer to a query.
public struct SearchResults: Sendable {
  /// The best matches, best first: at most `SearchOptions.limit` of them.
  public var hits: [SearchHit]
  /// Units (or documents) that matched before `limit` was applied.
  public var totalMatches: Int
  /// Synonyms each term was expanded with.
  public var expansions: [(term: String, synonyms: [String])]
}

/// How to search.
public struct SearchOptions: Sendable {
  /// The most hits to return.
  public var limit = 10
  /// The kinds of unit to return. `[.document]` alone ranks whole documents (every term
  /// somewhere in the document); with other kinds, a document unit is its front and back
  /// matter.
  public var kinds: Set<SearchUnitKind> = [.measure, .section, .target, .document]
  /// Whether terms, excluded ones included, also match their synonyms from the dictionaries.
  public var useSynonyms = true
  /// Rank the best candidates by the word layer too: hits that stand as words (电力 in
  /// 电力行业) above hits across words (电力 in 用电力度). See `WordLayer`.
  public var rankByWords = true
  /// Scalars of text a snippet shows before its first hit (and twice as many after it).
  public var snippetRadius = 40
  /// Options with the defaults: 10 hits of every kind of unit, synonyms and word ranking on.
  public init() {}
}
