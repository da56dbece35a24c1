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
  static let k1 = 1.2
  package static let b = 0.5
  /// A hit in the heading counts this many times more.
  static let headingWeight = 2.0
  /// The share of a score kept by a unit none of whose hits of a term stand as words.
  package static let wordFloor = 0.7

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
  /// - Complexity: proportional to the postings of the query's bigrams, plus the units
  ///   that match (filters decode their departments), plus `limit` snippets.
  ///   With no terms, or when `kinds` is `[.document]`, it also walks every unit's entry.
  public func search(_ query: SearchQuery, options: SearchOptions = SearchOptions()) throws
    -> SearchResults
  {
    var kinds = options.kinds
    for case .unitKind(let kind) in query.filters { kinds = [kind] }
    let entries = index.units.entries
    let matcher = TermMatcher(postings: index.postings, units: index.units)
    let synonyms = options.useSynonyms ? (dictionaries ?? .bundledSynonyms).synonyms : [:]
    let (groups, termMatches, groupAlternatives, expansions) = try scoredGroups(
      query, synonyms: synonyms, matcher: matcher)
    var excludedUnits = Set<Int>()
    for term in query.excluded {
      for alternative in [term.folded] + (synonyms[term.folded] ?? []) {
        excludedUnits.formUnion(try matcher.matches(of: alternative).map(\.unit))
      }
    }
    let filter = UnitFilter(
      query.filters, index: index, dictionaries: dictionaries ?? .bundledDepartments)
    var allowedKind = [Bool](repeating: false, count: SearchUnitKind.allCases.count)
    for kind in kinds { allowedKind[Int(kind.code)] = true }

    let rankByWords = options.rankByWords && kinds != [.document] && !groups.isEmpty
    // With the word layer, a few times more candidates than asked for are re-ranked.
    var top = TopScores(limit: rankByWords ? max(options.limit * 2, 20) : options.limit)
    var totalMatches = 0
    if kinds == [.document] {
      for (unit, score) in try rankDocuments(groups, excluded: excludedUnits, filter: filter) {
        top.offer(unit: unit, score: score)
        totalMatches += 1
      }
    } else if let smallest = groups.indices.min(by: {
      groups[$0].units.count < groups[$1].units.count
    }) {
      // Walk the smallest group; find each unit in the others, moving forward only.
      var slots = [Int](repeating: 0, count: groups.count)
      for (position, unit) in groups[smallest].units.enumerated() {
        let kind = entries[unit].kind
        guard allowedKind[Int(kind.code)], excludedUnits.isEmpty || !excludedUnits.contains(unit)
        else { continue }
        var score = groups[smallest].scores[position]
        var matchesAll = true
        for other in groups.indices where other != smallest {
          let units = groups[other].units
          let slot = SortedSearch.advance(units, from: slots[other], to: unit)
          slots[other] = slot
          guard slot < units.count, units[slot] == unit else {
            matchesAll = false
            break
          }
          score += groups[other].scores[slot]
        }
        guard matchesAll, try filter.accepts(unit) else { continue }
        totalMatches += 1
        top.offer(unit: unit, score: score * Self.boost(kind))
      }
    } else {
      for unit in 0..<entries.count
      where allowedKind[Int(entries[unit].kind.code)] && !excludedUnits.contains(unit) {
        guard try filter.accepts(unit) else { continue }
        totalMatches += 1
        top.offer(unit: unit, score: 0)
      }
    }
    var units: [Int: SearchUnit] = [:]
    func decoded(_ index: Int) throws -> SearchUnit {
      if let unit = units[index] { return unit }
      let unit = try self.index.unit(index)
      units[index] = unit
      return unit
    }
    var ranked = top.ranked
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
    return SearchResults(hits: hits, totalMatches: totalMatches, expansions: expansions)
  }

  /// BM25 per query group. A group is a term with its synonyms, or terms joined by OR:
  /// the units holding any of them, in unit order, with their scores summed. Also returns
  /// each alternative's matches (for the counts shown), each group's alternatives, and the
  /// synonyms used.
  private func scoredGroups(
    _ query: SearchQuery, synonyms: [String: [String]], matcher: TermMatcher
  ) throws -> (
    groups: [ScoredUnits], termMatches: [(term: String, matches: [TermMatcher.Match])],
    alternatives: [[String]], expansions: [(String, [String])]
  ) {
    let entries = index.units.entries
    let total = Double(max(1, entries.count))
    var groups: [ScoredUnits] = []
    var termMatches: [(term: String, matches: [TermMatcher.Match])] = []
    var groupAlternatives: [[String]] = []
    var expansions: [(String, [String])] = []
    for group in query.groups {
      var alternatives: [String] = []
      for term in group {
        alternatives.append(term.folded)
        if let expansion = synonyms[term.folded], !expansion.isEmpty {
          expansions.append((term.text, expansion))
          alternatives += expansion
        }
      }
      alternatives = Array(Set(alternatives)).sorted()
      groupAlternatives.append(alternatives)
      var perAlternative: [ScoredUnits] = []
      for alternative in alternatives {
        let matches = try matcher.matches(of: alternative)
        termMatches.append((alternative, matches))
        let frequency = Double(matches.count)
        let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        var scored = ScoredUnits()
        scored.units.reserveCapacity(matches.count)
        scored.scores.reserveCapacity(matches.count)
        for match in matches {
          let weighted = Double(match.total) + (Self.headingWeight - 1) * Double(match.inHeading)
          let length = Double(entries[match.unit].length)
          scored.units.append(match.unit)
          scored.scores.append(
            idf * weighted * (Self.k1 + 1)
              / (weighted + Self.k1 * (1 - Self.b + Self.b * length / averageLength)))
        }
        perAlternative.append(scored)
      }
      groups.append(ScoredUnits.union(perAlternative))
    }
    return (groups, termMatches, groupAlternatives, expansions)
  }

  /// Re-ranks candidates (best BM25 first) by the word layer: each term group's score
  /// share is kept in full when its hits stand as words, `wordFloor` of it when none does.
  /// Stops as soon as `limit` units rank above the next candidate's BM25 score (words only
  /// lower scores). Returns the best `limit` and each unit's as-word counts per term.
  private func rankedByWords(
    _ candidates: [(unit: Int, score: Double)], groupAlternatives: [[String]], limit: Int,
    decoded: (Int) throws -> SearchUnit
  ) throws -> (ranked: [(unit: Int, score: Double)], wordCounts: [Int: [String: Int]]) {
    let layer = dictionaries.map { WordLayer(dictionaries: $0) } ?? WordLayer.bundled
    var breaks = WordLayer.BreakCache()
    var adjusted: [(unit: Int, score: Double)] = []
    var wordCounts: [Int: [String: Int]] = [:]
    let termScalars = groupAlternatives.map {
      $0.map { (term: $0, scalars: WordLayer.scalars($0)) }
    }
    var text: [UInt32] = []
    for found in candidates {
      if adjusted.count >= limit {
        adjusted.sort(by: TopScores.isBetter)
        if !TopScores.isBetter(found, than: adjusted[limit - 1]) { break }
      }
      text.removeAll(keepingCapacity: true)
      BigramKey.appendFoldedScalars(of: try decoded(found.unit).text, to: &text)
      var multiplier = 1.0
      for alternatives in termScalars {
        var total = 0
        var asWords = 0
        for (term, scalars) in alternatives {
          let counted = layer.occurrences(of: scalars, in: text, cache: &breaks)
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

  /// Documents in which every group matches some unit; scored by the sum of their units'
  /// scores, shown through their document unit.
  private func rankDocuments(
    _ groups: [ScoredUnits], excluded: Set<Int>, filter: UnitFilter
  ) throws -> [(unit: Int, score: Double)] {
    let entries = index.units.entries
    var documentUnit: [Int: Int] = [:]
    for (unit, entry) in entries.enumerated() where entry.kind == .document {
      documentUnit[Int(entry.document)] = unit
    }
    let excludedDocuments = Set(excluded.map { Int(entries[$0].document) })
    var perDocument: [Int: (score: Double, groups: Int)] = [:]
    for group in groups {
      var seen = Set<Int>()
      for (position, unit) in group.units.enumerated() where entries[unit].kind != .target {
        let document = Int(entries[unit].document)
        var current = perDocument[document] ?? (0, 0)
        current.score += group.scores[position]
        if seen.insert(document).inserted { current.groups += 1 }
        perDocument[document] = current
      }
    }
    let candidates: [Int] = groups.isEmpty ? Array(documentUnit.keys) : Array(perDocument.keys)
    var ranked: [(unit: Int, score: Double)] = []
    for document in candidates where !excludedDocuments.contains(document) {
      let found = perDocument[document] ?? (0, 0)
      guard found.groups == groups.count, let unit = documentUnit[document],
        try filter.acceptsDocument(document)
      else { continue }
      ranked.append((unit, found.score))
    }
    return ranked
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
