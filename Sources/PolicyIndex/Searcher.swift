import Foundation
import PolicyBytes
import PolicyExtraction
import PolicyText

/// Runs queries on an index: exact matches through the bigram postings, synonyms from the
/// dictionaries, filters, BM25 ranking over heading and text refined by the word layer,
/// snippets.
public struct Searcher: Sendable {
  /// The index searched.
  public let index: InvertedIndex
  /// The synonyms and departments to search with; nil for the bundled ones, each read
  /// only when a query needs it.
  public var dictionaries: PolicyDictionaries?
  private let averageLength: Double
  package static let k1 = 1.2
  package static let b = 0.5
  /// A hit in the heading counts this many times more.
  package static let headingWeight = 2.0
  /// The share of a score kept by a unit none of whose hits of a term stand as words.
  package static let wordFloor = 0.7

  /// A term's inverse document frequency among `units` units, `frequency` of which hold it.
  static func idf(_ frequency: Int, units: Int) -> Double {
    let (frequency, total) = (Double(frequency), Double(max(1, units)))
    return log(1 + (total - frequency + 0.5) / (frequency + 0.5))
  }

  /// A term's BM25 score in the unit of `match`, `length` scalars long (its hits in the
  /// heading weighing `headingWeight` times).
  @inline(__always)
  static func bm25(
    _ match: TermMatcher.Match, idf: Double, length: Int32, averageLength: Double
  ) -> Double {
    let weighted = Double(match.total) + (headingWeight - 1) * Double(match.inHeading)
    return idf * weighted * (k1 + 1)
      / (weighted + k1 * (1 - b + b * Double(length) / averageLength))
  }

  /// Starts loading what ranking `query` by words needs (the bundled word lists, ICU's
  /// word-break dictionary if a term is not in the lexicon) on another thread: a command
  /// calls this first, before opening the index.
  public static func prepareWordRanking(for query: SearchQuery) {
    WordLayer.warmUp(for: query.groups.flatMap { $0.map(\.folded) })
  }

  /// A searcher of `index` with `dictionaries` for synonyms, department filters and word
  /// ranking (nil: the bundled ones).
  public init(index: InvertedIndex, dictionaries: PolicyDictionaries? = nil) {
    self.index = index
    self.dictionaries = dictionaries
    averageLength = max(1, index.averageUnitLength)
  }

  /// Runs `query`.
  /// - Complexity: proportional to the postings of the query's bigrams (each distinct
  ///   group matched once, its lists then cut to the units that match every group so far),
  ///   plus the units that match times the groups (filters decode their departments), plus
  ///   `limit` snippets, each one pass over a unit's text for all the terms together.
  ///   With no terms, or when `kinds` is `[.document]`, it also walks every unit's entry.
  public func search(_ query: SearchQuery, options: SearchOptions = SearchOptions()) throws
    -> SearchResults
  {
    var kinds = options.kinds
    for case .unitKind(let kind) in query.filters { kinds = [kind] }
    let entries = index.units.entries
    let matcher = TermMatcher(postings: index.postings, units: index.units)
    let synonyms = options.useSynonyms ? (dictionaries ?? .bundledSynonyms).synonyms : [:]
    var allowedKind = [Bool](repeating: false, count: SearchUnitKind.allCases.count)
    for kind in kinds { allowedKind[Int(kind.code)] = true }
    let rankByWords = options.rankByWords && kinds != [.document] && !query.groups.isEmpty
    // With the word layer, a few times more candidates than asked for are re-ranked.
    let candidateLimit = rankByWords ? max(options.limit * 2, 20) : options.limit
    let ranking =
      try rankedTerm(
        query, kinds: kinds, synonyms: synonyms, matcher: matcher, allowedKind: allowedKind,
        limit: candidateLimit)
      ?? rankedGroups(
        query, kinds: kinds, synonyms: synonyms, matcher: matcher, allowedKind: allowedKind,
        limit: candidateLimit)
    let (termMatches, groupAlternatives, expansions) = (
      ranking.termMatches, ranking.alternatives, ranking.expansions
    )
    var units: [Int: SearchUnit] = [:]
    func decoded(_ index: Int) throws -> SearchUnit {
      if let unit = units[index] { return unit }
      let unit = try self.index.unit(index)
      units[index] = unit
      return unit
    }
    var ranked = ranking.top.ranked
    var wordCounts: [Int: [String: Int]] = [:]
    if rankByWords {
      (ranked, wordCounts) = try rankedByWords(
        ranked, groupAlternatives: groupAlternatives, limit: options.limit, decoded: decoded)
    }
    let terms = query.groups.flatMap { group in group.map(\.folded) } + expansions.flatMap(\.1)
    let hits = try ranked.map { found -> SearchHit in
      let unit = try decoded(found.unit)
      let counts: [(term: String, count: Int, inHeading: Int)] = termMatches.compactMap {
        term, matches in
        guard let position = SortedSearch.position(of: found.unit, in: matches, by: \.unit) else {
          return nil
        }
        return (term, matches[position].total, matches[position].inHeading)
      }
      let words = wordCounts[found.unit] ?? [:]
      let snippet = Snippet.make(unit.text, terms: terms, radius: options.snippetRadius)
      let explanation =
        counts.map { term, count, heading in
          "\(term): \(count)× in text\(heading > 0 ? " (\(heading)× in heading)" : "")"
            + (words[term].map { ", \($0)× as a word" } ?? "")
        } + [
          "score \(String(format: "%.3f", found.score)) (BM25, k1 \(Self.k1), b \(Self.b), heading ×\(Int(Self.headingWeight)), \(unit.kind.rawValue) ×\(Self.boost(unit.kind))"
            + (rankByWords
              ? ", × (\(Self.wordFloor) + \(String(format: "%.1f", 1 - Self.wordFloor)) × share of hits that are words)"
              : "") + ")"
        ]
      var hit = SearchHit(
        unit: unit, document: try index.document(unit.document), score: found.score,
        termCounts: counts, snippet: snippet.text, highlights: snippet.highlights,
        explanation: explanation)
      hit.wordCounts = words
      return hit
    }
    // The rows of the unit table read are checked as their blocks were first read; a
    // damaged one read as zeros, and the query fails here rather than answer from it.
    try index.units.check()
    return SearchResults(hits: hits, totalMatches: ranking.total, expansions: expansions)
  }

  /// A query's best units (up to the limit asked for), how many units match, and what
  /// the hits show: each alternative's matches (at least in the best units), the groups'
  /// alternatives and the synonyms used.
  private struct Ranking {
    var top: TopScores
    var total = 0
    var termMatches: [(term: String, matches: [TermMatcher.Match])] = []
    var alternatives: [[String]] = []
    var expansions: [(String, [String])] = []
  }

  /// A query of one term, with no synonym, exclusion or filter but unit kinds, that
  /// `TermMatcher.ranksAsWalked` serves (a bigram such as 发展, or a phrase with a long
  /// lead list such as 人民政府): ranked as its postings are walked (`RankedMatches`), no
  /// list of its matches made however many units hold it. Nil for any other query.
  private func rankedTerm(
    _ query: SearchQuery, kinds: Set<SearchUnitKind>, synonyms: [String: [String]],
    matcher: TermMatcher, allowedKind: [Bool], limit: Int
  ) throws -> Ranking? {
    guard kinds != [.document], query.excluded.isEmpty, query.groups.count == 1,
      let group = query.groups.first, group.count == 1, let term = group.first?.folded,
      synonyms[term]?.isEmpty ?? true,
      query.filters.allSatisfy({ if case .unitKind = $0 { true } else { false } }),
      try matcher.ranksAsWalked(term)
    else { return nil }
    let idf = Self.idf(try matcher.documentFrequency(of: term), units: matcher.entries.count)
    let averageLength = self.averageLength
    guard
      let parts = try matcher.streamMatches(
        of: term,
        makeSink: {
          RankedMatches(
            entries: matcher.entries, idf: idf, averageLength: averageLength,
            allowedKind: allowedKind, limit: limit)
        })
    else { return nil }
    var ranking = Ranking(top: TopScores(limit: limit), alternatives: [[term]])
    guard var merged = parts.first else { return ranking }
    for part in parts.dropFirst() { merged.merge(part) }
    ranking.top = merged.top
    ranking.total = merged.total
    // The counts the hits show, looked up in the best units alone.
    let best = merged.top.ranked.map(\.unit).sorted()
    ranking.termMatches = [(term, try matcher.matches(of: term, within: best))]
    return ranking
  }

  /// Any query: each group matched in the units that match the groups before
  /// (`MatchedGroups`), or, when documents are ranked, each group's units added to their
  /// documents; then exclusions and filters, and the best units kept.
  private func rankedGroups(
    _ query: SearchQuery, kinds: Set<SearchUnitKind>, synonyms: [String: [String]],
    matcher: TermMatcher, allowedKind: [Bool], limit: Int
  ) throws -> Ranking {
    let entries = matcher.entries
    // Documents ranked: each group's units go to their documents as the group is matched.
    var documents = DocumentScores(documents: kinds == [.document] ? index.documentCount : 0)
    let matched = try MatchedGroups.match(
      query, synonyms: synonyms, matcher: matcher, averageLength: averageLength,
      eachGroup: kinds == [.document] ? { documents.add($0, entries: entries) } : nil)
    var excludedUnits = Set<Int>()
    for term in query.excluded {
      for alternative in [term.folded] + (synonyms[term.folded] ?? []) {
        excludedUnits.formUnion(try matcher.matches(of: alternative).map(\.unit))
      }
    }
    let filter = UnitFilter(
      query.filters, index: index, dictionaries: dictionaries ?? .bundledDepartments)
    var ranking = Ranking(
      top: TopScores(limit: limit), termMatches: matched.termMatches,
      alternatives: matched.alternatives, expansions: matched.expansions)
    if kinds == [.document] {
      for (unit, score) in try documents.ranked(
        groups: query.groups.count, excluded: excludedUnits, filter: filter, entries: entries)
      {
        ranking.top.offer(unit: unit, score: score)
        ranking.total += 1
      }
    } else if matched.isEmpty {
      // Some term matches none of the units that match the others.
    } else if let candidates = matched.candidates,
      let smallest = matched.order.indices.min(by: {
        matched.counts[matched.order[$0]] < matched.counts[matched.order[$1]]
      })
    {
      // Every group's list now holds the candidates, in order: a unit's score is the
      // smallest group's plus the others' in query order.
      var scores = matched.groups[matched.order[smallest]].scores
      for (index, group) in matched.order.enumerated() where index != smallest {
        let added = matched.groups[group].scores
        for slot in scores.indices { scores[slot] += added[slot] }
      }
      for (slot, unit) in candidates.enumerated() {
        let kind = entries.kind(of: unit)
        guard allowedKind[Int(kind.code)], excludedUnits.isEmpty || !excludedUnits.contains(unit),
          try filter.accepts(unit)
        else { continue }
        ranking.total += 1
        ranking.top.offer(unit: unit, score: scores[slot] * Self.boost(kind))
      }
    } else {
      for unit in 0..<entries.count
      where allowedKind[Int(entries.kind(of: unit).code)] && !excludedUnits.contains(unit) {
        guard try filter.accepts(unit) else { continue }
        ranking.total += 1
        ranking.top.offer(unit: unit, score: 0)
      }
    }
    return ranking
  }

  /// Re-ranks candidates (best BM25 first) by the word layer: each term group's score
  /// share is kept in full when its hits stand as words, `wordFloor` of it when none does.
  /// Stops as soon as `limit` units rank above the next candidate's BM25 score (words only
  /// lower scores). Returns the best `limit` and each unit's as-word counts per term.
  private func rankedByWords(
    _ candidates: [(unit: Int, score: Double)], groupAlternatives: [[String]], limit: Int,
    decoded: (Int) throws -> SearchUnit
  ) throws -> (ranked: [(unit: Int, score: Double)], wordCounts: [Int: [String: Int]]) {
    guard limit > 0 else { return ([], [:]) }
    let layer = dictionaries.map { WordLayer(dictionaries: $0) } ?? WordLayer.bundled
    var breaks = WordLayer.BreakCache()
    var adjusted: [(unit: Int, score: Double)] = []
    var wordCounts: [Int: [String: Int]] = [:]
    let termScalars = groupAlternatives.map {
      $0.map { (term: $0, scalars: WordLayer.scalars($0)) }
    }
    // Every alternative's starts in a unit's text are found in one pass over it.
    let finder = TermFinder(
      terms: termScalars.flatMap { $0.map(\.scalars) }, bitsPerElement: 21)
    var text: [UInt32] = []
    for found in candidates {
      if adjusted.count >= limit {
        adjusted.sort(by: TopScores.isBetter)
        if !TopScores.isBetter(found, than: adjusted[limit - 1]) { break }
      }
      text.removeAll(keepingCapacity: true)
      BigramKey.appendFoldedScalars(of: try decoded(found.unit).text, to: &text)
      let starts = finder.occurrences(in: text)
      var termNumber = 0
      var multiplier = 1.0
      // A term typed more than once is counted once per unit.
      var countedTerms: [String: (total: Int, asWords: Int)] = [:]
      for alternatives in termScalars {
        var total = 0
        var asWords = 0
        for (term, scalars) in alternatives {
          let counted =
            countedTerms[term]
            ?? layer.occurrences(of: scalars, at: starts[termNumber], in: text, cache: &breaks)
          countedTerms[term] = counted
          termNumber += 1
          total += counted.total
          asWords += counted.asWords
          if counted.total > 0 { wordCounts[found.unit, default: [:]][term] = counted.asWords }
        }
        if total > 0 {
          multiplier *= Self.wordFloor + (1 - Self.wordFloor) * Double(asWords) / Double(total)
        }
      }
      adjusted.append((found.unit, found.score * multiplier))
    }
    adjusted.sort(by: TopScores.isBetter)
    return (Array(adjusted.prefix(limit)), wordCounts)
  }

  /// How much a unit of `kind` weighs against the others.
  static func boost(_ kind: SearchUnitKind) -> Double {
    switch kind {
    case .measure: return 1.2
    case .section: return 1.0
    case .target: return 0.5
    case .document: return 0.8
    }
  }
}
