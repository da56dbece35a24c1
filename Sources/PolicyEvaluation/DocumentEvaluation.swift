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
    public enum Verdict: String, Sendable {
      case missed, extra, differs
    }
    public var kind: String
    public var verdict: Verdict
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
  public var counts: [Kind: MatchCount] = [:]
  /// How often a matched measure's heading or lead sentence starts as the gold's `lead`.
  public var measureLeads = FieldAgreement()
  public var targetFields: [TargetField: FieldAgreement] = [:]
  public var metadata: [MetadataField: FieldAgreement] = [:]
  public var findings: [Finding] = []

  public func count(_ kind: Kind) -> MatchCount { counts[kind] ?? MatchCount() }
}
