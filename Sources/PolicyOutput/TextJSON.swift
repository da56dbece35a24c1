import PolicyText

/// The JSON form of `policyq text --format json` (schema version 1).
///
/// Offsets into `text` are UTF-8 byte offsets; `paragraphs` also gives character
/// (Unicode scalar) offsets, which Python and R index strings by. `offset_map.pieces`
/// lists `[text_start, source_start, count, text_unit, source_unit]`: `count` units of
/// `text_unit` bytes in the text, each from `source_unit` bytes of the source.
public enum TextJSON {
  /// The `schema_version` every text object carries.
  public static let schemaVersion = 1

  /// Renders documents: one object, or an array of them when `asArray`.
  public static func render(_ documents: [PolicyText], includeFolded: Bool, asArray: Bool) -> String
  {
    var writer = JSONWriter()
    if asArray { writer.beginArray() }
    for document in documents { write(document, includeFolded: includeFolded, to: &writer) }
    if asArray { writer.endArray() }
    return writer.output
  }

  package static func write(
    _ document: PolicyText, includeFolded: Bool, to writer: inout JSONWriter
  ) {
    writer.beginObject()
    writer.int("schema_version", schemaVersion)
    writeSource(document.source, to: &writer)
    writer.string("text", document.text)
    if includeFolded { writer.string("folded", document.folded) }
    writer.beginArray("paragraphs")
    var byteOffset = 0
    var charOffset = 0
    for line in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
      let bytes = line.utf8.count
      let chars = line.unicodeScalars.count
      let location = document.sourceSpan(ofTextRange: byteOffset..<(byteOffset + bytes))
      writer.beginObject()
      writer.ints("text_bytes", [byteOffset, byteOffset + bytes])
      writer.ints("text_chars", [charOffset, charOffset + chars])
      writer.ints("source_bytes", [location.byteRange.lowerBound, location.byteRange.upperBound])
      writer.int("source_line", location.line)
      writer.endObject()
      byteOffset += bytes + 1
      charOffset += chars + 1
    }
    writer.endArray()
    writer.beginObject("offset_map")
    writer.string("unit", "utf8_bytes")
    writer.beginArray("pieces")
    for piece in document.sourceMap.pieces {
      writer.ints(
        nil,
        [piece.targetStart, piece.sourceStart, piece.count, piece.targetUnit, piece.sourceUnit])
    }
    writer.endArray()
    writer.endObject()
    writer.beginObject("cleaning")
    for rule in CleaningRule.allCases where document.cleaning[rule] > 0 {
      writer.int(rule.rawValue, document.cleaning[rule])
    }
    writer.endObject()
    writeDiagnostics(document.diagnostics, to: &writer)
    writer.endObject()
  }

  static func writeSource(_ source: SourceDescriptor, to writer: inout JSONWriter) {
    writer.beginObject("source")
    writer.string("path", source.path)
    writer.string("format", source.format.rawValue)
    writer.string("encoding", source.encoding)
    writer.int("byte_count", source.byteCount)
    writer.string("part", source.part)
    writer.endObject()
  }

  static func writeDiagnostics(_ diagnostics: [Diagnostic], to writer: inout JSONWriter) {
    writer.beginArray("diagnostics")
    for diagnostic in diagnostics {
      writer.beginObject()
      writer.string("severity", diagnostic.severity.rawValue)
      writer.string("file", diagnostic.file)
      writer.int("line", diagnostic.line)
      writer.string("message", diagnostic.message)
      writer.endObject()
    }
    writer.endArray()
  }
}
