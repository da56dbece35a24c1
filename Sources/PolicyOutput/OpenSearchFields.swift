import PolicyModel

/// The fields of a unit in the OpenSearch export, named once: the bulk lines
/// (`OpenSearchBulkLine`), the index template (`OpenSearchTemplate`) and the printed query
/// (`OpenSearchQuery`) all use these. Documented in docs/opensearch-bulk.schema.json.
package enum OpenSearchFields {
  /// The version of the layout of the bulk lines and the template (`_meta` of both).
  package static let schemaVersion = 1
  /// The index the template applies to, and `load.sh` loads into.
  package static let indexName = "policyq-units"

  /// The analyzer of `text`, `heading` and `document.title` at index time: folded as
  /// policyq folds, each Han character and each pair of adjacent ones a term.
  package static let indexAnalyzer = "policyq_unigrams_bigrams"
  /// The analyzer of queries on those fields: pairs only (a lone character stays one), so
  /// that a phrase of n characters is n − 1 consecutive pairs, as policyq matches it.
  package static let searchAnalyzer = "policyq_bigrams"

  /// `unit_id`: the id `policyq extract` gives the item (also the bulk `_id`).
  package static let unitID = "unit_id"
  /// `unit_kind`: measure, section, target or document.
  package static let unitKind = "unit_kind"
  /// `heading`: label and title, indicator, or document title (analysed).
  package static let heading = "heading"
  /// `text`: the text policyq searches, heading first (analysed).
  package static let text = "text"
  /// `path`: the enclosing headings, outermost first (stored, not searched).
  package static let path = "path"
  /// `heading_length`: scalars at the start of `text` that are the heading.
  package static let headingLength = "heading_length"
  /// `source_line`: the 1-based line of the source file the unit starts on.
  package static let sourceLine = "source_line"
  /// `page`: for a PDF or OFD, the 1-based page the unit starts on (null otherwise).
  package static let page = "page"
  /// `page_line`: for a PDF or OFD, the 1-based line on that page (null otherwise).
  package static let pageLine = "page_line"
  /// `target_year`: a target's year (null for other units).
  package static let targetYear = "target_year"
  /// `department_list`: the departments with all their fields (stored, not searched).
  package static let departmentList = "department_list"
  /// `departments`: keyword lists by role (`any` and each `ResponsibilityRole`).
  package static let departments = "departments"
  /// `document`: the unit's document (denormalised on every unit).
  package static let document = "document"

  /// The keyword lists kept per role of `departments`.
  package enum DepartmentKey: String, CaseIterable {
    /// The name as the clause writes it ("区经济信息委").
    case name
    /// The canonical name of the kind of body ("经济信息委").
    case canonical
    /// The level prefix and the canonical name, joined ("区" + "经济信息委").
    case prefixed
  }

  /// The group of `departments` for `role`; nil is `any`.
  package static func departmentGroup(_ role: ResponsibilityRole?) -> String {
    role?.rawValue ?? "any"
  }

  /// The full name of a department keyword field: `departments.lead.canonical`.
  package static func department(_ key: DepartmentKey, role: ResponsibilityRole?) -> String {
    "\(departments).\(departmentGroup(role)).\(key.rawValue)"
  }

  /// The fields of `document`, with whether each is a keyword (else integer or text).
  package enum DocumentField: String, CaseIterable {
    case id
    case path
    case title
    /// The title as policyq folds it, for `doc:` (a part of the title).
    case titleFolded = "title_folded"
    /// 发文字号 in normal form.
    case number
    /// 发文字号 as policyq folds it, for `doc:`.
    case numberFolded = "number_folded"
    case issuer
    /// `AdministrativeLevel.rawValue`.
    case level
    /// The places, widest first.
    case regionPath = "region_path"
    /// The places as policyq folds them, for `region:`.
    case regionFolded = "region_folded"
    /// 文种.
    case kind
    case planKind = "plan_kind"
    case year
    case periodStart = "period_start"
    /// The last year of the period; the first when the title gives one year.
    case periodEnd = "period_end"

    /// The full name: `document.level`.
    package var name: String { "\(OpenSearchFields.document).\(rawValue)" }
  }
}
