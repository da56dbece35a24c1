/// The limits of the index format: how many of a thing, and how long a thing, `units.bin`
/// and `postings.bin` can hold. They are defined here once and used on both sides. The
/// writer keeps within them: it clamps what can be clamped and warns with the file's name,
/// and it refuses a file whose units cannot be clamped. The reader treats anything beyond
/// them as damage. So the index never holds something that search then rejects.
package enum IndexLimits {
  /// Departments kept for one unit: the first ones its clauses name. A unit that names more
  /// (a task table of thousands of rows read as one measure) keeps these and is indexed
  /// with a warning.
  package static let departmentsPerUnit = 10_000
  /// Bytes of one record in `units.bin`, a unit's or a document's. The tables hold the
  /// length in 32 bits.
  package static let recordBytes = Int(UInt32.max)
  /// Scalars of one unit's folded text, and of its heading: 65,536 (the longest unit of
  /// the 3,738 documents of corpus-real has 25,182). A longer unit is indexed as pieces
  /// of at most this length, cut at sentence ends where it can be (`UnitPieces`); so a
  /// file that is one line of 200 MB is searched like any other, and a search reads,
  /// folds and scans at most this much text per hit. The reader treats a longer unit as
  /// damage.
  package static let unitScalars = 65_536
  /// Bytes of one unit's stored part (heading, path and text; `UnitsFile`): its text is
  /// at most `unitScalars` scalars, so only a path of thousands of long headings comes
  /// near. A stored chunk decompresses to at most `UnitsFile.chunkBytes` more than this.
  package static let storedPartBytes = 4 << 20
  /// Units in one index. Postings and the scorer number them in signed 32 bits.
  package static let units = Int(Int32.max)
  /// Documents in one index. The unit table names a unit's document in signed 32 bits.
  package static let documents = Int(Int32.max)
  /// Bytes of one posting list. The key table holds the length in 32 bits.
  package static let postingListBytes = Int(UInt32.max)
  /// Bytes of the file list (`files.json.zst`) decompressed, at most: a few hundred bytes
  /// a file.
  package static let fileListBytes = Int(UInt32.max)

  /// `departments` cut to `departmentsPerUnit`, with a warning naming `file` and `unit`
  /// when some were left out.
  package static func clamped(
    _ departments: [UnitDepartment], file: String, unit: String
  ) -> (kept: [UnitDepartment], warning: String?) {
    guard departments.count > departmentsPerUnit else { return (departments, nil) }
    return (
      Array(departments.prefix(departmentsPerUnit)),
      "\(file): warning: unit \(unit) names \(departments.count) departments; the index keeps "
        + "the first \(departmentsPerUnit)"
    )
  }
}
