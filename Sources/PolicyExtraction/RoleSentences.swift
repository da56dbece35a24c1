import PolicyBytes
import PolicyText
import PolicyModel

/// Role statements in running text, outside parentheses (docs/gold-format.md, "What is a
/// role statement"): a named body as the subject of a role word.
///
/// Forms read: "区城管执法局负责…", "由区生态环境局牵头，区水务局配合", "市住房城乡建设管理委牵头
/// 负责…", "由市交通委会同市公安局等部门…" (the subject of 会同 leads, its objects cooperate),
/// "公安、市场监管等部门要加强协调配合" (sectors before 等部门), "各区政府是…的责任主体",
/// "各镇政府、街道办事处和头桥集团落实主体责任", a role word without a subject of its own,
/// which is the sentence's ("区交通委根据…，负责编制…"; "镇政府配合做好…，负责…"), and a
/// paragraph headed by its body ("区民防办：负责…；参与…"). Not role statements: a body
/// without a role word ("市住房城乡建设管理委要加强…", "联合市规划资源局推动…"), the object
/// of 配合 ("配合市发改委做好…"), people (负责人), and a verb before a name
/// ("鼓励保险公司积极参与").
///
/// Works on the bytes of the cleaned text; a paragraph is read only when it holds a role
/// word, and names are resolved through the document's `KnownNames`.
struct RoleSentences {
  private let resolver: DepartmentResolver
  /// Role words, longest first, each with its effect.
  private let roleWords: FirstScalarIndex
  private let roleEffects: [Effect]
  /// Words that may stand between a subject and its role word (要, 按职责分工, 积极 …),
  /// longest first.
  private let fillers: [[UInt8]]
  /// Words that open what is said of a body, after its name: the fillers, the role words,
  /// 等, and the verbs and prepositions a duty opens with (根据, 对, 组织, 加强 …).
  private let nameEndings: FirstScalarIndex

  /// What a role word says of its subject.
  private enum Effect {
    case role(ResponsibilityRole)
    /// 会同: the subject leads, the names after it cooperate.
    case together
    /// 责任主体, 主体责任, 落实…责任: responsible, but only for a subject the clause names.
    case accountable
  }

  package init(resolver: DepartmentResolver) {
    self.resolver = resolver
    let words: [(String, Effect)] = [
      ("牵头负责", .role(.lead)), ("负责牵头", .role(.lead)), ("牵头", .role(.lead)),
      ("负责配合", .role(.cooperating)), ("负责", .role(.responsible)), ("组织落实", .role(.responsible)),
      ("配合", .role(.cooperating)), ("参与", .role(.cooperating)), ("参加", .role(.cooperating)),
      ("协同", .role(.cooperating)), ("协助", .role(.cooperating)), ("会同", .together), ("负责会同", .together),
      ("责任主体", .accountable), ("主体责任", .accountable), ("落实", .accountable),
    ]
    let index = FirstScalarIndex(words.map(\.0), longestFirst: true)
    roleWords = index
    // The index keeps the words in the order given: their effects line up with them.
    roleEffects = words.map(\.1)
    fillers = [
      "按照各自职责", "按照职责分工", "按职责分工", "根据职责分工", "按照职责", "按职责", "根据职责", "应当", "需要", "分别", "积极", "主动",
      "共同", "具体", "予以", "切实", "全力", "统一", "同时", "主要", "继续", "进一步", "加强", "协调", "指导和", "支持和", "做好", "要", "应",
      "需", "将", "可以", "可", "也", "还", "并", "又", "既",
    ].map { Array($0.utf8) }.sorted { $0.count > $1.count }
    let opening = [
      "等", "根据", "按照", "依据", "结合", "对", "在", "组织", "统筹", "指导", "督促", "做好", "加强", "建立", "制定", "开展", "推进",
      "推动", "履行", "承担", "是", "为", "作为", "联合", "协调", "依法", "牵头", "负责", "组建", "成立",
    ]
    nameEndings = FirstScalarIndex(
      Array(Set(opening + words.map(\.0) + fillers.map { String(decoding: $0, as: UTF8.self) })), longestFirst: true)
  }

  /// Words that open a paragraph worth reading: every role word holds one (落实 counts
  /// only with 责任), looked up by first scalar.
  private let triggers = FirstScalarIndex(["负责", "牵头", "配合", "参与", "参加", "协同", "协助", "会同", "责任", "组织落实"])

  /// Whether `text[range]` holds, outside its parenthesised `groups` (sorted), a word that
  /// every role word holds (牵头 of 为牵头 in the rules stated once too): one pass over its
  /// scalars (a byte search per word stopped at every byte its last one ends with).
  func holdsRoleWord(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, outside groups: [Range<Int>]) -> Bool {
    var index = range.lowerBound
    var group = 0
    while index < range.upperBound {
      if group < groups.count && index >= groups[group].lowerBound {
        index = max(index, groups[group].upperBound)
        group += 1
        continue
      }
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if let candidates = triggers.candidates(startingWith: scalar),
        candidates.contains(where: { ByteSearch.hasPrefix(triggers.words[$0], in: text, index..<range.upperBound) })
      {
        return true
      }
      index += length
    }
    return false
  }
  /// 落实 is a role word only with 责任 after it in its clause (落实属地主体责任).
  private static let implement = Array("落实".utf8)
  private static let responsibility = Array("责任".utf8)
  /// 同级, 本级 ("会同同级财政部门", "会同本级人民政府生态环境等有关主管部门"): the level of
  /// the bodies after 会同 is the subject's.
  private static let sameLevelWords = ["本级人民政府", "同级人民政府", "同级", "本级"].map { Array($0.utf8) }
  /// Words that open an adverbial clause before a sentence's role word ("按照…规划，配合…").
  private static let adverbialOpenings = ["按照", "根据", "依据", "依照"].map { Array($0.utf8) }
  /// 由 ("由区生态环境局牵头"): the subject follows it.
  private static let by = Array("由".utf8)
  /// 授权 ("州人民政府授权州数据资源主管部门负责…"): the body after it is the subject.
  private static let authorizes = Array("授权".utf8)
  /// Words before a clause's subject that are not part of it: 并, 同时, 另外.
  private static let connectors = ["同时", "并由", "并", "另外"].map { Array($0.utf8) }
  /// How many clauses back a role word without a subject looks for one: "区交通委根据…，
  /// 结合…，按照…，负责…".
  private static let subjectReach = 3
  /// Characters no department name holds: they join a name to the words around it
  /// ("区级文物保护单位由区文化局").
  private static let foreignScalars: Set<UInt32> = Set("由的对在将把被向从是要其以按".unicodeScalars.map(\.value))
  /// Verbs that set up a body before the list of its members ("建立文物、公安…等部门和单位参加的
  /// 联动机制"): left out of the first name.
  private static let mechanismVerbs = ["建立", "成立", "组建"].map { Array($0.utf8) }

  /// The bodies a clause is about (none of them named, for "各部门").
  private struct Subject {
    package var names: [DepartmentList.Name]
  }

  /// The role statements of `paragraph`, outside the parenthesised `groups`, as clauses
  /// (one per sentence that states a role). `topic` is the department whose block of
  /// duties the paragraph stands in, the subject of a role word that has none;
  /// `holdsRoleWord` is `holdsRoleWord(text, paragraph, outside: groups)`; `openingReach`
  /// says how far the bodies the paragraph opens with go on being its subject.
  package func statements(
    in text: UnsafeBufferPointer<UInt8>, paragraph: TextSpan, holdsRoleWord: Bool, groups: [Range<Int>],
    topic: [DepartmentList.Name]?, openingReach: OpeningReach = .none, known: inout KnownNames, pieces: TextPieces
  ) -> [ResponsibilityExtractor.Found] {
    let range = paragraph.start..<paragraph.end
    guard !range.isEmpty, text[range.lowerBound] != 0x7C else { return [] }  // a Markdown table row: the tables' own
    // Read a paragraph with a role word, or one that may open with the body whose duties
    // it lists ("各镇、街道、开发区：按照…").
    let opening = range.lowerBound..<min(range.upperBound, range.lowerBound + Self.headLength)
    guard holdsRoleWord || ByteSearch.offset(of: Self.fullWidthColon, in: text, within: opening) != nil else { return [] }
    var found: [ResponsibilityExtractor.Found] = []
    var paragraphSubject: Subject? = topic.map { Subject(names: $0) }
    /// The bodies a numbered item's first sentence opens with ("（十一）区财政局按规定…。
    /// 负责配合…"): the subject of a later sentence's role word that has none, when nothing
    /// nearer is.
    var openingSubject: Subject? = nil
    for (ordinal, sentence) in Self.sentences(text, range, groups: groups).enumerated() {
      defer {
        if openingReach != .none, ordinal == 0, let first = sentence.clauses.first, !first.endsWithColon, !first.continuesAfterGroup,
          let leading = leadingNames(in: text, trimmed(text, first.range), known: &known),
          !namesQualifyANoun(text, after: leading.end, in: trimmed(text, first.range))
        {
          openingSubject = Subject(names: leading.names)
        }
      }
      /// The subject of the latest clause that opened with one.
      var currentSubject: Subject? = nil
      /// The clauses since then without a role word, whose opening names (if any) are
      /// the subject of a later role word that has none of its own.
      var unread: [Range<Int>] = []
      var departments: [DepartmentMention] = []
      func record(_ names: [DepartmentList.Name], _ role: ResponsibilityRole) {
        for name in names {
          guard let entry = known.mention(name.bytes, resolver: resolver), entry.isBody || name.isSector,
            !departments.contains(where: { $0.name == entry.department.name && $0.role == role })
          else { continue }
          var mention = entry.department
          mention.role = role
          // Where the name stands; a name the reader made ("市公安交管部门" of "市、区公安交管
          // 部门") stands nowhere as one: its span is the sentence that names it.
          let written = name.written ?? name.bytes
          mention.span = ByteSearch.offset(of: written, in: text, within: sentence.range).map { TextSpan($0, $0 + written.count) }
            ?? TextSpan(sentence.range)
          departments.append(mention)
        }
      }
      for (position, clause) in sentence.clauses.enumerated() {
        let body = trimmed(text, clause.range)
        guard !body.isEmpty else { continue }
        // "区民防办：负责…": the body the paragraph is about, which heads a block of duties,
        // responsible for them. Not names the colon ends the paragraph after ("区政府各部门、
        // 各街道办事处：": the addressees).
        if clause.endsWithColon, ordinal == 0, position == 0,
          Self.holdsText(text, after: clause.range.upperBound, in: range),
          let names = names(filling: body, in: text, known: &known, asHeading: true)
        {
          paragraphSubject = Subject(names: names)
          record(names, .responsible)
          continue
        }
        guard let (wordStart, wordEnd, effect) = firstRoleWord(in: text, body) else {
          if !clause.continuesAfterGroup { unread.append(body) }
          continue
        }
        let before = stripFillers(text, body.lowerBound..<wordStart)
        var subject: Subject? = nil
        var named = false
        if clause.continuesAfterGroup {
          // The words before the role word end a name cut by the group: no subject read.
        } else if before.isEmpty {
          // No subject of its own: the nearest clause before that opens with names, or
          // the latest subject, or the body the paragraph is about; none for a role word
          // that only qualifies a noun ("参与…工作的各部门").
          for clause in unread.suffix(Self.subjectReach).reversed() {
            // "市相关部门和各相关区政府组成的…机制": names that only qualify a noun.
            guard let leading = leadingNames(in: text, clause, known: &known),
              !namesQualifyANoun(text, after: leading.end, in: clause)
            else { continue }
            currentSubject = Subject(names: leading.names)
            break
          }
          unread = []
          if !roleWordQualifiesANoun(text, wordEnd..<body.upperBound) {
            // A later sentence that opens with its role word ("负责配合…", or after an
            // adverbial clause: "按照…规划，配合推进…") goes on about the bodies the
            // paragraph opened with.
            let opensSentence = position == 0 || (position == 1 && Self.adverbialOpenings.contains {
              ByteSearch.hasPrefix($0, in: text, trimmed(text, sentence.clauses[0].range)) })
            let reaches = openingReach == .anyClause || (openingReach == .sentenceOpenings && opensSentence)
            subject = currentSubject ?? paragraphSubject ?? (ordinal > 0 && reaches ? openingSubject : nil)
          }
        } else if let names = names(filling: before, in: text, known: &known) {
          subject = Subject(names: names)
          named = true
        } else if let introduced = lastOffset(of: Self.by, in: text, before),
          let names = names(filling: (introduced + Self.by.count)..<before.upperBound, in: text, known: &known)
        {
          // "由区文化局会同…": the agent of its clause, not what the sentence is about.
          subject = Subject(names: names)
          named = true
        } else if case .accountable = effect, let leading = leadingNames(in: text, body, known: &known) {
          subject = Subject(names: leading.names)
          named = true
        }
        // The subject of what follows, unless 由 brings it in after a verb ("建立由A牵头、
        // B组成的机制，负责…": the mechanism is responsible); "由A牵头，会同B…" opens with it.
        if named, ByteSearch.hasPrefix(Self.by, in: text, body)
          || ByteSearch.offset(of: Self.by, in: text, within: body.lowerBound..<wordStart) == nil
        {
          currentSubject = subject
          unread = []
        }
        if case .together = effect {
          // The subject leads; the bodies after 会同 cooperate, whoever leads ("开展…，会同
          // 城管执法、市场监管等部门开展…"). "会同同级财政、人力资源社会保障部门": bodies of the
          // subject's own level.
          if let subject { record(subject.names, .lead) }
          let sameLevel = Self.sameLevelWords.first { ByteSearch.hasPrefix($0, in: text, wordEnd..<body.upperBound) }
          let objectsStart = wordEnd + (sameLevel?.count ?? 0)
          if let objects = leadingNames(in: text, objectsStart..<body.upperBound, known: &known) {
            // "会同有关部门组成征兵办公室": unnamed bodies and what they do, no name.
            record(objects.names.filter { !Self.holdsUnnamedBodies($0.bytes) }, .cooperating)
          }
          continue
        }
        guard let subject else { continue }
        switch effect {
        case .role(let role):
          record(subject.names, role)
        case .together:
          break
        case .accountable:
          if named { record(subject.names, .responsible) }
        }
      }
      guard !departments.isEmpty else { continue }
      found.append(
        ResponsibilityExtractor.Found(
          text: pieces.string(sentence.range), span: TextSpan(sentence.range.lowerBound, sentence.range.upperBound),
          departments: departments, deadline: nil))
    }
    return found
  }

  /// How far the bodies a paragraph's first sentence opens with go on being the subject
  /// of later sentences whose role word has none.
  enum OpeningReach {
    /// Not at all: an article, whose sentences name their own subjects.
    case none
    /// To later sentences that open with their role word ("负责调解…"), or after an
    /// adverbial clause ("按照…，配合…"): an unnumbered paragraph.
    case sentenceOpenings
    /// To any clause of later sentences: a numbered item, one body's duties
    /// ("（十一）区财政局按规定…。负责配合…").
    case anyClause
  }

  // MARK: Sentences and clauses

  private struct Clause {
    package var range: Range<Int>
    /// Whether a colon closes it ("区民防办：").
    var endsWithColon: Bool
    /// Whether it goes on after a parenthesised group inside a clause ("街道(开发区)办事处"):
    /// what it opens with is the end of a name, not a subject.
    var continuesAfterGroup = false
  }

  private struct Sentence {
    package var range: Range<Int>
    package var clauses: [Clause]
  }

  /// The sentences of `range` (up to 。！？), each cut into clauses at ，；：and at the
  /// parenthesised groups, which are left out; a short note inside a clause
  /// ("区建设管理委(区交通委)、区水务局") stays in it.
  private static func sentences(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, groups: [Range<Int>]) -> [Sentence] {
    var sentences: [Sentence] = []
    var clauses: [Clause] = []
    var sentenceStart = range.lowerBound
    var clauseStart = range.lowerBound
    var groupIndex = 0
    var index = range.lowerBound
    var afterGroup = false
    func closeClause(at end: Int, colon: Bool) {
      if end > clauseStart {
        clauses.append(Clause(range: clauseStart..<end, endsWithColon: colon, continuesAfterGroup: afterGroup))
      }
      afterGroup = false
    }
    func closeSentence(at end: Int) {
      if !clauses.isEmpty { sentences.append(Sentence(range: sentenceStart..<end, clauses: clauses)) }
      clauses = []
    }
    while index < range.upperBound {
      while groupIndex < groups.count && groups[groupIndex].upperBound <= index { groupIndex += 1 }
      if groupIndex < groups.count && groups[groupIndex].lowerBound == index {
        if isNote(text, groups[groupIndex], in: range) {
          index = groups[groupIndex].upperBound
          continue
        }
        let inClause = index > clauseStart
        closeClause(at: index, colon: false)
        index = groups[groupIndex].upperBound
        clauseStart = index
        afterGroup = inClause
        continue
      }
      let byte = text[index]
      var length = 0
      var kind = 0  // 1: clause, 2: colon, 3: sentence
      switch byte {
      case 0x2C: (length, kind) = (1, 1)  // ,
      case 0x3A: (length, kind) = (1, 2)  // :
      case 0x3B: (length, kind) = (1, 1)  // ;
      case 0x21, 0x3F: (length, kind) = (1, 3)  // ! ?
      case 0xEF where index + 2 < range.upperBound && text[index + 1] == 0xBC:
        switch text[index + 2] {
        case 0x8C: (length, kind) = (3, 1)  // ，
        case 0x9A: (length, kind) = (3, 2)  // ：
        case 0x9B: (length, kind) = (3, 1)  // ；: its parts speak of one body ("A负责…；牵头…")
        case 0x81, 0x9F: (length, kind) = (3, 3)  // ！？
        default: break
        }
      case 0xE3 where index + 2 < range.upperBound && text[index + 1] == 0x80 && text[index + 2] == 0x82:
        (length, kind) = (3, 3)  // 。
      default: break
      }
      guard kind > 0 else {
        index += 1
        continue
      }
      closeClause(at: index, colon: kind == 2)
      index += length
      clauseStart = index
      if kind == 3 {
        closeSentence(at: index)
        sentenceStart = index
      }
    }
    closeClause(at: range.upperBound, colon: false)
    closeSentence(at: range.upperBound)
    return sentences
  }

  /// Whether the words after a role word only qualify a noun that names bodies
  /// ("参与数字政府建设工作的各部门、单位"): the text after its last 的 ends as a body does.
  private func roleWordQualifiesANoun(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard let of = lastOffset(of: Self.possessive, in: text, range) else { return false }
    return DepartmentResolver.endsLikeBody(UnsafeBufferPointer(rebasing: text[(of + Self.possessive.count)..<range.upperBound]))
  }

  private static let possessive = Array("的".utf8)

  /// Whether names that end at `end` of `clause` qualify a noun: 的 follows within four
  /// characters ("…组成的推进机制"), not later ("区属国企…应充分发挥在…领域的主力军作用").
  private func namesQualifyANoun(_ text: UnsafeBufferPointer<UInt8>, after end: Int, in clause: Range<Int>) -> Bool {
    let window = end..<min(clause.upperBound, end + 5 * 3)
    return ByteSearch.offset(of: Self.possessive, in: text, within: window) != nil
  }
  /// （ and ： as UTF-8.
  private static let fullWidthOpen = Array("（".utf8)
  private static let fullWidthColon = Array("：".utf8)
  /// How far into a paragraph the colon after the bodies that head it may stand: thirty
  /// characters.
  private static let headLength = 30 * 3

  /// Whether `group` is a note inside a clause: short, with no role word, between the
  /// characters of a name or a list ("区建设管理委(区交通委)、", "街道（开发区）办事处").
  private static func isNote(_ text: UnsafeBufferPointer<UInt8>, _ group: Range<Int>, in range: Range<Int>) -> Bool {
    // The words of a role: a group with one is a clause, never a note.
    let noteTriggers = ResponsibilityExtractor.roleWordBytes
    guard group.count <= 48, group.lowerBound > range.lowerBound, group.upperBound < range.upperBound,
      !noteTriggers.contains(where: { ByteSearch.offset(of: $0, in: text, within: group) != nil })
    else { return false }
    let (before, _) = UTF8Scalars.scalar(in: text, before: group.lowerBound)
    let (after, _) = UTF8Scalars.scalar(in: text, at: group.upperBound)
    return UTF8Scalars.isIdeograph(before) && (UTF8Scalars.isIdeograph(after) || after == 0x3001)
  }

  /// Whether `range` goes on after the colon that ends at `colonStart` (the colon and
  /// the spaces after it passed): with the text of the duties, not the end of the line.
  private static func holdsText(_ text: UnsafeBufferPointer<UInt8>, after colonStart: Int, in range: Range<Int>) -> Bool {
    var index = colonStart
    while index < range.upperBound {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if scalar != 0xFF1A && scalar != 0x3A && !UTF8Scalars.isBlank(scalar) { return true }
      index += length
    }
    return false
  }

  /// `range` without spaces around it and the connectors it opens with (并, 同时).
  private func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var range = UTF8Scalars.trimming(text, range) { UTF8Scalars.isBlank($0.value) }
    while let connector = Self.connectors.first(where: { ByteSearch.hasPrefix($0, in: text, range) }) {
      range = (range.lowerBound + connector.count)..<range.upperBound
    }
    return range
  }

  /// `range` without the fillers it ends with ("区规资局、区土地储备中心予以指导和" →
  /// "区规资局、区土地储备中心").
  private func stripFillers(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var range = range
    while let filler = fillers.first(where: { ByteSearch.hasSuffix($0, in: text, range) }) {
      range = range.lowerBound..<(range.upperBound - filler.count)
    }
    return range
  }

  /// The last offset of `word` in `text[range]`.
  private func lastOffset(of word: [UInt8], in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    word.withUnsafeBufferPointer { ByteSearch.offset(of: $0, in: text, within: range, backwards: true) }
  }

  /// The first role word of `clause`: where it starts and ends, and what it says. 负责 in
  /// 负责人 or 负责同志 is a post, and 落实 a role word only with 责任 after it.
  private func firstRoleWord(
    in text: UnsafeBufferPointer<UInt8>, _ clause: Range<Int>
  ) -> (start: Int, end: Int, effect: Effect)? {
    var index = clause.lowerBound
    while index < clause.upperBound {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if let match = roleWords.firstMatch(in: text, at: index, scalar: scalar) {
        let word = roleWords.words[match]
        let end = index + word.count
        if end <= clause.upperBound && isRoleWord(word, in: text, end: end, clause: clause) {
          return (index, end, roleEffects[match])
        }
      }
      index += length
    }
    return nil
  }

  private static let person = ["人", "同志"].map { Array($0.utf8) }
  private static let responsibleWord = Array("负责".utf8)

  private func isRoleWord(_ word: [UInt8], in text: UnsafeBufferPointer<UInt8>, end: Int, clause: Range<Int>) -> Bool {
    if word.count >= Self.responsibleWord.count, word.suffix(Self.responsibleWord.count).elementsEqual(Self.responsibleWord) {
      return !Self.person.contains { ByteSearch.hasPrefix($0, in: text, end..<clause.upperBound) }
    }
    if word == Self.implement {
      // 落实…责任, not 落实到责任人 (a person).
      guard let duty = ByteSearch.offset(of: Self.responsibility, in: text, within: end..<clause.upperBound) else { return false }
      return !ByteSearch.hasPrefix(Self.person[0], in: text, (duty + Self.responsibility.count)..<clause.upperBound)
    }
    return true
  }

  // MARK: Names

  /// The names of `range` when it holds nothing else: names of bodies separated by 、
  /// 和 及 与, or sectors before 等部门 ("公安、市场监管等部门"). Unnamed collectives and
  /// regulated parties read as names of no body (the statement is understood, and gives
  /// them no role). `asHeading`: the names head a paragraph ("各镇、街道、开发区："), where
  /// a place names its government.
  private func names(
    filling range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, known: inout KnownNames, asHeading: Bool = false,
    notesRead: Bool = false
  ) -> [DepartmentList.Name]? {
    guard !range.isEmpty, UTF8Scalars.hasAtMostCharacters(text, range, 120) else { return nil }
    if !notesRead,
      ByteSearch.offset(of: 0x28, in: text, within: range) != nil
        || ByteSearch.offset(of: Self.fullWidthOpen, in: text, within: range) != nil
    {
      let kept = DepartmentList.withoutNotes(UnsafeBufferPointer(rebasing: text[range]))
      return kept.withUnsafeBufferPointer {
        self.names(filling: 0..<$0.count, in: $0, known: &known, asHeading: asHeading, notesRead: true)
      }
    }
    var range = range
    if let verb = Self.mechanismVerbs.first(where: { ByteSearch.hasPrefix($0, in: text, range) }) {
      range = (range.lowerBound + verb.count)..<range.upperBound
    }
    // "州人民政府授权州数据资源主管部门": the body authorized is the one named.
    if let authorizing = lastOffset(of: Self.authorizes, in: text, range) {
      range = (authorizing + Self.authorizes.count)..<range.upperBound
    }
    var isSector = false
    if let closing = Self.listClosings.first(where: { ByteSearch.hasSuffix($0, in: text, range) }), range.count > closing.count {
      range = range.lowerBound..<(range.upperBound - closing.count)
      isSector = closing.count > Self.etc.count
    }
    guard mayHoldOnlyNames(text, range, isSector: isSector) else { return nil }
    var names: [DepartmentList.Name] = []
    var pieceStart = range.lowerBound
    var index = range.lowerBound
    var levelsListed = false
    /// Levels written alone before a name ("市、区交通运输部门"): the name is each level's.
    var sharedLevels: [[UInt8]] = []
    /// Sectors written alone before a sector's department ("生态环境、绿化市容、城管执法部门"):
    /// each is given its ending.
    var sharedSectors: [[UInt8]] = []
    func closePiece(at end: Int, known: inout KnownNames) -> Bool {
      // "市、区规划资源、水务等部门": the levels of the list, no names; the sectors are
      // written without them.
      if let level = Self.levelWords.first(where: { ByteSearch.equals($0, in: text, pieceStart..<end) }) {
        if isSector {
          levelsListed = true
        } else {
          sharedLevels.append(level)
        }
        return true
      }
      var read = DepartmentList.names(from: UnsafeBufferPointer(rebasing: text[pieceStart..<end]))
      guard !read.isEmpty else { return false }
      // 和 and 及 between sectors ("房屋管理和城管执法等部门"), not inside a name the
      // dictionaries know (工业和信息化部) nor a sector named with 和 (住房和城乡建设).
      if isSector, read.count == 1, known.mention(read[0], resolver: resolver)?.department.category == DepartmentResolver.unknownCategory,
        !DepartmentList.holdsJoinedSector(read[0])
      {
        read = Self.splitAtJoiners(read[0])
      }
      for var bytes in read {
        let level = Self.levelCharacters.first { bytes.starts(with: $0) }
        if isSector, levelsListed, names.isEmpty, let level {
          bytes.removeFirst(level.count)
        } else if isSector, level == nil, !levelsListed,
          let first = names.first, known.mention(first.bytes, resolver: resolver)?.department.levelPrefix != nil,
          let shared = Self.levelCharacters.first(where: { first.bytes.starts(with: $0) }),
          !bytes.withUnsafeBufferPointer(DepartmentResolver.endsLikeBody)
        {
          // "区发展改革、规划资源等部门": the level of the first sector is the others'.
          bytes = shared + bytes
        }
        if isSector && DepartmentResolver.opensWithVerb(String(decoding: bytes, as: UTF8.self)) { return false }
        // A sector alone waits for the department ending it shares.
        if !isSector, DepartmentList.isSector(bytes[...]), !(known.mention(bytes, resolver: resolver)?.isBodyInText ?? false) {
          sharedSectors.append(bytes)
          continue
        }
        if let ending = DepartmentList.sectorEndings.first(where: { bytes.count > $0.count && bytes.suffix($0.count).elementsEqual($0) }) {
          for sector in sharedSectors { names.append(DepartmentList.Name(bytes: sector + ending, written: sector, role: nil)) }
          sharedSectors = []
        }
        // Unnamed or regulated (no entry): understood, with no role.
        if let entry = known.mention(bytes, resolver: resolver), !entry.isBodyInText && !isSector {
          // Heading a paragraph, a place names its government too ("各镇、街道、开发区："),
          // and a company its own ("新城公司："); not a kind of unit ("清运单位：", "发文机关：").
          guard asHeading, entry.isBody, DepartmentResolver.endsLikePlaceOrCompany(entry.department.name) else { return false }
        }
        names.append(DepartmentList.Name(bytes: bytes, role: nil, isSector: isSector))
        // "市、区公安交管部门": 市公安交管部门 too.
        if let level = Self.levelWords.first(where: { bytes.starts(with: $0) }) {
          // "市或者区（县）土地管理部门": the level's note is its own, not the shared level's.
          let unleveled = Self.withoutLevelNote(bytes.dropFirst(level.count))
          for shared in sharedLevels {
            names.append(DepartmentList.Name(bytes: shared + unleveled, role: nil, isSector: isSector))
          }
        }
        sharedLevels = []
      }
      return true
    }
    while index < range.upperBound {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if scalar == 0x3001 || scalar == 0x4E0E {  // 、 与
        guard closePiece(at: index, known: &known) else { return nil }
        pieceStart = index + length
      } else if let or = levelAlternative(in: text, pieceStart..<index, at: index, upTo: range.upperBound) {
        // "市或者区（县）土地管理部门": each level's department.
        guard closePiece(at: index, known: &known) else { return nil }
        index += or
        pieceStart = index
        continue
      }
      index += length
    }
    guard closePiece(at: range.upperBound, known: &known), sharedSectors.isEmpty else { return nil }
    return names
  }

  /// `name` cut at 和 and 及 (each part of two characters or more), or whole.
  private static func splitAtJoiners(_ name: [UInt8]) -> [[UInt8]] {
    let joiners: [[UInt8]] = [Array("和".utf8), Array("及".utf8)]
    var parts: [[UInt8]] = []
    var start = 0
    var index = 0
    while index < name.count {
      if let joiner = joiners.first(where: { name[index...].starts(with: $0) }) {
        parts.append(Array(name[start..<index]))
        index += joiner.count
        start = index
      } else {
        index += 1
      }
    }
    parts.append(Array(name[start...]))
    return parts.allSatisfy({ $0.count >= 6 }) ? parts : [name]
  }

  /// Whether `name` goes on after unnamed bodies ("有关部门组成征兵办公室",
  /// "有关部门约谈该地区人民政府"): words read past the end of a name.
  private static func holdsUnnamedBodies(_ name: [UInt8]) -> Bool {
    unnamedOpenings.contains { name.count > $0.count && name.starts(with: $0) }
  }
  private static let unnamedOpenings = ["有关部门", "相关部门", "有关单位", "相关单位", "各部门"].map { Array($0.utf8) }

  /// `name` without the note on its level that opens it ("（县）土地管理部门" →
  /// 土地管理部门): a bracketed level word.
  private static func withoutLevelNote(_ name: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    for level in levelWords {
      let note = Array("（".utf8) + level + Array("）".utf8)
      if name.starts(with: note) { return name.dropFirst(note.count) }
    }
    return name
  }

  /// The length of 或者 or 或 at `index` when it follows a level word alone
  /// (`piece`: "市或者区土地管理部门"), or nil.
  private func levelAlternative(
    in text: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>, at index: Int, upTo end: Int
  ) -> Int? {
    guard let or = Self.alternatives.first(where: { ByteSearch.hasPrefix($0, in: text, index..<end) }),
      Self.levelWords.contains(where: { ByteSearch.equals($0, in: text, piece) })
    else { return nil }
    return or.count
  }

  /// Whether `text[range]` may be a list of names, read before any name is resolved: no
  /// character that no name holds, and each piece between 、 or 与 ending as bodies do
  /// (any piece, in a list of sectors) or a level word alone ("市、区交通运输部门").
  private func mayHoldOnlyNames(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isSector: Bool) -> Bool {
    var index = range.lowerBound
    var pieceStart = range.lowerBound
    // A sector alone may share the department ending of the last name (生态环境、城管执法部门).
    let sharesSectorEnding = DepartmentList.sectorEndings.contains { ByteSearch.hasSuffix($0, in: text, range) }
    func pieceMayBeAName(_ end: Int) -> Bool {
      isSector || DepartmentResolver.endsLikeBody(UnsafeBufferPointer(rebasing: text[pieceStart..<end]))
        || Self.levelWords.contains { ByteSearch.equals($0, in: text, pieceStart..<end) }
        || sharesSectorEnding && DepartmentList.isSector(text[pieceStart..<end].map { $0 }[...])
    }
    while index < range.upperBound {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if Self.foreignScalars.contains(scalar) { return false }
      if scalar == 0x3001 || scalar == 0x4E0E {
        guard pieceMayBeAName(index) else { return false }
        pieceStart = index + length
      } else if let or = levelAlternative(in: text, pieceStart..<index, at: index, upTo: range.upperBound) {
        index += or
        pieceStart = index
        continue
      }
      index += length
    }
    return pieceMayBeAName(range.upperBound)
  }

  /// The names a clause opens with, followed by other words: the shortest run of
  /// characters that names a body, or a longer one up to a known name, then more after
  /// 、 和 及 与; or sectors up to 等部门.
  private func leadingNames(
    in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, known: inout KnownNames
  ) -> (names: [DepartmentList.Name], end: Int)? {
    // Sectors: "教育、文广影视…等行业主管部门落实…".
    for closing in Self.listClosings where closing.count > Self.etc.count {
      // The list ends there: "…等单位人员成立工作专班" names people, not the units.
      if let at = ByteSearch.offset(of: closing, in: text, within: range), UTF8Scalars.hasAtMostCharacters(text, range.lowerBound..<at, 60),
        endsName(text, at: at + closing.count, limit: range.upperBound),
        let names = names(filling: range.lowerBound..<(at + closing.count), in: text, known: &known)
      {
        return (names, at + closing.count)
      }
    }
    // Sectors sharing a department's ending: "生态环境、绿化市容、城管执法部门要会同…".
    for ending in DepartmentList.sectorEndings {
      if let at = ByteSearch.offset(of: ending, in: text, within: range), UTF8Scalars.hasAtMostCharacters(text, range.lowerBound..<at, 40),
        ByteSearch.offset(of: Self.enumerationComma, in: text, within: range.lowerBound..<at) != nil,
        endsName(text, at: at + ending.count, limit: range.upperBound),
        let names = names(filling: range.lowerBound..<(at + ending.count), in: text, known: &known)
      {
        return (names, at + ending.count)
      }
    }
    var names: [DepartmentList.Name] = []
    var start = range.lowerBound
    while start < range.upperBound {
      guard let (name, end) = leadingName(in: text, start..<range.upperBound, known: &known) else { break }
      names.append(name)
      start = end
      guard start < range.upperBound else { break }
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: start)
      guard scalar == 0x3001 || scalar == 0x548C || scalar == 0x53CA || scalar == 0x4E0E else { break }  // 、 和 及 与
      start += length
    }
    return names.isEmpty ? nil : (names, start)
  }

  /// The one name `range` opens with, of two to twenty characters: the shortest prefix
  /// that names a body in text (or a collective that names none, 相关部门) and is followed
  /// by a word that ends names (、 和, 等, 要, 根据, a role word: 区交通委 of 区交通委根据…,
  /// 各行业主管部门 of 各行业主管部门协同…); when none is, the shortest, or a longer one that
  /// the dictionaries know, ends as only bodies do, or completes a two-character ending
  /// (浦东新区政府, not 浦东新区).
  private func leadingName(
    in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, known: inout KnownNames
  ) -> (DepartmentList.Name, Int)? {
    var index = range.lowerBound
    var characters = 0
    var shortest: (DepartmentList.Name, Int)? = nil
    var shortestCharacters = 0
    var bounded: (DepartmentList.Name, Int)? = nil
    while index < range.upperBound && characters < 20 {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      guard UTF8Scalars.isIdeograph(scalar), !Self.foreignScalars.contains(scalar) else { break }
      if (shortest != nil || bounded != nil) && Self.listSeparators.contains(scalar) { break }
      // No name holds 根据, 作为, 负责 …: "区属国有企业根据区政府要求…".
      if characters > 0, Self.wordsNoNameHolds.contains(where: { ByteSearch.hasPrefix($0, in: text, index..<range.upperBound) }) { break }
      index += length
      characters += 1
      guard characters >= 2 else { continue }
      let piece = UnsafeBufferPointer(rebasing: text[range.lowerBound..<index])
      guard DepartmentResolver.endsLikeBody(piece) else { continue }
      let bytes = Array(piece)
      let entry = known.mention(bytes, resolver: resolver)
      if let entry, !entry.isBodyInText { continue }
      let name = (DepartmentList.Name(bytes: bytes, role: nil), index)
      if endsName(text, at: index, limit: range.upperBound) {
        bounded = name
        break
      }
      let completesEnding =
        characters <= shortestCharacters + 4
        && Self.twoCharacterEndings.contains { ByteSearch.hasSuffix($0, in: piece, 0..<piece.count) }
      let isListed = entry.map { $0.department.category != DepartmentResolver.unknownCategory && !$0.department.isCollective } == true
      let isDistinctive = entry.map { DepartmentResolver.hasDistinctiveEnding($0.department.name) } == true
      if shortest == nil || (characters <= shortestCharacters + 6 && (completesEnding || isListed || isDistinctive)) {
        shortest = name
        shortestCharacters = characters
      }
    }
    return bounded ?? shortest
  }

  /// Whether a name may end at `index`: the text ends there, or goes on with a list
  /// separator, punctuation, or a word that opens what is said of a body.
  private func endsName(_ text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
    guard index < limit else { return true }
    let (scalar, _) = UTF8Scalars.scalar(in: text, at: index)
    if Self.listSeparators.contains(scalar) || !UTF8Scalars.isIdeograph(scalar) { return true }
    return nameEndings.firstMatch(in: text, at: index, scalar: scalar) != nil
  }

  /// Level words that open a name: 市, 区, 县, 省.
  private static let levelCharacters = ["市", "区", "县", "省"].map { Array($0.utf8) }
  /// Level words written alone before a name they share ("区、街镇绿化管理部门"), longest
  /// first.
  private static let levelWords = ["街镇", "乡镇", "市", "区", "县", "省", "镇"].map { Array($0.utf8) }
  /// 或者 and 或 between levels ("市或者区环保部门").
  private static let alternatives = ["或者", "或"].map { Array($0.utf8) }

  /// Words no department name holds, which end the name before them.
  private static let wordsNoNameHolds = ["根据", "按照", "依据", "结合", "作为", "负责", "牵头", "配合", "会同", "参与", "协同", "应当", "统筹"].map {
    Array($0.utf8)
  }

  /// 、 和 及 与.
  private static let listSeparators: Set<UInt32> = [0x3001, 0x548C, 0x53CA, 0x4E0E]
  /// Endings of two characters or more that a shorter ending may begin (部 → 部门, 委 → 委员会).
  private static let twoCharacterEndings = DepartmentResolver.organisationalSuffixes.filter { $0.count >= 2 }.map { Array($0.utf8) }

  /// 等 and the words after it that close a list of sectors (等部门, 等有关部门,
  /// 等行业主管部门, 等部门和单位, 等单位: "市场运营机构、高校、科研院所等单位"), longest first.
  /// 、, which separates the items of a list.
  private static let enumerationComma = Array("、".utf8)

  private static let listClosings = [
    "等行业主管部门", "等行政管理部门", "等有关主管部门", "等主管部门", "等管理部门", "等有关部门和单位", "等相关部门和单位", "等部门和单位", "等有关部门", "等相关部门", "等职能部门", "等部门", "等单位",
    "等机构", "等",
  ].map { Array($0.utf8) }
  private static let etc = Array("等".utf8)
}
