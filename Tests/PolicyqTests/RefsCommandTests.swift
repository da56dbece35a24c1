import Foundation
import PolicyTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `policyq refs`: the citation graph equals the references `extract` resolves, in every
/// format, from files or from an index.
@Suite struct RefsCommandTests {
  static let corpusReal = Policyq.root.deletingLastPathComponent().appendingPathComponent(
    "shared/corpus-real")
  static let seeds = Policyq.root.appendingPathComponent("corpus/documents").path

  /// The references of `extract --format jsonl` over `paths`: (reference id, citing id,
  /// resolved id or nil, title, normalised number or nil).
  static func extractedReferences(
    _ paths: [String], bounds: RunBounds, status: Int32 = 0
  ) throws -> [Reference] {
    let result = try Policyq.run(["extract"] + paths + ["--format", "jsonl"], bounds: bounds)
    #expect(result.status == status && !result.timedOut)
    var references: [Reference] = []
    for line in result.stdout.split(separator: "\n") {
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let id = try #require(document["id"] as? String)
      for reference in try #require(document["references"] as? [[String: Any]]) {
        let number = reference["document_number"] as? [String: Any]
        references.append(
          Reference(
            id: try #require(reference["id"] as? String), citing: id,
            resolved: reference["resolved_document"] as? String,
            resolvedBy: reference["resolved_by"] as? String,
            title: try #require(reference["title"] as? String),
            number: number?["text"] as? String))
      }
    }
    return references
  }

  struct Reference: Equatable {
    var id: String
    var citing: String
    var resolved: String?
    var resolvedBy: String?
    var title: String
    var number: String?
  }

  /// `refs --format json` over `arguments`, as nodes and edges.
  static func graph(_ arguments: [String], bounds: RunBounds, status: Int32 = 0) throws -> (
    nodes: [[String: Any]], edges: [[String: Any]]
  ) {
    let result = try Policyq.run(["refs"] + arguments + ["--format", "json"], bounds: bounds)
    #expect(result.status == status && !result.timedOut, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    return (
      try #require(object["nodes"] as? [[String: Any]]),
      try #require(object["edges"] as? [[String: Any]])
    )
  }

  /// Every reference is one edge from its document; a resolved one points at the document
  /// it resolves to, an unresolved one at an external node; degrees count the edges.
  static func expectGraph(
    _ graph: (nodes: [[String: Any]], edges: [[String: Any]]), equals references: [Reference]
  ) throws {
    let nodes = Dictionary(
      graph.nodes.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(nodes.count == graph.nodes.count, "node ids are unique")
    #expect(graph.edges.count == references.count)
    for (edge, reference) in zip(graph.edges, references) {
      #expect(edge["id"] as? String == reference.id)
      #expect(edge["source"] as? String == reference.citing)
      #expect(edge["cited_title"] as? String == reference.title)
      #expect(edge["cited_number"] as? String == reference.number)
      let target = try #require(edge["target"] as? String)
      if let resolved = reference.resolved {
        #expect(target == resolved)
        #expect(edge["resolved_by"] as? String == reference.resolvedBy)
        #expect(nodes[target]?["kind"] as? String == "document")
      } else {
        #expect(edge["resolved_by"] is NSNull)
        #expect(nodes[target]?["kind"] as? String == "external")
      }
    }
    var incomingCounts: [String: Int] = [:]
    var outgoingCounts: [String: Int] = [:]
    for edge in graph.edges {
      incomingCounts[edge["target"] as? String ?? "", default: 0] += 1
      outgoingCounts[edge["source"] as? String ?? "", default: 0] += 1
    }
    for (id, node) in nodes {
      let incoming = incomingCounts[id, default: 0]
      let outgoing = outgoingCounts[id, default: 0]
      #expect(node["in_degree"] as? Int == incoming, "\(id)")
      #expect(node["out_degree"] as? Int == outgoing, "\(id)")
      // An external node is cited: one without edges would not be there.
      if node["kind"] as? String == "external" { #expect(incoming > 0) }
    }
    // One external node per cited number: no two external nodes share one.
    let externalNumbers = graph.nodes.filter { $0["kind"] as? String == "external" }
      .compactMap { $0["document_number"] as? String }
    #expect(Set(externalNumbers).count == externalNumbers.count)
  }

  @Test func seeds_edgesAreTheResolvedReferencesOfExtract() throws {
    let references = try Self.extractedReferences([Self.seeds], bounds: .standard)
    let graph = try Self.graph([Self.seeds], bounds: .standard)
    try Self.expectGraph(graph, equals: references)
    // Seed 002 cites seed 000 by number; the rest of the seeds' references leave the corpus.
    #expect(references.filter { $0.resolved != nil }.count == 1)
    #expect(graph.nodes.filter { $0["kind"] as? String == "document" }.count == 5)
    let external = graph.nodes.filter { $0["kind"] as? String == "external" }
    // Seed 004 cites 重庆市制造业绿色发展行动实施方案 twice: one node, in-degree 2.
    #expect(external.count == references.filter { $0.resolved == nil }.count - 1)
    #expect(external.contains { $0["in_degree"] as? Int == 2 })
  }

  @Test func index_givesTheGraphOfItsFiles() throws {
    let index = Scratch.root.appendingPathComponent("refs-index-\(UUID().uuidString)").path
    let built = try Policyq.run(["index", Self.seeds, "--index", index], bounds: .standard)
    #expect(built.status == 0)
    let fromIndex = try Self.graph(["--index", index], bounds: .standard)
    try Self.expectGraph(
      fromIndex, equals: try Self.extractedReferences([Self.seeds], bounds: .standard))
    let missing = try Policyq.run(
      ["refs", "--index", index + "-none"], bounds: RunBounds(seconds: 30, memoryMiB: 1024))
    #expect(missing.status == 2)
    #expect(missing.stderr.contains(index + "-none"))
  }

  @Test func graphML_parsesWithTheSameCounts() throws {
    let graph = try Self.graph([Self.seeds], bounds: .standard)
    let result = try Policyq.run(["refs", Self.seeds, "--format", "graphml"], bounds: .standard)
    #expect(result.status == 0)
    let counter = ElementCounter()
    let parser = XMLParser(data: Data(result.stdout.utf8))
    parser.delegate = counter
    #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
    #expect(counter.counts["node"] == graph.nodes.count)
    #expect(counter.counts["edge"] == graph.edges.count)
    #expect(counter.counts["graph"] == 1)
  }

  @Test func csv_tablesHaveOneRowPerNodeAndEdge() throws {
    let graph = try Self.graph([Self.seeds], bounds: .standard)
    for (table, count, header) in [
      ("nodes", graph.nodes.count, "id,kind,file,title,document_number,issuer,level,region,year"),
      ("edges", graph.edges.count, "id,source,target,resolved_by,cited_title,cited_number,file"),
    ] {
      let result = try Policyq.run(
        ["refs", Self.seeds, "--format", "csv", "--table", table], bounds: .standard)
      #expect(result.status == 0)
      let rows = try CSVRows.parse(result.stdout)
      #expect(rows.count == count + 1)
      #expect(rows.first?.joined(separator: ",").hasPrefix(header) == true)
    }
  }

  static let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test func dot_hasEveryEdge() throws {
    let graph = try Self.graph([Self.seeds], bounds: .standard)
    let result = try Policyq.run(["refs", Self.seeds, "--format", "dot"], bounds: .standard)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("digraph citations {"))
    #expect(result.stdout.components(separatedBy: " -> ").count - 1 == graph.edges.count)
  }

  /// Graphviz reads the DOT (skipped when `dot` is not installed).
  @Test(.enabled(if: dot != nil)) func dot_readByGraphviz() throws {
    let file = Scratch.root.appendingPathComponent("refs-\(UUID().uuidString).dot")
    let result = try Policyq.run(["refs", Self.seeds, "--format", "dot"], bounds: .standard)
    try result.stdout.write(to: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.dot ?? "dot")
    process.arguments = ["-Tsvg", "-o", "/dev/null", file.path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  /// A file that cannot be read is named; the other files still make the graph.
  @Test func unreadableFile_namedAndTheOthersKept() throws {
    let missing = Scratch.root.appendingPathComponent("refs-missing-\(UUID().uuidString).txt").path
    let result = try Policyq.run(
      [
        "refs", Policyq.seed("000"), missing, Policyq.seed("002"), "--format", "csv", "--table",
        "edges",
      ],
      bounds: .standard)
    #expect(result.status == 1)
    #expect(result.stderr.contains(missing))
    // Seed 002's reference to seed 000 is still resolved.
    #expect(result.stdout.contains("#x1,e85330e5c67c0468,01631c013e0b91ec,document_number,"))
  }

  @Test func arguments_checked() throws {
    let both = try Policyq.run(
      ["refs", Self.seeds, "--index", "/nonexistent"],
      bounds: RunBounds(seconds: 30, memoryMiB: 1024))
    #expect(both.status == 64)
    let table = try Policyq.run(
      ["refs", Self.seeds, "--table", "nodes"], bounds: RunBounds(seconds: 30, memoryMiB: 1024))
    #expect(table.status == 64)
  }

  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Headless Chromium loads the page and its DOM holds the SVG with one group per node
  /// and one path per edge (skipped when Chromium is not installed).
  @Test(.enabled(if: chromium != nil)) func html_drawnByHeadlessChromium() throws {
    let graph = try Self.graph([Self.seeds], bounds: .standard)
    let page = Scratch.root.appendingPathComponent("refs-\(UUID().uuidString).html")
    let result = try Policyq.run(["refs", Self.seeds, "--html", page.path], bounds: .standard)
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let profile = Scratch.root.appendingPathComponent("chromium-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.chromium ?? "chromium")
    process.arguments = [
      "--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile.path)",
      "--dump-dom", page.absoluteString,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + 120) {
      if process.isRunning { kill(pid, SIGKILL) }
    }
    let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(dom.contains("<svg"))
    #expect(dom.components(separatedBy: "<g class=\"node ").count - 1 == graph.nodes.count)
    #expect(dom.components(separatedBy: "<path class=\"edge").count - 1 == graph.edges.count)
    #expect(dom.contains("重庆市推进制造业绿色低碳发展实施方案"))
  }

  /// On ../shared/corpus-real (skipped when absent): the edges are the references extract
  /// resolves over the same files.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusReal.path)))
  func corpusReal_edgesAreTheResolvedReferencesOfExtract() throws {
    let bounds = RunBounds(seconds: 600, memoryMiB: 8192)
    // Some files of corpus-real are empty: both commands name them and exit with 1.
    let references = try Self.extractedReferences(
      [Self.corpusReal.path], bounds: bounds, status: 1)
    let graph = try Self.graph([Self.corpusReal.path], bounds: bounds, status: 1)
    try Self.expectGraph(graph, equals: references)
    #expect(references.contains { $0.resolved != nil })
  }
}

/// Counts the elements of an XML document by name.
private final class ElementCounter: NSObject, XMLParserDelegate {
  var counts: [String: Int] = [:]
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    counts[elementName, default: 0] += 1
  }
}
