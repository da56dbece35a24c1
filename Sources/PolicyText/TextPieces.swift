import PolicyBytes

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings of byte ranges of a UTF-8 text, made by copying: the text is validated once as
/// a whole, where `String(decoding:as:)` would validate every piece again.
package struct TextPieces {
  private let bytes: [UInt8]
  private let whole: String
  /// Whether `whole` holds `bytes` unchanged (the text is valid UTF-8).
  package let isValid: Bool

  package init(_ bytes: [UInt8]) {
    self.bytes = bytes
    whole = String(decoding: bytes, as: UTF8.self)
    var copy = whole
    isValid = copy.withUTF8 { decoded in
      bytes.withUnsafeBufferPointer { original in
        decoded.count == original.count
          && (original.isEmpty
            || memcmp(decoded.baseAddress!, original.baseAddress!, original.count) == 0)
      }
    }
  }

  /// The text of `range`: the string `String(decoding: bytes[range], as: UTF8.self)` gives.
  package func string(_ range: Range<Int>) -> String {
    guard isValid, startsScalar(range.lowerBound), startsScalar(range.upperBound) else {
      return String(decoding: bytes[range], as: UTF8.self)
    }
    let utf8 = whole.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let end = utf8.index(start, offsetBy: range.count)
    return String(Substring(whole.unicodeScalars[start..<end]))
  }

  /// Whether the bytes `range` start with the UTF-8 of `prefix`.
  package func hasPrefix(_ prefix: String, in range: Range<Int>) -> Bool {
    var prefix = prefix
    return prefix.withUTF8 { word in
      word.count <= range.count
        && word.indices.allSatisfy { bytes[range.lowerBound + $0] == word[$0] }
    }
  }

  /// Whether the bytes `range` end with the UTF-8 of `suffix`.
  package func hasSuffix(_ suffix: String, in range: Range<Int>) -> Bool {
    var suffix = suffix
    return suffix.withUTF8 { word in
      word.count <= range.count
        && word.indices.allSatisfy { bytes[range.upperBound - word.count + $0] == word[$0] }
    }
  }

  /// Whether the bytes `range` hold the UTF-8 of `word`.
  package func contains(_ word: String, in range: Range<Int>) -> Bool {
    let word = Array(word.utf8)
    return bytes.withUnsafeBufferPointer {
      ByteSearch.offset(of: word, in: $0, within: range) != nil
    }
  }

  /// Whether a scalar starts at `offset` (or the text ends there).
  private func startsScalar(_ offset: Int) -> Bool {
    offset == bytes.count || UTF8Scalars.startsScalar(bytes[offset])
  }
}
