/// The internal subset of an HTML page's DOCTYPE (`<!DOCTYPE html [ <!ENTITY …> ]>`),
/// which libxml2's HTML parser does not know and hands out as text. It is blanked with
/// spaces before the page is parsed: one byte for one, so offsets into the page hold.
enum DoctypeSubset {
  /// `markup` with the brackets of its DOCTYPE's internal subset and all between them
  /// turned into spaces; `markup` itself when the DOCTYPE has none (or there is none
  /// before the first element).
  static func blanked(_ markup: [UInt8]) -> [UInt8] {
    guard let (open, close) = subset(in: markup) else { return markup }
    var blanked = markup
    for index in open...close where blanked[index] != 0x0A { blanked[index] = 0x20 }
    return blanked
  }

  /// The offsets of the `[` and `]` of the internal subset, if the DOCTYPE, found before
  /// any element (after a byte-order mark, white space, an XML declaration, comments),
  /// has one.
  private static func subset(in markup: [UInt8]) -> (open: Int, close: Int)? {
    var index = markup.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < markup.count {
      let byte = markup[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
      } else if starts(markup, at: index, with: "<?") {
        guard let end = find("?>", in: markup, from: index) else { return nil }
        index = end + 2
      } else if starts(markup, at: index, with: "<!--") {
        guard let end = find("-->", in: markup, from: index + 4) else { return nil }
        index = end + 3
      } else if starts(markup, at: index, with: "<!doctype") {
        var cursor = index + 9
        while cursor < markup.count && markup[cursor] != 0x5B && markup[cursor] != 0x3E {
          cursor += 1
        }
        guard cursor < markup.count, markup[cursor] == 0x5B else { return nil }
        // The subset ends at "]" followed by optional white space and ">".
        var close = cursor + 1
        while let bracket = markup[close...].firstIndex(of: 0x5D) {
          var after = bracket + 1
          while after < markup.count
            && (markup[after] == 0x20 || markup[after] == 0x0A
              || markup[after] == 0x0D || markup[after] == 0x09)
          {
            after += 1
          }
          if after < markup.count && markup[after] == 0x3E { return (cursor, bracket) }
          close = bracket + 1
        }
        return nil
      } else {
        return nil
      }
    }
    return nil
  }

  /// Whether `markup` holds `prefix` (ASCII, compared without case) at `index`.
  private static func starts(_ markup: [UInt8], at index: Int, with prefix: String) -> Bool {
    let bytes = prefix.utf8
    guard index + bytes.count <= markup.count else { return false }
    for (offset, byte) in bytes.enumerated() {
      let found = markup[index + offset]
      let lowered = found >= 0x41 && found <= 0x5A ? found + 0x20 : found
      if lowered != byte { return false }
    }
    return true
  }

  /// Where `needle` (ASCII) next starts in `markup` at or after `start`.
  private static func find(_ needle: String, in markup: [UInt8], from start: Int) -> Int? {
    guard let first = needle.utf8.first else { return start }
    var index = start
    while let candidate = markup[min(index, markup.count)...].firstIndex(of: first) {
      if starts(markup, at: candidate, with: needle) { return candidate }
      index = candidate + 1
    }
    return nil
  }
}
