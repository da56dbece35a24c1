import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

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
  enum ClauseForm {
    /// With role words or labels: names without a role word of their own are responsible.
    case stated
    /// A bare list of bodies closing a paragraph, "（区经委、区规划资源局）": every piece
    /// must name a body, and each is responsible.
    case bareList
  }

  static let roleWords = [
    "牵头", "负责", "配合", "参与", "参加", "协同", "责任单位", "责任部门", "协办", "协助", "会同", "组织落实",
  ]
  // The words below are UTF-8, compared with the bytes of the text: a clause is read
  // without making a string of it.
  /// `roleWords` and 以下简称 (a definition, not a clause), to look for in a group before
  /// it is read.
  static let roleWordBytes = roleWords.map { Array($0.utf8) }
  static let definitionBytes = Array("以下简称".utf8)
  /// Labels written without a colon ("责任单位区发改委"), with the role they give.
  static let labels: [([UInt8], ResponsibilityRole)] =
    ([
      ("牵头考核单位", .lead), ("牵头单位", .lead), ("牵头部门", .lead), ("主办单位", .lead),
      ("责任单位", .responsible), ("责任部门", .responsible), ("负责单位", .responsible),
      ("承办单位", .responsible),
      ("配合单位", .cooperating), ("配合部门", .cooperating), ("参与单位", .cooperating),
      ("协办单位", .cooperating),
    ] as [(String, ResponsibilityRole)]).map { (Array($0.0.utf8), $0.1) }
  /// How a label written with a colon ends: 牵头单位：, 实施部门：, 实施主体：, 责任处室：.
  static let labelEndings = ["单位", "部门", "主体", "处室", "机构"].map { Array($0.utf8) }
  /// Full stops a clause may end with: 。 and .
  static let finalStops = ["。", "."].map { Array($0.utf8) }
  /// Trimmed around a segment, and between a label and its names.
  static let whitespace = CharacterSet.whitespaces
  static let labelColon = CharacterSet(charactersIn: "：: ")

  package let dictionaries: PolicyDictionaries
  let resolver: DepartmentResolver
  /// Qualifiers and role words that separate the names of a list, longest first.
  let listWords: DepartmentList.Words
  /// Reads the role statements of running text.
  let sentences: RoleSentences

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
  package func clauses(
    in bytes: [UInt8], paragraphs: [Paragraph], tableParagraphs: Set<Int> = [], pieces: TextPieces
  ) -> [Found] {
    var found: [Found] = []
    /// Whether a rule stated once (with 下同, or outside a clause) makes the first
    /// department of each clause from here on the lead.
    var firstIsLead = false
    var known = KnownNames()
    var blocks = DutyBlocks()
    /// Whether the document is a law's: articles (第X条) among its headings.
    let hasArticles = paragraphs.contains { $0.marker?.kind == .article }
    bytes.withUnsafeBufferPointer { buffer in
      for term in DefinedCollectives.terms(in: buffer) { known.markUnnamed(term) }
      func addDuties(_ duties: [(place: Range<Int>, names: [DepartmentList.Name])]) {
        for duty in duties {
          if let clause = dutyClause(
            duty.names, at: duty.place, in: buffer, pieces: pieces, known: &known)
          {
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
            guard
              Self.roleWordBytes.contains(where: {
                ByteSearch.offset(of: $0, in: buffer, within: inner) != nil
              })
            else { continue }
            if let clause = clause(
              group, in: buffer, pieces: pieces, form: .stated, firstIsLead: firstIsLead,
              known: &known)
            {
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
          // In a law, a part, chapter or section (第二章 监察机关及其职责, 第三章 村民委员会及其
          // 下属委员会) heads no block of one body's duties: its articles name their own
          // subjects. A heading of a body's duties inside a block ("2.1 国家粮食应急工作指挥部"
          // then "2.1.3 成员单位职责") is none of the block's body's.
          let mayHeadDuties = !hasArticles || rank >= OutlineBuilder.rank(.chineseOrdinal)
          let names =
            mayHeadDuties ? headingNames(title, in: buffer, readsDuties: true, known: &known) : nil
          let headsDuties =
            Self.dutiesEndings.contains { ByteSearch.hasSuffix($0, in: buffer, title) }
            && (names != nil || Self.namesMembers(title, in: buffer))
          addDuties(blocks.heading(rank: rank, text: body.start..<body.end, isDuty: !headsDuties))
          if let names {
            let nextIsSibling =
              index + 1 == paragraphs.count
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
          func contains(_ word: [UInt8]) -> Bool {
            ByteSearch.offset(of: word, in: buffer, within: innerRange) != nil
          }
          guard !contains(Self.definitionBytes) else { continue }
          let rule = LeadRule.statement(in: buffer, innerRange)
          var form = ClauseForm.stated
          if rule == nil && !Self.roleWordBytes.contains(where: contains)
            && !Self.hasLabel(buffer, innerRange)
          {
            guard Self.closesParagraph(group, buffer, body),
              Self.followsSentence(group, buffer, body)
            else { continue }
            form = .bareList
          }
          let ruleFromHere = rule != nil && contains(LeadRule.sameBelow)
          if ruleFromHere { firstIsLead = true }
          if let clause = clause(
            group, in: buffer, pieces: pieces, form: form, firstIsLead: firstIsLead || rule != nil,
            known: &known)
          {
            found.append(clause)
          }
        }
        let groupRanges = groups.map { $0.start..<$0.end }
        let holdsRoleWord = sentences.holdsRoleWord(
          buffer, body.start..<body.end, outside: groupRanges)
        let statements = sentences.statements(
          in: buffer, paragraph: body, holdsRoleWord: holdsRoleWord, groups: groupRanges,
          topic: topic ?? blocks.holder,
          openingReach: paragraph.marker.map { $0.kind == .article ? .none : .anyClause }
            ?? .sentenceOpenings, known: &known,
          pieces: pieces)
        found += statements
        if let names = itemDuty,
          !statements.contains(where: { $0.departments.contains { $0.role == .responsible } })
        {
          addDuties([(body.start..<body.end, names)])
        }
        // A rule stated in the text itself, outside the clauses, governs those after it.
        if !firstIsLead, holdsRoleWord,
          let rule = LeadRule.statement(in: buffer, body.start..<body.end),
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
  /// "属地街镇（镇人民政府、街道办事处）"), or nothing else before the word for their duties
  /// ("国家粮食应急工作指挥部职责", "执行机构及其职责", when `readsDuties`): each a body as
  /// running text names one (a title may be a phrase that ends like a name: 构建市场多元监管
  /// 格局), none with a role word, none the members of a body (成员单位职责: each member's
  /// duty names it).
  func headingNames(
    _ title: Range<Int>, in text: UnsafeBufferPointer<UInt8>, readsDuties: Bool = false,
    known: inout KnownNames
  ) -> [DepartmentList.Name]? {
    var title = title
    if readsDuties,
      let duties = Self.dutiesEndings.first(where: { ByteSearch.hasSuffix($0, in: text, title) })
    {
      title = title.lowerBound..<(title.upperBound - duties.count)
      guard !Self.membersEndings.contains(where: { ByteSearch.hasSuffix($0, in: text, title) })
      else { return nil }
    }
    guard !title.isEmpty, UTF8Scalars.hasAtMostCharacters(text, title, 30) else { return nil }
    // Most titles are tasks ("加强组织领导"): only a title that ends as a name does, or with
    // a note, is read.
    let (last, _) = UTF8Scalars.scalar(in: text, before: title.upperBound)
    guard
      last == .scalar("）") || last == 0x29
        || DepartmentResolver.endsLikeBody(UnsafeBufferPointer(rebasing: text[title]))
    else {
      return nil
    }
    let list = DepartmentList(UnsafeBufferPointer(rebasing: text[title]), words: listWords)
    guard list.piecesWithoutName == 0, !list.names.isEmpty,
      list.names.allSatisfy({ $0.role == nil })
    else { return nil }
    for name in list.names {
      guard let entry = known.mention(name.bytes, resolver: resolver), entry.isBodyInText else {
        return nil
      }
    }
    return list.names
  }

  /// The words after a body's name that make a heading of its duties: 及其职责, 的职责,
  /// 主要职责, 职责 (the longest first).
  static let dutiesEndings = ["及其职责", "的主要职责", "主要职责", "的职责", "职责"].map { Array($0.utf8) }
  /// How the names of a body's members end: 成员单位, 成员部门, 成员.
  static let membersEndings = ["成员单位", "成员部门", "成员"].map { Array($0.utf8) }

  /// Whether `title` heads the duties of a body's members ("指挥部成员单位职责").
  static func namesMembers(_ title: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let duties = dutiesEndings.first(where: { ByteSearch.hasSuffix($0, in: text, title) })
    else { return false }
    let named = title.lowerBound..<(title.upperBound - duties.count)
    return membersEndings.contains { ByteSearch.hasSuffix($0, in: text, named) }
  }

  /// The clause of a duty of a block's department: the department responsible, at the
  /// text of the heading the duty stands under (`place`).
  func dutyClause(
    _ names: [DepartmentList.Name], at place: Range<Int>, in text: UnsafeBufferPointer<UInt8>,
    pieces: TextPieces,
    known: inout KnownNames
  ) -> Found? {
    var departments: [DepartmentMention] = []
    for name in names {
      guard var mention = known.mention(name.bytes, resolver: resolver)?.department else {
        continue
      }
      mention.role = .responsible
      let start = ByteSearch.offset(of: name.bytes, in: text, within: place) ?? place.lowerBound
      mention.span = TextSpan(start, start + name.bytes.count)
      departments.append(mention)
    }
    guard !departments.isEmpty, !place.isEmpty else { return nil }
    return Found(
      text: pieces.string(place), span: TextSpan(place.lowerBound, place.upperBound),
      departments: departments, deadline: nil)
  }

  /// Whether `group` ends its paragraph: nothing but full stops, semicolons and spaces
  /// after it.
  static func closesParagraph(
    _ group: Group, _ text: UnsafeBufferPointer<UInt8>, _ paragraph: TextSpan
  ) -> Bool {
    var index = group.end
    while index < paragraph.end {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      guard
        scalar == .scalar("。") || scalar == .scalar("；") || scalar == 0x2E || scalar == 0x3B
          || UTF8Scalars.isBlank(scalar)
      else {
        return false
      }
      index += length
    }
    return true
  }

  /// Whether `group` stands after the end of a sentence (。 ！ ；), as a clause closing a
  /// measure does; not after a name or a title (应急避难场所（Ⅰ类固定中心）, 办法（试行）).
  static func followsSentence(
    _ group: Group, _ text: UnsafeBufferPointer<UInt8>, _ paragraph: TextSpan
  ) -> Bool {
    guard group.start > paragraph.start else { return false }
    let (scalar, _) = UTF8Scalars.scalar(in: text, before: group.start)
    return scalar == .scalar("。") || scalar == .scalar("！") || scalar == .scalar("；")
  }

  /// Whether `text[range]` holds a label with a colon ("实施部门：", "支撑单位：").
  static func hasLabel(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var from = range.lowerBound
    while let colon = colonOffset(in: text, from..<range.upperBound) {
      if labelEndings.contains(where: {
        ByteSearch.hasSuffix($0, in: text, from..<colon.lowerBound)
      }) {
        return true
      }
      from = colon.upperBound
    }
    return false
  }

  /// The first colon (：or :) in `text[range]`, as a byte range.
  static func colonOffset(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
    let wide = ByteSearch.offset(of: fullWidthColon, in: text, within: range).map {
      $0..<($0 + fullWidthColon.count)
    }
    let narrow = ByteSearch.offset(of: 0x3A, in: text, within: range).map { $0..<($0 + 1) }
    switch (wide, narrow) {
    case (let wide?, let narrow?): return wide.lowerBound < narrow.lowerBound ? wide : narrow
    case (let wide, let narrow): return wide ?? narrow
    }
  }

  /// ： as UTF-8.
  static let fullWidthColon = Array("：".utf8)
}
