import Foundation
import PolicyCompare
import PolicyModel

/// The implementation map as one self-contained HTML page: a heat map (SVG) of the upper
/// plan's measures and targets against the implementing documents, each cell linking to
/// the aligned texts side by side, and the figures of each document. No script, no
/// network.
public enum ImplementationMapHTML {
  static let cellWidth = 96
  static let cellHeight = 22
  static let labelWidth = 300
  static let headerHeight = 150

  /// The page for `map`.
  public static func render(_ map: ImplementationMap) -> String {
    var html = """
      <!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>policyq implementation map</title>
      <style>
      body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#222}
      h1{font-size:20px} h2{font-size:16px;margin-top:28px} table{border-collapse:collapse;font-size:13px}
      td,th{border:1px solid #ddd;padding:4px 8px} .pair{display:grid;grid-template-columns:1fr 1fr;gap:16px;font-size:13px}
      .pair div{border:1px solid #ddd;border-radius:6px;padding:8px} section{margin:18px 0;border-top:1px solid #eee}
      .why{font-size:12px;color:#555}
      </style></head><body>
      """
    html +=
      "<h1>Implementation map: \(XMLText.escaped(ComparisonOutput.name(map.upper)))</h1>"
    html +=
      "<p>\(map.columns.count) implementing document\(map.columns.count == 1 ? "" : "s") (citing the plan; or taking up at least \(ComparisonOutput.percent(ImplementationMap.strongCoverageThreshold)) of its measures by strong links; or, on its subject, \(ComparisonOutput.percent(ImplementationMap.coverageThreshold)) by any); \(map.notImplementing.count) other\(map.notImplementing.count == 1 ? "" : "s") compared and left out.</p>"
    html += heatMap(map)
    html += summary(map)
    html += details(map)
    return html + "</body></html>\n"
  }

  /// The colour of a measure cell, or of a target cell.
  static func colour(_ relation: ImplementationMap.Relation) -> String {
    switch relation {
    case .carriedOver: return "#2e7d32"
    case .rewritten: return "#f9a825"
    case .absent: return "#eeeeee"
    }
  }

  static func colour(_ judgement: DocumentComparison.Judgement?) -> String {
    switch judgement {
    case .stronger: return "#1565c0"
    case .same: return "#64b5f6"
    case .weaker: return "#c62828"
    case .notComparable: return "#9e9e9e"
    case nil: return "#eeeeee"
    }
  }

  /// The SVG: a row per upper measure then per upper target, a column per document.
  static func heatMap(_ map: ImplementationMap) -> String {
    let rows = map.upper.measures.count + map.upper.targets.count
    // Room on the right for the last column's slanted name.
    let width = labelWidth + max(1, map.columns.count) * cellWidth + 180
    let height = headerHeight + rows * cellHeight + 60
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"implementation map\" font-size=\"12\">"
    for (index, column) in map.columns.enumerated() {
      let x = labelWidth + index * cellWidth + cellWidth / 2
      let lower = column.comparison.lower
      let title =
        lower.metadata.planTitle ?? lower.metadata.title
        ?? URL(fileURLWithPath: lower.text.source.path).lastPathComponent
      let name = [lower.metadata.region, String(title.prefix(10))].compactMap { $0 }.joined(
        separator: "·")
      svg +=
        "<text x=\"\(x)\" y=\"\(headerHeight - 8)\" transform=\"rotate(-35 \(x) \(headerHeight - 8))\">\(XMLText.escaped(name))</text>"
    }
    var y = headerHeight
    for row in map.upper.measures.indices {
      svg +=
        "<text x=\"0\" y=\"\(y + 15)\">\(XMLText.escaped(String(ComparisonOutput.label(map.upper, row).prefix(22))))</text>"
      for (index, column) in map.columns.enumerated() {
        let cell = column.measures[row]
        let x = labelWidth + index * cellWidth
        let tip = "\(cell.relation.rawValue) \(String(format: "%.2f", cell.score))"
        let rect =
          "<rect class=\"cell \(cell.relation.rawValue)\" x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"\(colour(cell.relation))\"><title>\(XMLText.escaped(tip))</title></rect>"
        // A cell with aligned texts links to them, side by side.
        svg += cell.relation == .absent ? rect : "<a href=\"#cell-\(row)-\(index)\">\(rect)</a>"
      }
      y += cellHeight
    }
    for (row, target) in map.upper.targets.enumerated() {
      svg +=
        "<text x=\"0\" y=\"\(y + 15)\" fill=\"#1565c0\">\(XMLText.escaped(String(("目标 " + (target.indicatorKey ?? target.indicator)).prefix(30))))</text>"
      for (index, column) in map.columns.enumerated() {
        let pair = column.targets[row]
        let x = labelWidth + index * cellWidth
        let tip = pair.map { "\($0.judgement.rawValue): \($0.reason)" } ?? "absent"
        svg +=
          "<rect class=\"cell target\" x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"\(colour(pair?.judgement))\"><title>\(XMLText.escaped(tip))</title></rect>"
      }
      y += cellHeight
    }
    let legend: [(String, String)] = [
      ("carried over", colour(.carriedOver)), ("rewritten", colour(.rewritten)),
      ("absent", colour(.absent)), ("target stronger", colour(.stronger)),
      ("same", colour(.same)), ("weaker", colour(.weaker)),
      ("not comparable", colour(.notComparable)),
    ]
    for (index, item) in legend.enumerated() {
      let x = index * 120
      svg +=
        "<rect x=\"\(x)\" y=\"\(y + 20)\" width=\"12\" height=\"12\" fill=\"\(item.1)\"/><text x=\"\(x + 16)\" y=\"\(y + 31)\">\(item.0)</text>"
    }
    return svg + "</svg>"
  }

  /// Per document: how it was found, coverage, local additions, leads changed.
  static func summary(_ map: ImplementationMap) -> String {
    var html =
      "<h2>Documents</h2><table><tr><th>document</th><th>found by</th><th>measures taken up</th><th>by strong links</th><th>subject similarity</th><th>targets matched</th><th>local additions</th><th>leads changed</th></tr>"
    for column in map.columns {
      let comparison = column.comparison
      html +=
        "<tr><td>\(XMLText.escaped(ComparisonOutput.name(comparison.lower)))</td><td>\(column.foundBy.rawValue)</td><td>\(ComparisonOutput.percent(comparison.measureCoverage))</td><td>\(ComparisonOutput.percent(column.fit.strongCoverage))</td><td>\(String(format: "%.2f", column.fit.subjectSimilarity))</td><td>\(ComparisonOutput.percent(comparison.targetCoverage))</td><td>\(comparison.lowerOnlyMeasures.count)</td><td>\(column.leadsChanged)</td></tr>"
    }
    return html + "</table>"
  }

  /// Each taken-up cell's texts side by side: the upper measure, and the lower measures
  /// aligned with it with why.
  static func details(_ map: ImplementationMap) -> String {
    var html = "<h2>Aligned texts</h2>"
    for (index, column) in map.columns.enumerated() {
      let lower = column.comparison.lower
      for (row, cell) in column.measures.enumerated() where cell.relation != .absent {
        html +=
          "<section id=\"cell-\(row)-\(index)\"><h3>\(XMLText.escaped(ComparisonOutput.label(map.upper, row))) — \(XMLText.escaped(ComparisonOutput.name(lower))): \(cell.relation.rawValue)</h3><div class=\"pair\"><div>\(XMLText.escaped(map.upper.measures[row].text))</div><div>"
        for measure in cell.lowerMeasures {
          html += "<p>\(XMLText.escaped(lower.measures[measure].text))</p>"
          if let pair = column.comparison.measurePairs.first(where: {
            $0.lower == measure && $0.upper == row
          }) {
            html += "<p class=\"why\">\(XMLText.escaped(ComparisonOutput.why(pair.evidence)))</p>"
          }
        }
        html += "</div></div></section>"
      }
    }
    return html
  }
}
