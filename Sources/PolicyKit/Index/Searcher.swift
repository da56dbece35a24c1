import Foundation

/// Runs queries on an index: exact matches through the bigram postings, synonyms from the
/// dictionaries, filters, BM25 ranking over heading and text, snippets.
public struct Searcher: Sendable {
  public let index: InvertedIndex
  public var dictionaries: PolicyDictionaries
  private let averageLength: Double
  static let k1 = 1.2
  static let b = 0.5
  /// A hit in the heading counts this many times more.
  static let headingWeight = 2.0
  static let kindBoost: [SearchUnitKind: Double] = [.measure: 1.2, .section: 1.0, .target: 0.5, .document: 0.8]

  public init(index: InvertedIndex, dictionaries: PolicyDictionaries = .bundledForSearch) {
    self.index = index
    self.dictionaries = dictionaries
    averageLength = max(1, index.averageUnitLength)
  }

  /// Runs `query`.
  /// - Complexity: proportional to the postings of the query's bigrams, plus the units
  ///   that match (filters decode their departments), plus `limit` snippets.
  public func search(_ query: SearchQuery, options: SearchOptions = SearchOptions()) throws -> SearchResults {
    var kinds = options.kinds
    for case .unitKind(let kind) in query.filters { kinds = [kind] }
    let entries = index.units.entries
    let matcher = TermMatcher(postings: index.postings, entries: entries)
    var expansions: [(String, [String])] = []
    // Each group: per unit, the score of its best-scoring alternative set.
    var groupScores: [[Int: (score: Double, counts: [(String, Int, Int)])]] = []
    let total = Double(max(1, entries.count))
    for group in query.groups {
      var alternatives: [String] = []
      for term in group {
        alternatives.append(term.folded)
        if options.useSynonyms, let synonyms = dictionaries.synonyms[term.folded], !synonyms.isEmpty {
          expansions.append((term.text, synonyms))
          alternatives += synonyms
        }
      }
      var scores: [Int: (score: Double, counts: [(String, Int, Int)])] = [:]
      for alternative in Array(Set(alternatives)).sorted() {
        let occurrences = try matcher.occurrences(of: alternative)
        let frequency = Double(occurrences.count)
        let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        for (unit, occurrence) in occurrences {
          let weighted = Double(occurrence.total) + (Self.headingWeight - 1) * Double(occurrence.inHeading)
          let length = Double(entries[unit].length)
          let score = idf * weighted * (Self.k1 + 1) / (weighted + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
          var current = scores[unit] ?? (0, [])
          current.score += score
          current.counts.append((alternative, occurrence.total, occurrence.inHeading))
          scores[unit] = current
        }
      }
      groupScores.append(scores)
    }
    var excludedUnits = Set<Int>()
    for term in query.excluded {
      for alternative in [term.folded] + (options.useSynonyms ? dictionaries.synonyms[term.folded] ?? [] : []) {
        excludedUnits.formUnion(try matcher.occurrences(of: alternative).keys)
      }
    }
    let filter = UnitFilter(query.filters, index: index, dictionaries: dictionaries)

    var ranked: [(unit: Int, score: Double, counts: [(String, Int, Int)])] = []
    if kinds == [.document] {
      ranked = try rankDocuments(groupScores, excluded: excludedUnits, filter: filter, query: query)
    } else {
      var candidates: [Int]
      if let smallest = groupScores.indices.min(by: { groupScores[$0].count < groupScores[$1].count }) {
        candidates = Array(groupScores[smallest].keys)
      } else {
        candidates = Array(entries.indices)
      }
      for unit in candidates where kinds.contains(entries[unit].kind) && !excludedUnits.contains(unit) {
        var score = 0.0
        var counts: [(String, Int, Int)] = []
        var matchesAll = true
        for scores in groupScores {
          guard let found = scores[unit] else {
            matchesAll = false
            break
          }
          score += found.score
          counts += found.counts
        }
        guard matchesAll, try filter.accepts(unit) else { continue }
        ranked.append((unit, score * (Self.kindBoost[entries[unit].kind] ?? 1), counts))
      }
    }
    let totalMatches = ranked.count
    ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit }
    let top = ranked.prefix(options.limit)
    let terms = query.groups.flatMap { group in group.map(\.folded) } + expansions.flatMap(\.1)
    let hits = try top.map { found -> SearchHit in
      let unit = try index.unit(found.unit)
      let snippet = Snippet.make(unit.text, terms: terms, radius: options.snippetRadius)
      let explanation = found.counts.map { term, count, heading in
        "\(term): \(count)× in text\(heading > 0 ? " (\(heading)× in heading)" : "")"
      } + ["score \(String(format: "%.3f", found.score)) (BM25, k1 \(Self.k1), b \(Self.b), heading ×\(Int(Self.headingWeight)), \(unit.kind.rawValue) ×\(Self.kindBoost[unit.kind] ?? 1))"]
      return SearchHit(
        unit: unit, document: index.documents[unit.document], score: found.score,
        termCounts: found.counts.map { ($0.0, $0.1, $0.2) }, snippet: snippet.text, highlights: snippet.highlights,
        explanation: explanation)
    }
    return SearchResults(hits: hits, totalMatches: totalMatches, expansions: expansions)
  }

  /// Documents in which every group matches some unit; scored by the sum of their units'
  /// scores, shown through their document unit.
  private func rankDocuments(
    _ groupScores: [[Int: (score: Double, counts: [(String, Int, Int)])]], excluded: Set<Int>, filter: UnitFilter,
    query: SearchQuery
  ) throws -> [(unit: Int, score: Double, counts: [(String, Int, Int)])] {
    let entries = index.units.entries
    var documentUnit: [Int: Int] = [:]
    for (unit, entry) in entries.enumerated() where entry.kind == .document { documentUnit[Int(entry.document)] = unit }
    let excludedDocuments = Set(excluded.map { Int(entries[$0].document) })
    var perDocument: [Int: (score: Double, groups: Int, counts: [(String, Int, Int)])] = [:]
    for scores in groupScores {
      var seen = Set<Int>()
      for (unit, found) in scores where entries[unit].kind != .target {
        let document = Int(entries[unit].document)
        var current = perDocument[document] ?? (0, 0, [])
        current.score += found.score
        if !seen.contains(document) {
          current.groups += 1
          seen.insert(document)
          current.counts += found.counts
        }
        perDocument[document] = current
      }
    }
    let candidates: [Int] = groupScores.isEmpty ? Array(documentUnit.keys) : Array(perDocument.keys)
    var ranked: [(unit: Int, score: Double, counts: [(String, Int, Int)])] = []
    for document in candidates where !excludedDocuments.contains(document) {
      let found = perDocument[document] ?? (0, 0, [])
      guard found.groups == groupScores.count, let unit = documentUnit[document], try filter.acceptsDocument(document) else { continue }
      ranked.append((unit, found.score, found.counts))
    }
    return ranked
  }
}
