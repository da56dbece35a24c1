import PolicyModel
import PolicyText

extension CitationGraph {
  /// The citation graph of `documents`, whose references are already resolved among them
  /// (`ReferenceResolver.resolve(_:)`).
  ///
  /// Every reference becomes one edge: to the document it was resolved to, else to the
  /// external node of its number (normalised) or of its title (folded, without the period
  /// and punctuation, as `ReferenceResolver` compares titles). A reference with both joins
  /// the node either one already names. A document id given twice (the same text in two
  /// files) is one node, from the first file.
  /// - Parameter documents: Documents extracted together, resolved.
  /// - Complexity: O(d + r) for d documents and r references, plus the folding of each
  ///   unresolved title.
  public init(documents: [PolicyDocument]) {
    var nodes: [Node] = []
    var nodeIndex: [String: Int] = [:]
    for document in documents where nodeIndex[document.id] == nil {
      nodeIndex[document.id] = nodes.count
      nodes.append(Self.node(of: document))
    }
    var externalByNumber: [String: Int] = [:]
    var externalByTitle: [String: Int] = [:]
    var edges: [Edge] = []
    for document in documents {
      for reference in document.references {
        let target: Int
        if let resolved = reference.resolvedDocument, let index = nodeIndex[resolved] {
          target = index
        } else {
          let number = reference.documentNumber?.normalized
          let titleKey = ReferenceResolver.titleKey(reference.title)
          let titleID = titleKey.isEmpty ? reference.title : titleKey
          if let index = number.flatMap({ externalByNumber[$0] }) ?? externalByTitle[titleID] {
            target = index
          } else {
            target = nodes.count
            let id = "external:" + (number ?? "title:" + titleID)
            nodes.append(
              Node(
                id: id, kind: .external, title: reference.title, documentNumber: number,
                label: Self.label(title: reference.title, number: number, fallback: id)))
            nodeIndex[id] = target
          }
          if let number, externalByNumber[number] == nil { externalByNumber[number] = target }
          if externalByTitle[titleID] == nil { externalByTitle[titleID] = target }
          if nodes[target].documentNumber == nil { nodes[target].documentNumber = number }
        }
        let source = document.sourceSpan(of: reference.span)
        edges.append(
          Edge(
            id: reference.id, source: document.id, target: nodes[target].id,
            resolvedBy: nodes[target].kind == .document ? reference.resolvedBy : nil,
            citedTitle: reference.title, citedNumber: reference.documentNumber?.text,
            file: document.text.source.path, line: source.line, column: source.column,
            sourceBytes: source.byteRange, textBytes: reference.span.range))
        nodes[target].inDegree += 1
        if let citing = nodeIndex[document.id] { nodes[citing].outDegree += 1 }
      }
    }
    self.init(nodes: nodes, edges: edges)
  }

  private static func node(of document: PolicyDocument) -> Node {
    let metadata = document.metadata
    let title = metadata.planTitle ?? metadata.title
    let number = metadata.documentNumber?.normalized
    return Node(
      id: document.id, kind: .document, file: document.text.source.path, title: title,
      documentNumber: number, issuer: metadata.issuer, level: metadata.level,
      region: metadata.region, year: metadata.year, documentKind: metadata.kind,
      label: label(title: title, number: number, fallback: document.id))
  }

  /// The title without "关于印发…的通知" and the period, cut to 18 characters; else the
  /// number; else `fallback`.
  static func label(title: String?, number: String?, fallback: String) -> String {
    guard var short = title, !short.isEmpty else { return number ?? fallback }
    if let start = short.range(of: "印发"), short.hasSuffix("的通知") {
      short = String(short[start.upperBound..<short.index(short.endIndex, offsetBy: -3)])
    }
    short = MetadataExtractor.withoutPeriod(short)
    let characters = Array(short)
    if characters.isEmpty { return number ?? fallback }
    return characters.count > 18 ? String(characters.prefix(17)) + "…" : short
  }
}
