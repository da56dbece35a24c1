/// How the extraction of one document compares with its gold annotation.
public struct DocumentEvaluation: Sendable {
  /// The kinds of items scored with precision, recall and F1.
  public enum Kind: String, Sendable, CaseIterable {
    case measures, roles, targets, references
  }

  /// The target fields scored on the pairs of gold and extracted targets that share value
  /// and unit.
  public enum TargetField: String, Sendable, CaseIterable {
    case year, indicator, direction
    case baselineYear = "baseline_year"
    case cumulative, hedges
  }

  /// The metadata fields scored per document.
  public enum MetadataField: String, Sendable, CaseIterable {
    case documentNumber = "document_number"
    case issuer, level
    case writtenDate = "written_date"
  }

  /// A gold item that was not extracted, an extracted item the gold does not have, or a
  /// field that differs: what `policyq eval -v` lists.
  public struct Finding: Sendable {
    /// What went wrong with the item: missed, extra, or matched with a field that differs.
    public enum Verdict: String, Sendable {
      case missed, extra, differs
    }
    /// The kind of item: `measures`, `roles`, `targets`, `references` or `metadata`.
    public var kind: String
    /// Whether the item was missed, extra, or differs.
    public var verdict: Verdict
    /// The item as shown to people: a measure's path and lead, a role triple, a target, a
    /// reference, or a metadata field with both values.
    public var item: String
    /// The source line (the gold's for a missed item, the extraction's otherwise).
    public var line: Int?
  }

  /// The gold file.
  public var gold: String
  /// A short name: the gold file's name without `.gold.json`, and the form when it is not
  /// the source's own (`state-council-innovation-reforms.docx`).
  public var name: String
  /// The document file that was read.
  public var document: String
  /// Matched, extra and missed items per kind scored.
  public var counts: [Kind: MatchCount] = [:]
  /// How often a matched measure's heading or lead sentence starts as the gold's `lead`.
  public var measureLeads = FieldAgreement()
  /// How often each target field agrees, over the pairs of gold and extracted targets.
  public var targetFields: [TargetField: FieldAgreement] = [:]
  /// Whether each metadata field agrees with the gold (one comparison per field).
  public var metadata: [MetadataField: FieldAgreement] = [:]
  /// The missed, extra and differing items, in the order they were scored.
  public var findings: [Finding] = []

  /// The counts of `kind`, all zero when it was not scored.
  public func count(_ kind: Kind) -> MatchCount { counts[kind] ?? MatchCount() }
}
