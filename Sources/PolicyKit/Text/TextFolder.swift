/// Folds cleaned text into its matching form, with a map from folded bytes back to the
/// cleaned text.
enum TextFolder {
  /// The folded UTF-8 of `text` and its map to `text`'s bytes.
  static func fold(_ text: UnsafeBufferPointer<UInt8>) -> (utf8: [UInt8], map: OffsetMap) {
    let table = FoldingTable.shared
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var builder = OffsetMap.Builder()
    var runStart = 0
    var index = 0
    let count = text.count

    func flush(upTo end: Int) {
      if end > runStart {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<end]))
        builder.appendVerbatim(length: end - runStart, sourceStart: runStart)
      }
    }

    while index < count {
      let byte = text[index]
      if byte < 0x80 {
        if byte >= 0x41 && byte <= 0x5A {
          flush(upTo: index)
          out.append(byte + 0x20)
          builder.append(units: 1, targetUnit: 1, sourceStart: index, sourceUnit: 1)
          runStart = index + 1
        }
        index += 1
        continue
      }
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      let replacement: [UInt8]?
      if scalar < 0x10000 {
        replacement = table.folded(scalar).map(Array.init)
      } else {
        replacement = supplementaryFold(scalar)
      }
      if let replacement {
        flush(upTo: index)
        out.append(contentsOf: replacement)
        builder.append(targetLength: replacement.count, sourceStart: index, sourceLength: length)
        runStart = index + length
      }
      index += length
    }
    flush(upTo: count)
    return (out, builder.map)
  }

  /// Folds a scalar outside the BMP (rare: CJK extension B and beyond) through ICU.
  private static func supplementaryFold(_ scalar: UInt32) -> [UInt8]? {
    guard let value = Unicode.Scalar(scalar) else { return nil }
    let units = Array(String(value).utf16)
    guard let folded = ICU.nfkcCasefold(units), folded != units else { return nil }
    return Array(String(decoding: folded, as: UTF16.self).utf8)
  }
}
