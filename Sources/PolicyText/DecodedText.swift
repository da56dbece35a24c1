/// Text decoded to UTF-8, with a map from each decoded byte back to the input bytes.
package struct DecodedText: Sendable {
  /// The decoded text as UTF-8.
  package var utf8: [UInt8]
  /// Decoded offsets → input offsets.
  package var map: OffsetMap
  /// The encoding the input was read in.
  package var encoding: TextEncoding
  /// Problems met while decoding that did not stop it.
  package var diagnostics: [Diagnostic] = []
  package init(
    utf8: [UInt8], map: OffsetMap, encoding: TextEncoding, diagnostics: [Diagnostic] = []
  ) {
    self.utf8 = utf8
    self.map = map
    self.encoding = encoding
    self.diagnostics = diagnostics
  }
}
