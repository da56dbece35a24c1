import PolicyBytes
import PolicyModel

/// What kind of thing a search result is.
public enum SearchUnitKind: String, Sendable, CaseIterable, Codable {
  case measure
  case section
  case target
  /// A document as a whole: its title and front and back matter as a unit of their own,
  /// and the target of `--unit document` searches over all of its text.
  case document

  package var code: UInt8 {
    switch self {
    case .measure: return 0
    case .section: return 1
    case .target: return 2
    case .document: return 3
    }
  }

  package init?(code: UInt8) {
    switch code {
    case 0: self = .measure
    case 1: self = .section
    case 2: self = .target
    case 3: self = .document
    default: return nil
    }
  }
}

/// A department of a unit's responsibility clauses, as the index keeps it.
public struct UnitDepartment: Sendable, Equatable {
  public var name: String
  public var canonical: String
  public var levelPrefix: String?
  public var role: ResponsibilityRole
}

/// A retrievable unit: a measure, a section's own text, a target, or a document's front
/// and back matter, with the fields search filters and ranks on.
public struct SearchUnit: Sendable, Equatable {
  /// The id `policyq extract` gives the item ("<doc>#m5"; the document id for documents).
  public var id: String
  public var kind: SearchUnitKind
  /// The index of the document in the index's document table.
  public var document: Int
  /// The heading: label and title of a measure or section, the indicator of a target, the
  /// title of a document.
  public var heading: String
  /// The text searched: for measures and sections the heading paragraph first.
  public var text: String
  /// How many scalars at the start of `text` are the heading (weighted higher).
  public var headingLength: Int
  /// Enclosing headings, outermost first.
  public var path: [String]
  public var departments: [UnitDepartment]
  /// For targets, the target year.
  public var year: Int?
  /// Where the unit starts in the document's cleaned text, and its first source line.
  public var textStart: Int
  public var sourceLine: Int
}

/// A document as the index keeps it: what filters and result lists need.
public struct IndexedDocument: Sendable, Equatable {
  public var id: String
  public var path: String
  public var title: String
  public var documentNumber: String?
  public var issuer: String?
  public var level: String?
  public var regionPath: [String]
  public var kind: String?
  public var planKind: String?
  /// The year the document was written (成文日期), else the start of its period.
  public var year: Int?
  public var periodStart: Int?
  public var periodEnd: Int?
  /// The file's size, modification time and content hash, for incremental indexing.
  public var fileSize: Int
  public var modified: Double
  /// `Checksum.words` of the file's bytes, in hex: a file touched but unchanged is not parsed again.
  public var contentHash: String
}
