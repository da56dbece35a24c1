import Foundation
import PolicyCompare
import PolicyModel

/// Renders a `DocumentComparison`: a summary then details for people, JSON, CSV tables.
public enum ComparisonOutput {
  package static func name(_ document: PolicyDocument) -> String {
    let metadata = document.metadata
    let title =
      metadata.planTitle ?? metadata.title
      ?? URL(fileURLWithPath: document.text.source.path).lastPathComponent
    let place = [metadata.region, metadata.level?.rawValue].compactMap { $0 }.joined(
      separator: ", ")
    return place.isEmpty ? title : "\(title) (\(place))"
  }

  package static func label(_ document: PolicyDocument, _ measure: Int) -> String {
    let item = document.measures[measure]
    return item.label + item.title
  }

  static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }

  /// A summary for people (coverage, carry, judgements, changed leads), then the target
  /// pairs, the aligned measures and the measures of one side only.
  public static func text(_ comparison: DocumentComparison) -> String {
    let lower = comparison.lower
    let upper = comparison.upper
    let pairs = comparison.measurePairs
    var out = "lower: \(name(lower))\nupper: \(name(upper))\n\n"
    out +=
      "measures: \(Set(pairs.map(\.upper)).count) of \(upper.measures.count) upper measures taken up (\(percent(comparison.measureCoverage))); "
    out +=
      "\(pairs.filter { $0.carry == .carriedOver }.count) pairs carried over, \(pairs.filter { $0.carry == .rewritten }.count) rewritten; "
    out +=
      "\(comparison.lowerOnlyMeasures.count) lower-only (local additions), \(comparison.upperOnlyMeasures.count) upper-only (not taken up)\n"
    let judgements = Dictionary(grouping: comparison.targetPairs, by: \.judgement).mapValues(
      \.count)
    out +=
      "targets: \(Set(comparison.targetPairs.map(\.upper)).count) of \(upper.targets.count) upper targets matched (\(percent(comparison.targetCoverage))): "
    out += DocumentComparison.Judgement.allCasesInOrder.map {
      "\(judgements[$0, default: 0]) \($0.rawValue.replacingOccurrences(of: "_", with: " "))"
    }.joined(separator: ", ")
    out +=
      "\nleads changed in \(pairs.filter(\.leadChanged).count) of \(pairs.count) aligned pairs\n"
    for note in limitNotes(comparison) { out += "note: \(note)\n" }
    if !comparison.targetPairs.isEmpty {
      out += "\nTargets (lower vs upper)\n"
      for pair in comparison.targetPairs {
        out += "  \(pair.indicatorKey): \(pair.judgement.rawValue) — \(pair.reason)\n"
      }
    }
    if !pairs.isEmpty {
      out += "\nAligned measures\n"
      for pair in pairs {
        out +=
          "  \(label(lower, pair.lower))  ↔  \(label(upper, pair.upper))  [\(String(format: "%.2f", pair.similarity)) \(pair.carry.rawValue.replacingOccurrences(of: "_", with: " "))]\n"
        if let passage = pair.sharedPassages.first {
          out +=
            "    shared: “\(passage)”\(pair.sharedPassages.count > 1 ? " (+\(pair.sharedPassages.count - 1) more)" : "")\(pair.passagesTruncated ? " (search stopped at its limit)" : "")\n"
        }
        out += "    why: \(why(pair.evidence))\n"
        let lowerLeads = pair.lowerLeads.map(\.name).joined(separator: "、")
        let upperLeads = pair.upperLeads.map(\.name).joined(separator: "、")
        if !lowerLeads.isEmpty || !upperLeads.isEmpty {
          out +=
            "    lead: \(lowerLeads.isEmpty ? "—" : lowerLeads)  |  \(upperLeads.isEmpty ? "—" : upperLeads)\(pair.leadChanged ? "  (changed)" : "")\n"
        }
      }
    }
    if !comparison.lowerOnlyMeasures.isEmpty {
      out +=
        "\nLower only (local additions): "
        + comparison.lowerOnlyMeasures.map { label(lower, $0) }.joined(separator: "；") + "\n"
    }
    if !comparison.upperOnlyMeasures.isEmpty {
      out +=
        "Upper only (not taken up): "
        + comparison.upperOnlyMeasures.map { label(upper, $0) }.joined(separator: "；") + "\n"
    }
    return out
  }

  /// One JSON object (schema version 1): both documents, coverage, the pairs, and the
  /// measures and targets of one side only by id.
  public static func json(_ comparison: DocumentComparison) -> String {
    var writer = JSONWriter()
    let lower = comparison.lower
    let upper = comparison.upper
    writer.beginObject()
    writer.int("schema_version", 1)
    for (key, document) in [("lower", lower), ("upper", upper)] {
      writer.beginObject(key)
      writer.string("id", document.id)
      writer.string("title", document.metadata.planTitle ?? document.metadata.title)
      writer.string("level", document.metadata.level?.rawValue)
      writer.string("region", document.metadata.region)
      writer.string("file", document.text.source.path)
      writer.endObject()
    }
    writer.beginObject("coverage")
    writer.double("measures", comparison.measureCoverage)
    writer.double("targets", comparison.targetCoverage)
    writer.endObject()
    if comparison.ignoredShingles > 0 { writer.int("ignored_ngrams", comparison.ignoredShingles) }
    writer.beginArray("measure_pairs")
    for pair in comparison.measurePairs {
      writer.beginObject()
      writer.string("lower", lower.measures[pair.lower].id)
      writer.string("upper", upper.measures[pair.upper].id)
      writer.string("lower_label", label(lower, pair.lower))
      writer.string("upper_label", label(upper, pair.upper))
      writer.double("similarity", pair.similarity)
      writer.string("carry", pair.carry.rawValue)
      DocumentJSON.writeIDs("shared_passages", pair.sharedPassages, to: &writer)
      if pair.passagesTruncated { writer.bool("shared_passages_truncated", true) }
      DocumentJSON.writeIDs("lower_leads", pair.lowerLeads.map(\.name), to: &writer)
      DocumentJSON.writeIDs("upper_leads", pair.upperLeads.map(\.name), to: &writer)
      writer.bool("lead_changed", pair.leadChanged)
      writeEvidence(pair.evidence, to: &writer)
      writer.endObject()
    }
    writer.endArray()
    DocumentJSON.writeIDs(
      "lower_only_measures", comparison.lowerOnlyMeasures.map { lower.measures[$0].id }, to: &writer
    )
    DocumentJSON.writeIDs(
      "upper_only_measures", comparison.upperOnlyMeasures.map { upper.measures[$0].id }, to: &writer
    )
    writer.beginArray("target_pairs")
    for pair in comparison.targetPairs {
      let a = lower.targets[pair.lower]
      let b = upper.targets[pair.upper]
      writer.beginObject()
      writer.string("lower", a.id)
      writer.string("upper", b.id)
      writer.string("indicator_key", pair.indicatorKey)
      writer.double("lower_value", a.value)
      writer.double("upper_value", b.value)
      writer.string("lower_unit", a.unit)
      writer.string("upper_unit", b.unit)
      writer.string("lower_direction", a.direction.rawValue)
      writer.string("upper_direction", b.direction.rawValue)
      writer.string("judgement", pair.judgement.rawValue)
      writer.double("difference", pair.difference)
      writer.string("reason", pair.reason)
      writer.endObject()
    }
    writer.endArray()
    DocumentJSON.writeIDs(
      "lower_only_targets", comparison.lowerOnlyTargets.map { lower.targets[$0].id }, to: &writer)
    DocumentJSON.writeIDs(
      "upper_only_targets", comparison.upperOnlyTargets.map { upper.targets[$0].id }, to: &writer)
    writer.endObject()
    return writer.output + "\n"
  }

  /// CSV rows of a table, with the header row when `header` is true.
  public static func csv(_ comparison: DocumentComparison, table: String, header: Bool = true)
    -> String
  {
    let lower = comparison.lower
    let upper = comparison.upper
    if table == "measures" {
      var out =
        !header
        ? ""
        : DocumentCSV.row([
          "lower_document", "upper_document", "lower_measure", "upper_measure", "lower_label",
          "upper_label", "similarity", "carry", "lower_leads", "upper_leads", "lead_changed",
        ])
      for pair in comparison.measurePairs {
        out += DocumentCSV.row([
          lower.id, upper.id, lower.measures[pair.lower].id, upper.measures[pair.upper].id,
          label(lower, pair.lower),
          label(upper, pair.upper), String(format: "%.3f", pair.similarity), pair.carry.rawValue,
          pair.lowerLeads.map(\.name).joined(separator: ";"),
          pair.upperLeads.map(\.name).joined(separator: ";"), pair.leadChanged ? "true" : "false",
        ])
      }
      for i in comparison.lowerOnlyMeasures {
        out += DocumentCSV.row([
          lower.id, upper.id, lower.measures[i].id, "", label(lower, i), "", "", "lower_only", "",
          "", "",
        ])
      }
      for j in comparison.upperOnlyMeasures {
        out += DocumentCSV.row([
          lower.id, upper.id, "", upper.measures[j].id, "", label(upper, j), "", "upper_only", "",
          "", "",
        ])
      }
      return out
    }
    var out =
      !header
      ? ""
      : DocumentCSV.row([
        "lower_document", "upper_document", "indicator_key", "lower_target", "upper_target",
        "lower_year", "upper_year", "lower_value", "upper_value", "lower_unit", "upper_unit",
        "lower_direction", "upper_direction", "judgement", "difference", "reason",
      ])
    for pair in comparison.targetPairs {
      let a = lower.targets[pair.lower]
      let b = upper.targets[pair.upper]
      out += DocumentCSV.row([
        lower.id, upper.id, pair.indicatorKey, a.id, b.id, a.year.map(String.init) ?? "",
        b.year.map(String.init) ?? "",
        a.value.plainText(decimals: 3), b.value.plainText(decimals: 3), a.unit, b.unit,
        a.direction.rawValue, b.direction.rawValue,
        pair.judgement.rawValue, pair.difference.map { $0.plainText(decimals: 3) } ?? "",
        pair.reason,
      ])
    }
    return out
  }
}

extension DocumentComparison.Judgement {
  static let allCasesInOrder: [DocumentComparison.Judgement] = [
    .stronger, .weaker, .same, .notComparable,
  ]
}
