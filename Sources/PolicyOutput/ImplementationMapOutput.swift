import Foundation
import PolicyCompare
import PolicyModel

/// Renders an `ImplementationMap` as CSV in long form (one row per upper item and lower
/// document, for R and pandas) or as JSON.
public enum ImplementationMapOutput {
  /// The long form: upper item, lower document, lower item, relation, score; a row per
  /// aligned lower measure, one `absent` row when none; then the targets (relation:
  /// the judgement, score: the difference).
  public static func csv(_ map: ImplementationMap) -> String {
    var out = DocumentCSV.row([
      "upper_item", "upper_label", "lower_document", "lower_file", "lower_item", "lower_label",
      "relation", "score",
    ])
    for column in map.columns {
      let lower = column.comparison.lower
      for (row, cell) in column.measures.enumerated() {
        let upperItem = [map.upper.measures[row].id, ComparisonOutput.label(map.upper, row)]
        let document = [lower.id, lower.text.source.path]
        if cell.lowerMeasures.isEmpty {
          out += DocumentCSV.row(upperItem + document + ["", "", "absent", ""])
        }
        for measure in cell.lowerMeasures {
          out += DocumentCSV.row(
            upperItem + document + [
              lower.measures[measure].id, ComparisonOutput.label(lower, measure),
              cell.relation.rawValue, String(format: "%.3f", cell.score),
            ])
        }
      }
      for (row, cell) in column.targets.enumerated() {
        let target = map.upper.targets[row]
        let upperItem = [target.id, target.indicatorKey ?? target.indicator]
        let document = [lower.id, lower.text.source.path]
        guard let pair = cell else {
          out += DocumentCSV.row(upperItem + document + ["", "", "absent", ""])
          continue
        }
        out += DocumentCSV.row(
          upperItem + document + [
            lower.targets[pair.lower].id, lower.targets[pair.lower].indicator,
            pair.judgement.rawValue, pair.difference.map { $0.plainText(decimals: 3) } ?? "",
          ])
      }
    }
    return out
  }

  /// The map as one JSON object (schema version 1): the upper plan, each implementing
  /// document with its figures, and the cells of each upper measure and target.
  public static func json(_ map: ImplementationMap) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.int("schema_version", 1)
    writer.beginObject("upper")
    writer.string("id", map.upper.id)
    writer.string("title", map.upper.metadata.planTitle ?? map.upper.metadata.title)
    writer.string("file", map.upper.text.source.path)
    writer.endObject()
    writer.beginArray("documents")
    for column in map.columns {
      let comparison = column.comparison
      writer.beginObject()
      writer.string("id", comparison.lower.id)
      writer.string("file", comparison.lower.text.source.path)
      writer.string("title", ComparisonOutput.name(comparison.lower))
      writer.string("found_by", column.foundBy.rawValue)
      writer.double("measure_coverage", comparison.measureCoverage)
      writeFit(column.fit, to: &writer)
      writer.double("target_coverage", comparison.targetCoverage)
      writer.int("local_additions", comparison.lowerOnlyMeasures.count)
      writer.int("leads_changed", column.leadsChanged)
      writer.endObject()
    }
    writer.endArray()
    // The documents compared and left out, with the figures that left them out.
    writer.beginArray("left_out")
    for comparison in map.notImplementing {
      writer.beginObject()
      writer.string("id", comparison.lower.id)
      writer.string("file", comparison.lower.text.source.path)
      writer.string("title", ComparisonOutput.name(comparison.lower))
      writer.double("measure_coverage", comparison.measureCoverage)
      writeFit(ImplementationMap.fit(comparison), to: &writer)
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("measures")
    for (row, measure) in map.upper.measures.enumerated() {
      writer.beginObject()
      writer.string("upper", measure.id)
      writer.string("label", ComparisonOutput.label(map.upper, row))
      writer.beginArray("cells")
      for column in map.columns {
        let cell = column.measures[row]
        writer.beginObject()
        writer.string("document", column.comparison.lower.id)
        writer.string("relation", cell.relation.rawValue)
        writer.double("score", cell.score)
        DocumentJSON.writeIDs(
          "lower", cell.lowerMeasures.map { column.comparison.lower.measures[$0].id }, to: &writer)
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("targets")
    for (row, target) in map.upper.targets.enumerated() {
      writer.beginObject()
      writer.string("upper", target.id)
      writer.string("indicator_key", target.indicatorKey)
      writer.beginArray("cells")
      for column in map.columns {
        writer.beginObject()
        writer.string("document", column.comparison.lower.id)
        if let pair = column.targets[row] {
          writer.string("lower", column.comparison.lower.targets[pair.lower].id)
          writer.string("judgement", pair.judgement.rawValue)
          writer.double("difference", pair.difference)
        } else {
          writer.string("judgement", "absent")
        }
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
    return writer.output + "\n"
  }

  /// The figures that decide whether a document implements the plan.
  static func writeFit(_ fit: ImplementationMap.Fit, to writer: inout JSONWriter) {
    writer.double("strong_coverage", fit.strongCoverage)
    writer.int("strong_links", fit.strongLinks)
    writer.double("subject_similarity", fit.subjectSimilarity)
  }
}
