import PolicyExtraction

/// The citation graph as two CSV tables (`policyq refs --format csv --table nodes|edges`),
/// with the fields of docs/refs-graph.md as columns.
public enum CitationGraphCSV {
  /// The tables.
  public enum Table: String, Sendable, CaseIterable {
    /// One row per node: the documents, then the external nodes.
    case nodes
    /// One row per edge (reference).
    case edges
  }

  /// The table with its header row, each row ending in a line feed.
  /// - Parameters:
  ///   - table: Nodes or edges.
  ///   - graph: The graph to write.
  /// - Returns: The CSV text.
  public static func render(_ table: Table, of graph: CitationGraph) -> String {
    switch table {
    case .nodes: return rows(CitationGraphFields.node, graph.nodes)
    case .edges: return rows(CitationGraphFields.edge, graph.edges)
    }
  }

  private static func rows<Item>(_ fields: [CitationGraphFields.Field<Item>], _ items: [Item])
    -> String
  {
    var out = DocumentCSV.row(fields.map(\.name))
    for item in items { out += DocumentCSV.row(fields.map { $0.value(item).plain }) }
    return out
  }
}
