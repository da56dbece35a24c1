import PolicyModel
import PolicyText

/// The text the full-text table holds for a measure: the folded text of its whole extent
/// (heading, clauses and 专栏 boxes, as `policyq search` indexes it), one character per
/// token. SQLite's unicode61 tokenizer keeps a run of Chinese characters as one token, so
/// each character is followed by a space; white space is dropped.
package enum FullTextBody {
  /// The body of `measure` of `document`.
  package static func body(of measure: Measure, in document: PolicyDocument) -> String {
    let utf8 = document.text.utf8
    let range = max(0, measure.span.start)..<min(utf8.count, max(measure.span.end, 0))
    let folded = utf8[range].withUnsafeBufferPointer { TextFolder.fold($0).utf8 }
    return spaced(String(decoding: folded, as: UTF8.self))
  }

  /// `text` with a space after each character that is not white space.
  package static func spaced(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
      out.append(scalar)
      out.append(" ")
    }
    return String(out)
  }
}
