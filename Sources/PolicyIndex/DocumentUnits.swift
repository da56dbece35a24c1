import PolicyModel

/// One document with its search units, as the index holds them: what `policyq export
/// --opensearch` writes, made from a parsed document or read back from an index.
package struct DocumentUnits: Sendable {
  /// The document's fields (file size, time and hash are zero when made from a parse).
  package var document: IndexedDocument
  /// Its units, in index order: the document unit, measures and sections, targets; a
  /// long unit as its pieces.
  package var units: [SearchUnit]
  /// Units cut to the limits of the index format, one line each naming the file.
  package var warnings: [String] = []

  /// The units `IndexBuilder` would write for `parsed`, read from `path`.
  package init(parsed: PolicyDocument, path: String) {
    document = UnitBuilder.indexedDocument(parsed, fileSize: 0, modified: 0, contentHash: "")
    let (drafts, warnings) = UnitBuilder.indexedUnits(of: parsed, path: path)
    units = drafts.map { draft in
      SearchUnit(fields: draft.fields, document: 0, text: draft.text(in: parsed.text))
    }
    self.warnings = warnings
  }

  /// Every document of `index` with its units, in index order, handed to `body` one
  /// document at a time.
  /// - Throws: `IndexError.corrupt` naming the damaged file, or what `body` throws.
  /// - Complexity: O(n) in the bytes of the index's records.
  package static func forEach(
    in index: InvertedIndex, _ body: (DocumentUnits) throws -> Void
  ) throws {
    let entries = index.units.entries
    var unit = 0
    for number in 0..<index.documentCount {
      var units: [SearchUnit] = []
      while unit < entries.count && Int(entries[unit].document) == number {
        units.append(try index.unit(unit))
        unit += 1
      }
      // The rows read to group the units were checked by block (a damaged one reads as
      // zeros, which would end a document early).
      try index.units.check()
      try body(DocumentUnits(document: try index.document(number), units: units))
    }
    guard unit == entries.count else {
      throw IndexError.corrupt(
        file: index.units.path, reason: "units left after the last document, or out of order")
    }
  }

  private init(document: IndexedDocument, units: [SearchUnit]) {
    self.document = document
    self.units = units
  }
}
