/// Re-encodes ICU's UTF-16 output as UTF-8, keeping the source offset of every scalar.
enum UTF16Transcoder {
  /// UTF-8 text and its map to the source bytes `sourceBase..<sourceEnd` that ICU
  /// converted (ICU's offsets are relative to `sourceBase`).
  package static func utf8(from conversion: ICU.UTF16Conversion, sourceBase: Int, sourceEnd: Int)
    -> DecodedText
  {
    let units = conversion.units
    let offsets = conversion.sourceOffsets
    var utf8: [UInt8] = []
    utf8.reserveCapacity(units.count * 3)
    var builder = OffsetMap.Builder()
    var index = 0
    var lastSource = 0
    while index < units.count {
      var scalar = UInt32(units[index])
      var width = 1
      if (0xD800...0xDBFF).contains(scalar), index + 1 < units.count,
        (0xDC00...0xDFFF).contains(units[index + 1])
      {
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
        width = 2
      } else if (0xD800...0xDFFF).contains(scalar) {
        scalar = 0xFFFD
      }
      let start = offsets[index] >= 0 ? Int(offsets[index]) : lastSource
      var end = sourceEnd - sourceBase
      var next = index + width
      while next < units.count {
        if offsets[next] >= 0 && Int(offsets[next]) > start {
          end = Int(offsets[next])
          break
        }
        if offsets[next] >= 0 && Int(offsets[next]) == start {
          // ICU wrote several units for one source sequence; they share its bytes.
          end = start
          break
        }
        next += 1
      }
      let before = utf8.count
      appendUTF8(scalar, to: &utf8)
      builder.append(
        targetLength: utf8.count - before, sourceStart: sourceBase + start,
        sourceLength: max(0, end - start))
      lastSource = start
      index += width
    }
    return DecodedText(utf8: utf8, map: builder.map, encoding: .utf8)
  }

  /// Appends the UTF-8 form of `scalar`.
  static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      bytes.append(UInt8(scalar))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | (scalar >> 6)))
      bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | (scalar >> 12)))
      bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
      bytes.append(UInt8(0xF0 | (scalar >> 18)))
      bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
      bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }
}
