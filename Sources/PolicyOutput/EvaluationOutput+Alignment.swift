import PolicyEvaluation

extension EvaluationOutput {
  /// The alignment part of the report for people: pooled precision, recall and F1 over
  /// measure pairs, then each pair of documents (with its misses and extras when
  /// `verbose`).
  static func alignmentText(_ report: EvaluationReport, verbose: Bool) -> String {
    let total = report.alignmentTotal
    var out =
      "alignment: \(report.alignments.count) pair\(report.alignments.count == 1 ? "" : "s") of documents, "
    out += "measure pairs gold \(total.gold), found \(total.extracted), matched \(total.matched): "
    out +=
      "precision \(fixed(total.precision)) recall \(fixed(total.recall)) F1 \(fixed(total.f1))\n"
    for alignment in report.alignments {
      let c = alignment.count
      out +=
        "  \(alignment.name): gold \(c.gold) found \(c.extracted) matched \(c.matched)  P \(fixed(c.precision)) R \(fixed(c.recall)) F1 \(fixed(c.f1))"
      out +=
        alignment.unlocated > 0 ? "  (\(alignment.unlocated) gold measures not located)\n" : "\n"
      guard verbose else { continue }
      for finding in alignment.findings {
        let line = finding.line.map { " [\(alignment.documents.a):\($0)]" } ?? ""
        out += "      \(finding.verdict.rawValue): \(finding.item)\(line)\n"
      }
    }
    return out
  }

  /// The alignment part of the JSON report: `alignment` with the pooled counts and each
  /// pair of documents.
  static func writeAlignment(_ report: EvaluationReport, to writer: inout JSONWriter) {
    writer.beginObject("alignment")
    writeCount(report.alignmentTotal, to: &writer)
    writer.beginArray("pairs")
    for alignment in report.alignments {
      writer.beginObject()
      writer.string("name", alignment.name)
      writer.string("gold", alignment.gold)
      writer.string("a", alignment.documents.a)
      writer.string("b", alignment.documents.b)
      writeCount(alignment.count, to: &writer)
      writer.int("unlocated_gold_measures", alignment.unlocated)
      writer.beginArray("findings")
      for finding in alignment.findings {
        writer.beginObject()
        writer.string("verdict", finding.verdict.rawValue)
        writer.string("item", finding.item)
        writer.int("line", finding.line)
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
  }

  /// Gold, found and matched pairs with precision, recall and F1, in the open object.
  static func writeCount(_ count: MatchCount, to writer: inout JSONWriter) {
    writer.int("gold", count.gold)
    writer.int("found", count.extracted)
    writer.int("matched", count.matched)
    writer.double("precision", count.precision)
    writer.double("recall", count.recall)
    writer.double("f1", count.f1)
  }

  /// CSV rows of kind `alignment`, one per pair of documents, then the pooled row (`*`).
  static func alignmentCSV(_ report: EvaluationReport) -> String {
    var out = ""
    for (name, c) in report.alignments.map({ ($0.name, $0.count) }) + [("*", report.alignmentTotal)]
    {
      out += DocumentCSV.row([
        name, "alignment", "\(c.gold)", "\(c.extracted)", "\(c.matched)", fixed(c.precision, 4),
        fixed(c.recall, 4), fixed(c.f1, 4),
      ])
    }
    return out
  }
}
