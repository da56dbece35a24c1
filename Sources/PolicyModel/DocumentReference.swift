import PolicyText

/// A reference to another document: 《title》, optionally followed by its number,
/// "《…行动计划（2022—2025年）》（永川府发〔2022〕11号）".
public struct DocumentReference: Sendable, Equatable {
  /// Stable id: "<document id>#x<n>".
  public var id: String
  /// The title inside 《》.
  public var title: String
  /// The document number given with it, if any.
  public var documentNumber: DocumentNumber?
  /// Where it stands in the cleaned text: 《title》, and the number in brackets right after
  /// it when there is one.
  public var span: TextSpan
  /// The id of the document of the same corpus it refers to, once resolved.
  public var resolvedDocument: String?
  /// How it was resolved: "document_number" or "title".
  public var resolvedBy: String?
  /// The innermost section it stands in, as an index into `PolicyDocument.sections`.
  public var section: Int?
  package init(
    id: String, title: String, documentNumber: DocumentNumber? = nil, span: TextSpan,
    resolvedDocument: String? = nil, resolvedBy: String? = nil, section: Int? = nil
  ) {
    self.id = id
    self.title = title
    self.documentNumber = documentNumber
    self.span = span
    self.resolvedDocument = resolvedDocument
    self.resolvedBy = resolvedBy
    self.section = section
  }
}
