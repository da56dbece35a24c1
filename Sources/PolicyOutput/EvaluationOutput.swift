import PolicyBytes
import PolicyEvaluation

/// `policyq eval` output: a table of precision, recall and F1 per kind of item, field
/// agreements, and per-document figures (text); the same as JSON; or one CSV row per
/// document and kind.
public enum EvaluationOutput {
  /// A table for people; `verbose` adds every miss, extra and differing field with its
  /// source line.
  public static func text(_ report: EvaluationReport, verbose: Bool) -> String {
    if report.documents.isEmpty && !report.alignments.isEmpty {
      return alignmentText(report, verbose: verbose) + skippedText(report)
    }
    var out = ""
    let forms = report.documents.count
    out += "policyq eval: \(forms) document\(forms == 1 ? "" : "s") scored"
    out += report.skipped.isEmpty ? "\n\n" : ", \(report.skipped.count) skipped\n\n"
    out +=
      pad("", 12) + pad("gold", 7, right: true) + pad("found", 7, right: true)
      + pad("matched", 9, right: true)
    out +=
      pad("precision", 11, right: true) + pad("recall", 8, right: true) + pad("F1", 7, right: true)
      + "\n"
    for kind in DocumentEvaluation.Kind.allCases {
      let count = report.total(kind)
      out +=
        pad(kind.rawValue, 12) + pad("\(count.gold)", 7, right: true)
        + pad("\(count.extracted)", 7, right: true)
      out += pad("\(count.matched)", 9, right: true) + pad(fixed(count.precision), 11, right: true)
      out += pad(fixed(count.recall), 8, right: true) + pad(fixed(count.f1), 7, right: true) + "\n"
    }
    let leads = report.measureLeads
    out += "\nmeasure leads agree: \(fixed(leads.accuracy)) of \(leads.compared) matched measures\n"
    let pairs = report.targetField(.year).compared
    out += "target fields, over \(pairs) pairs of the same value and unit: "
    out +=
      DocumentEvaluation.TargetField.allCases.map {
        "\($0.rawValue) \(fixed(report.targetField($0).accuracy))"
      }
      .joined(separator: " · ") + "\n"
    out += "metadata, over \(report.documents.count) documents: "
    out +=
      DocumentEvaluation.MetadataField.allCases.map {
        "\($0.rawValue) \(fixed(report.metadata($0).accuracy))"
      }
      .joined(separator: " · ") + "\n"
    out += "\nF1 per document" + pad("", 26) + "measures  roles  targets  references\n"
    for document in report.documents {
      out += "  " + pad(document.name, 39)
      for kind in DocumentEvaluation.Kind.allCases {
        let count = document.count(kind)
        let width = kind == .measures ? 8 : kind.rawValue.count + 2
        out += pad(count.gold + count.extracted == 0 ? "-" : fixed(count.f1), width, right: true)
      }
      out += "\n"
      guard verbose else { continue }
      for finding in document.findings {
        let line = finding.line.map { "\(document.document):\($0)" } ?? document.document
        out += "      \(finding.kind) \(finding.verdict.rawValue): \(finding.item)  [\(line)]\n"
      }
    }
    out += skippedText(report)
    if !report.alignments.isEmpty { out += "\n" + alignmentText(report, verbose: verbose) }
    return out
  }

  private static func skippedText(_ report: EvaluationReport) -> String {
    report.skipped.map { "  " + pad($0.name, 39) + "skipped: \($0.reason)\n" }.joined()
  }

  /// The whole report as JSON: overall figures, then each document with its findings.
  public static func json(_ report: EvaluationReport) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.beginObject("overall")
    write(counts: { report.total($0) }, to: &writer)
    writer.double("measure_leads", report.measureLeads.accuracy)
    writer.beginObject("target_fields")
    for field in DocumentEvaluation.TargetField.allCases {
      writer.double(field.rawValue, report.targetField(field).accuracy)
    }
    writer.endObject()
    writer.beginObject("metadata")
    for field in DocumentEvaluation.MetadataField.allCases {
      writer.double(field.rawValue, report.metadata(field).accuracy)
    }
    writer.endObject()
    writer.endObject()
    writer.beginArray("documents")
    for document in report.documents {
      writer.beginObject()
      writer.string("name", document.name)
      writer.string("gold", document.gold)
      writer.string("document", document.document)
      write(counts: { document.count($0) }, to: &writer)
      writer.beginObject("metadata")
      for field in DocumentEvaluation.MetadataField.allCases {
        writer.bool(field.rawValue, (document.metadata[field]?.accuracy ?? 1) == 1)
      }
      writer.endObject()
      writer.beginArray("findings")
      for finding in document.findings {
        writer.beginObject()
        writer.string("kind", finding.kind)
        writer.string("verdict", finding.verdict.rawValue)
        writer.string("item", finding.item)
        writer.int("line", finding.line)
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("skipped")
    for skipped in report.skipped {
      writer.beginObject()
      writer.string("name", skipped.name)
      writer.string("reason", skipped.reason)
      writer.endObject()
    }
    writer.endArray()
    if !report.alignments.isEmpty { writeAlignment(report, to: &writer) }
    writer.endObject()
    return writer.output
  }

  /// One row per document and kind of item, then the overall rows (document `*`).
  public static func csv(_ report: EvaluationReport) -> String {
    var out = DocumentCSV.row([
      "document", "kind", "gold", "found", "matched", "precision", "recall", "f1",
    ])
    func rows(_ name: String, _ count: (DocumentEvaluation.Kind) -> MatchCount) {
      for kind in DocumentEvaluation.Kind.allCases {
        let c = count(kind)
        out += DocumentCSV.row([
          name, kind.rawValue, "\(c.gold)", "\(c.extracted)", "\(c.matched)", fixed(c.precision, 4),
          fixed(c.recall, 4),
          fixed(c.f1, 4),
        ])
      }
    }
    for document in report.documents { rows(document.name) { document.count($0) } }
    rows("*") { report.total($0) }
    return out + alignmentCSV(report)
  }

  private static func write(
    counts: (DocumentEvaluation.Kind) -> MatchCount, to writer: inout JSONWriter
  ) {
    for kind in DocumentEvaluation.Kind.allCases {
      let count = counts(kind)
      writer.beginObject(kind.rawValue)
      writer.int("gold", count.gold)
      writer.int("found", count.extracted)
      writer.int("matched", count.matched)
      writer.double("precision", count.precision)
      writer.double("recall", count.recall)
      writer.double("f1", count.f1)
      writer.endObject()
    }
  }

  /// A figure as the report prints it (three decimals).
  public static func fixedFigure(_ value: Double) -> String { fixed(value) }

  package static func fixed(_ value: Double, _ digits: Int = 3) -> String {
    let scale = pow10(digits)
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let decimals = text.distance(from: dot, to: text.endIndex) - 1
      text += String(repeating: "0", count: max(0, digits - decimals))
    } else {
      text += "." + String(repeating: "0", count: digits)
    }
    return text
  }

  private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }

  /// `text` padded with spaces to `width` columns (a Chinese character takes two).
  private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let columns = text.unicodeScalars.reduce(0) { $0 + (UTF8Scalars.isWide($1.value) ? 2 : 1) }
    let padding = String(repeating: " ", count: max(1, width - columns))
    return right ? padding + text : text + padding
  }
}
