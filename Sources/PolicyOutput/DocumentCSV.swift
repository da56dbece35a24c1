import Foundation
import PolicyModel
import PolicyText

/// The CSV tables of `policyq extract --format csv --table …`: one row per document, or
/// one row per item with the document's id, file, number, level, region and year on every
/// row (one table is enough for a pivot), ready for pandas, R or Excel (`--bom`).
public enum DocumentCSV {
  /// The tables.
  public enum Table: String, Sendable, CaseIterable {
    case documents, measures, targets, responsibilities, references, sections
  }

  /// The UTF-8 byte-order mark, which Excel needs to read a CSV file as UTF-8.
  public static let byteOrderMark = "\u{FEFF}"

  /// The header row of a table.
  public static func header(_ table: Table) -> String {
    row(columns(table))
  }

  package static func columns(_ table: Table) -> [String] {
    let common = ["document_id", "file", "document_number", "level", "region", "year"]
    switch table {
    case .documents:
      return [
        "document_id", "file", "format", "title", "plan_title", "document_number",
        "number_issuer_code", "number_year", "number_serial", "issuer", "co_issuers", "level",
        "region", "region_path", "kind", "plan_kind", "written_date", "printed_date",
        "period_start", "period_end", "year", "sections", "measures", "responsibilities",
        "targets", "references", "diagnostics", "diagnostic_messages",
      ]
    case .measures:
      return common + [
        "measure_id", "label", "number", "title", "path", "lead_departments",
        "responsible_departments",
        "cooperating_departments", "target_count", "lead_sentence", "line", "source_start",
        "source_end", "page", "page_line",
      ]
    case .targets:
      return common + [
        "target_id", "measure_id", "measure_label", "year", "scope", "indicator", "indicator_key",
        "value",
        "unit", "direction", "verb", "baseline_year", "cumulative", "hedges", "clause", "line",
        "source_start", "source_end", "page", "page_line",
      ]
    case .responsibilities:
      return common + [
        "clause_id", "measure_id", "measure_label", "role", "department", "canonical",
        "level_prefix",
        "category", "collective", "deadline", "clause", "line", "source_start", "source_end",
        "page", "page_line",
      ]
    case .references:
      return common + [
        "reference_id", "title", "document_number", "resolved_document", "resolved_by", "line",
        "source_start", "source_end", "page", "page_line",
      ]
    case .sections:
      return common + [
        "section_id", "parent_id", "depth", "kind", "label", "number", "title", "is_measure",
        "line",
        "source_start", "source_end", "page", "page_line",
      ]
    }
  }

  /// The rows of a table for one document (without the header).
  public static func rows(_ table: Table, of document: PolicyDocument) -> String {
    var out = ""
    let metadata = document.metadata
    let common = [
      document.id, document.text.source.path, metadata.documentNumber?.normalized ?? "",
      metadata.level?.rawValue ?? "", metadata.region ?? "", text(metadata.year),
    ]
    func location(_ span: TextSpan) -> [String] {
      let source = document.sourceSpan(of: span)
      return [
        String(source.line), String(source.byteRange.lowerBound),
        String(source.byteRange.upperBound), source.page.map(String.init) ?? "",
        source.pageLine.map(String.init) ?? "",
      ]
    }
    let measureLabel = { (index: Int?) in index.map { document.measures[$0].label } ?? "" }
    let measureID = { (index: Int?) in index.map { document.measures[$0].id } ?? "" }
    switch table {
    case .documents:
      let number = metadata.documentNumber
      out += row([
        document.id, document.text.source.path, document.text.source.format.rawValue,
        metadata.title ?? "", metadata.planTitle ?? "", number?.normalized ?? "",
        number?.issuerCode ?? "", text(number?.year), text(number?.serial),
        metadata.issuer ?? "", metadata.coIssuers.joined(separator: ";"),
        metadata.level?.rawValue ?? "", metadata.region ?? "",
        metadata.regionPath.joined(separator: " > "), metadata.kind ?? "",
        metadata.planKind ?? "", metadata.writtenDate ?? "", metadata.printedDate ?? "",
        text(metadata.periodStart), text(metadata.periodEnd), text(metadata.year),
        String(document.sections.count), String(document.measures.count),
        String(document.responsibilities.count), String(document.targets.count),
        String(document.references.count), String(document.diagnostics.count),
        document.diagnostics.map(\.message).joined(separator: " | "),
      ])
    case .measures:
      for measure in document.measures {
        let names = { (role: ResponsibilityRole) in
          document.departments(of: measure, role: role).joined(separator: ";")
        }
        out += row(
          common + [
            measure.id, measure.label, measure.number.map(String.init) ?? "", measure.title,
            measure.path.joined(separator: " > "), names(.lead), names(.responsible),
            names(.cooperating),
            String(measure.targets.count), measure.leadSentence,
          ] + location(measure.span))
      }
    case .targets:
      for target in document.targets {
        out += row(
          common + [
            target.id, measureID(target.measure), measureLabel(target.measure),
            target.year.map(String.init) ?? "", target.scope ?? "", target.indicator,
            target.indicatorKey ?? "",
            target.value.plainText(), target.unit, target.direction.rawValue, target.verb ?? "",
            target.baselineYear.map(String.init) ?? "", target.isCumulative ? "true" : "false",
            target.hedges.joined(separator: ";"), target.clause,
          ] + location(target.valueSpan))
      }
    case .responsibilities:
      for clause in document.responsibilities {
        for department in clause.departments {
          out += row(
            common + [
              clause.id, measureID(clause.measure), measureLabel(clause.measure),
              department.role.rawValue,
              department.name, department.canonical, department.levelPrefix ?? "",
              department.category,
              department.isCollective ? "true" : "false", clause.deadline ?? "", clause.text,
            ] + location(department.span))
        }
      }
    case .references:
      for reference in document.references {
        out += row(
          common + [
            reference.id, reference.title, reference.documentNumber?.normalized ?? "",
            reference.resolvedDocument ?? "", reference.resolvedBy ?? "",
          ] + location(reference.span))
      }
    case .sections:
      let measures = Set(document.measures.map(\.section))
      for (index, section) in document.sections.enumerated() {
        out += row(
          common + [
            section.id, section.parent.map { document.sections[$0].id } ?? "",
            String(section.depth),
            section.kind.rawValue, section.label, section.number.map(String.init) ?? "",
            section.title,
            measures.contains(index) ? "true" : "false",
          ] + location(section.titleSpan))
      }
    }
    return out
  }

  /// A number as a field: empty when there is none.
  private static func text(_ number: Int?) -> String {
    number.map(String.init) ?? ""
  }

  /// One CSV row (RFC 4180 quoting), with a line feed.
  package static func row(_ fields: [String]) -> String {
    fields.map { field in
      // Bytes, not Characters: CR LF is one Character, equal to neither CR nor LF.
      if field.utf8.contains(where: {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
      }) {
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      return field
    }.joined(separator: ",") + "\n"
  }
}
