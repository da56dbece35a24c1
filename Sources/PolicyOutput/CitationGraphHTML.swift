import PolicyExtraction

/// The citation graph as one self-contained HTML page (`policyq refs --html OUT.html`):
/// an inline SVG, levels as bands from national at the top to external documents at the
/// bottom, nodes labelled by short title (the full title, number and degrees on hover),
/// references as arrows. No script, no font or file from the network: the text is drawn
/// in a Chinese font the reader's system has (Noto Sans CJK, PingFang, Microsoft YaHei).
public enum CitationGraphHTML {
  /// The most characters of a label drawn in a box.
  static let labelLength = 13

  /// The page for `graph`.
  /// - Parameters:
  ///   - graph: The graph to draw.
  ///   - title: The page title.
  /// - Returns: The HTML text.
  public static func render(_ graph: CitationGraph, title: String = "policyq refs") -> String {
    let layout = CitationGraphLayout(graph)
    let documents = graph.nodes.filter { $0.kind == .document }.count
    var out = """
      <!DOCTYPE html>
      <html lang="zh">
      <head>
      <meta charset="utf-8">
      <title>\(XMLText.escaped(title))</title>
      <style>
      body { margin: 16px; color: #222; font-family: "Noto Sans CJK SC", "Source Han Sans SC", \
      "PingFang SC", "Microsoft YaHei", sans-serif; }
      svg { background: #fff; }
      .band { fill: #f7f7f7; }
      .band-name { font-size: 12px; fill: #666; }
      .node rect { stroke: #4a6fa5; stroke-width: 1; fill: #e8f0fe; }
      .node.external rect { stroke: #999; stroke-dasharray: 4 3; fill: #fafafa; }
      .node text { font-size: 11px; text-anchor: middle; dominant-baseline: middle; }
      .edge { fill: none; stroke: #6b7b8c; stroke-opacity: 0.55; stroke-width: 1; }
      .edge.unresolved { stroke-dasharray: 3 3; }
      </style>
      </head>
      <body>
      <h1>引用关系图 — citation graph</h1>
      <p>\(documents) documents, \(graph.nodes.count - documents) cited from outside them, \
      \(graph.edges.count) references. Bands: levels of the issuer, then documents of unknown \
      level, then documents cited but not given (dashed).</p>

      """
    let width = Int(layout.width.rounded(.up))
    let height = Int(layout.height.rounded(.up))
    out += """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
      viewBox="0 0 \(width) \(height)" role="img" aria-label="citation graph">
      <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" \
      markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7b8c"/>\
      </marker></defs>

      """
    let halfBox = CitationGraphLayout.boxHeight / 2
    for band in layout.bands {
      let top = band.top - halfBox - 12
      let bandHeight = Double(band.rows - 1) * 80 + CitationGraphLayout.boxHeight + 24
      out +=
        "<g class=\"band-group\"><rect class=\"band\" x=\"0\" y=\"\(number(top))\" width=\"\(width)\" height=\"\(number(bandHeight))\"/>"
        + "<text class=\"band-name\" x=\"8\" y=\"\(number(band.top))\">\(band.name)</text></g>\n"
    }
    var indexOfID: [String: Int] = [:]
    for (index, node) in graph.nodes.enumerated() where indexOfID[node.id] == nil {
      indexOfID[node.id] = index
    }
    for edge in graph.edges {
      guard let source = indexOfID[edge.source], let target = indexOfID[edge.target] else {
        continue
      }
      out += path(from: layout.positions[source], to: layout.positions[target], edge: edge)
    }
    for (index, node) in graph.nodes.enumerated() {
      out += box(node, index: index, at: layout.positions[index])
    }
    out += "</svg>\n</body>\n</html>\n"
    return out
  }

  private static func path(
    from start: (x: Double, y: Double), to end: (x: Double, y: Double), edge: CitationGraph.Edge
  ) -> String {
    let halfBox = CitationGraphLayout.boxHeight / 2
    let d: String
    if abs(start.y - end.y) < 1 {
      // The same row: an arc above the boxes.
      let lift = 30 + abs(end.x - start.x) * 0.15
      d =
        "M\(number(start.x)),\(number(start.y - halfBox)) Q\(number((start.x + end.x) / 2)),\(number(start.y - halfBox - lift)) \(number(end.x)),\(number(end.y - halfBox))"
    } else {
      let down = end.y > start.y
      let y1 = start.y + (down ? halfBox : -halfBox)
      let y2 = end.y + (down ? -halfBox : halfBox)
      d =
        "M\(number(start.x)),\(number(y1)) C\(number(start.x)),\(number((y1 + y2) / 2)) \(number(end.x)),\(number((y1 + y2) / 2)) \(number(end.x)),\(number(y2))"
    }
    let kind = edge.resolvedBy == nil ? "edge unresolved" : "edge"
    return
      "<path class=\"\(kind)\" d=\"\(d)\" marker-end=\"url(#arrow)\"><title>\(XMLText.escaped(edge.citedTitle))</title></path>\n"
  }

  private static func box(_ node: CitationGraph.Node, index: Int, at centre: (x: Double, y: Double))
    -> String
  {
    let width = CitationGraphLayout.boxWidth
    let height = CitationGraphLayout.boxHeight
    let characters = Array(node.label)
    let shown =
      characters.count > labelLength ? String(characters.prefix(labelLength - 1)) + "…" : node.label
    var tooltip = node.title ?? node.label
    if let number = node.documentNumber { tooltip += "\n" + number }
    if let level = node.level { tooltip += "\n" + level.rawValue }
    tooltip += "\nin \(node.inDegree), out \(node.outDegree)"
    return
      "<g class=\"node \(node.kind.rawValue)\" id=\"node-\(index)\" data-id=\"\(XMLText.escaped(node.id))\">"
      + "<title>\(XMLText.escaped(tooltip))</title>"
      + "<rect x=\"\(number(centre.x - width / 2))\" y=\"\(number(centre.y - height / 2))\" width=\"\(number(width))\" height=\"\(number(height))\" rx=\"4\"/>"
      + "<text x=\"\(number(centre.x))\" y=\"\(number(centre.y))\">\(XMLText.escaped(shown))</text></g>\n"
  }

  /// A coordinate with at most one decimal.
  private static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
