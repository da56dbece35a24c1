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
  /// The terms `text` defines for unnamed bodies, as UTF-8, without quotation marks
  /// ("（以下简称“专区监管部门”）").
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
        let term = String(
          decoding: UnsafeBufferPointer(rebasing: text[from..<close]), as: UTF8.self
        )
        .removingScalars(where: { quotationMarks.contains($0.value) })
        guard !term.isEmpty, definesUnnamedBodies(text, before: at) else { continue }
        found.append(Array(term.utf8))
      }
    }
    return found
  }

  /// Whether the phrase before `end` (back to the last clause boundary or numbering) names
  /// bodies the document does not name: its first name is an unnamed collective
  /// (相关行业主管部门 of "相关行业主管部门和相关区政府"; not 各区人民政府, 各区交通主管部门, nor
  /// the named sectors of "各级铁路、邮政等行政管理部门").
  private static func definesUnnamedBodies(_ text: UnsafeBufferPointer<UInt8>, before end: Int)
    -> Bool
  {
    var start = end
    var characters = 0
    while start > 0, characters < 40 {
      let (scalar, scalarStart) = UTF8Scalars.scalar(in: text, before: start)
      if boundaries.contains(scalar) || UTF8Scalars.isBlank(scalar) { break }
      start = scalarStart
      characters += 1
    }
    let phrase = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    let first =
      phrase.split(whereSeparator: { "和及、".contains($0) }).first.map(String.init) ?? phrase
    return DepartmentResolver.isUnnamedCollective(first)
  }

  static let closing = Array("）".utf8)
  /// ，。；： and line breaks.
  static let boundaries: Set<UInt32> = [
    .scalar("，"), .scalar("。"), .scalar("；"), .scalar("："), 0x0A,
  ]
  /// “ ” " ' ‘ ’ around a defined term.
  static let quotationMarks: Set<UInt32> = [0x201C, 0x201D, 0x22, 0x27, 0x2018, 0x2019]
}
