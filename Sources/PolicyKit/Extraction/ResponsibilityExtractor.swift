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
  // The words below are UTF-8, compared with the bytes of the text: a clause is read
  // without making a string of it.
  /// `roleWords`, `leadRule` and 以下简称 (a definition, not a clause), to look for in a
  /// group before it is read.
  private static let roleWordBytes = roleWords.map { Array($0.utf8) }
  private static let leadRuleBytes = Array(leadRule.utf8)
  private static let definitionBytes = Array("以下简称".utf8)
  /// 下同 ("the same below"), a segment that names no one.
  private static let sameBelowBytes = Array("下同".utf8)
  /// Role verbs inside a segment: 牵头 (lead), 配合 参与 协助 协同 (cooperate), 负责.
  private static let leadBytes = Array("牵头".utf8)
  private static let cooperationBytes = ["配合", "参与", "协助", "协同"].map { Array($0.utf8) }
  private static let responsibleBytes = Array("负责".utf8)
  private static let labels: [([UInt8], ResponsibilityRole)] = ([
    ("牵头考核单位", .lead), ("牵头单位", .lead), ("牵头部门", .lead), ("主办单位", .lead),
    ("责任单位", .responsible), ("责任部门", .responsible), ("负责单位", .responsible), ("承办单位", .responsible),
    ("配合单位", .cooperating), ("配合部门", .cooperating), ("参与单位", .cooperating), ("协办单位", .cooperating),
  ] as [(String, ResponsibilityRole)]).map { (Array($0.0.utf8), $0.1) }
  private static let leadRule = "排在第一位的部门为牵头部门"
  /// Full stops a clause may end with: 。 and .
  private static let finalStops = ["。", "."].map { Array($0.utf8) }
  /// Trimmed around a segment, and between a label and its names.
  private static let whitespace = CharacterSet.whitespaces
  private static let labelColon = CharacterSet(charactersIn: "：: ")

  let dictionaries: PolicyDictionaries
  private let resolver: DepartmentResolver
  /// Qualifiers and role words removed from a list of names, longest first.
  private let qualifiers: FirstScalarIndex

  init(dictionaries: PolicyDictionaries) {
    self.dictionaries = dictionaries
    self.resolver = DepartmentResolver(dictionaries: dictionaries)
    self.qualifiers = Self.makeQualifiers(dictionaries)
  }

  /// The clauses in the paragraphs of `bytes` (cleaned text), in reading order.
  func clauses(in bytes: [UInt8], paragraphs: [TextSpan], pieces: TextPieces) -> [Found] {
    var found: [Found] = []
    var firstIsLead = false
    var known = KnownNames()
    bytes.withUnsafeBufferPointer { buffer in
      for paragraph in paragraphs {
        for group in Self.parenthesisedGroups(buffer, paragraph) where group.end - group.start <= 900 {
          let innerRange = (group.start + group.openLength)..<(group.end - group.closeLength)
          func contains(_ word: [UInt8]) -> Bool { ByteSearch.offset(of: word, in: buffer, within: innerRange) != nil }
          let hasLeadRule = contains(Self.leadRuleBytes)
          guard Self.roleWordBytes.contains(where: contains) || hasLeadRule, !contains(Self.definitionBytes) else { continue }
          if hasLeadRule { firstIsLead = true }
          if let clause = clause(group, in: buffer, pieces: pieces, firstIsLead: firstIsLead, known: &known) {
            found.append(clause)
          }
        }
      }
    }
    return found
  }

  /// The clause of a group that names a role, if it names departments.
  private func clause(
    _ group: Group, in text: UnsafeBufferPointer<UInt8>, pieces: TextPieces, firstIsLead: Bool, known: inout KnownNames
  ) -> Found? {
    let inner = (group.start + group.openLength)..<(group.end - group.closeLength)
    let (departments, deadline) = parse(text, inner: inner, firstIsLead: firstIsLead, known: &known)
    guard !departments.isEmpty else { return nil }
    return Found(
      text: pieces.string(group.start..<group.end), span: TextSpan(group.start, group.end), departments: departments,
      deadline: deadline)
  }

  /// Reads the inside of a clause, `text[inner]`: its departments and its deadline.
  ///
  /// Works on the bytes of the cleaned text (valid UTF-8), where segments, labels and
  /// role words are found by comparing bytes, and makes strings only of the names and
  /// deadlines it keeps: a string per segment cost more than the reading itself.
  private func parse(
    _ text: UnsafeBufferPointer<UInt8>, inner: Range<Int>, firstIsLead: Bool, known: inout KnownNames
  ) -> (departments: [DepartmentMention], deadline: String?) {
    var contentEnd = inner.upperBound
    while let stop = Self.finalStops.first(where: { ByteSearch.hasSuffix($0, in: text, inner.lowerBound..<contentEnd) }) {
      contentEnd -= stop.count
    }
    let content = inner.lowerBound..<contentEnd
    var departments: [DepartmentMention] = []
    var deadline: String? = nil
    var cursor = content.lowerBound
    var labelRole: ResponsibilityRole? = nil
    for var segment in Self.segments(text, content) {
      segment = UTF8Scalars.trimming(text, segment) { Self.whitespace.contains($0) }
      func contains(_ word: [UInt8]) -> Bool { ByteSearch.offset(of: word, in: text, within: segment) != nil }
      if contains(Self.leadRuleBytes) || ByteSearch.equals(Self.sameBelowBytes, in: text, segment) { continue }
      for (label, role) in Self.labels where ByteSearch.hasPrefix(label, in: text, segment) {
        labelRole = role
        segment = UTF8Scalars.trimming(text, (segment.lowerBound + label.count)..<segment.upperBound) { Self.labelColon.contains($0) }
        break
      }
      if Self.isDeadline(text, segment) {
        let phrase = String(decoding: UnsafeBufferPointer(rebasing: text[segment]), as: UTF8.self)
        deadline = deadline.map { "\($0)，\(phrase)" } ?? phrase
        continue
      }
      let verbRole: ResponsibilityRole? =
        contains(Self.leadBytes) ? .lead
        : Self.cooperationBytes.contains(where: contains) ? .cooperating
        : contains(Self.responsibleBytes) ? .responsible : nil
      let role = verbRole ?? labelRole ?? .responsible
      for nameBytes in names(in: UnsafeBufferPointer(rebasing: text[segment])) {
        // The name's bytes in the clause, searching on from the previous one.
        var span = TextSpan(inner.lowerBound, inner.lowerBound)
        if let start = nameBytes.withUnsafeBufferPointer({
          ByteSearch.offset(of: $0, in: text, within: cursor..<content.upperBound, backwards: false)
        }) {
          span = TextSpan(start, start + nameBytes.count)
          cursor = span.end
        }
        // Words left over from a note ("包括…自身") are no department; a clause without
        // any is dropped (the guard of `clause(_:in:pieces:firstIsLead:known:)`).
        // (Each case moves the mention it finds or makes into `mention`, copying none.)
        var mention: DepartmentMention
        let key = UTF8Key(bytes: nameBytes)
        switch known.mentions[key] {
        case .some(.some(let seen)):
          mention = seen
        case .some(.none):
          continue
        case .none:
          let found = resolver.mention(String(decoding: nameBytes, as: UTF8.self), role: role, span: span)
          guard DepartmentResolver.namesBody(found) else {
            known.mentions[key] = .some(nil)
            continue
          }
          known.mentions[key] = found
          mention = found
        }
        mention.role = role
        mention.span = span
        departments.append(mention)
      }
    }
    if firstIsLead, !departments.contains(where: { $0.role == .lead }), !departments.isEmpty {
      departments[0].role = .lead
    }
    return (departments, deadline)
  }

  /// The non-empty byte ranges of `range` between the separators ， , ； and ;
  /// (EF BC 8C, 2C, EF BC 9B, 3B: whole scalars, so a byte match is a scalar match).
  private static func segments(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
    var segments: [Range<Int>] = []
    var start = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = text[index]
      var length = 0
      if byte == 0x2C || byte == 0x3B {
        length = 1
      } else if byte == 0xEF, index + 2 < range.upperBound, text[index + 1] == 0xBC, text[index + 2] == 0x8C || text[index + 2] == 0x9B {
        length = 3
      }
      guard length > 0 else {
        index += 1
        continue
      }
      if index > start { segments.append(start..<index) }
      index += length
      start = index
    }
    if range.upperBound > start { segments.append(start..<range.upperBound) }
    return segments
  }

  /// The names met so far in a document, resolved: a document names the same departments
  /// again and again, and resolving a name looks it up in up to six tables.
  private struct KnownNames {
    /// By the name's UTF-8: its mention (whose role and span are the first use's), or nil
    /// when it names no body.
    var mentions: [UTF8Key: DepartmentMention?] = [:]
  }

  /// （ as UTF-8.
  private static let fullWidthOpen = Array("（".utf8)

  /// The department names of one segment: qualifiers and role words removed, split at 、.
  private func names(in bytes: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
    // Nested parentheses hold notes, not names: "市发展改革委（市能源局）". Without an
    // opening one (28, or EF BC 88) every byte is kept, and the segment is read as it is.
    let opens = ByteSearch.offset(of: 0x28, in: bytes, within: 0..<bytes.count) != nil
      || ByteSearch.offset(of: Self.fullWidthOpen, in: bytes, within: 0..<bytes.count) != nil
    guard opens else { return splitNames(bytes) }
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

  /// The names of a segment without its notes: qualifiers, role words, 、 and spaces
  /// separate them (the longest qualifier at each position).
  private func splitNames(_ bytes: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
    var names: [[UInt8]] = []
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
      if let match = qualifiers.firstMatch(in: bytes, at: index, scalar: scalar) { separatorLength = qualifiers.words[match].count }
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

  /// A department name from a piece between separators, if it reads as one: without a
  /// trailing 等 or 指导 and a leading 由 or 会同, two to thirty ideographs, letters or ·.
  private static func name(from piece: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var range = 0..<piece.count
    // "等" closes a list; "指导" a role ("商务部指导"), but only at the end: 指导站 is a name.
    while let word = Self.trailingWords.first(where: { ByteSearch.hasSuffix($0, in: piece, range) && range.count > $0.count }) {
      range = range.lowerBound..<(range.upperBound - word.count)
    }
    while let word = Self.leadingConnectors.first(where: { ByteSearch.hasPrefix($0, in: piece, range) }) {
      range = (range.lowerBound + word.count)..<range.upperBound
    }
    var scalars = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let (value, length) = UTF8Scalars.scalar(in: piece, at: index)
      guard UTF8Scalars.isIdeograph(value) || value == 0xB7 || Unicode.Scalar(value)?.properties.isAlphabetic == true else {
        return nil
      }
      scalars += 1
      index += length
    }
    guard scalars >= 2, scalars <= 30 else { return nil }
    return Array(UnsafeBufferPointer(rebasing: piece[range]))
  }

  /// Words after a department name that are not part of it: A等, A指导.
  private static let trailingWords = ["等", "指导"].map { Array($0.utf8) }

  /// Words before a department name that are not part of it: 由A负责, 会同B.
  private static let leadingConnectors = ["由", "会同"].map { Array($0.utf8) }

  /// Qualifiers and role words, looked up by first scalar, longest first (of two words
  /// that both stand at one place, one is the start of the other).
  private static func makeQualifiers(_ dictionaries: PolicyDictionaries) -> FirstScalarIndex {
    var words = dictionaries.qualifiers.filter { $0.unicodeScalars.count >= 2 && !Self.isRoleVerb($0) }
    words += ["按职责分工负责", "按照职责分工负责", "按职责负责", "分别负责", "牵头", "负责", "配合", "参与", "协助", "协同", "等有关部门", "等部门", "等单位"]
    return FirstScalarIndex(Array(Set(words)).sorted(), longestFirst: true)
  }

  private static func isRoleVerb(_ word: String) -> Bool {
    ["牵头", "负责", "配合", "参与", "协助", "指导", "落实"].contains(word)
  }

  /// 完成时限 phrases: "6月底完成", "2023年底前", "持续推进", "长期坚持", as `text[segment]`.
  private static func isDeadline(_ text: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>) -> Bool {
    func hasPrefix(_ word: [UInt8]) -> Bool { ByteSearch.hasPrefix(word, in: text, segment) }
    func hasSuffix(_ word: [UInt8]) -> Bool { ByteSearch.hasSuffix(word, in: text, segment) }
    func contains(_ word: [UInt8]) -> Bool { ByteSearch.offset(of: word, in: text, within: segment) != nil }
    let isShort = { UTF8Scalars.hasAtMostCharacters(text, segment, 14) }
    if hasPrefix(Deadline.ongoing) || hasPrefix(Deadline.longTerm) || hasSuffix(Deadline.done) && isShort() {
      return true
    }
    // The ending first: it is compared in place, and most segments (names) fail it.
    guard Deadline.endings.contains(where: hasSuffix), Deadline.times.contains(where: contains), isShort() else { return false }
    var index = segment.lowerBound
    while index < segment.upperBound {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if UTF8Scalars.isDigit(scalar) || ChineseNumeral.isNumeral(scalar) { return true }
      index += length
    }
    return false
  }

  /// The words of a deadline, as UTF-8.
  private enum Deadline {
    /// 持续 and 长期 (ongoing), 完成 (done by).
    static let ongoing = Array("持续".utf8)
    static let longTerm = Array("长期".utf8)
    static let done = Array("完成".utf8)
    /// A time: 月, 年底, 年内.
    static let times = ["月", "年底", "年内"].map { Array($0.utf8) }
    /// How a deadline ends: 前, 底, 完成, 内.
    static let endings = ["前", "底", "完成", "内"].map { Array($0.utf8) }
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
  /// Eight bytes at a time are passed that hold none of them (nor the start of one): the
  /// common ，：； (EF BC 8C, 9A, 9B) do not stop the skip.
  private static func parenthesisedGroups(_ buffer: UnsafeBufferPointer<UInt8>, _ paragraph: TextSpan) -> [Group] {
    var groups: [Group] = []
    var depth = 0
    var open = 0
    var openLength = 0
    var index = paragraph.start
    while index < paragraph.end {
      index = SWAR.skip(buffer, from: index, limit: paragraph.end) { word in
        !SWAR.hasByte(in: word, equalTo: 0x28, orTo: 0x29)
          && !SWAR.mayHoldSequence(word, lead: 0xEF, second: 0xBC, thirdA: 0x88, thirdB: 0x89)
      }
      guard index < paragraph.end else { break }
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
