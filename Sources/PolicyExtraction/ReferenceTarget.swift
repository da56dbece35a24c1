import PolicyModel

/// What a reference can resolve to: one document's id, its document number and the keys
/// of its titles. The keys of a batch are all `ReferenceTable` holds, so references among
/// many documents are resolved without keeping the documents.
public struct ReferenceTarget: Sendable, Hashable {
  /// The id of the document (`PolicyDocument.id`).
  public var documentID: String
  /// The document number, normalised (`DocumentNumber.normalized`).
  public var documentNumber: String?
  /// The match keys (`ReferenceResolver.titleKey(_:)`) of the plan title, then of the
  /// title, leaving out those that come out empty.
  public var titleKeys: [String]

  /// The keys of `document`.
  public init(_ document: PolicyDocument) {
    self.init(id: document.id, metadata: document.metadata)
  }

  /// The keys of the document with `id` and `metadata`.
  public init(id: String, metadata: DocumentMetadata) {
    documentID = id
    documentNumber = metadata.documentNumber?.normalized
    titleKeys = [metadata.planTitle, metadata.title].compactMap { $0 }.map(
      ReferenceResolver.titleKey
    ).filter { !$0.isEmpty }
  }
}
