import PolicyText

/// A unit as `UnitBuilder` cuts it from a parsed document: the fields the index keeps,
/// with its text still given as spans of the document's text (joined by line feeds; the
/// document unit has several). The index copies those bytes into `units.bin`
/// (`EncodedUnits`), which costs less than making a `String` of every unit first.
struct UnitDraft: Sendable {
  var fields: UnitFields
  var spans: [TextSpan]
  /// Where each of `fields.departments` is named in the text (a byte offset): a unit cut
  /// in pieces (`UnitPieces`) gives each piece the departments named in it.
  var departmentStarts: [Int] = []
}
