import PolicyBytes

/// Folds cleaned text into its matching form, with a map from folded bytes back to the
/// cleaned text.
package enum TextFolder {
  /// "abc…z", the folded forms of "A"…"Z".
  private static let asciiLowercase: [UInt8] = Array(0x61...0x7A)

  /// The folded form of a short string (a query term, a name, an annotation).
  package static func fold(_ string: String) -> String {
    var string = string
    return string.withUTF8 { String(decoding: fold($0).utf8, as: UTF8.self) }
  }

  /// The folded UTF-8 of `text` and its map to `text`'s bytes.
  package static func fold(_ text: UnsafeBufferPointer<UInt8>) -> (utf8: [UInt8], map: OffsetMap) {
    FoldingTable.shared.withUnsafeTables { entries, pool in
      asciiLowercase.withUnsafeBufferPointer { lowercase in
        fold(text, entries: entries, pool: pool, lowercase: lowercase)
      }
    }
  }

  private static func fold(
    _ text: UnsafeBufferPointer<UInt8>, entries: UnsafeBufferPointer<UInt32>,
    pool: UnsafeBufferPointer<UInt8>, lowercase: UnsafeBufferPointer<UInt8>
  ) -> (utf8: [UInt8], map: OffsetMap) {
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var builder = OffsetMap.Builder()
    // Bytes from `runStart` up to the current position fold to themselves; they are
    // copied in one go when a changing character (or the end) is reached.
    var runStart = 0
    var index = 0
    let count = text.count
    while index < count {
      let byte = text[index]
      let replacement: UnsafeBufferPointer<UInt8>
      var length = 1
      if byte < 0x80 {
        if byte < 0x41 || byte > 0x5A {
          index += 1
          continue
        }
        replacement = UnsafeBufferPointer(rebasing: lowercase[Int(byte - 0x41)..<Int(byte - 0x40)])
      } else if byte >= 0xE0 && byte < 0xF0 && index + 2 < count {
        // A three-byte scalar, as most of a Chinese text is, decoded here as
        // `UTF8Scalars.scalar` would: most fold to themselves.
        let value =
          Int(byte & 0x0F) << 12 | Int(text[index + 1] & 0x3F) << 6 | Int(text[index + 2] & 0x3F)
        let entry = entries[value]
        if entry == 0 {
          index += 3
          continue
        }
        length = 3
        let offset = Int(entry >> 3)
        replacement = UnsafeBufferPointer(rebasing: pool[offset..<(offset + Int(entry & 7))])
      } else {
        let decoded = UTF8Scalars.scalar(in: text, at: index)
        length = decoded.length
        if decoded.value < 0x10000 {
          let entry = entries[Int(decoded.value)]
          if entry == 0 {
            index += length
            continue
          }
          let offset = Int(entry >> 3)
          replacement = UnsafeBufferPointer(rebasing: pool[offset..<(offset + Int(entry & 7))])
        } else {
          guard let folded = supplementaryFold(decoded.value) else {
            index += length
            continue
          }
          folded.withUnsafeBufferPointer { replacement in
            emit(
              replacement, at: index, length: length, runStart: runStart, text: text, out: &out,
              builder: &builder)
          }
          index += length
          runStart = index
          continue
        }
      }
      emit(
        replacement, at: index, length: length, runStart: runStart, text: text, out: &out,
        builder: &builder)
      index += length
      runStart = index
    }
    if count > runStart {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<count]))
      builder.appendVerbatim(length: count - runStart, sourceStart: runStart)
    }
    return (out, builder.map)
  }

  /// Copies the unchanged run before `index`, then the replacement of the character there.
  @inline(__always)
  private static func emit(
    _ replacement: UnsafeBufferPointer<UInt8>, at index: Int, length: Int, runStart: Int,
    text: UnsafeBufferPointer<UInt8>, out: inout [UInt8], builder: inout OffsetMap.Builder
  ) {
    if index > runStart {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
      builder.appendVerbatim(length: index - runStart, sourceStart: runStart)
    }
    out.append(contentsOf: replacement)
    builder.append(targetLength: replacement.count, sourceStart: index, sourceLength: length)
  }

  /// Folds a scalar outside the BMP (rare: CJK extension B and beyond) through ICU.
  private static func supplementaryFold(_ scalar: UInt32) -> [UInt8]? {
    guard let value = Unicode.Scalar(scalar) else { return nil }
    let units = Array(String(value).utf16)
    guard let folded = ICU.nfkcCasefold(units), folded != units else { return nil }
    return Array(String(decoding: folded, as: UTF16.self).utf8)
  }
}
