/// Text decoded to UTF-8, with a map from each decoded byte back to the input bytes.
struct DecodedText: Sendable {
  /// The decoded text as UTF-8.
  var utf8: [UInt8]
  /// Decoded offsets → input offsets.
  var map: OffsetMap
  /// The encoding the input was read in.
  var encoding: TextEncoding
  /// Problems met while decoding that did not stop it.
  var diagnostics: [Diagnostic] = []
}
