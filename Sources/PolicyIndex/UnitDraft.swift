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

  /// The byte ranges of the document's text the unit's text is made of (its spans, cut
  /// to the text), joined by line feeds.
  func byteRanges(in text: PolicyText) -> [Range<Int>] {
    let count = text.utf8.count
    return spans.map { span in
      let lower = max(0, min(span.start, count))
      return lower..<max(lower, min(span.end, count))
    }
  }

  /// The unit's text as the index holds it: its spans of `text`, joined by line feeds.
  func text(in text: PolicyText) -> String {
    let bytes = text.utf8
    var joined: [UInt8] = []
    for (number, range) in byteRanges(in: text).enumerated() {
      if number > 0 { joined.append(0x0A) }
      joined.append(contentsOf: bytes[range])
    }
    return String(decoding: joined, as: UTF8.self)
  }
}
