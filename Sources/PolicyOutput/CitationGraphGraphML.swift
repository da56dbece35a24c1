import PolicyExtraction

/// The citation graph as GraphML (`policyq refs --format graphml`), which yEd, Gephi and
/// networkx read: a directed graph with every field of docs/refs-graph.md declared as a
/// `key` and given as `data` (absent values are left out).
public enum CitationGraphGraphML {
  /// The graph as a GraphML document.
  /// - Parameter graph: The graph to write.
  /// - Returns: The XML text, ending in a line feed.
  public static func render(_ graph: CitationGraph) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    // `id`, `source` and `target` are attributes of the element, not data.
    let structural: Set<String> = ["id", "source", "target"]
    let nodeFields = CitationGraphFields.node.filter { !structural.contains($0.name) }
    let edgeFields = CitationGraphFields.edge.filter { !structural.contains($0.name) }
    for field in nodeFields {
      out += keyLine(for: "node", "n_", field.name, field.isInteger)
    }
    for field in edgeFields {
      out += keyLine(for: "edge", "e_", field.name, field.isInteger)
    }
    out += "  <graph id=\"citations\" edgedefault=\"directed\">\n"
    for node in graph.nodes {
      out += "    <node id=\"\(XMLText.escaped(node.id))\">\n"
      out += data(nodeFields, node, prefix: "n_")
      out += "    </node>\n"
    }
    for edge in graph.edges {
      out +=
        "    <edge id=\"\(XMLText.escaped(edge.id))\" source=\"\(XMLText.escaped(edge.source))\" target=\"\(XMLText.escaped(edge.target))\">\n"
      out += data(edgeFields, edge, prefix: "e_")
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  private static func keyLine(
    for domain: String, _ prefix: String, _ name: String, _ isInteger: Bool
  ) -> String {
    "  <key id=\"\(prefix)\(name)\" for=\"\(domain)\" attr.name=\"\(name)\" attr.type=\"\(isInteger ? "int" : "string")\"/>\n"
  }

  private static func data<Item>(
    _ fields: [CitationGraphFields.Field<Item>], _ item: Item, prefix: String
  ) -> String {
    var out = ""
    for field in fields {
      let value = field.value(item)
      guard !value.isAbsent else { continue }
      out += "      <data key=\"\(prefix)\(field.name)\">\(XMLText.escaped(value.plain))</data>\n"
    }
    return out
  }
}
