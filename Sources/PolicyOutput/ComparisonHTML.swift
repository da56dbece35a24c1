import Foundation
import PolicyCompare

/// One self-contained HTML page: the two plans side by side with aligned measures linked,
/// and the target pairs drawn as an SVG bar chart. No script, no network.
public enum ComparisonHTML {
  /// The page for `comparison`, as one HTML string.
  public static func render(_ comparison: DocumentComparison) -> String {
    let lower = comparison.lower
    let upper = comparison.upper
    var html = """
      <!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>policyq compare</title>
      <style>
      body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#222}
      h1{font-size:20px} h2{font-size:16px;margin-top:28px} .summary{background:#f4f6f8;padding:12px;border-radius:6px}
      .columns{display:grid;grid-template-columns:1fr 1fr;gap:16px} .measure{border:1px solid #ddd;border-radius:6px;padding:8px;margin:6px 0;font-size:13px}
      .carried_over{border-left:6px solid #2e7d32} .rewritten{border-left:6px solid #f9a825} .only{border-left:6px solid #bbb;color:#666}
      .links a{font-size:12px;margin-right:6px} .why{font-size:11px;color:#555;margin:0 0 4px 12px} .stronger{color:#2e7d32} .weaker{color:#c62828} table{border-collapse:collapse;font-size:13px}
      td,th{border:1px solid #ddd;padding:4px 8px}
      </style></head><body>
      """
    html +=
      "<h1>\(XMLText.escaped(ComparisonOutput.name(lower)))<br>↔ \(XMLText.escaped(ComparisonOutput.name(upper)))</h1>"
    html +=
      "<div class=\"summary\">Upper measures taken up: \(ComparisonOutput.percent(comparison.measureCoverage)) · upper targets matched: \(ComparisonOutput.percent(comparison.targetCoverage)) · aligned pairs: \(comparison.measurePairs.count) · lower-only: \(comparison.lowerOnlyMeasures.count) · upper-only: \(comparison.upperOnlyMeasures.count)\(ComparisonOutput.limitNotes(comparison).map { "<br>Note: \(XMLText.escaped($0))" }.joined())</div>"
    html += "<h2>Targets</h2>" + chart(comparison)
    html +=
      "<table><tr><th>indicator</th><th>lower</th><th>upper</th><th>judgement</th><th>why</th></tr>"
    for pair in comparison.targetPairs {
      let a = lower.targets[pair.lower]
      let b = upper.targets[pair.upper]
      html +=
        "<tr><td>\(XMLText.escaped(pair.indicatorKey))</td><td>\(XMLText.escaped(a.indicator)) \(a.value.plainText(decimals: 3))\(XMLText.escaped(a.unit))</td><td>\(XMLText.escaped(b.indicator)) \(b.value.plainText(decimals: 3))\(XMLText.escaped(b.unit))</td><td class=\"\(pair.judgement.rawValue)\">\(pair.judgement.rawValue)</td><td>\(XMLText.escaped(pair.reason))</td></tr>"
    }
    html += "</table><h2>Measures</h2><div class=\"columns\">"
    html += column(comparison, lowerSide: true) + column(comparison, lowerSide: false)
    html += "</div></body></html>\n"
    return html
  }

  /// One side's measures, each linked to the measures it is aligned with on the other side.
  package static func column(_ comparison: DocumentComparison, lowerSide: Bool) -> String {
    let (own, other) =
      lowerSide ? (comparison.lower, comparison.upper) : (comparison.upper, comparison.lower)
    let (side, otherSide, arrow) = lowerSide ? ("lower", "upper", "→") : ("upper", "lower", "←")
    var html = "<div><h3>\(XMLText.escaped(own.metadata.region ?? side))</h3>"
    // The pairs of each measure, in the order of `measurePairs`.
    var pairsOf = [[DocumentComparison.MeasurePair]](repeating: [], count: own.measures.count)
    for pair in comparison.measurePairs {
      pairsOf[lowerSide ? pair.lower : pair.upper].append(pair)
    }
    for (index, measure) in own.measures.enumerated() {
      let pairs = pairsOf[index]
      let style = pairs.first?.carry.rawValue ?? "only"
      html +=
        "<div class=\"measure \(style)\" id=\"\(side)-\(index)\"><b>\(XMLText.escaped(measure.label + measure.title))</b><div class=\"links\">"
      for pair in pairs {
        let target = lowerSide ? pair.upper : pair.lower
        html +=
          "<a href=\"#\(otherSide)-\(target)\" title=\"\(XMLText.escaped(ComparisonOutput.why(pair.evidence)))\">\(arrow) \(XMLText.escaped(ComparisonOutput.label(other, target))) (\(String(format: "%.2f", pair.similarity)))</a><div class=\"why\">\(XMLText.escaped(ComparisonOutput.why(pair.evidence)))</div>"
      }
      html += "</div></div>"
    }
    return html + "</div>"
  }

  /// Grouped bars, lower and upper value per paired target, scaled per indicator.
  static func chart(_ comparison: DocumentComparison) -> String {
    let pairs = comparison.targetPairs
    guard !pairs.isEmpty else { return "<p>No paired targets.</p>" }
    let rowHeight = 44
    let width = 960
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(pairs.count * rowHeight + 30)\" role=\"img\" aria-label=\"paired targets\">"
    svg +=
      "<rect x=\"230\" y=\"4\" width=\"12\" height=\"12\" fill=\"#1565c0\"/><text x=\"248\" y=\"15\" font-size=\"12\">lower</text>"
    svg +=
      "<rect x=\"300\" y=\"4\" width=\"12\" height=\"12\" fill=\"#9e9e9e\"/><text x=\"318\" y=\"15\" font-size=\"12\">upper</text>"
    for (row, pair) in pairs.enumerated() {
      let a = comparison.lower.targets[pair.lower]
      let b = comparison.upper.targets[pair.upper]
      let scale = max(abs(a.value), abs(b.value), 1e-9)
      let y = 24 + row * rowHeight
      let barWidth = { (value: Double) in Int(abs(value) / scale * 380) }
      svg +=
        "<text x=\"0\" y=\"\(y + 16)\" font-size=\"12\">\(XMLText.escaped(String(pair.indicatorKey.prefix(30))))</text>"
      svg +=
        "<rect x=\"230\" y=\"\(y)\" width=\"\(barWidth(a.value))\" height=\"14\" fill=\"#1565c0\"/>"
      svg +=
        "<text x=\"\(236 + barWidth(a.value))\" y=\"\(y + 12)\" font-size=\"11\">\(a.value.plainText(decimals: 3))\(XMLText.escaped(a.unit))</text>"
      svg +=
        "<rect x=\"230\" y=\"\(y + 17)\" width=\"\(barWidth(b.value))\" height=\"14\" fill=\"#9e9e9e\"/>"
      svg +=
        "<text x=\"\(236 + barWidth(b.value))\" y=\"\(y + 29)\" font-size=\"11\">\(b.value.plainText(decimals: 3))\(XMLText.escaped(b.unit)) · \(pair.judgement.rawValue)</text>"
    }
    return svg + "</svg>"
  }
}
