import Foundation
import PolicyModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `policyq export --sqlite`: documents into one SQLite file (schema in
/// docs/sqlite-schema.md), written in one transaction into `OUT.partial-PID` beside it and
/// renamed over `OUT` at the end, so that `OUT` is never half a database.
public enum SQLiteExport {
  /// The rows written to each table.
  public struct RowCounts: Sendable, Equatable {
    /// Rows of `documents`.
    public var documents = 0
    /// Rows of `sections`.
    public var sections = 0
    /// Rows of `measures` (and of `measure_fts`).
    public var measures = 0
    /// Rows of `responsibilities`: one per department named in a clause.
    public var responsibilities = 0
    /// Rows of `target_sentences`.
    public var targetSentences = 0
    /// Rows of `targets`.
    public var targets = 0
    /// Rows of `references`.
    public var references = 0
    /// Rows of `diagnostics`.
    public var diagnostics = 0

    /// Adds another document's counts.
    static func += (lhs: inout RowCounts, rhs: RowCounts) {
      lhs.documents += rhs.documents
      lhs.sections += rhs.sections
      lhs.measures += rhs.measures
      lhs.responsibilities += rhs.responsibilities
      lhs.targetSentences += rhs.targetSentences
      lhs.targets += rhs.targets
      lhs.references += rhs.references
      lhs.diagnostics += rhs.diagnostics
    }
  }

  /// The temporary file a run writes beside `path`: `path.partial-PID`.
  package static func partialPath(for path: String, process: Int32 = getpid()) -> String {
    PartialOutput.path(for: path, process: process)
  }

  /// Writes `documents` to a new database at `path`, replacing what is there only once the
  /// whole database is written. A document whose id (the hash of its text) was already
  /// written is passed over and named in `skipped`, with the file it repeats.
  /// - Throws: `SQLiteError` naming the file; `path` is then left as it was.
  public static func write(_ documents: [PolicyDocument], to path: String) throws -> (
    counts: RowCounts, skipped: [(file: String, sameAs: String)]
  ) {
    PartialOutput.removeStale(of: path)
    let partial = partialPath(for: path)
    unlink(partial)
    do {
      let result = try fill(partial, with: documents)
      guard rename(partial, path) == 0 else {
        throw SQLiteError(
          file: path, operation: "rename \(partial)", code: errno,
          message: String(cString: strerror(errno)))
      }
      PartialOutput.syncParent(of: path)
      return result
    } catch {
      unlink(partial)
      throw error
    }
  }

  /// Creates the schema in a new file at `partial` and writes every row in one transaction.
  private static func fill(_ partial: String, with documents: [PolicyDocument]) throws -> (
    counts: RowCounts, skipped: [(file: String, sameAs: String)]
  ) {
    let database = try SQLiteDatabase(path: partial)
    // No rollback journal: a failed run removes the whole file. The commit is synced.
    try database.execute(
      "PRAGMA journal_mode = OFF; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
    try database.execute("BEGIN;")
    for table in SQLiteSchema.tables { try database.execute(table.createSQL) }
    try database.execute(SQLiteSchema.fullText)
    var counts = RowCounts()
    var skipped: [(file: String, sameAs: String)] = []
    do {
      let inserts = try Inserts(database)
      // Every document's row first: a reference may resolve to a later document, and a key
      // is checked as its row is written (deferred keys would make SQLite scan the tables
      // that cite a row each time one is added while a reference waits).
      var written: [String: String] = [:]
      var unique: [Int] = []
      for (index, document) in documents.enumerated() {
        if let first = written[document.id] {
          skipped.append((document.text.source.path, first))
          continue
        }
        written[document.id] = document.text.source.path
        unique.append(index)
        try insertRow(of: document, with: inserts)
        counts.documents += 1
      }
      for index in unique { counts += try insertItems(of: documents[index], with: inserts) }
    }
    for statement in SQLiteSchema.indexes + SQLiteSchema.views { try database.execute(statement) }
    try database.execute("PRAGMA user_version = \(SQLiteSchema.version);")
    try database.execute("COMMIT;")
    try database.close()
    return (counts, skipped)
  }
}
