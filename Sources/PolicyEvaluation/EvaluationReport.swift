/// The scores of a gold set: per document and over all documents (items pooled, so a
/// document with many measures weighs more than one with few).
public struct EvaluationReport: Sendable {
  /// A document that was not scored, and why.
  public struct Skipped: Sendable {
    /// The report's name for the document (the gold file's name, with `.docx` for a made form).
    public var name: String
    /// Why it was not scored (its file is not found, or a made form has no `--made` folder).
    public var reason: String

    /// Records `name` as not scored, for `reason`.
    public init(name: String, reason: String) {
      self.name = name
      self.reason = reason
    }
  }

  /// The scores of each document that was scored, in the order of the gold set.
  public var documents: [DocumentEvaluation] = []
  /// The documents that could not be scored.
  public var skipped: [Skipped] = []
  /// The scores of each pair of documents aligned against a gold alignment.
  public var alignments: [AlignmentEvaluation] = []

  /// The measure pairs of every alignment, pooled.
  public var alignmentTotal: MatchCount {
    alignments.reduce(MatchCount()) { $0 + $1.count }
  }

  /// An empty report, to which documents are added as they are scored.
  public init() {}

  /// The counts of `kind` pooled over all documents.
  public func total(_ kind: DocumentEvaluation.Kind) -> MatchCount {
    documents.reduce(MatchCount()) { $0 + $1.count(kind) }
  }

  /// How often matched measures' leads agree, pooled over all documents.
  public var measureLeads: FieldAgreement {
    documents.reduce(FieldAgreement()) { $0 + $1.measureLeads }
  }

  /// How often a target field agrees, pooled over all documents.
  public func targetField(_ field: DocumentEvaluation.TargetField) -> FieldAgreement {
    documents.reduce(FieldAgreement()) { $0 + ($1.targetFields[field] ?? FieldAgreement()) }
  }

  /// How often a metadata field agrees, over all documents (one comparison each).
  public func metadata(_ field: DocumentEvaluation.MetadataField) -> FieldAgreement {
    documents.reduce(FieldAgreement()) { $0 + ($1.metadata[field] ?? FieldAgreement()) }
  }

  /// The overall figure a `--min-f1` threshold is checked against: the F1 of a kind of
  /// item, or the accuracy of a metadata field (`document_number`, `level` …).
  public func figure(named name: String) -> Double? {
    if let kind = DocumentEvaluation.Kind(rawValue: name) { return total(kind).f1 }
    if name == "alignment" { return alignmentTotal.f1 }
    if let field = DocumentEvaluation.MetadataField(rawValue: name) {
      return metadata(field).accuracy
    }
    return nil
  }

  /// The names `figure(named:)` knows.
  public static var figureNames: [String] {
    DocumentEvaluation.Kind.allCases.map(\.rawValue)
      + DocumentEvaluation.MetadataField.allCases.map(\.rawValue) + ["alignment"]
  }
}
