import PolicyText

/// Whether a table cell states a target with its own year ("到2025年建成…", "2024年年内
/// 创建30个…"): only such cells are read for targets; a table of values is not.
enum TargetYearCell {
  /// Whether the cell holds a four-digit year followed by 年.
  static func holdsYear(_ cell: TextSpan, in bytes: [UInt8]) -> Bool {
    let year = Array("年".utf8)
    var digits = 0
    var index = cell.start
    while index < cell.end {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        index += 1
        continue
      }
      if digits == 4, index + year.count <= cell.end,
        Array(bytes[index..<(index + year.count)]) == year
      {
        return true
      }
      digits = 0
      index += 1
    }
    return false
  }
}
