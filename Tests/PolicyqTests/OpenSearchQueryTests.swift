import Foundation
import PolicyTestSupport
import Testing

/// `policyq search --print-opensearch QUERY`: the query DSL has a clause for every part of
/// the query (groups, OR, synonyms, phrases, exclusions, each filter), every field it
/// names is mapped by the export's template, and no index is needed. The structure is
/// asserted, not a frozen text. No OpenSearch engine is run.
@Suite struct OpenSearchQueryTests {
  static let bounds = RunBounds(seconds: 60, memoryMiB: 4096)

  /// The printed request for `arguments` after `search --print-opensearch`.
  static func request(_ arguments: [String]) throws -> (json: [String: Any], stderr: String) {
    let result = try Policyq.run(
      ["search", "--print-opensearch", "--index", "/nonexistent/index"] + arguments,
      bounds: bounds)
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    return (json, result.stderr)
  }

  /// The `bool` of the request's query.
  static func bool(_ request: [String: Any]) throws -> [String: Any] {
    try #require((request["query"] as? [String: Any])?["bool"] as? [String: Any])
  }

  /// Every value found under `key` anywhere in `value`.
  static func values(of key: String, in value: Any) -> [Any] {
    if let object = value as? [String: Any] {
      return (object[key].map { [$0] } ?? []) + object.values.flatMap { values(of: key, in: $0) }
    }
    if let array = value as? [Any] { return array.flatMap { values(of: key, in: $0) } }
    return []
  }

  /// The phrases of the `multi_match` clauses under `value`.
  static func phrases(in value: Any) -> [String] {
    values(of: "multi_match", in: value).compactMap { ($0 as? [String: Any])?["query"] as? String }
  }

  /// The field names the `term`, `prefix`, `wildcard` and `range` clauses under `value` use.
  static func filterFields(in value: Any) -> Set<String> {
    Set(
      ["term", "terms", "prefix", "wildcard", "range"].flatMap { kind in
        values(of: kind, in: value).flatMap { ($0 as? [String: Any])?.keys.map { $0 } ?? [] }
      })
  }

  @Test func printOpenSearch_everyPartOfTheQuery_hasItsClause() throws {
    let (request, _) = try Self.request([
      "--no-synonyms", "--limit", "7", "固废", "OR", "危廢", "\"绿色 工厂\"", "-光伏",
      "dept:区经济信息委", "lead:区发展改革委", "responsible:区财政局", "coop:区生态环境局",
      "level:district", "region:永川区", "year:2025", "kind:行动计划", "doc:永川府发〔2022〕11号",
      "unit:measure",
    ])
    #expect(request["size"] as? Int == 7)
    let bool = try Self.bool(request)
    let must = try #require(bool["must"] as? [[String: Any]])
    // Two groups: 固废 OR 危废 (folded from 危廢), and the phrase with one gap of slop.
    #expect(must.count == 2)
    #expect(Set(Self.phrases(in: must[0])) == ["固废", "危废"])
    #expect(Self.phrases(in: must[1]) == ["绿色 工厂"])
    #expect(Self.values(of: "slop", in: must[1]) as? [Int] == [1])
    #expect(Self.values(of: "fields", in: must[0]).first as? [String] == ["text", "heading^2"])
    let mustNot = try #require(bool["must_not"])
    #expect(Self.phrases(in: mustNot) == ["光伏"])
    let filter = try #require(bool["filter"] as? [[String: Any]])
    let fields = Self.filterFields(in: filter)
    for field in [
      "unit_kind", "departments.any.name", "departments.any.prefixed", "departments.lead.name",
      "departments.lead.prefixed", "departments.responsible.prefixed",
      "departments.cooperating.prefixed", "document.level", "document.region_folded",
      "document.region_path", "target_year", "document.year", "document.period_start",
      "document.period_end", "document.kind", "document.plan_kind", "document.id",
      "document.number_folded", "document.title_folded", "document.path",
    ] {
      #expect(fields.contains(field), "no clause on \(field)")
    }
    // unit:measure is one terms clause; the values are what the bulk lines hold.
    let kinds = Self.values(of: "terms", in: filter).compactMap {
      ($0 as? [String: Any])?["unit_kind"] as? [String]
    }
    #expect(kinds == [["measure"]])
    #expect(
      Self.values(of: "term", in: filter).contains {
        ($0 as? [String: Any])?["document.level"] as? String == "district"
      })
    #expect(
      Self.values(of: "term", in: filter).contains {
        ($0 as? [String: Any])?["departments.lead.prefixed"] as? String == "区发展改革委"
      })
  }

  @Test func printOpenSearch_synonyms_areAlternativesUnlessTurnedOff() throws {
    let (on, _) = try Self.request(["固废"])
    let mustOn = try #require(try Self.bool(on)["must"])
    let alternatives = Self.phrases(in: mustOn)
    #expect(alternatives.contains("固废") && alternatives.count > 1, "\(alternatives)")
    let (off, _) = try Self.request(["--no-synonyms", "固废"])
    let mustOff = try #require(try Self.bool(off)["must"])
    #expect(Self.phrases(in: mustOff) == ["固废"])
  }

  @Test func printOpenSearch_everyFieldItNames_isMappedByTheTemplate() throws {
    let out = Scratch.root.appendingPathComponent("opensearch-fields-\(UUID().uuidString)")
    let export = try Policyq.run(
      ["export", "--opensearch", out.path, Policyq.seed("000")], bounds: Self.bounds)
    #expect(export.status == 0, "\(export.stderr)")
    let data = try Data(contentsOf: out.appendingPathComponent("template.json"))
    let template = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let mappings = try #require(
      ((template["template"] as? [String: Any])?["mappings"] as? [String: Any])?["properties"]
        as? [String: Any])
    /// Whether the dotted `field` is a mapped, indexed field.
    func isMapped(_ field: String) -> Bool {
      var properties: [String: Any]? = mappings
      var mapping: [String: Any]?
      for part in field.split(separator: ".") {
        mapping = properties?[String(part)] as? [String: Any]
        properties = mapping?["properties"] as? [String: Any]
      }
      return mapping?["type"] != nil && mapping?["index"] as? Bool != false
    }
    let (request, _) = try Self.request([
      "固废", "-光伏", "dept:区经济信息委", "lead:经济信息委", "level:district", "region:永川区",
      "year:2025", "kind:行动计划", "doc:永川府发", "unit:target",
    ])
    var fields = Self.filterFields(in: try #require(request["query"]))
    for fieldList in Self.values(of: "fields", in: try #require(request["query"])) {
      for field in fieldList as? [String] ?? [] {
        fields.insert(String(field.split(separator: "^")[0]))
      }
    }
    #expect(fields.count > 10)
    for field in fields { #expect(isMapped(field), "\(field) is not mapped") }
  }

  @Test func printOpenSearch_documentRanking_collapsesByDocumentAndSaysSo() throws {
    let (request, stderr) = try Self.request(["--unit", "document", "碳达峰", "lead:区经济信息委"])
    #expect((request["collapse"] as? [String: Any])?["field"] as? String == "document.id")
    #expect(stderr.contains("ranks whole documents"), "\(stderr)")
    #expect(stderr.contains("department filters do not apply"), "\(stderr)")
    let query = try #require(request["query"])
    #expect(!Self.filterFields(in: query).contains("departments.lead.name"))
  }

  @Test func printOpenSearch_badFilter_isAnErrorAsInSearch() throws {
    let result = try Policyq.run(
      ["search", "--print-opensearch", "固废", "year:abc"], bounds: Self.bounds)
    #expect(result.status == 2)
    #expect(result.stderr.contains("year:abc"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
