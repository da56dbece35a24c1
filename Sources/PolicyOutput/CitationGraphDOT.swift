import PolicyExtraction

/// The citation graph in Graphviz DOT (`policyq refs --format dot`): a `digraph` with one
/// node per document (external nodes dashed) labelled by its short title, and one edge per
/// reference; `dot -Tsvg` draws it.
public enum CitationGraphDOT {
  /// The graph as DOT text.
  /// - Parameter graph: The graph to write.
  /// - Returns: The DOT text, ending in a line feed.
  public static func render(_ graph: CitationGraph) -> String {
    var out = "digraph citations {\n  rankdir=TB;\n  node [shape=box, fontsize=10];\n"
    for node in graph.nodes {
      var attributes = [
        "label=\(quoted(node.label))", "tooltip=\(quoted(node.title ?? node.label))",
      ]
      if let level = node.level { attributes.append("level=\(quoted(level.rawValue))") }
      if node.kind == .external { attributes.append("style=dashed") }
      out += "  \(quoted(node.id)) [\(attributes.joined(separator: ", "))];\n"
    }
    for edge in graph.edges {
      let how = edge.resolvedBy ?? "unresolved"
      out +=
        "  \(quoted(edge.source)) -> \(quoted(edge.target)) [id=\(quoted(edge.id)), resolved_by=\(quoted(how))];\n"
    }
    out += "}\n"
    return out
  }

  /// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n`.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": break
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
