import PolicyText

/// A unit as `UnitBuilder` cuts it from a parsed document: the fields the index keeps,
/// with its text still given as spans of the document's text (joined by line feeds; the
/// document unit has several). The index copies those bytes into `units.bin`
/// (`EncodedUnits`), which costs less than making a `String` of every unit first.
struct UnitDraft: UnitRecordFields, Sendable {
  package var id: String
  package var kind: SearchUnitKind
  package var heading: String
  package var headingLength: Int
  package var path: [String]
  package var departments: [UnitDepartment]
  package var year: Int?
  package var textStart: Int
  package var sourceLine: Int
  package var spans: [TextSpan]
}
