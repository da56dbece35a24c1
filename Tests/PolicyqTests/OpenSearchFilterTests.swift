import Foundation
import PolicyTestSupport
import Testing

/// The filter clauses `search --print-opensearch` prints, evaluated over the bulk lines
/// of `export --opensearch` by a small evaluator of the DSL (bool, term, terms, prefix,
/// wildcard, range; in Python), select the units `policyq search` selects with the same
/// filters on the index of the same files. This checks the meaning of the clauses and the
/// fields, not OpenSearch itself, which no test runs.
@Suite(.enabled(if: JSONSchemaCheck.isAvailable)) struct OpenSearchFilterTests {
  static let bounds = RunBounds(seconds: 120, memoryMiB: 4096)

  /// Evaluates the request in argv[2] over the bulk lines in argv[1]; prints the ids of
  /// the units it selects, sorted, one a line.
  static let evaluator = """
    import json, re, sys
    def values(doc, field):
        value = doc
        for part in field.split('.'):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None: return []
        return value if isinstance(value, list) else [value]
    def wildcard(pattern):
        out, i = '', 0
        while i < len(pattern):
            c = pattern[i]
            if c == '\\\\' and i + 1 < len(pattern): out += re.escape(pattern[i + 1]); i += 2; continue
            out += '.*' if c == '*' else '.' if c == '?' else re.escape(c); i += 1
        return re.compile(out + r'\\Z', re.S)
    def matches(doc, query):
        (kind, body), = query.items()
        if kind == 'bool':
            must = body.get('must', []) + body.get('filter', [])
            if not all(matches(doc, q) for q in must): return False
            if any(matches(doc, q) for q in body.get('must_not', [])): return False
            should = body.get('should', [])
            needed = body.get('minimum_should_match', 0 if must else 1)
            return not should or sum(matches(doc, q) for q in should) >= needed
        (field, arg), = body.items()
        found = values(doc, field)
        if kind == 'term': return arg in found
        if kind == 'terms': return any(v in found for v in arg)
        if kind == 'prefix': return any(str(v).startswith(arg['value']) for v in found)
        if kind == 'wildcard': return any(wildcard(arg['value']).match(str(v)) for v in found)
        if kind == 'range':
            return any((('lte' not in arg or v <= arg['lte']) and ('gte' not in arg or v >= arg['gte'])) for v in found)
        raise SystemExit('unknown clause ' + kind)
    request = json.load(open(sys.argv[2]))
    lines = open(sys.argv[1], encoding='utf-8').read().split('\\n')[1::2]
    ids = sorted(d['unit_id'] for d in map(json.loads, filter(None, lines)) if matches(d, request['query']))
    print('\\n'.join(ids))
    """

  /// Filter queries over the seeds: every filter kind, with and without a level prefix,
  /// Traditional seed 004 included.
  static let queries = [
    "lead:区经济信息委", "dept:经济信息委", "dept:市经济信息委", "responsible:区发展改革委",
    "coop:区生态环境局", "level:district", "level:municipal", "region:永川区", "region:重庆",
    "year:2025", "year:2023", "kind:行动计划", "kind:通知", "doc:永川府发〔2022〕11号",
    "unit:target year:2025", "unit:section region:重庆市",
  ]

  @Test func printedFilters_selectTheUnitsSearchSelects() throws {
    let scratch = Scratch.root.appendingPathComponent("opensearch-filters-\(UUID().uuidString)")
    let index = scratch.appendingPathComponent("index").path
    let out = scratch.appendingPathComponent("out")
    for arguments in [
      ["index", "--index", index, "corpus/documents"],
      ["export", "--opensearch", out.path, "corpus/documents"],
    ] {
      let run = try Policyq.run(arguments, bounds: Self.bounds)
      #expect(run.status == 0, "\(run.stderr)")
    }
    let bulk = out.appendingPathComponent("bulk-0001.ndjson").path
    var nonEmpty = 0
    for query in Self.queries {
      let words = query.split(separator: " ").map(String.init)
      let search = try Policyq.run(
        ["search", "--index", index, "--limit", "100000", "--format", "jsonl"] + words,
        bounds: Self.bounds)
      let expected = try search.stdout.split(separator: "\n").map { line in
        try #require(
          (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"]
            as? String)
      }.sorted()
      let printed = try Policyq.run(["search", "--print-opensearch"] + words, bounds: Self.bounds)
      #expect(printed.status == 0, "\(printed.stderr)")
      let request = scratch.appendingPathComponent("request.json")
      try printed.stdout.write(to: request, atomically: true, encoding: .utf8)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", "-c", Self.evaluator, bulk, request.path]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let selected = String(
        decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self
      )
      .split(separator: "\n").map(String.init)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(query)")
      #expect(selected == expected, "\(query): \(selected.count) selected, \(expected.count) found")
      if !expected.isEmpty { nonEmpty += 1 }
    }
    #expect(nonEmpty >= 12)
  }
}
