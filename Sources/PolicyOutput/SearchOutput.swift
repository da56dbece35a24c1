import Foundation
import PolicyIndex
import PolicyModel

/// Renders search results: a readable list, JSON, JSONL or CSV.
public enum SearchOutput {
  /// `results` in `format` (`json`, `jsonl`, `csv`, else the readable list); `explain` adds
  /// how each hit scored (and, to the list, the synonyms used), `highlight` marks the
  /// matches in the list with ANSI colour. A hit in a PDF or OFD file shows its page and
  /// the line on it (the list `file.pdf:p3:12`; JSON `page` and `page_line`).
  public static func render(
    _ results: SearchResults, query: String, format: String, explain: Bool, highlight: Bool
  ) -> String {
    switch format {
    case "json":
      var writer = JSONWriter()
      writeResults(results, query: query, explain: explain, to: &writer)
      return writer.output + "\n"
    case "jsonl":
      return results.hits.enumerated().map { rank, hit in
        var writer = JSONWriter(pretty: false)
        writeHit(hit, rank: rank + 1, explain: explain, to: &writer)
        return writer.output + "\n"
      }.joined()
    case "csv":
      var out = DocumentCSV.row([
        "rank", "id", "kind", "score", "document_id", "document_title", "document_number", "issuer",
        "level", "region", "year", "document_kind", "file", "line", "heading", "path",
        "lead_departments", "responsible_departments", "cooperating_departments", "snippet",
      ])
      for (rank, hit) in results.hits.enumerated() {
        let document = hit.document
        out += DocumentCSV.row(
          [
            String(rank + 1), hit.unit.id, hit.unit.kind.rawValue,
            String(format: "%.4f", hit.score), document.id,
            document.title, document.documentNumber ?? "", document.issuer ?? "",
            document.level ?? "", document.regionPath.last ?? "",
            document.year.map(String.init) ?? "", document.kind ?? "", document.path,
            String(hit.unit.sourceLine), hit.unit.heading,
            hit.unit.path.joined(separator: " > "),
          ] + ResponsibilityRole.allCases.map { role in names(hit, role).joined(separator: ";") }
            + [hit.snippet])
      }
      return out
    default:
      return text(results, explain: explain, highlight: highlight)
    }
  }

  package static func names(_ hit: SearchHit, _ role: ResponsibilityRole) -> [String] {
    var seen: [String] = []
    for department in hit.unit.departments
    where department.role == role && !seen.contains(department.name) {
      seen.append(department.name)
    }
    return seen
  }

  package static func text(
    _ results: SearchResults, explain: Bool, highlight: Bool
  ) -> String {
    var out = ""
    if explain {
      for (term, synonyms) in results.expansions {
        out += "synonyms: \(term) ~ \(synonyms.joined(separator: " ~ "))\n"
      }
    }
    for (rank, hit) in results.hits.enumerated() {
      let number = hit.document.documentNumber.map { "  \($0)" } ?? ""
      out += "\(rank + 1). \(hit.document.title)\(number)\n"
      let place = (hit.unit.path + [hit.unit.kind == .document ? "" : hit.unit.heading]).filter {
        !$0.isEmpty
      }
      if !place.isEmpty {
        out += "   \(hit.unit.kind.rawValue): \(place.joined(separator: " › "))\n"
      }
      let roles = ResponsibilityRole.allCases.compactMap { role -> String? in
        let list = names(hit, role)
        return list.isEmpty ? nil : "\(role.rawValue): \(list.joined(separator: "、"))"
      }
      if !roles.isEmpty { out += "   \(roles.joined(separator: " | "))\n" }
      out += "   \(marked(hit.snippet, hit.highlights, highlight))\n"
      let line = hit.unit.page.map { "p\($0.page):\($0.line)" } ?? String(hit.unit.sourceLine)
      out += "   \(hit.document.path):\(line)  \(hit.unit.id)\n"
      if explain { for line in hit.explanation { out += "   · \(line)\n" } }
    }
    let shown = results.hits.count
    out +=
      "\(results.totalMatches) match\(results.totalMatches == 1 ? "" : "es")\(shown < results.totalMatches ? ", \(shown) shown" : "")\n"
    return out
  }

  package static func marked(_ snippet: String, _ highlights: [Range<Int>], _ on: Bool) -> String {
    guard on, !highlights.isEmpty else { return snippet }
    var scalars = Array(snippet.unicodeScalars)
    for range in highlights.reversed() where range.upperBound <= scalars.count {
      scalars.insert(contentsOf: "\u{1B}[0m".unicodeScalars, at: range.upperBound)
      scalars.insert(contentsOf: "\u{1B}[1;31m".unicodeScalars, at: range.lowerBound)
    }
    return String(String.UnicodeScalarView(scalars))
  }

  static func writeResults(
    _ results: SearchResults, query: String, explain: Bool, to writer: inout JSONWriter
  ) {
    writer.beginObject()
    writer.int("schema_version", 1)
    writer.string("query", query)
    writer.int("total", results.totalMatches)
    writer.beginArray("synonyms")
    for (term, synonyms) in results.expansions {
      writer.beginObject()
      writer.string("term", term)
      DocumentJSON.writeIDs("synonyms", synonyms, to: &writer)
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("hits")
    for (rank, hit) in results.hits.enumerated() {
      writeHit(hit, rank: rank + 1, explain: explain, to: &writer)
    }
    writer.endArray()
    writer.endObject()
  }

  static func writeHit(
    _ hit: SearchHit, rank: Int, explain: Bool, to writer: inout JSONWriter
  ) {
    writer.beginObject()
    writer.int("rank", rank)
    writer.string("id", hit.unit.id)
    writer.string("kind", hit.unit.kind.rawValue)
    writer.double("score", hit.score)
    writer.string("document_id", hit.document.id)
    writer.string("document_title", hit.document.title)
    writer.string("document_number", hit.document.documentNumber)
    writer.string("level", hit.document.level)
    writer.string("file", hit.document.path)
    writer.int("line", hit.unit.sourceLine)
    if let page = hit.unit.page {
      writer.int("page", page.page)
      writer.int("page_line", page.line)
    }
    writer.string("heading", hit.unit.heading)
    DocumentJSON.writeIDs("path", hit.unit.path, to: &writer)
    for role in ResponsibilityRole.allCases {
      DocumentJSON.writeIDs("\(role.rawValue)_departments", names(hit, role), to: &writer)
    }
    writer.string("snippet", hit.snippet)
    writer.beginArray("highlights")
    for range in hit.highlights { writer.ints(nil, [range.lowerBound, range.upperBound]) }
    writer.endArray()
    writer.beginArray("terms")
    for (term, count, heading) in hit.termCounts {
      writer.beginObject()
      writer.string("term", term)
      writer.int("count", count)
      writer.int("in_heading", heading)
      if let asWord = hit.wordCounts[term] { writer.int("as_word", asWord) }
      writer.endObject()
    }
    writer.endArray()
    if explain { DocumentJSON.writeIDs("explanation", hit.explanation, to: &writer) }
    writer.endObject()
  }
}
