import PolicyExtraction

/// The citation graph as one JSON object `{schema_version, nodes, edges}` (`policyq refs
/// --format json`), with the fields of docs/refs-graph.md; an absent value is `null`.
public enum CitationGraphJSON {
  /// The version of this layout; it changes when a field changes meaning or disappears.
  public static let schemaVersion = 1

  /// The graph as JSON text.
  /// - Parameters:
  ///   - graph: The graph to write.
  ///   - pretty: Indent members one per line.
  /// - Returns: The JSON text, without a final line feed.
  public static func render(_ graph: CitationGraph, pretty: Bool = true) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.beginObject()
    writer.int("schema_version", schemaVersion)
    write("nodes", CitationGraphFields.node, graph.nodes, to: &writer)
    write("edges", CitationGraphFields.edge, graph.edges, to: &writer)
    writer.endObject()
    return writer.output
  }

  private static func write<Item>(
    _ key: String, _ fields: [CitationGraphFields.Field<Item>], _ items: [Item],
    to writer: inout JSONWriter
  ) {
    writer.beginArray(key)
    for item in items {
      writer.beginObject()
      for field in fields {
        switch field.value(item) {
        case .text(let text): writer.string(field.name, text)
        case .integer(let number): writer.int(field.name, number)
        }
      }
      writer.endObject()
    }
    writer.endArray()
  }
}
