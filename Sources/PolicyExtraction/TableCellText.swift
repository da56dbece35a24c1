import PolicyBytes
import PolicyText

/// What a table cell's text looks like, for placing flattened cells in their columns: a
/// list of bodies ("区规划资源局、区水务局"), a deadline ("2025年底前"), a dash for an
/// empty cell, a 序号.
struct TableCellText {
  package let resolver: DepartmentResolver

  /// Words that stand for an empty cell.
  package static let dashes: Set<String> = [
    "—", "——", "-", "--", "－", "/", "无", "／", "…", "——————",
  ]
  /// Words a deadline is written with.
  private static let deadlineWords = ["年", "月", "底", "前", "持续", "长期", "常态", "每年", "季度", "完成", "按期"]
  /// The longest list of bodies, in characters.
  static let maximumBodies = 120

  package func isDash(_ text: String) -> Bool { Self.dashes.contains(text) }

  func isDeadline(_ text: String) -> Bool {
    text.hasAtMostCharacters(25) && !text.containsBytes("。")
      && Self.deadlineWords.contains { text.containsBytes($0) }
  }

  /// Whether the text is a list of bodies: every name in it, without notes in brackets and
  /// a closing 等, is known to the dictionaries, collective (各…, 属地…, 相关…) or ends as a
  /// body's name does (局, 委, 办, 中心, 政府 …).
  func isBodies(_ text: String) -> Bool {
    guard !text.isEmpty, text.hasAtMostCharacters(Self.maximumBodies), !text.containsBytes("。")
    else { return false }
    let names = Self.names(in: text)
    return !names.isEmpty && names.allSatisfy(namesBody)
  }

  func namesBody(_ name: String) -> Bool {
    if name.hasPrefix("各") || name.hasPrefix("属地") || name.hasPrefix("相关") || name.hasPrefix("有关") {
      return true
    }
    let mention = resolver.mention(name, role: .responsible, span: TextSpan(0, 0))
    return DepartmentResolver.namesBody(mention)
  }

  /// The names of a list: split at 、，,；; spaces and line breaks, without notes in
  /// brackets after a name ("区规划资源局（牵头）"; a bracket inside a name stays:
  /// "上海机场（集团）有限公司"), and without a closing 等 or role word.
  package static func names(in text: String) -> [String] {
    let separators: Set<Character> = ["、", "，", ",", "；", ";", " ", "\u{3000}", "\n"]
    var plain = ""
    var note = ""
    var depth = 0
    for character in text {
      if character == "（" || character == "(" {
        depth += 1
        if depth == 1 { note = "" }
        note.append(character)
      } else if (character == "）" || character == ")") && depth > 0 {
        depth -= 1
        note.append(character)
      } else if depth > 0 {
        note.append(character)
      } else {
        // A note that the name goes on after is part of it.
        if !note.isEmpty && !separators.contains(character) { plain += note }
        note = ""
        plain.append(character)
      }
    }
    return plain.split { separators.contains($0) }.map { piece in
      var name = String(piece)
      for suffix in ["等有关部门", "等相关部门", "等部门", "等单位", "等", "牵头", "配合", "负责"]
      where name.hasSuffix(suffix) && name.count > suffix.count {
        name.removeLast(suffix.count)
      }
      return name
    }.filter { !$0.isEmpty && !dashes.contains($0) }
  }

  /// The number of a 序号 cell: "12", "（三）", "(3)", "三", "三、"; nil for any other text.
  package static func serial(_ text: String) -> (number: Int, kind: HeadingMarker.Kind)? {
    let trimmed = text.trimmingScalars { UTF8Scalars.isBlank($0.value) }
    guard !trimmed.isEmpty, trimmed.hasAtMostCharacters(6) else { return nil }
    let scalars = Array(trimmed.unicodeScalars.map(\.value))
    if scalars.allSatisfy(UTF8Scalars.isDigit) {
      let value = scalars.reduce(0) { $0 * 10 + (UTF8Scalars.digitValue($1) ?? 0) }
      return value > 0 && value < 1000 ? (value, .arabicOrdinal) : nil
    }
    var core = scalars
    var kind = HeadingMarker.Kind.chineseOrdinal
    if let first = core.first, first == .scalar("（") || first == 0x28, let last = core.last,
      last == .scalar("）") || last == 0x29
    {
      core = Array(core.dropFirst().dropLast())
      kind = .parenthesizedChineseOrdinal
    } else if let last = core.last, last == .scalar("、") || last == 0x2E || last == .scalar("．") {
      core.removeLast()
    }
    if !core.isEmpty, core.allSatisfy(UTF8Scalars.isDigit) {
      let value = core.reduce(0) { $0 * 10 + (UTF8Scalars.digitValue($1) ?? 0) }
      return (
        value, kind == .parenthesizedChineseOrdinal ? .parenthesizedArabicOrdinal : .arabicOrdinal
      )
    }
    guard !core.isEmpty, core.allSatisfy(ChineseNumeral.isNumeral),
      let value = ChineseNumeral.value(of: core)
    else {
      return nil
    }
    return (value, kind)
  }
}
