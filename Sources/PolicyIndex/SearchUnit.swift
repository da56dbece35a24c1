import PolicyBytes
import PolicyModel
import PolicyText

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
  /// The name as the clause writes it ("区经济信息委").
  public var name: String
  /// The canonical name of the kind of body, without the level prefix ("经济信息委").
  public var canonical: String
  /// The administrative-level prefix ("区", "市", …), if any.
  public var levelPrefix: String?
  /// What the clause asks the department to do.
  public var role: ResponsibilityRole
}

/// What the index keeps of a unit besides its text and document: the fields of its
/// record in `units.bin`. A unit cut from a parsed document (`UnitDraft`) and a unit read
/// back from the index (`SearchUnit`) share them.
package struct UnitFields: Sendable, Equatable {
  /// The id `policyq extract` gives the item ("<doc>#m5"; the document id for documents).
  package var id: String
  /// What the unit is.
  package var kind: SearchUnitKind
  /// The heading: label and title of a measure or section, the indicator of a target, the
  /// title of a document.
  package var heading: String
  /// How many scalars at the start of the unit's text are the heading (weighted higher).
  package var headingLength: Int
  /// Enclosing headings, outermost first.
  package var path: [String]
  /// The departments its responsibility clauses name, with their roles.
  package var departments: [UnitDepartment]
  /// For targets, the target year.
  package var year: Int?
  /// Where the unit starts in the document's cleaned text.
  package var textStart: Int
  /// The 1-based line of the source file the unit starts on.
  package var sourceLine: Int
  /// For a paged file (PDF, OFD): the page the unit starts on and the line on that page.
  package var page: SourcePage?

  package init(
    id: String, kind: SearchUnitKind, heading: String, headingLength: Int, path: [String],
    departments: [UnitDepartment], year: Int?, textStart: Int, sourceLine: Int,
    page: SourcePage? = nil
  ) {
    self.id = id
    self.kind = kind
    self.heading = heading
    self.headingLength = headingLength
    self.path = path
    self.departments = departments
    self.year = year
    self.textStart = textStart
    self.sourceLine = sourceLine
    self.page = page
  }

  /// Sets `sourceLine` and `page` from where the unit starts in the source.
  package mutating func place(at source: SourceSpan) {
    sourceLine = source.line
    page = source.page.map { SourcePage(page: $0, line: source.pageLine ?? 0) }
  }
}

/// A page of a paged file (PDF, OFD) and a line on it, 1-based: what a researcher cites.
public struct SourcePage: Sendable, Equatable {
  /// The page.
  public var page: Int
  /// The line on the page.
  public var line: Int

  public init(page: Int, line: Int) {
    self.page = page
    self.line = line
  }
}

/// A retrievable unit: a measure, a section's own text, a target, or a document's front
/// and back matter, with the fields search filters and ranks on.
public struct SearchUnit: Sendable, Equatable {
  /// The id `policyq extract` gives the item ("<doc>#m5"; the document id for documents).
  public var id: String
  /// What the unit is: a measure, a section's own text, a target, or a document's front and
  /// back matter.
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
  /// The departments its responsibility clauses name, with their roles; a target has those
  /// of its measure.
  public var departments: [UnitDepartment]
  /// For targets, the target year.
  public var year: Int?
  /// Where the unit starts in the document's cleaned text.
  public var textStart: Int
  /// The 1-based line of the source file the unit starts on.
  public var sourceLine: Int
  /// For a PDF or OFD: the page the unit starts on and the line on that page.
  public var page: SourcePage?

  /// A unit of document `document` with `text`, read back from its record's `fields`.
  package init(fields: UnitFields, document: Int, text: String) {
    id = fields.id
    kind = fields.kind
    self.document = document
    heading = fields.heading
    self.text = text
    headingLength = fields.headingLength
    path = fields.path
    departments = fields.departments
    year = fields.year
    textStart = fields.textStart
    sourceLine = fields.sourceLine
    page = fields.page
  }

  /// The fields of its record in `units.bin`.
  package var fields: UnitFields {
    UnitFields(
      id: id, kind: kind, heading: heading, headingLength: headingLength, path: path,
      departments: departments, year: year, textStart: textStart, sourceLine: sourceLine,
      page: page)
  }
}

/// A document as the index keeps it: what filters and result lists need.
public struct IndexedDocument: Sendable, Equatable {
  /// The document's id: 16 hex digits of a hash of its cleaned text (`PolicyDocument.id`).
  public var id: String
  /// The path of the file, as given to `IndexBuilder.build`.
  public var path: String
  /// The title of the plan it carries, else its own title, else the file's name.
  public var title: String
  /// Its 发文字号 in normal form ("永川府发〔2022〕11号"), if it has one.
  public var documentNumber: String?
  /// The body that issued it (the first of several), if known.
  public var issuer: String?
  /// The issuer's administrative level (else that of the place the title opens with), as
  /// `AdministrativeLevel.rawValue` ("district"); nil when neither tells.
  public var level: String?
  /// The places of the issuer (else of the title), from the widest, ["重庆市", "永川区"].
  public var regionPath: [String]
  /// 文种 of the document itself (通知, 意见, …), if known.
  public var kind: String?
  /// The kind of plan it carries (行动计划, 实施方案, …), if any.
  public var planKind: String?
  /// The year the document was written (成文日期), else the start of its period.
  public var year: Int?
  /// The first year of the plan period, when its title gives one.
  public var periodStart: Int?
  /// The last year of the plan period, when its title gives one.
  public var periodEnd: Int?
  /// The file's size, modification time and content hash, for incremental indexing.
  public var fileSize: Int
  /// The file's modification time when it was indexed, in seconds since 1970.
  public var modified: Double
  /// `Checksum.words` of the file's bytes, in hex: a file touched but unchanged is not parsed again.
  public var contentHash: String
}
