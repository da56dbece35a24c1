import PolicyExtraction

/// The fields of the citation graph's nodes and edges, in one place, so that the CSV,
/// JSON and GraphML forms name and fill them the same way (docs/refs-graph.md).
package enum CitationGraphFields {
  /// A field's value: text or an integer, either possibly absent.
  package enum Value: Sendable {
    case text(String?)
    case integer(Int?)

    /// The value as a CSV field or GraphML data: empty when absent.
    package var plain: String {
      switch self {
      case .text(let text): return text ?? ""
      case .integer(let number): return number.map(String.init) ?? ""
      }
    }

    /// Whether it is absent.
    package var isAbsent: Bool {
      switch self {
      case .text(let text): return text == nil
      case .integer(let number): return number == nil
      }
    }

    /// Whether the field holds integers (GraphML `attr.type`).
    package var isInteger: Bool {
      if case .integer = self { return true }
      return false
    }
  }

  /// A named field and how to read it.
  package struct Field<Item>: Sendable {
    package var name: String
    package var isInteger: Bool
    package var value: @Sendable (Item) -> Value
  }

  private static func text<Item>(_ name: String, _ read: @escaping @Sendable (Item) -> String?)
    -> Field<Item>
  {
    Field(name: name, isInteger: false) { .text(read($0)) }
  }

  private static func integer<Item>(_ name: String, _ read: @escaping @Sendable (Item) -> Int?)
    -> Field<
      Item
    >
  {
    Field(name: name, isInteger: true) { .integer(read($0)) }
  }

  /// The node fields, in order.
  package static let node: [Field<CitationGraph.Node>] = [
    text("id") { $0.id }, text("kind") { $0.kind.rawValue }, text("file") { $0.file },
    text("title") { $0.title }, text("document_number") { $0.documentNumber },
    text("issuer") { $0.issuer }, text("level") { $0.level?.rawValue },
    text("region") { $0.region }, integer("year") { $0.year },
    text("document_kind") { $0.documentKind }, text("label") { $0.label },
    integer("in_degree") { $0.inDegree }, integer("out_degree") { $0.outDegree },
  ]

  /// The edge fields, in order.
  package static let edge: [Field<CitationGraph.Edge>] = [
    text("id") { $0.id }, text("source") { $0.source }, text("target") { $0.target },
    text("resolved_by") { $0.resolvedBy }, text("cited_title") { $0.citedTitle },
    text("cited_number") { $0.citedNumber }, text("file") { $0.file },
    integer("line") { $0.line }, integer("column") { $0.column },
    integer("source_start") { $0.sourceBytes.lowerBound },
    integer("source_end") { $0.sourceBytes.upperBound },
    integer("text_start") { $0.textBytes.lowerBound },
    integer("text_end") { $0.textBytes.upperBound },
  ]
}
