import PolicyBytes

/// Terms a document defines for bodies it does not name: "相关行业主管部门和相关区政府（以下
/// 统称专区监管部门）" — a short name for 相关 / 有关 / 各 bodies, which stays as unnamed as
/// they are (docs/gold-format.md: "nor a term the document defines as such bodies").
/// A term defined for named bodies ("市住房建设行政主管部门（以下简称市住房建设主管部门）") is
/// a body's name like any other.
enum DefinedCollectives {
  /// How a definition opens inside its parentheses: 以下统称, 以下简称.
  static let openings = ["（以下统称", "（以下简称"].map { Array($0.utf8) }
  /// The longest term, in bytes.
  static let maximumTerm = 16 * 3
  /// The terms `text` defines for unnamed bodies, as UTF-8.
  static func terms(in text: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
    var found: [[UInt8]] = []
    for opening in openings {
      var from = 0
      while let at = ByteSearch.offset(of: opening, in: text, within: from..<text.count) {
        from = at + opening.count
        guard
          let close = ByteSearch.offset(
            of: closing, in: text,
            within: from..<min(text.count, from + maximumTerm + closing.count))
        else { continue }
        let term = Array(text[from..<close])
        guard !term.isEmpty, definesUnnamedBodies(text, before: at) else { continue }
        found.append(term)
      }
    }
    return found
  }

  /// Whether the phrase before `end` (from the last clause boundary) opens with 相关, 有关
  /// or 各: bodies the document does not name.
  private static func definesUnnamedBodies(_ text: UnsafeBufferPointer<UInt8>, before end: Int)
    -> Bool
  {
    var start = end
    var characters = 0
    while start > 0, characters < 40 {
      let (scalar, scalarStart) = UTF8Scalars.scalar(in: text, before: start)
      if boundaries.contains(scalar) { break }
      start = scalarStart
      characters += 1
    }
    // 各级 is a level ("各级铁路、道路…等行政管理部门": named sectors), not a collective.
    return collectiveOpenings.contains { ByteSearch.hasPrefix($0, in: text, start..<end) }
      && !ByteSearch.hasPrefix(everyLevel, in: text, start..<end)
  }

  static let everyLevel = Array("各级".utf8)

  static let closing = Array("）".utf8)
  /// ，。；： and line breaks.
  static let boundaries: Set<UInt32> = [
    .scalar("，"), .scalar("。"), .scalar("；"), .scalar("："), 0x0A,
  ]
  static let collectiveOpenings = ["相关", "有关", "各"].map { Array($0.utf8) }
}
