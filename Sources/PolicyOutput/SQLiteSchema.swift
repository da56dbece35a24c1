/// The tables, indexes, views and full-text table of `policyq export --sqlite`
/// (documented field by field in docs/sqlite-schema.md). Ids are the ids of
/// `policyq extract`, so the database, the JSON and the CSV tables join.
package enum SQLiteSchema {
  /// The schema version, stored in `PRAGMA user_version`.
  package static let version = 1

  /// A table: its name and its columns with their declarations, then table constraints.
  package struct Table: Sendable {
    /// The table's name (quoted in SQL: `references` is a keyword).
    package var name: String
    /// Each column's name and declaration.
    package var columns: [(name: String, declaration: String)]
    /// Primary and foreign keys over several columns.
    package var constraints: [String] = []

    /// `CREATE TABLE`.
    package var createSQL: String {
      let parts = columns.map { "\($0.name) \($0.declaration)" } + constraints
      return "CREATE TABLE \"\(name)\" (\n  " + parts.joined(separator: ",\n  ") + "\n);"
    }

    /// `INSERT` of every column, in order, as parameters.
    package var insertSQL: String {
      let names = columns.map(\.name).joined(separator: ", ")
      let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
      return "INSERT INTO \"\(name)\" (\(names)) VALUES (\(marks))"
    }
  }

  /// Where an item stands: its source line and its source bytes.
  private static let location: [(name: String, declaration: String)] = [
    ("line", "INTEGER"), ("source_start", "INTEGER"), ("source_end", "INTEGER"),
  ]

  /// 文件 — one row per document.
  package static let documents = Table(
    name: "documents",
    columns: [
      ("id", "TEXT PRIMARY KEY"), ("file", "TEXT NOT NULL"), ("format", "TEXT NOT NULL"),
      ("part", "TEXT"), ("encoding", "TEXT"), ("byte_count", "INTEGER"), ("title", "TEXT"),
      ("plan_title", "TEXT"), ("document_number", "TEXT"), ("number_text", "TEXT"),
      ("number_issuer_code", "TEXT"), ("number_year", "INTEGER"), ("number_serial", "INTEGER"),
      ("issuer", "TEXT"), ("co_issuers", "TEXT"), ("level", "TEXT"), ("region", "TEXT"),
      ("region_path", "TEXT"), ("kind", "TEXT"), ("plan_kind", "TEXT"),
      ("written_date", "TEXT"), ("printed_date", "TEXT"), ("period_start", "INTEGER"),
      ("period_end", "INTEGER"), ("year", "INTEGER"), ("recipients", "TEXT"),
      ("copied_to", "TEXT"), ("publicity", "TEXT"), ("section_count", "INTEGER NOT NULL"),
      ("measure_count", "INTEGER NOT NULL"), ("clause_count", "INTEGER NOT NULL"),
      ("target_count", "INTEGER NOT NULL"), ("reference_count", "INTEGER NOT NULL"),
      ("diagnostic_count", "INTEGER NOT NULL"),
    ])

  /// 章节 — one row per section of the outline.
  package static let sections = Table(
    name: "sections",
    columns: [
      ("id", "TEXT PRIMARY KEY"),
      ("document_id", "TEXT NOT NULL REFERENCES documents(id)"),
      ("parent_id", "TEXT REFERENCES sections(id)"), ("depth", "INTEGER NOT NULL"),
      ("kind", "TEXT NOT NULL"), ("label", "TEXT NOT NULL"), ("number", "INTEGER"),
      ("title", "TEXT NOT NULL"), ("run_in", "INTEGER NOT NULL"),
      ("is_measure", "INTEGER NOT NULL"),
    ] + location)

  /// 措施 — one row per measure.
  package static let measures = Table(
    name: "measures",
    columns: [
      ("id", "TEXT PRIMARY KEY"),
      ("document_id", "TEXT NOT NULL REFERENCES documents(id)"),
      ("section_id", "TEXT NOT NULL REFERENCES sections(id)"), ("number", "INTEGER"),
      ("label", "TEXT NOT NULL"), ("title", "TEXT NOT NULL"),
      ("lead_sentence", "TEXT NOT NULL"), ("path", "TEXT NOT NULL"),
      ("lead_departments", "TEXT NOT NULL"), ("responsible_departments", "TEXT NOT NULL"),
      ("cooperating_departments", "TEXT NOT NULL"), ("target_count", "INTEGER NOT NULL"),
      ("text", "TEXT NOT NULL"),
    ] + location)

  /// 责任分工 — one row per department named in a clause, with its role.
  package static let responsibilities = Table(
    name: "responsibilities",
    columns: [
      ("clause_id", "TEXT NOT NULL"), ("ordinal", "INTEGER NOT NULL"),
      ("document_id", "TEXT NOT NULL REFERENCES documents(id)"),
      ("measure_id", "TEXT REFERENCES measures(id)"),
      ("section_id", "TEXT REFERENCES sections(id)"), ("role", "TEXT NOT NULL"),
      ("department", "TEXT NOT NULL"), ("canonical", "TEXT NOT NULL"),
      ("level_prefix", "TEXT"), ("category", "TEXT NOT NULL"),
      ("collective", "INTEGER NOT NULL"), ("deadline", "TEXT"), ("clause", "TEXT NOT NULL"),
    ] + location,
    constraints: ["PRIMARY KEY (clause_id, ordinal)"])

  /// 目标句 — each sentence that states targets, once.
  package static let targetSentences = Table(
    name: "target_sentences",
    columns: [
      ("id", "TEXT PRIMARY KEY"),
      ("document_id", "TEXT NOT NULL REFERENCES documents(id)"), ("text", "TEXT NOT NULL"),
    ] + location)

  /// 目标 — one row per quantified target.
  package static let targets = Table(
    name: "targets",
    columns: [
      ("id", "TEXT PRIMARY KEY"),
      ("document_id", "TEXT NOT NULL REFERENCES documents(id)"),
      ("measure_id", "TEXT REFERENCES measures(id)"),
      ("section_id", "TEXT REFERENCES sections(id)"),
      ("sentence_id", "TEXT REFERENCES target_sentences(id)"), ("year", "INTEGER"),
      ("indicator", "TEXT NOT NULL"), ("indicator_key", "TEXT"), ("value", "REAL NOT NULL"),
      ("unit", "TEXT NOT NULL"), ("direction", "TEXT NOT NULL"), ("verb", "TEXT"),
      ("baseline", "TEXT"), ("baseline_year", "INTEGER"), ("cumulative", "INTEGER NOT NULL"),
      ("hedges", "TEXT NOT NULL"), ("scope", "TEXT"), ("clause", "TEXT NOT NULL"),
    ] + location)

  /// 引用文件 — one row per document cited, resolved to a document of the batch when it can be.
  package static let references = Table(
    name: "references",
    columns: [
      ("id", "TEXT PRIMARY KEY"),
      ("document_id", "TEXT NOT NULL REFERENCES documents(id)"),
      ("section_id", "TEXT REFERENCES sections(id)"), ("title", "TEXT"),
      ("document_number", "TEXT"), ("number_text", "TEXT"),
      ("resolved_document", "TEXT REFERENCES documents(id)"), ("resolved_by", "TEXT"),
    ] + location)

  /// 诊断 — what the reader and the parser noted about each document.
  package static let diagnostics = Table(
    name: "diagnostics",
    columns: [
      ("document_id", "TEXT NOT NULL REFERENCES documents(id)"), ("ordinal", "INTEGER NOT NULL"),
      ("severity", "TEXT NOT NULL"), ("file", "TEXT"), ("line", "INTEGER"),
      ("message", "TEXT NOT NULL"),
    ],
    constraints: ["PRIMARY KEY (document_id, ordinal)"])

  /// The tables, in the order they are written (a row's keys before the rows that cite it).
  package static let tables = [
    documents, sections, measures, responsibilities, targetSentences, targets, references,
    diagnostics,
  ]

  /// The full-text table over measures: `body` is the measure's folded text with its
  /// characters separated by spaces, so that unicode61 makes each character a token and a
  /// phrase query (`"固 废"`) finds a word of any length.
  package static let fullText = """
    CREATE VIRTUAL TABLE measure_fts USING fts5(
      measure_id UNINDEXED, body, tokenize = 'unicode61'
    );
    """

  /// Indexes on the columns people filter and join by.
  package static let indexes = [
    "CREATE INDEX documents_level ON documents(level);",
    "CREATE INDEX documents_region ON documents(region);",
    "CREATE INDEX documents_year ON documents(year);",
    "CREATE INDEX sections_document ON sections(document_id);",
    "CREATE INDEX measures_document ON measures(document_id);",
    "CREATE INDEX responsibilities_canonical ON responsibilities(canonical);",
    "CREATE INDEX responsibilities_role ON responsibilities(role);",
    "CREATE INDEX responsibilities_measure ON responsibilities(measure_id);",
    "CREATE INDEX targets_indicator_key ON targets(indicator_key);",
    "CREATE INDEX targets_measure ON targets(measure_id);",
    "CREATE INDEX targets_document ON targets(document_id);",
    "CREATE INDEX references_document ON \"references\"(document_id);",
    "CREATE INDEX references_resolved ON \"references\"(resolved_document);",
  ]

  /// The views for the usual joins.
  package static let views = [
    """
    CREATE VIEW measures_with_document AS
    SELECT m.*, d.file, d.title AS document_title, d.document_number, d.issuer, d.level,
      d.region, d.year
    FROM measures m JOIN documents d ON d.id = m.document_id;
    """,
    """
    CREATE VIEW targets_with_measure_and_document AS
    SELECT t.*, m.label AS measure_label, m.title AS measure_title, d.file,
      d.title AS document_title, d.document_number, d.issuer, d.level, d.region,
      d.year AS document_year
    FROM targets t JOIN documents d ON d.id = t.document_id
      LEFT JOIN measures m ON m.id = t.measure_id;
    """,
  ]
}
