import PolicyText

/// A policy document as data: metadata, outline, measures, targets, responsibility
/// clauses and references, each with its span in the cleaned text (and through `text`,
/// in the source file).
public struct PolicyDocument: Sendable {
  /// Stable id from the content: 16 hex digits of a 64-bit FNV-1a hash of the cleaned text.
  public var id: String
  /// The text the spans point into.
  public var text: PolicyText
  /// What the document says about itself: number, issuer, titles, dates, period.
  public var metadata: DocumentMetadata
  /// The outline in reading order; parents come before their children.
  public var sections: [Section]
  /// The numbered measures, in reading order.
  public var measures: [Measure]
  /// The quantitative targets, in reading order.
  public var targets: [Target]
  /// The responsibility clauses, in reading order.
  public var responsibilities: [ResponsibilityClause]
  /// References to other documents, in reading order; empty when the parser reads none
  /// (`PolicyParser.readsReferences`).
  public var references: [DocumentReference]
  /// Problems found while parsing (gaps in numbering, nothing recognised, …).
  public var diagnostics: [Diagnostic]

  /// The cleaned text of a span.
  public func string(_ span: TextSpan) -> String {
    let bytes = text.utf8
    let lower = max(0, min(span.start, bytes.count))
    let upper = max(lower, min(span.end, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// Where a span came from in the source file.
  public func sourceSpan(of span: TextSpan) -> SourceSpan {
    text.sourceSpan(ofTextRange: span.range)
  }

  /// The departments named with `role` in the clauses of `measure`, each once, in the
  /// order the clauses name them.
  public func departments(of measure: Measure, role: ResponsibilityRole) -> [String] {
    var names: [String] = []
    for clause in measure.responsibilities {
      for department in responsibilities[clause].departments(role)
      where !names.contains(department.name) {
        names.append(department.name)
      }
    }
    return names
  }

  /// The innermost section whose extent holds `span`, as an index into `sections`.
  /// Reads only the extent and depth of each section: copying whole sections (titles,
  /// ids, labels) cost more than the search when asked for every clause and target.
  public func innermostSection(containing span: TextSpan) -> Int? {
    var best: (index: Int, depth: Int)? = nil
    for index in sections.indices where sections[index].extent.contains(span) {
      let depth = sections[index].depth
      if let current = best, current.depth >= depth { continue }
      best = (index, depth)
    }
    return best?.index
  }
  package init(
    id: String, text: PolicyText, metadata: DocumentMetadata, sections: [Section],
    measures: [Measure], targets: [Target], responsibilities: [ResponsibilityClause],
    references: [DocumentReference], diagnostics: [Diagnostic]
  ) {
    self.id = id
    self.text = text
    self.metadata = metadata
    self.sections = sections
    self.measures = measures
    self.targets = targets
    self.responsibilities = responsibilities
    self.references = references
    self.diagnostics = diagnostics
  }
}
