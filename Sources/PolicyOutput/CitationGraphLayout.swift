import PolicyExtraction
import PolicyModel

/// A layered drawing of the citation graph: one band per administrative level (national
/// → provincial → municipal → district → township → unknown level → external), the nodes
/// of a band ordered to reduce crossings by barycentre passes, and a band wider than
/// `perRow` nodes wrapped onto several rows.
package struct CitationGraphLayout {
  /// A band of the drawing.
  package struct Band {
    /// Its name: a level, "unknown" or "external".
    package var name: String
    /// The node indices of the band, in drawing order.
    package var nodes: [Int]
    /// The y of its first row.
    package var top: Double
    /// The number of rows it takes.
    package var rows: Int
  }

  /// The bands holding at least one node, from the top.
  package var bands: [Band] = []
  /// The centre of each node's box, by node index.
  package var positions: [(x: Double, y: Double)]
  /// The size of the whole drawing.
  package var width: Double = 0
  /// The height of the whole drawing.
  package var height: Double = 0

  /// Box size and spacing, in pixels.
  package static let boxWidth = 170.0
  package static let boxHeight = 34.0
  static let columnStep = 190.0
  static let rowStep = 80.0
  static let bandGap = 40.0
  static let leftMargin = 110.0
  static let topMargin = 30.0

  /// The band names, from the top.
  package static let bandNames =
    AdministrativeLevel.allCases.map(\.rawValue) + ["unknown", "external"]

  /// Lays out `graph`.
  /// - Parameters:
  ///   - graph: The graph to draw.
  ///   - perRow: The most nodes on one row of a band.
  ///   - passes: Barycentre sweeps (each one down and one up).
  /// - Complexity: O(passes · (n log n + e)) for n nodes and e edges.
  package init(_ graph: CitationGraph, perRow: Int = 24, passes: Int = 4) {
    let count = graph.nodes.count
    var bandOf = [Int](repeating: 0, count: count)
    for (index, node) in graph.nodes.enumerated() {
      switch node.kind {
      case .external: bandOf[index] = Self.bandNames.count - 1
      case .document:
        bandOf[index] =
          node.level.flatMap { AdministrativeLevel.allCases.firstIndex(of: $0) }
          ?? Self.bandNames.count - 2
      }
    }
    var orders = [[Int]](repeating: [], count: Self.bandNames.count)
    for index in 0..<count { orders[bandOf[index]].append(index) }
    // Neighbours of each node, both directions, by index.
    var indexOfID: [String: Int] = [:]
    for (index, node) in graph.nodes.enumerated() where indexOfID[node.id] == nil {
      indexOfID[node.id] = index
    }
    var neighbours = [[Int]](repeating: [], count: count)
    for edge in graph.edges {
      guard let source = indexOfID[edge.source], let target = indexOfID[edge.target] else {
        continue
      }
      neighbours[source].append(target)
      neighbours[target].append(source)
    }
    // Relative place of each node in its band, 0…1.
    var place = [Double](repeating: 0.5, count: count)
    func updatePlaces(_ band: Int) {
      let nodes = orders[band]
      for (position, node) in nodes.enumerated() {
        place[node] = nodes.count > 1 ? Double(position) / Double(nodes.count - 1) : 0.5
      }
    }
    for band in orders.indices { updatePlaces(band) }
    let bandSequence = Array(orders.indices)
    for _ in 0..<passes {
      for band in bandSequence + bandSequence.reversed() where orders[band].count > 1 {
        let keyed = orders[band].enumerated().map { position, node -> (Double, Int, Int) in
          let others = neighbours[node].filter { bandOf[$0] != band }
          let centre =
            others.isEmpty
            ? place[node] : others.map { place[$0] }.reduce(0, +) / Double(others.count)
          return (centre, position, node)
        }
        orders[band] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        updatePlaces(band)
      }
    }
    // Coordinates.
    positions = Array(repeating: (0, 0), count: count)
    let widest = min(perRow, orders.map(\.count).max() ?? 1)
    width = Self.leftMargin + Double(max(widest, 1)) * Self.columnStep + 20
    var y = Self.topMargin + Self.boxHeight / 2
    for (band, nodes) in orders.enumerated() where !nodes.isEmpty {
      let rows = (nodes.count + perRow - 1) / perRow
      bands.append(Band(name: Self.bandNames[band], nodes: nodes, top: y, rows: rows))
      for (position, node) in nodes.enumerated() {
        let row = position / perRow
        let inRow = min(perRow, nodes.count - row * perRow)
        let column = position % perRow
        let rowWidth = Double(inRow) * Self.columnStep
        let left = Self.leftMargin + (Double(widest) * Self.columnStep - rowWidth) / 2
        positions[node] = (
          left + (Double(column) + 0.5) * Self.columnStep, y + Double(row) * Self.rowStep
        )
      }
      y += Double(rows) * Self.rowStep + Self.bandGap
    }
    height = y
  }
}
