import PolicyExtraction
import PolicyIndex
import PolicyModel
import PolicyText

/// `policyq search --print-opensearch`: a query as OpenSearch query DSL over the fields of
/// `policyq export --opensearch`, clause for clause. Each term group is a `bool` `should`
/// of phrase queries, one per alternative (the term folded, and its synonyms from
/// dictionaries/synonyms.tsv unless synonyms are off, as policyq expands them; the
/// synonyms are put in the query, not in the index's analyzer, so that the dictionary can
/// change without indexing again); the groups are `must`; excluded terms (and their
/// synonyms) are `must_not`; every filter is a `filter` clause on keyword or integer fields.
package enum OpenSearchQuery {
  /// The request body for `query`, pretty-printed, ending in a line feed, and notes on
  /// what it cannot say as policyq does (empty when it says it all).
  /// - Parameters:
  ///   - kinds: the kinds of unit searched (`--unit`); `[.document]` ranks documents.
  ///   - synonyms: the synonyms by folded term (empty with `--no-synonyms`).
  ///   - departments: resolves `dept:` names to their canonical form and level prefix.
  ///   - limit: how many hits (`size`).
  package static func request(
    for query: SearchQuery, kinds: Set<SearchUnitKind>, synonyms: [String: [String]],
    departments: @autoclosure () -> PolicyDictionaries, limit: Int
  ) -> (json: String, notes: [String]) {
    var kinds = kinds
    for case .unitKind(let kind) in query.filters { kinds = [kind] }
    let rankingDocuments = kinds == [.document]
    var notes: [String] = []
    var json = JSONWriter()
    json.beginObject()
    json.int("size", limit)
    json.bool("track_total_hits", true)
    json.beginObject("query")
    json.beginObject("bool")
    json.beginArray("must")
    for group in query.groups {
      var alternatives: [String] = []
      for term in group { alternatives += [term.folded] + (synonyms[term.folded] ?? []) }
      json.beginObject()
      json.beginObject("bool")
      json.beginArray("should")
      for alternative in Array(Set(alternatives)).sorted() { phrase(alternative, to: &json) }
      json.endArray()
      json.int("minimum_should_match", 1)
      json.endObject()
      json.endObject()
    }
    json.endArray()
    json.beginArray("must_not")
    for term in query.excluded {
      for alternative in [term.folded] + (synonyms[term.folded] ?? []) {
        phrase(alternative, to: &json)
      }
    }
    json.endArray()
    json.beginArray("filter")
    if rankingDocuments {
      // policyq adds up a document's units, targets left out.
      json.beginObject()
      json.beginObject("bool")
      json.beginArray("must_not")
      term(OpenSearchFields.unitKind, SearchUnitKind.target.rawValue, to: &json)
      json.endArray()
      json.endObject()
      json.endObject()
      notes.append(
        "policyq ranks whole documents here (each term in some unit of the document); this "
          + "query finds units holding every term and collapses them by document")
    } else if Set(SearchUnitKind.allCases) != kinds {
      json.beginObject()
      json.beginObject("terms")
      json.beginArray(OpenSearchFields.unitKind)
      for kind in SearchUnitKind.allCases where kinds.contains(kind) {
        json.string(nil, kind.rawValue)
      }
      json.endArray()
      json.endObject()
      json.endObject()
    }
    var resolver: DepartmentResolver?
    for filter in query.filters {
      switch filter {
      case .department(let name, let role):
        if rankingDocuments {
          notes.append("\(name): department filters do not apply when documents are ranked")
          continue
        }
        if resolver == nil { resolver = DepartmentResolver(dictionaries: departments()) }
        if let resolver { department(name, role: role, resolver: resolver, to: &json) }
      case .level(let level):
        term(OpenSearchFields.DocumentField.level.name, level.rawValue, to: &json)
      case .region(let region):
        Self.region(region, to: &json)
      case .year(let year):
        Self.year(year, targetsOwnYear: !rankingDocuments, to: &json)
      case .kind(let kind):
        Self.documentKind(kind, to: &json)
      case .document(let value):
        Self.document(value, to: &json)
      case .unitKind:
        continue
      }
    }
    json.endArray()
    json.endObject()
    json.endObject()
    if rankingDocuments {
      json.beginObject("collapse")
      json.string("field", OpenSearchFields.DocumentField.id.name)
      json.endObject()
    }
    json.beginObject("highlight")
    json.beginObject("fields")
    json.beginObject(OpenSearchFields.text)
    json.endObject()
    json.endObject()
    json.endObject()
    json.endObject()
    return (json.output + "\n", notes)
  }

  /// A phrase query for `text` on the unit's text and (weighted as policyq weighs it) its
  /// heading: consecutive character pairs, so exactly where the folded text holds it. The
  /// analyzer drops spaces and punctuation and keeps no position for them, so a term with
  /// some inside (绿色 工厂) gets a slop of one per run of them: it also finds the text
  /// without them (绿色工厂), which policyq does not.
  private static func phrase(_ text: String, to json: inout JSONWriter) {
    json.beginObject()
    json.beginObject("multi_match")
    json.string("query", text)
    json.string("type", "phrase")
    let gaps = separatorGaps(in: text)
    if gaps > 0 { json.int("slop", gaps) }
    json.beginArray("fields")
    json.string(nil, OpenSearchFields.text)
    json.string(
      nil, OpenSearchFields.heading + "^" + String(Int(Searcher.headingWeight)))
    json.endArray()
    json.endObject()
    json.endObject()
  }

  /// Runs of separators (`BigramKey.isSeparator`) with other characters on both sides.
  static func separatorGaps(in text: String) -> Int {
    var gaps = 0
    var seenOther = false
    var inRun = false
    for scalar in text.unicodeScalars {
      if BigramKey.isSeparator(scalar.value) {
        inRun = seenOther
      } else {
        if inRun { gaps += 1 }
        inRun = false
        seenOther = true
      }
    }
    return gaps
  }

  private static func term(_ field: String, _ value: String, to json: inout JSONWriter) {
    json.beginObject()
    json.beginObject("term")
    json.string(field, value)
    json.endObject()
    json.endObject()
  }

  private static func integerTerm(_ field: String, _ value: Int, to json: inout JSONWriter) {
    json.beginObject()
    json.beginObject("term")
    json.int(field, value)
    json.endObject()
    json.endObject()
  }

  /// A query by `kind` (`prefix`, `wildcard`) for `value` of `field`.
  private static func pattern(
    _ kind: String, _ field: String, _ value: String, to json: inout JSONWriter
  ) {
    json.beginObject()
    json.beginObject(kind)
    json.beginObject(field)
    json.string("value", value)
    json.endObject()
    json.endObject()
    json.endObject()
  }

  /// Opens `{"bool": {"should": [` for clauses of which one must hold.
  private static func beginEither(to json: inout JSONWriter) {
    json.beginObject()
    json.beginObject("bool")
    json.beginArray("should")
  }

  /// Closes what `beginEither` opened.
  private static func endEither(to json: inout JSONWriter) {
    json.endArray()
    json.int("minimum_should_match", 1)
    json.endObject()
    json.endObject()
  }

  /// `value` with the wildcard query's special characters escaped.
  static func wildcardEscaped(_ value: String) -> String {
    var escaped = ""
    for character in value {
      if character == "*" || character == "?" || character == "\\" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }

  /// `dept:` (any role) or `lead:`, `responsible:`, `coop:`: a department of that role
  /// named as typed, or of the same canonical name (and level prefix, when typed with one).
  private static func department(
    _ name: String, role: ResponsibilityRole?, resolver: DepartmentResolver,
    to json: inout JSONWriter
  ) {
    let mention = resolver.mention(name, role: role ?? .responsible, span: TextSpan(0, 0))
    beginEither(to: &json)
    term(OpenSearchFields.department(.name, role: role), name, to: &json)
    if let prefix = mention.levelPrefix {
      term(
        OpenSearchFields.department(.prefixed, role: role), prefix + mention.canonical, to: &json)
    } else {
      term(OpenSearchFields.department(.canonical, role: role), mention.canonical, to: &json)
    }
    endEither(to: &json)
  }

  /// `region:`: a place of the document equal to it once folded, or starting with it.
  private static func region(_ region: String, to json: inout JSONWriter) {
    beginEither(to: &json)
    term(
      OpenSearchFields.DocumentField.regionFolded.name, PolicyDictionaries.fold(region), to: &json)
    pattern("prefix", OpenSearchFields.DocumentField.regionPath.name, region, to: &json)
    endEither(to: &json)
  }

  /// `year:`: a target's own year; for other units (all units, when documents are ranked)
  /// the document's year or a plan period that holds it.
  private static func year(_ year: Int, targetsOwnYear: Bool, to json: inout JSONWriter) {
    typealias Field = OpenSearchFields.DocumentField
    beginEither(to: &json)
    if targetsOwnYear {
      json.beginObject()
      json.beginObject("bool")
      json.beginArray("filter")
      term(OpenSearchFields.unitKind, SearchUnitKind.target.rawValue, to: &json)
      integerTerm(OpenSearchFields.targetYear, year, to: &json)
      json.endArray()
      json.endObject()
      json.endObject()
    }
    json.beginObject()
    json.beginObject("bool")
    if targetsOwnYear {
      json.beginArray("must_not")
      term(OpenSearchFields.unitKind, SearchUnitKind.target.rawValue, to: &json)
      json.endArray()
    }
    json.beginArray("should")
    integerTerm(Field.year.name, year, to: &json)
    json.beginObject()
    json.beginObject("bool")
    json.beginArray("filter")
    for (field, bound) in [(Field.periodStart, "lte"), (Field.periodEnd, "gte")] {
      json.beginObject()
      json.beginObject("range")
      json.beginObject(field.name)
      json.int(bound, year)
      json.endObject()
      json.endObject()
      json.endObject()
    }
    json.endArray()
    json.endObject()
    json.endObject()
    json.endArray()
    json.int("minimum_should_match", 1)
    json.endObject()
    json.endObject()
    endEither(to: &json)
  }

  /// `kind:`: the document's 文种, or the kind of plan it carries, or the end of it.
  private static func documentKind(_ kind: String, to json: inout JSONWriter) {
    beginEither(to: &json)
    term(OpenSearchFields.DocumentField.kind.name, kind, to: &json)
    pattern(
      "wildcard", OpenSearchFields.DocumentField.planKind.name, "*" + wildcardEscaped(kind),
      to: &json)
    endEither(to: &json)
  }

  /// `doc:`: the start of the document's id, its 发文字号 (folded), a part of its title
  /// (folded), or the end of its path.
  private static func document(_ value: String, to json: inout JSONWriter) {
    typealias Field = OpenSearchFields.DocumentField
    let folded = PolicyDictionaries.fold(value)
    beginEither(to: &json)
    pattern("prefix", Field.id.name, value, to: &json)
    term(Field.numberFolded.name, folded, to: &json)
    pattern("wildcard", Field.titleFolded.name, "*" + wildcardEscaped(folded) + "*", to: &json)
    pattern("wildcard", Field.path.name, "*" + wildcardEscaped(value), to: &json)
    endEither(to: &json)
  }
}
