import Foundation

/// Finds responsibility clauses — parenthesised lists of departments with their roles —
/// and reads who leads, who is responsible and who cooperates.
///
/// Forms read (field guide §4 and corpus-real): （责任单位：A、B等有关部门按职责分工负责）,
/// （责任单位：A牵头，B、C等有关部门配合）, （牵头单位：A，责任单位：B、C…）, （A、B等按职责分工负责）,
/// （A牵头，B、C等配合）, （A负责）, （A牵头，B参与）, （牵头单位：A；配合单位：B）, （6月底完成，
/// 牵头考核单位：A）, and the rule （…排在第一位的部门为牵头部门，下同）.
struct ResponsibilityExtractor {
  /// A clause as found, before ids and links are given.
  struct Found {
    var text: String
    var span: TextSpan
    var departments: [DepartmentMention]
    var deadline: String?
  }

  static let roleWords = ["牵头", "负责", "配合", "参与", "责任单位", "责任部门", "协办", "协助"]
  /// `roleWords`, `leadRule` and 以下简称 (a definition, not a clause) as UTF-8, to look
  /// for in a group before it is made a string.
  private static let roleWordBytes = roleWords.map { Array($0.utf8) }
  private static let leadRuleBytes = Array(leadRule.utf8)
  private static let definitionBytes = Array("以下简称".utf8)
  private static let labels: [(String, ResponsibilityRole)] = [
    ("牵头考核单位", .lead), ("牵头单位", .lead), ("牵头部门", .lead), ("主办单位", .lead),
    ("责任单位", .responsible), ("责任部门", .responsible), ("负责单位", .responsible), ("承办单位", .responsible),
    ("配合单位", .cooperating), ("配合部门", .cooperating), ("参与单位", .cooperating), ("协办单位", .cooperating),
  ]
  private static let leadRule = "排在第一位的部门为牵头部门"
  /// Full stops a clause may end with.
  private static let finalStops = ["。", "."]
  /// Trimmed around a segment, and between a label and its names.
  private static let whitespace = CharacterSet.whitespaces
  private static let labelColon = CharacterSet(charactersIn: "：: ")

  let dictionaries: PolicyDictionaries
  private let resolver: DepartmentResolver
  private let qualifierIndex: [UInt32: [QualifierWord]]

  init(dictionaries: PolicyDictionaries) {
    self.dictionaries = dictionaries
    self.resolver = DepartmentResolver(dictionaries: dictionaries)
    self.qualifierIndex = Self.makeQualifierIndex(dictionaries)
  }

  /// The clauses in the paragraphs of `bytes` (cleaned text), in reading order.
  func clauses(in bytes: [UInt8], paragraphs: [TextSpan], pieces: TextPieces) -> [Found] {
    var found: [Found] = []
    var firstIsLead = false
    bytes.withUnsafeBufferPointer { buffer in
      for paragraph in paragraphs {
        for group in Self.parenthesisedGroups(buffer, paragraph) where group.end - group.start <= 900 {
          let innerRange = (group.start + group.openLength)..<(group.end - group.closeLength)
          func contains(_ word: [UInt8]) -> Bool { ByteSearch.offset(of: word, in: buffer, within: innerRange) != nil }
          let hasLeadRule = contains(Self.leadRuleBytes)
          guard Self.roleWordBytes.contains(where: contains) || hasLeadRule, !contains(Self.definitionBytes) else { continue }
          if hasLeadRule { firstIsLead = true }
          if let clause = clause(group, pieces: pieces, firstIsLead: firstIsLead) { found.append(clause) }
        }
      }
    }
    return found
  }

  /// The clause of a group that names a role, if it names departments.
  private func clause(_ group: Group, pieces: TextPieces, firstIsLead: Bool) -> Found? {
    let innerStart = group.start + group.openLength
    let inner = pieces.string(innerStart..<(group.end - group.closeLength))
    guard var clause = parse(inner, base: innerStart, firstIsLead: firstIsLead), !clause.departments.isEmpty else {
      return nil
    }
    clause.text = pieces.string(group.start..<group.end)
    clause.span = TextSpan(group.start, group.end)
    return clause
  }

  /// Parses the inside of a clause whose first byte is at `base`.
  func parse(_ inner: String, base: Int, firstIsLead: Bool) -> Found? {
    var content = inner
    while let stop = Self.finalStops.first(where: { content.hasSuffixBytes($0) }) {
      content = String(content.utf8.dropLast(stop.utf8.count))!
    }
    var departments: [DepartmentMention] = []
    var deadline: String? = nil
    var cursor = content.utf8.startIndex
    let segments = content.unicodeScalars.split { $0 == "，" || $0 == "," || $0 == "；" || $0 == ";" }
    var labelRole: ResponsibilityRole? = nil
    for segmentScalars in segments {
      var segment = Substring(segmentScalars).trimmingScalars(in: Self.whitespace)
      if segment.containsBytes(Self.leadRule) || segment == "下同" { continue }
      for (label, role) in Self.labels where segment.hasPrefixBytes(label) {
        labelRole = role
        segment = segment.droppingBytes(label.utf8.count).trimmingScalars(in: Self.labelColon)
        break
      }
      if Self.isDeadline(segment) {
        deadline = deadline.map { "\($0)，\(segment)" } ?? segment
        continue
      }
      let verbRole: ResponsibilityRole? =
        segment.containsBytes("牵头") ? .lead
        : (segment.containsBytes("配合") || segment.containsBytes("参与") || segment.containsBytes("协助") || segment.containsBytes("协同")) ? .cooperating
        : segment.containsBytes("负责") ? .responsible : nil
      let role = verbRole ?? labelRole ?? .responsible
      for name in names(in: segment) {
        // The name's bytes in the clause, searching on from the previous one.
        var span = TextSpan(base, base)
        if let range = content[cursor...].rangeOfBytes(name) {
          let start = content.utf8.distance(from: content.utf8.startIndex, to: range.lowerBound)
          span = TextSpan(base + start, base + start + name.utf8.count)
          cursor = range.upperBound
        }
        let mention = resolver.mention(name, role: role, span: span)
        // Words left over from a note ("包括…自身") are no department; a clause without
        // any is dropped by `clauses(in:paragraphs:)`.
        if DepartmentResolver.namesBody(mention) { departments.append(mention) }
      }
    }
    if firstIsLead, !departments.contains(where: { $0.role == .lead }), !departments.isEmpty {
      departments[0].role = .lead
    }
    return Found(text: inner, span: TextSpan(base, base), departments: departments, deadline: deadline)
  }

  /// The department names of one segment: qualifiers and role words removed, split at 、.
  private func names(in segment: String) -> [String] {
    var segment = segment
    return segment.withUTF8 { bytes in
      // Nested parentheses hold notes, not names: "市发展改革委（市能源局）".
      var kept: [UInt8] = []
      kept.reserveCapacity(bytes.count)
      var depth = 0
      var index = 0
      while index < bytes.count {
        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: index)
        defer { index += length }
        if scalar == 0xFF08 || scalar == 0x28 {  // （ (
          depth += 1
        } else if (scalar == 0xFF09 || scalar == 0x29) && depth > 0 {  // ） )
          depth -= 1
        } else if depth == 0 {
          kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
        }
      }
      return kept.withUnsafeBufferPointer { splitNames($0) }
    }
  }

  /// The names of a segment without its notes: qualifiers, role words, 、 and spaces
  /// separate them (the longest qualifier at each position).
  private func splitNames(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var names: [String] = []
    var pieceStart = 0
    var index = 0
    func closePiece(at end: Int) {
      if end > pieceStart, let name = Self.name(from: UnsafeBufferPointer(rebasing: bytes[pieceStart..<end])) {
        names.append(name)
      }
    }
    while index < bytes.count {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: index)
      var separatorLength = scalar == 0x3001 || scalar == 0x20 ? length : 0  // 、 or a space
      if let candidates = qualifierIndex[scalar], let match = candidates.first(where: { $0.matches(bytes, at: index) }) {
        separatorLength = match.bytes.count
      }
      if separatorLength > 0 {
        closePiece(at: index)
        index += separatorLength
        pieceStart = index
      } else {
        index += length
      }
    }
    closePiece(at: bytes.count)
    return names
  }

  /// A department name from a piece between separators, if it reads as one.
  private static func name(from piece: UnsafeBufferPointer<UInt8>) -> String? {
    var name = String(decoding: piece, as: UTF8.self)
    // "等" closes a list; "指导" a role ("商务部指导"), but only at the end: 指导站 is a name.
    while let word = Self.trailingWords.first(where: { name.hasSuffixBytes($0) && name.utf8.count > $0.utf8.count }) {
      name = String(name.utf8.dropLast(word.utf8.count))!
    }
    while let word = Self.leadingConnectors.first(where: { name.hasPrefixBytes($0) }) {
      name = String(name.droppingBytes(word.utf8.count))
    }
    guard name.unicodeScalars.count >= 2, name.unicodeScalars.count <= 30,
      name.unicodeScalars.allSatisfy({ UTF8Scalars.isIdeograph($0.value) || $0.properties.isAlphabetic || $0 == "·" })
    else { return nil }
    return name
  }

  /// A qualifier or role word removed from a list of names, as UTF-8.
  private struct QualifierWord {
    var bytes: [UInt8]
    var scalarCount: Int

    func matches(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
      index + bytes.count <= text.count
        && bytes.withUnsafeBufferPointer { memcmp(text.baseAddress! + index, $0.baseAddress!, bytes.count) == 0 }
    }
  }

  /// Words after a department name that are not part of it: A等, A指导.
  private static let trailingWords = ["等", "指导"]

  /// Words before a department name that are not part of it: 由A负责, 会同B.
  private static let leadingConnectors = ["由", "会同"]

  /// Qualifiers and role words by first scalar, longest (in scalars) first.
  private static func makeQualifierIndex(_ dictionaries: PolicyDictionaries) -> [UInt32: [QualifierWord]] {
    var words = dictionaries.qualifiers.filter { $0.unicodeScalars.count >= 2 && !Self.isRoleVerb($0) }
    words += ["按职责分工负责", "按照职责分工负责", "按职责负责", "分别负责", "牵头", "负责", "配合", "参与", "协助", "协同", "等有关部门", "等部门", "等单位"]
    var index: [UInt32: [QualifierWord]] = [:]
    for word in Set(words) {
      let scalars = Array(word.unicodeScalars)
      index[scalars[0].value, default: []].append(QualifierWord(bytes: Array(word.utf8), scalarCount: scalars.count))
    }
    for key in index.keys { index[key]?.sort { $0.scalarCount > $1.scalarCount } }
    return index
  }

  private static func isRoleVerb(_ word: String) -> Bool {
    ["牵头", "负责", "配合", "参与", "协助", "指导", "落实"].contains(word)
  }

  /// 完成时限 phrases: "6月底完成", "2023年底前", "持续推进", "长期坚持".
  static func isDeadline(_ segment: String) -> Bool {
    if segment.hasPrefixBytes("持续") || segment.hasPrefixBytes("长期") || segment.hasSuffixBytes("完成") && segment.hasAtMostCharacters(14) {
      return true
    }
    let hasTime = segment.containsBytes("月") || segment.containsBytes("年底") || segment.containsBytes("年内")
    return hasTime && segment.hasAtMostCharacters(14) && segment.unicodeScalars.contains { UTF8Scalars.isDigit($0.value) || ChineseNumeral.isNumeral($0.value) }
      && (segment.hasSuffixBytes("前") || segment.hasSuffixBytes("底") || segment.hasSuffixBytes("完成") || segment.hasSuffixBytes("内"))
  }

  /// A parenthesised group: （…）, (…), or mixed （…) as PDF extraction leaves them.
  struct Group {
    var start: Int
    var end: Int
    var openLength: Int
    var closeLength: Int
  }

  /// The outermost parenthesised groups of a paragraph. Reads bytes, not scalars: the
  /// bytes of ( ) （ ） (28, 29, EF BC 88, EF BC 89) never occur inside another scalar.
  private static func parenthesisedGroups(_ buffer: UnsafeBufferPointer<UInt8>, _ paragraph: TextSpan) -> [Group] {
    var groups: [Group] = []
    var depth = 0
    var open = 0
    var openLength = 0
    let base = UnsafeRawPointer(buffer.baseAddress)
    var index = paragraph.start
    while index < paragraph.end {
      // Eight bytes at a time past text without ( ) or an EF lead byte.
      if let base, index + 8 <= paragraph.end {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if !SWAR.hasByte(in: word, between: 0x27, and: 0x2A) && !SWAR.hasByte(in: word, equalTo: 0xEF) {
          index += 8
          continue
        }
      }
      let byte = buffer[index]
      guard byte == 0x28 || byte == 0x29 || byte == 0xEF else {
        index += 1
        continue
      }
      var length = 1
      var isOpen = byte == 0x28
      var isClose = byte == 0x29
      if byte == 0xEF {
        guard index + 2 < buffer.count, buffer[index + 1] == 0xBC, buffer[index + 2] == 0x88 || buffer[index + 2] == 0x89 else {
          index += 1
          continue
        }
        length = 3
        isOpen = buffer[index + 2] == 0x88
        isClose = !isOpen
      }
      if isOpen {
        if depth == 0 {
          open = index
          openLength = length
        }
        depth += 1
      } else if isClose && depth > 0 {
        depth -= 1
        if depth == 0 {
          groups.append(Group(start: open, end: index + length, openLength: openLength, closeLength: length))
        }
      }
      index += length
    }
    return groups
  }
}
