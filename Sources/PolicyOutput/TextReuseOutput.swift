import Foundation
import PolicyCompare

/// `policyq reuse` output: edges (one CSV row per passage, for network analysis), the
/// per-document summary, JSON with both, and a text report (docs/reuse.md).
public enum TextReuseOutput {
  /// Letters of a passage's text written at most.
  static let textLimit = 200

  /// One row per passage: the two documents, why the source is the source, the
  /// passage's letters in each and the parts and source lines they start in, its text.
  public static func edgesCSV<Out: TextOutputStream>(
    _ edges: [TextReuse.Edge], texts: [ReuseText], to out: inout Out
  ) {
    out.write(
      DocumentCSV.row([
        "source_id", "source_title", "target_id", "target_title", "direction", "passage",
        "source_start", "source_end", "target_start", "target_end", "matched", "source_part",
        "source_line", "target_part", "target_line", "text",
      ]))
    for edge in edges {
      var rows = ""
      let (source, target) = (texts[edge.source], texts[edge.target])
      for (number, passage) in edge.passages.enumerated() {
        let (from, to) = (
          source.anchor(at: passage.source.lowerBound), target.anchor(at: passage.target.lowerBound)
        )
        rows += DocumentCSV.row([
          source.id, source.title, target.id, target.title, edge.direction.rawValue,
          String(number + 1), String(passage.source.lowerBound), String(passage.source.upperBound),
          String(passage.target.lowerBound), String(passage.target.upperBound),
          String(passage.matched), from?.part ?? "", from.map { String($0.line) } ?? "",
          to?.part ?? "", to.map { String($0.line) } ?? "", excerpt(source, passage.source),
        ])
      }
      out.write(rows)
    }
  }

  /// One row per document: its id, title and year, the documents it took from and gave
  /// to, letters shared each way, and the share of its letters taken from others.
  public static func documentsCSV(_ summaries: [TextReuseSummary], texts: [ReuseText]) -> String {
    var out = DocumentCSV.row([
      "id", "title", "year", "sources", "targets", "matched_in", "matched_out",
      "covered_share", "letters",
    ])
    for summary in summaries {
      let text = texts[summary.document]
      out += DocumentCSV.row([
        text.id, text.title, text.year.map(String.init) ?? "", String(summary.sources),
        String(summary.targets), String(summary.matchedIn), String(summary.matchedOut),
        String(format: "%.3f", summary.coveredShare), String(summary.letters),
      ])
    }
    return out
  }

  /// `{"documents": [...], "edges": [...]}`, one document or edge a line: the summaries
  /// of the documents in some edge, and every edge with its passages. Written an edge at
  /// a time (corpus-real has 130,000 edges).
  public static func json<Out: TextOutputStream>(
    _ edges: [TextReuse.Edge], summaries: [TextReuseSummary], texts: [ReuseText],
    to out: inout Out
  ) {
    out.write("{\"documents\": [")
    var first = true
    for summary in summaries where summary.sources + summary.targets > 0 {
      let text = texts[summary.document]
      var json = JSONWriter(pretty: false)
      json.beginObject()
      json.string("id", text.id)
      json.string("title", text.title)
      json.int("year", text.year)
      json.int("sources", summary.sources)
      json.int("targets", summary.targets)
      json.int("matched_in", summary.matchedIn)
      json.int("matched_out", summary.matchedOut)
      json.double("covered_share", summary.coveredShare)
      json.int("letters", summary.letters)
      json.endObject()
      out.write((first ? "\n" : ",\n") + json.output)
      first = false
    }
    out.write("\n], \"edges\": [")
    first = true
    for edge in edges {
      let (source, target) = (texts[edge.source], texts[edge.target])
      var json = JSONWriter(pretty: false)
      json.beginObject()
      json.string("source", source.id)
      json.string("target", target.id)
      json.string("direction", edge.direction.rawValue)
      json.int("matched", edge.matched)
      json.beginArray("passages")
      for passage in edge.passages {
        let (from, to) = (
          source.anchor(at: passage.source.lowerBound),
          target.anchor(at: passage.target.lowerBound)
        )
        json.beginObject()
        json.ints("source", [passage.source.lowerBound, passage.source.upperBound])
        json.ints("target", [passage.target.lowerBound, passage.target.upperBound])
        json.int("matched", passage.matched)
        json.string("source_part", from?.part)
        json.int("source_line", from?.line)
        json.string("target_part", to?.part)
        json.int("target_line", to?.line)
        json.string("text", excerpt(source, passage.source))
        json.endObject()
      }
      json.endArray()
      json.endObject()
      out.write((first ? "\n" : ",\n") + json.output)
      first = false
    }
    out.write("\n]}\n")
  }

  /// The `limit` edges that share most, each with its longest passage, for reading.
  public static func text(_ edges: [TextReuse.Edge], texts: [ReuseText], limit: Int) -> String {
    var out = ""
    let ranked = edges.sorted { ($0.matched, $1.source) > ($1.matched, $0.source) }
    for edge in ranked.prefix(limit) {
      let (source, target) = (texts[edge.source], texts[edge.target])
      out +=
        "\(source.id) → \(target.id) (\(edge.direction.rawValue)): "
        + "\(edge.passages.count) passages, \(edge.matched) characters\n"
      out += "  \(source.title)\n  \(target.title)\n"
      if let longest = edge.passages.max(by: { $0.matched < $1.matched }) {
        let at = target.anchor(at: longest.target.lowerBound)
        out +=
          "  「\(excerpt(source, longest.source))」"
          + (at.map { " (\($0.part), line \($0.line))" } ?? "") + "\n"
      }
    }
    if edges.count > limit { out += "… \(edges.count - limit) more edges (--format csv or json)\n" }
    return out
  }

  private static func excerpt(_ text: ReuseText, _ range: Range<Int>) -> String {
    let shown = text.text(range.lowerBound..<min(range.upperBound, range.lowerBound + textLimit))
    return range.count > textLimit ? shown + "…" : shown
  }
}
