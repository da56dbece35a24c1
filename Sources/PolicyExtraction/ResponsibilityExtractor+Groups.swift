import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

/// Clauses in parentheses and labelled clauses ("（区经济信息委牵头，区科技局配合）",
/// "牵头单位：…；责任单位：…"): their segments, roles and deadlines.
extension ResponsibilityExtractor {
  /// The clause of a group that names a role, if it names departments.
  func clause(
    _ group: Group, in text: UnsafeBufferPointer<UInt8>, pieces: TextPieces, form: ClauseForm,
    firstIsLead: Bool,
    known: inout KnownNames
  ) -> Found? {
    let inner = (group.start + group.openLength)..<(group.end - group.closeLength)
    let (departments, deadline) = parse(
      text, inner: inner, form: form, firstIsLead: firstIsLead, known: &known)
    guard !departments.isEmpty else { return nil }
    return Found(
      text: pieces.string(group.start..<group.end), span: TextSpan(group.start, group.end),
      departments: departments,
      deadline: deadline)
  }

  /// The label a segment opens with, and the role it gives (nil: a label of no role,
  /// 指导单位), with the segment after it; nil when it opens with none.
  static func label(
    _ text: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>
  ) -> (role: ResponsibilityRole?, rest: Range<Int>)? {
    // "实施部门：", "支撑单位：": a short label before a colon, ending as labels do.
    if let colon = colonOffset(in: text, segment),
      UTF8Scalars.hasAtMostCharacters(text, segment.lowerBound..<colon.lowerBound, 8),
      labelEndings.contains(where: {
        ByteSearch.hasSuffix($0, in: text, segment.lowerBound..<colon.lowerBound)
      })
    {
      return (
        RoleWords.labelRole(in: text, segment.lowerBound..<colon.lowerBound),
        colon.upperBound..<segment.upperBound
      )
    }
    for (label, role) in labels where ByteSearch.hasPrefix(label, in: text, segment) {
      return (role, (segment.lowerBound + label.count)..<segment.upperBound)
    }
    return nil
  }

  /// Reads the inside of a clause, `text[inner]`: its departments and its deadline.
  ///
  /// Works on the bytes of the cleaned text (valid UTF-8), where segments, labels and
  /// role words are found by comparing bytes, and makes strings only of the names and
  /// deadlines it keeps: a string per segment cost more than the reading itself.
  func parse(
    _ text: UnsafeBufferPointer<UInt8>, inner: Range<Int>, form: ClauseForm, firstIsLead: Bool,
    known: inout KnownNames
  ) -> (departments: [DepartmentMention], deadline: String?) {
    var contentEnd = inner.upperBound
    while let stop = Self.finalStops.first(where: {
      ByteSearch.hasSuffix($0, in: text, inner.lowerBound..<contentEnd)
    }) {
      contentEnd -= stop.count
    }
    let content = inner.lowerBound..<contentEnd
    var departments: [DepartmentMention] = []
    var deadline: String? = nil
    var cursor = content.lowerBound
    /// The role of the last label: nil before any, .some(nil) after a label of no role.
    var labelRole: ResponsibilityRole?? = nil
    for var segment in Self.segments(text, content) {
      segment = UTF8Scalars.trimming(text, segment) { Self.whitespace.contains($0) }
      if LeadRule.statement(in: text, segment) != nil
        || ByteSearch.equals(LeadRule.sameBelow, in: text, segment)
      {
        continue
      }
      if let (role, rest) = Self.label(text, segment) {
        labelRole = .some(role)
        segment = UTF8Scalars.trimming(text, rest) { Self.labelColon.contains($0) }
      }
      if Self.isDeadline(text, segment) {
        let phrase = String(decoding: UnsafeBufferPointer(rebasing: text[segment]), as: UTF8.self)
        deadline = deadline.map { "\($0)，\(phrase)" } ?? phrase
        continue
      }
      let list = DepartmentList(UnsafeBufferPointer(rebasing: text[segment]), words: listWords)
      if form == .bareList && list.piecesWithoutName > 0 { return ([], nil) }
      for name in list.names {
        let role: ResponsibilityRole
        if let own = name.role {
          role = own
        } else if let labelRole {
          // A label of no role (指导单位：A): A has none.
          guard let labelled = labelRole else { continue }
          role = labelled
        } else {
          role = .responsible
        }
        // The name's bytes in the clause, searching on from the previous one; a name the
        // reader made, which stands nowhere as one, spans the clause.
        var span = TextSpan(content)
        if let start = (name.written ?? name.bytes).withUnsafeBufferPointer({
          ByteSearch.offset(of: $0, in: text, within: cursor..<content.upperBound, backwards: false)
        }) {
          span = TextSpan(start, start + (name.written ?? name.bytes).count)
          cursor = span.end
        }
        // Words left over from a note ("包括…自身") are no department, nor are the
        // collectives that name no kind of body (有关部门); a clause without any is
        // dropped (the guard of `clause(_:in:pieces:form:firstIsLead:known:)`).
        guard var mention = known.mention(name.bytes, resolver: resolver) else { continue }
        guard mention.isBody || name.isSector && form == .stated else {
          if form == .bareList { return ([], nil) }
          continue
        }
        mention.department.role = role
        mention.department.span = span
        departments.append(mention.department)
      }
    }
    if firstIsLead, !departments.contains(where: { $0.role == .lead }), !departments.isEmpty {
      departments[0].role = .lead
    }
    return (departments, deadline)
  }

  /// The non-empty byte ranges of `range` between the separators ， , ； ; and 。
  /// (EF BC 8C, 2C, EF BC 9B, 3B, E3 80 82: whole scalars, so a byte match is a scalar
  /// match).
  static func segments(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
    var segments: [Range<Int>] = []
    var start = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = text[index]
      var length = 0
      if byte == 0x2C || byte == 0x3B {
        length = 1
      } else if byte == 0xEF, index + 2 < range.upperBound, text[index + 1] == 0xBC,
        text[index + 2] == 0x8C || text[index + 2] == 0x9B
      {
        length = 3
      } else if byte == 0xE3, index + 2 < range.upperBound, text[index + 1] == 0x80,
        text[index + 2] == 0x82
      {
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

  /// 完成时限 phrases: "6月底完成", "2023年底前", "持续推进", "长期坚持", as `text[segment]`.
  static func isDeadline(_ text: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>) -> Bool {
    func hasPrefix(_ word: [UInt8]) -> Bool { ByteSearch.hasPrefix(word, in: text, segment) }
    func hasSuffix(_ word: [UInt8]) -> Bool { ByteSearch.hasSuffix(word, in: text, segment) }
    func contains(_ word: [UInt8]) -> Bool {
      ByteSearch.offset(of: word, in: text, within: segment) != nil
    }
    let isShort = { UTF8Scalars.hasAtMostCharacters(text, segment, 14) }
    if hasPrefix(Deadline.ongoing) || hasPrefix(Deadline.longTerm)
      || hasSuffix(Deadline.done) && isShort()
    {
      return true
    }
    // The ending first: it is compared in place, and most segments (names) fail it.
    guard Deadline.endings.contains(where: hasSuffix), Deadline.times.contains(where: contains),
      isShort()
    else { return false }
    var index = segment.lowerBound
    while index < segment.upperBound {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if UTF8Scalars.isDigit(scalar) || ChineseNumeral.isNumeral(scalar) { return true }
      index += length
    }
    return false
  }

  /// The words of a deadline, as UTF-8.
  enum Deadline {
    /// 持续 and 长期 (ongoing), 完成 (done by).
    static let ongoing = Array("持续".utf8)
    static let longTerm = Array("长期".utf8)
    package static let done = Array("完成".utf8)
    /// A time: 月, 年底, 年内.
    package static let times = ["月", "年底", "年内"].map { Array($0.utf8) }
    /// How a deadline ends: 前, 底, 完成, 内.
    package static let endings = ["前", "底", "完成", "内"].map { Array($0.utf8) }
  }

  /// A parenthesised group: （…）, (…), or mixed （…) as PDF extraction leaves them.
  package struct Group {
    package var start: Int
    package var end: Int
    var openLength: Int
    package var closeLength: Int
  }

  /// The outermost parenthesised groups of a paragraph. Reads bytes, not scalars: the
  /// bytes of ( ) （ ） (28, 29, EF BC 88, EF BC 89) never occur inside another scalar.
  /// Eight bytes at a time are passed that hold none of them (nor the start of one): the
  /// common ，：； (EF BC 8C, 9A, 9B) do not stop the skip.
  static func parenthesisedGroups(_ buffer: UnsafeBufferPointer<UInt8>, _ paragraph: TextSpan)
    -> [Group]
  {
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
        guard index + 2 < buffer.count, buffer[index + 1] == 0xBC,
          buffer[index + 2] == 0x88 || buffer[index + 2] == 0x89
        else {
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
          groups.append(
            Group(start: open, end: index + length, openLength: openLength, closeLength: length))
        }
      }
      index += length
    }
    return groups
  }
}
