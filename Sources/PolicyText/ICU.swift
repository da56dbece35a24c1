internal import CICUShim

/// The one place PolicyKit calls ICU; every other file goes through these wrappers.
package enum ICU {
  /// ICU's version, "72.1".
  package static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    pq_icu_version(&buffer, 32)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The word boundaries of `units` (UTF-16 offsets, 0 and the end included) by ICU's
  /// dictionary-based word break for Chinese; nil when ICU fails.
  package static func wordBoundaries(_ units: [UInt16]) -> [Int]? {
    guard !units.isEmpty else { return [0] }
    var boundaries = [Int32](repeating: 0, count: units.count + 1)
    let count = units.withUnsafeBufferPointer { text in
      pq_word_boundaries(
        text.baseAddress, Int32(clamping: units.count), &boundaries, Int32(boundaries.count))
    }
    guard count > 0 else { return nil }
    return boundaries.prefix(Int(count)).map(Int.init)
  }

  /// A charset guess from ICU's detector.
  struct CharsetGuess: Sendable, Equatable {
    /// ICU's name for the charset, e.g. "GB18030", "UTF-8", "Big5".
    package var name: String
    /// ICU's confidence, 0–100.
    var confidence: Int
  }

  /// Guesses the charset of `bytes`, or returns nil when ICU finds no candidate.
  static func detectCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> CharsetGuess? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    var name = [CChar](repeating: 0, count: 64)
    var confidence: Int32 = 0
    let status = pq_detect_charset(
      base, Int32(clamping: bytes.count), &name, Int32(name.count), &confidence)
    guard status == 0 else { return nil }
    let nameBytes = name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return CharsetGuess(
      name: String(decoding: nameBytes, as: UTF8.self), confidence: Int(confidence))
  }

  /// The result of converting bytes to UTF-16 with ICU.
  struct UTF16Conversion {
    package var units: [UInt16]
    /// For each unit, the source byte offset it was read from.
    var sourceOffsets: [Int32]
    /// Illegal or unmappable sequences replaced by U+FFFD.
    package var invalidSequences: Int
  }

  /// Converts `bytes` from `charset` to UTF-16, or returns nil when ICU does not know
  /// the charset.
  static func convertToUTF16(_ bytes: UnsafeBufferPointer<UInt8>, charset: String)
    -> UTF16Conversion?
  {
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      return UTF16Conversion(units: [], sourceOffsets: [], invalidSequences: 0)
    }
    let capacity = bytes.count + 2
    var units = [UInt16](repeating: 0, count: capacity)
    var offsets = [Int32](repeating: 0, count: capacity)
    var invalid: Int32 = 0
    let written = charset.withCString { name in
      pq_convert_to_utf16(
        name, base, Int32(clamping: bytes.count), &units, Int32(capacity), &offsets, &invalid)
    }
    guard written >= 0 else { return nil }
    units.removeSubrange(Int(written)...)
    offsets.removeSubrange(Int(written)...)
    return UTF16Conversion(units: units, sourceOffsets: offsets, invalidSequences: Int(invalid))
  }

  /// Encodes `text` in `charset`, or returns nil when ICU does not know the charset.
  package static func encode(_ text: String, charset: String) -> [UInt8]? {
    let units = Array(text.utf16)
    let capacity = units.count * 4 + 8
    var out = [UInt8](repeating: 0, count: capacity)
    let written = charset.withCString { name in
      pq_convert_from_utf16(name, units, Int32(units.count), &out, Int32(capacity))
    }
    guard written >= 0 else { return nil }
    out.removeSubrange(Int(written)...)
    return out
  }

  /// Applies NFKC with case folding to `units`, or returns nil on error.
  static func nfkcCasefold(_ units: [UInt16]) -> [UInt16]? {
    if units.isEmpty { return [] }
    var capacity = units.count * 4 + 8
    while true {
      var out = [UInt16](repeating: 0, count: capacity)
      let written = pq_nfkc_casefold(units, Int32(units.count), &out, Int32(capacity))
      if written >= 0 && Int(written) <= capacity {
        out.removeSubrange(Int(written)...)
        return out
      }
      if capacity > units.count * 32 { return nil }
      capacity *= 4
    }
  }

  /// ICU's Traditional → Simplified transliterator. Not shareable across threads.
  final class HantHansTransliterator {
    private let handle: OpaquePointer

    package init?() {
      guard let handle = pq_hant_hans_open() else { return nil }
      self.handle = handle
    }

    deinit { pq_transliterator_close(handle) }

    /// Transliterates `units`, or returns nil on error.
    func transliterate(_ units: [UInt16]) -> [UInt16]? {
      var capacity = units.count * 2 + 16
      while true {
        var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
        let written = pq_transliterate(handle, &buffer, Int32(units.count), Int32(capacity))
        if written >= 0 {
          buffer.removeSubrange(Int(written)...)
          return buffer
        }
        if capacity > units.count * 16 + 64 { return nil }
        capacity *= 2
      }
    }
  }
}
