import PolicyModel

/// An indented outline of a parsed document, for people: metadata, then the sections
/// with their measures, responsibility clauses and targets.
public enum TreeDump {
  /// The outline of `document`, one item per line.
  public static func render(_ document: PolicyDocument) -> String {
    var out = ""
    let metadata = document.metadata
    out += "\(metadata.title ?? document.text.source.path)  [\(document.id)]\n"
    func field(_ name: String, _ value: String?) {
      if let value, !value.isEmpty { out += "  \(name): \(value)\n" }
    }
    field(
      "number",
      metadata.documentNumber.map {
        "\($0.normalized) (\($0.issuerCode) / \($0.year.map(String.init) ?? "-") / \($0.serial))"
      })
    field("issuer", metadata.issuer)
    field(
      "level",
      metadata.level.map { "\($0.rawValue) \(metadata.regionPath.joined(separator: " › "))" })
    field(
      "kind", [metadata.kind, metadata.planKind].compactMap { $0 }.joined(separator: " carrying "))
    field("plan", metadata.planTitle)
    field("period", metadata.periodStart.map { "\($0)–\(metadata.periodEnd ?? $0)" })
    field("written", metadata.writtenDate)
    field("printed", metadata.printedDate)
    field("to", metadata.recipients.joined(separator: "、"))
    field("cc", metadata.copiedTo.joined(separator: "、"))
    field("publicity", metadata.publicity)
    let measureOfSection = Dictionary(
      uniqueKeysWithValues: document.measures.enumerated().map { ($1.section, $0) })
    for (index, section) in document.sections.enumerated() {
      let indent = String(repeating: "  ", count: section.depth)
      var line = "\(indent)\(section.label)\(section.title.isEmpty ? "" : " " + section.title)"
      if let measure = measureOfSection[index] { line += "  [m\(measure + 1)]" }
      out += line + "\n"
      guard let measure = measureOfSection[index] else { continue }
      for clause in document.measures[measure].responsibilities.map({
        document.responsibilities[$0]
      }) {
        let roles = ResponsibilityRole.allCases.compactMap { role -> String? in
          let names = clause.departments(role).map(\.name)
          return names.isEmpty ? nil : "\(role.rawValue): \(names.joined(separator: "、"))"
        }
        out += "\(indent)    ⟨\(roles.joined(separator: "; "))⟩\n"
      }
      for target in document.measures[measure].targets.map({ document.targets[$0] }) {
        out += "\(indent)    ◎ \(describe(target))\n"
      }
    }
    let loose = document.targets.filter { $0.measure == nil }
    if !loose.isEmpty {
      out += "targets outside measures:\n"
      for target in loose { out += "  ◎ \(describe(target))\n" }
    }
    if !document.references.isEmpty {
      out += "references:\n"
      for reference in document.references {
        out +=
          "  《\(reference.title)》\(reference.documentNumber.map { " \($0.normalized)" } ?? "")\(reference.resolvedDocument.map { " → \($0)" } ?? "")\n"
      }
    }
    for diagnostic in document.diagnostics {
      out += "! \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
    }
    return out
  }

  package static func describe(_ target: Target) -> String {
    var parts: [String] = []
    if let year = target.year { parts.append("\(year)") }
    if let scope = target.scope { parts.append("[\(scope)]") }
    parts.append(target.indicator + (target.indicatorKey.map { " {\($0)}" } ?? ""))
    parts.append(target.direction.rawValue)
    parts.append(target.value.plainText() + target.unit)
    if let baseline = target.baselineYear { parts.append("vs \(baseline)") }
    if target.isCumulative { parts.append("cumulative") }
    if !target.hedges.isEmpty { parts.append("(\(target.hedges.joined(separator: ",")))") }
    return parts.joined(separator: " ")
  }
}
