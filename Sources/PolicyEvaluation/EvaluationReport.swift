/// The scores of a gold set: per document and over all documents (items pooled, so a
/// document with many measures weighs more than one with few).
public struct EvaluationReport: Sendable {
  /// A document that was not scored, and why.
  public struct Skipped: Sendable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
      self.name = name
      self.reason = reason
    }
  }

  public var documents: [DocumentEvaluation] = []
  public var skipped: [Skipped] = []

  public init() {}

  public func total(_ kind: DocumentEvaluation.Kind) -> MatchCount {
    documents.reduce(MatchCount()) { $0 + $1.count(kind) }
  }

  public var measureLeads: FieldAgreement {
    documents.reduce(FieldAgreement()) { $0 + $1.measureLeads }
  }

  public func targetField(_ field: DocumentEvaluation.TargetField) -> FieldAgreement {
    documents.reduce(FieldAgreement()) { $0 + ($1.targetFields[field] ?? FieldAgreement()) }
  }

  public func metadata(_ field: DocumentEvaluation.MetadataField) -> FieldAgreement {
    documents.reduce(FieldAgreement()) { $0 + ($1.metadata[field] ?? FieldAgreement()) }
  }

  /// The overall figure a `--min-f1` threshold is checked against: the F1 of a kind of
  /// item, or the accuracy of a metadata field (`document_number`, `level` …).
  public func figure(named name: String) -> Double? {
    if let kind = DocumentEvaluation.Kind(rawValue: name) { return total(kind).f1 }
    if let field = DocumentEvaluation.MetadataField(rawValue: name) {
      return metadata(field).accuracy
    }
    return nil
  }

  /// The names `figure(named:)` knows.
  public static var figureNames: [String] {
    DocumentEvaluation.Kind.allCases.map(\.rawValue)
      + DocumentEvaluation.MetadataField.allCases.map(\.rawValue)
  }
}
