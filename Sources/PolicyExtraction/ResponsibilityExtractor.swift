import Foundation
import PolicyBytes
import PolicyText
import PolicyModel

/// Finds responsibility clauses and reads who leads, who is responsible and who
/// cooperates: parenthesised lists of departments with their roles, the role statements
/// of the running text around them (`RoleSentences`), and the departments that head
/// blocks of duties (`DutyBlocks`).
///
/// Parenthesised forms read (field guide §4 and corpus-real): （责任单位：A、B等有关部门按职责
/// 分工负责）, （责任单位：A牵头，B、C等有关部门配合）, （牵头单位：A，责任单位：B、C…）, （A、B等按
/// 职责分工负责）, （A牵头，B、C等配合）, （A负责）, （A牵头，B参与）, （牵头单位：A；配合单位：B）,
/// （牵头单位：A。配合单位：B）, （牵头部门：A；实施部门：B）, （牵头单位：A，支撑单位：B）,
/// （A牵头负责，B、C组织落实）, （A牵头负责、B组织落实）, （A会同B负责）, （6月底完成，牵头考核
/// 单位：A）, a bare list of bodies closing a paragraph （A、B、C）, and the rules stated once
/// （…排在第一位的部门为牵头部门，下同）.
struct ResponsibilityExtractor {
  /// A clause as found, before ids and links are given.
  struct Found {
    package var text: String
    package var span: TextSpan
    package var departments: [DepartmentMention]
    package var deadline: String?
  }

  /// How a clause states its roles.
  private enum ClauseForm {
    /// With role words or labels: names without a role word of their own are responsible.
    case stated
    /// A bare list of bodies closing a paragraph, "（区经委、区规划资源局）": every piece
    /// must name a body, and each is responsible.
    case bareList
  }

  static let roleWords = ["牵头", "负责", "配合", "参与", "参加", "协同", "责任单位", "责任部门", "协办", "协助", "会同", "组织落实"]
  // The words below are UTF-8, compared with the bytes of the text: a clause is read
  // without making a string of it.
  /// `roleWords` and 以下简称 (a definition, not a clause), to look for in a group before
  /// it is read.
  static let roleWordBytes = roleWords.map { Array($0.utf8) }
  private static let definitionBytes = Array("以下简称".utf8)
  /// Labels written without a colon ("责任单位区发改委"), with the role they give.
  private static let labels: [([UInt8], ResponsibilityRole)] = ([
    ("牵头考核单位", .lead), ("牵头单位", .lead), ("牵头部门", .lead), ("主办单位", .lead),
    ("责任单位", .responsible), ("责任部门", .responsible), ("负责单位", .responsible), ("承办单位", .responsible),
    ("配合单位", .cooperating), ("配合部门", .cooperating), ("参与单位", .cooperating), ("协办单位", .cooperating),
  ] as [(String, ResponsibilityRole)]).map { (Array($0.0.utf8), $0.1) }
  /// How a label written with a colon ends: 牵头单位：, 实施部门：, 实施主体：, 责任处室：.
  private static let labelEndings = ["单位", "部门", "主体", "处室", "机构"].map { Array($0.utf8) }
  /// Full stops a clause may end with: 。 and .
  private static let finalStops = ["。", "."].map { Array($0.utf8) }
  /// Trimmed around a segment, and between a label and its names.
  private static let whitespace = CharacterSet.whitespaces
  private static let labelColon = CharacterSet(charactersIn: "：: ")

  package let dictionaries: PolicyDictionaries
  private let resolver: DepartmentResolver
  /// Qualifiers and role words that separate the names of a list, longest first.
  private let listWords: DepartmentList.Words
  /// Reads the role statements of running text.
  private let sentences: RoleSentences

  package init(dictionaries: PolicyDictionaries) {
    self.dictionaries = dictionaries
    self.resolver = DepartmentResolver(dictionaries: dictionaries)
    self.listWords = DepartmentList.Words(qualifiers: dictionaries.qualifiers)
    self.sentences = RoleSentences(resolver: resolver)
  }

  /// The clauses in the paragraphs of `bytes` (cleaned text), in reading order: the
  /// parenthesised ones, the role statements of the running text around them, and the
  /// duties of the departments that head blocks of them. (The numbering a paragraph opens
  /// with is no clause.)
  /// - Parameter tableParagraphs: the paragraphs of task tables (`TaskTableReader`), whose
  ///   roles are their columns': only a clause in parentheses inside a cell is read there.
  package func clauses(in bytes: [UInt8], paragraphs: [Paragraph], tableParagraphs: Set<Int> = [], pieces: TextPieces) -> [Found] {
    var found: [Found] = []
    /// Whether a rule stated once (with 下同, or outside a clause) makes the first
    /// department of each clause from here on the lead.
    var firstIsLead = false
    var known = KnownNames()
    var blocks = DutyBlocks()
    bytes.withUnsafeBufferPointer { buffer in
      func addDuties(_ duties: [(place: Range<Int>, names: [DepartmentList.Name])]) {
        for duty in duties {
          if let clause = dutyClause(duty.names, at: duty.place, in: buffer, pieces: pieces, known: &known) {
            found.append(clause)
          }
        }
      }
      for (index, paragraph) in paragraphs.enumerated() {
        var body = paragraph.span
        if tableParagraphs.contains(index) {
          // A task table flattened cell by cell: its roles are the table's (only a clause in
          // parentheses within a cell is read here, as before).
          for group in Self.parenthesisedGroups(buffer, body) where group.end - group.start <= 900 {
            let inner = (group.start + group.openLength)..<(group.end - group.closeLength)
            guard Self.roleWordBytes.contains(where: { ByteSearch.offset(of: $0, in: buffer, within: inner) != nil }) else { continue }
            if let clause = clause(group, in: buffer, pieces: pieces, form: .stated, firstIsLead: firstIsLead, known: &known) {
              found.append(clause)
            }
          }
          continue
        }
        /// The department whose duties the paragraph states, if any.
        var topic: [DepartmentList.Name]? = nil
        /// The department whose duty the paragraph is, when its text does not say so itself.
        var itemDuty: [DepartmentList.Name]? = nil
        if let marker = paragraph.marker {
          body = TextSpan(paragraph.titleStart, paragraph.span.end)
          let rank = OutlineBuilder.rank(marker.kind)
          let title = paragraph.titleStart..<paragraph.titleEnd
          addDuties(blocks.heading(rank: rank, text: body.start..<body.end))
          if let names = headingNames(title, in: buffer, known: &known) {
            let nextIsSibling = index + 1 == paragraphs.count
              || paragraphs[index + 1].marker.map { OutlineBuilder.rank($0.kind) <= rank } ?? false
            if nextIsSibling {
              // "（一）区房管局。负责…" then "（二）…": the item, a run-in text of its own, is the
              // department's duty (a list of names one per heading has none).
              if paragraph.isRunIn { itemDuty = names }
              topic = names
            } else {
              blocks.openBlock(rank: rank, text: body.start..<body.end, names: names)
            }
          }
        }
        let groups = Self.parenthesisedGroups(buffer, body)
        for group in groups where group.end - group.start <= 900 {
          let innerRange = (group.start + group.openLength)..<(group.end - group.closeLength)
          func contains(_ word: [UInt8]) -> Bool { ByteSearch.offset(of: word, in: buffer, within: innerRange) != nil }
          guard !contains(Self.definitionBytes) else { continue }
          let rule = LeadRule.statement(in: buffer, innerRange)
          var form = ClauseForm.stated
          if rule == nil && !Self.roleWordBytes.contains(where: contains) && !Self.hasLabel(buffer, innerRange) {
            guard Self.closesParagraph(group, buffer, body), Self.followsSentence(group, buffer, body) else { continue }
            form = .bareList
          }
          let ruleFromHere = rule != nil && contains(LeadRule.sameBelow)
          if ruleFromHere { firstIsLead = true }
          if let clause = clause(
            group, in: buffer, pieces: pieces, form: form, firstIsLead: firstIsLead || rule != nil, known: &known)
          {
            found.append(clause)
          }
        }
        let groupRanges = groups.map { $0.start..<$0.end }
        let holdsRoleWord = sentences.holdsRoleWord(buffer, body.start..<body.end, outside: groupRanges)
        let statements = sentences.statements(
          in: buffer, paragraph: body, holdsRoleWord: holdsRoleWord, groups: groupRanges, topic: topic ?? blocks.holder,
          openingReach: paragraph.marker.map { $0.kind == .article ? .none : .anyClause } ?? .sentenceOpenings, known: &known,
          pieces: pieces)
        found += statements
        if let names = itemDuty, !statements.contains(where: { $0.departments.contains { $0.role == .responsible } }) {
          addDuties([(body.start..<body.end, names)])
        }
        // A rule stated in the text itself, outside the clauses, governs those after it.
        if !firstIsLead, holdsRoleWord, let rule = LeadRule.statement(in: buffer, body.start..<body.end),
          !groups.contains(where: { $0.start <= rule.lowerBound && rule.upperBound <= $0.end })
        {
          firstIsLead = true
        }
      }
      addDuties(blocks.close(atRank: Int.min))
    }
    found.sort { $0.span.start < $1.span.start }
    return found
  }

  /// The names of a heading's title when it holds nothing else ("区建设管理委",
  /// "属地街镇（镇人民政府、街道办事处）"): each a body as running text names one (a title
  /// may be a phrase that ends like a name: 构建市场多元监管格局), none with a role word.
  private func headingNames(
    _ title: Range<Int>, in text: UnsafeBufferPointer<UInt8>, known: inout KnownNames
  ) -> [DepartmentList.Name]? {
    guard !title.isEmpty, UTF8Scalars.hasAtMostCharacters(text, title, 30) else { return nil }
    // Most titles are tasks ("加强组织领导"): only a title that ends as a name does, or with
    // a note, is read.
    let (last, _) = UTF8Scalars.scalar(in: text, before: title.upperBound)
    guard last == 0xFF09 || last == 0x29 || DepartmentResolver.endsLikeBody(UnsafeBufferPointer(rebasing: text[title])) else {
      return nil
    }
    let list = DepartmentList(UnsafeBufferPointer(rebasing: text[title]), words: listWords)
    guard list.piecesWithoutName == 0, !list.names.isEmpty, list.names.allSatisfy({ $0.role == nil }) else { return nil }
    for name in list.names {
      guard let entry = known.mention(name.bytes, resolver: resolver), entry.isBodyInText else { return nil }
    }
    return list.names
  }

  /// The clause of a duty of a block's department: the department responsible, at the
  /// text of the heading the duty stands under (`place`).
  private func dutyClause(
    _ names: [DepartmentList.Name], at place: Range<Int>, in text: UnsafeBufferPointer<UInt8>, pieces: TextPieces,
    known: inout KnownNames
  ) -> Found? {
    var departments: [DepartmentMention] = []
    for name in names {
      guard var mention = known.mention(name.bytes, resolver: resolver)?.department else { continue }
      mention.role = .responsible
      let start = ByteSearch.offset(of: name.bytes, in: text, within: place) ?? place.lowerBound
      mention.span = TextSpan(start, start + name.bytes.count)
      departments.append(mention)
    }
    guard !departments.isEmpty, !place.isEmpty else { return nil }
    return Found(text: pieces.string(place), span: TextSpan(place.lowerBound, place.upperBound), departments: departments, deadline: nil)
  }

  /// Whether `group` ends its paragraph: nothing but full stops, semicolons and spaces
  /// after it.
  private static func closesParagraph(_ group: Group, _ text: UnsafeBufferPointer<UInt8>, _ paragraph: TextSpan) -> Bool {
    var index = group.end
    while index < paragraph.end {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      guard scalar == 0x3002 || scalar == 0xFF1B || scalar == 0x2E || scalar == 0x3B || UTF8Scalars.isBlank(scalar) else {
        return false
      }
      index += length
    }
    return true
  }

  /// Whether `group` stands after the end of a sentence (。 ！ ；), as a clause closing a
  /// measure does; not after a name or a title (应急避难场所（Ⅰ类固定中心）, 办法（试行）).
  private static func followsSentence(_ group: Group, _ text: UnsafeBufferPointer<UInt8>, _ paragraph: TextSpan) -> Bool {
    guard group.start > paragraph.start else { return false }
    let (scalar, _) = UTF8Scalars.scalar(in: text, before: group.start)
    return scalar == 0x3002 || scalar == 0xFF01 || scalar == 0xFF1B
  }

  /// Whether `text[range]` holds a label with a colon ("实施部门：", "支撑单位：").
  private static func hasLabel(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var from = range.lowerBound
    while let colon = colonOffset(in: text, from..<range.upperBound) {
      if labelEndings.contains(where: { ByteSearch.hasSuffix($0, in: text, from..<colon.lowerBound) }) { return true }
      from = colon.upperBound
    }
    return false
  }

  /// The first colon (：or :) in `text[range]`, as a byte range.
  private static func colonOffset(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
    let wide = ByteSearch.offset(of: fullWidthColon, in: text, within: range).map { $0..<($0 + fullWidthColon.count) }
    let narrow = ByteSearch.offset(of: 0x3A, in: text, within: range).map { $0..<($0 + 1) }
    switch (wide, narrow) {
    case let (wide?, narrow?): return wide.lowerBound < narrow.lowerBound ? wide : narrow
    case let (wide, narrow): return wide ?? narrow
    }
  }

  /// ： as UTF-8.
  private static let fullWidthColon = Array("：".utf8)

  /// The clause of a group that names a role, if it names departments.
  private func clause(
    _ group: Group, in text: UnsafeBufferPointer<UInt8>, pieces: TextPieces, form: ClauseForm, firstIsLead: Bool,
    known: inout KnownNames
  ) -> Found? {
    let inner = (group.start + group.openLength)..<(group.end - group.closeLength)
    let (departments, deadline) = parse(text, inner: inner, form: form, firstIsLead: firstIsLead, known: &known)
    guard !departments.isEmpty else { return nil }
    return Found(
      text: pieces.string(group.start..<group.end), span: TextSpan(group.start, group.end), departments: departments,
      deadline: deadline)
  }

  /// The label a segment opens with, and the role it gives (nil: a label of no role,
  /// 指导单位), with the segment after it; nil when it opens with none.
  private static func label(
    _ text: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>
  ) -> (role: ResponsibilityRole?, rest: Range<Int>)? {
    // "实施部门：", "支撑单位：": a short label before a colon, ending as labels do.
    if let colon = colonOffset(in: text, segment), UTF8Scalars.hasAtMostCharacters(text, segment.lowerBound..<colon.lowerBound, 8),
      labelEndings.contains(where: { ByteSearch.hasSuffix($0, in: text, segment.lowerBound..<colon.lowerBound) })
    {
      return (RoleWords.labelRole(in: text, segment.lowerBound..<colon.lowerBound), colon.upperBound..<segment.upperBound)
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
  private func parse(
    _ text: UnsafeBufferPointer<UInt8>, inner: Range<Int>, form: ClauseForm, firstIsLead: Bool, known: inout KnownNames
  ) -> (departments: [DepartmentMention], deadline: String?) {
    var contentEnd = inner.upperBound
    while let stop = Self.finalStops.first(where: { ByteSearch.hasSuffix($0, in: text, inner.lowerBound..<contentEnd) }) {
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
      if LeadRule.statement(in: text, segment) != nil || ByteSearch.equals(LeadRule.sameBelow, in: text, segment) { continue }
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
      } else if byte == 0xE3, index + 2 < range.upperBound, text[index + 1] == 0x80, text[index + 2] == 0x82 {
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
