import PolicyCompare

extension ComparisonOutput {
  /// Why a pair was aligned, in one line for people: the kinds of evidence that passed,
  /// the similarities, the heaviest shared words with their weights, and the shared
  /// departments and indicators.
  package static func why(_ evidence: PairEvidence) -> String {
    var parts: [String] = []
    let reasons = evidence.reasons.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
    parts.append("by \(reasons.isEmpty ? "—" : reasons.joined(separator: ", "))")
    parts.append(
      "score \(fixed(evidence.score)), heading \(fixed(evidence.heading)), body \(fixed(evidence.body)), "
        + "contained \(fixed(evidence.bodyContainment)), heading in body \(fixed(evidence.headingInBody))"
    )
    if !evidence.sharedTerms.isEmpty {
      parts.append(
        "terms "
          + evidence.sharedTerms.map { "\($0.text) \(fixed($0.weight, 1))" }.joined(separator: "、"))
    }
    if !evidence.sharedDepartments.isEmpty {
      parts.append("departments " + evidence.sharedDepartments.joined(separator: "、"))
    }
    if !evidence.sharedIndicators.isEmpty {
      parts.append("indicators " + evidence.sharedIndicators.joined(separator: "、"))
    }
    return parts.joined(separator: "; ")
  }

  /// The evidence as the JSON object `evidence` of a measure pair.
  static func writeEvidence(_ evidence: PairEvidence, to writer: inout JSONWriter) {
    writer.beginObject("evidence")
    DocumentJSON.writeIDs("reasons", evidence.reasons.map(\.rawValue), to: &writer)
    writer.double("score", evidence.score)
    writer.double("heading", evidence.heading)
    writer.double("body", evidence.body)
    writer.double("body_containment", evidence.bodyContainment)
    writer.double("heading_in_body", evidence.headingInBody)
    writer.double("heading_in_context", evidence.headingInContext)
    writer.double("terms", evidence.terms)
    writer.double("context", evidence.context)
    writer.beginArray("shared_terms")
    for term in evidence.sharedTerms {
      writer.beginObject()
      writer.string("term", term.text)
      writer.double("weight", term.weight)
      writer.endObject()
    }
    writer.endArray()
    DocumentJSON.writeIDs("shared_departments", evidence.sharedDepartments, to: &writer)
    DocumentJSON.writeIDs("shared_indicators", evidence.sharedIndicators, to: &writer)
    writer.endObject()
  }

  /// `value` with `digits` decimals.
  static func fixed(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
  }
}
