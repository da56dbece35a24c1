import PolicyBytes
import PolicyModel
import PolicyText

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
  let resolver: DepartmentResolver
  /// Role words, longest first, each with its effect.
  let roleWords: FirstScalarIndex
  let roleEffects: [Effect]
  /// Words that may stand between a subject and its role word (要, 按职责分工, 积极, 密切 …),
  /// longest first.
  let fillers: [[UInt8]]
  /// Words that open what is said of a body, after its name: the fillers, the role words,
  /// 等, and the verbs and prepositions a duty opens with (根据, 对, 组织, 加强 …).
  let nameEndings: FirstScalarIndex

  /// What a role word says of its subject.
  enum Effect {
    case role(ResponsibilityRole)
    /// 会同: the subject leads, the names after it cooperate.
    case together
    /// 责任主体, 主体责任, 落实…责任, 负总责 ("各区政府对…工作负总责"), 的职责是 ("广播电视
    /// 主管部门的职责是：（一）…", a law's list of a body's duties): responsible, but only for
    /// a subject the clause names.
    case accountable
  }

  package init(resolver: DepartmentResolver) {
    self.resolver = resolver
    let words: [(String, Effect)] = [
      ("牵头负责", .role(.lead)), ("负责牵头", .role(.lead)), ("牵头", .role(.lead)),
      ("负责配合", .role(.cooperating)), ("负责", .role(.responsible)), ("组织落实", .role(.responsible)),
      ("配合", .role(.cooperating)), ("参与", .role(.cooperating)), ("参加", .role(.cooperating)),
      ("协同", .role(.cooperating)), ("协助", .role(.cooperating)), ("会同", .together),
      ("负责会同", .together),
      ("责任主体", .accountable), ("主体责任", .accountable), ("落实", .accountable),
      ("负总责", .accountable), ("的职责是", .accountable), ("的主要职责是", .accountable),
      // "…9个部门和单位组成，教育部为牵头单位": the body named lead of a joint meeting.
      ("作为牵头单位", .role(.lead)), ("作为牵头部门", .role(.lead)), ("为牵头单位", .role(.lead)),
      ("为牵头部门", .role(.lead)),
    ]
    let index = FirstScalarIndex(words.map(\.0), longestFirst: true)
    roleWords = index
    // The index keeps the words in the order given: their effects line up with them.
    roleEffects = words.map(\.1)
    fillers = [
      "在各自职责范围内", "在各自的职责范围内", "按照各自职责分工", "依照各自职责", "依照职责", "依据职责", "依法", "各自", "统筹",
      "按照各自职责", "按照职责分工", "按职责分工", "根据职责分工", "按照职责", "按职责", "根据职责", "应当", "需要", "分别", "积极", "主动",
      "共同", "具体", "予以", "应予", "给予", "切实", "全力", "统一", "同时", "主要", "继续", "进一步", "加强", "协调", "指导和",
      "支持和", "做好",
      "密切", "紧密", "相互", "通力",
      // "由A、B选派人员参加": the bodies take part through their staff.
      "选派人员", "抽调人员", "派员", "派人",
      "要", "应",
      // "各级地方人民政府要…，逐级负责、逐级抓好落实": the role taken level by level.
      "逐级", "层层",
      // "…和区县人民政府应当加强协作配合", "应当根据需要协助…".
      "协作", "根据需要",
      // "扶贫办已会同交通部…赴…调查": what a body has done, in reports and replies.
      "已经", "已", "正在",
      "需", "将", "可以", "可", "也", "还", "并", "又", "既",
    ].map { Array($0.utf8) }.sorted { $0.count > $1.count }
    let opening = [
      "等", "根据", "按照", "依据", "结合", "对", "在", "组织", "统筹", "指导", "督促", "做好", "加强", "建立", "制定", "开展",
      "推进",
      "推动", "履行", "承担", "是", "为", "作为", "联合", "协调", "依法", "牵头", "负责", "组建", "成立",
    ]
    nameEndings = FirstScalarIndex(
      Array(Set(opening + words.map(\.0) + fillers.map { String(decoding: $0, as: UTF8.self) })),
      longestFirst: true)
  }

  /// Words that open a paragraph worth reading: every role word holds one (落实 counts
  /// only with 责任), looked up by first scalar.
  let triggers = FirstScalarIndex([
    "负责", "牵头", "配合", "参与", "参加", "协同", "协助", "会同", "责任", "组织落实", "负总责", "职责是",
  ])

  /// Whether `text[range]` holds, outside its parenthesised `groups` (sorted), a word that
  /// every role word holds (牵头 of 为牵头 in the rules stated once too): one pass over its
  /// scalars (a byte search per word stopped at every byte its last one ends with).
  func holdsRoleWord(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, outside groups: [Range<Int>]
  ) -> Bool {
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
        candidates.contains(where: {
          ByteSearch.hasPrefix(triggers.words[$0], in: text, index..<range.upperBound)
        })
      {
        return true
      }
      index += length
    }
    return false
  }
  /// 落实 is a role word only with 责任 after it in its clause (落实属地主体责任).
  static let implement = Array("落实".utf8)
  static let responsibility = Array("责任".utf8)
  /// 同级, 本级 ("会同同级财政部门", "会同本级人民政府生态环境等有关主管部门"): the level of
  /// the bodies after 会同 is the subject's.
  static let sameLevelWords = ["本级人民政府", "同级人民政府", "同级", "本级"].map { Array($0.utf8) }
  /// Words that open an adverbial clause before a sentence's role word ("按照…规划，配合…").
  static let adverbialOpenings = ["按照", "根据", "依据", "依照"].map { Array($0.utf8) }
  /// 设在, 设于: where a body the sentence opens with stands ("办公室设在国家医保局").
  static let locatedAt = ["设在", "设于"].map { Array($0.utf8) }
  /// What stands between a body and 对 when it answers for something ("…对…负责"): 对,
  /// after 要, 应当, 应, 必须.
  static let answersFor = ["对", "要对", "应当对", "应对", "必须对"].map { Array($0.utf8) }
  /// What ends the place whose bodies a law names: 地的 ("所在地的", "事故发生地的"), 范围内的,
  /// 辖区内的, 区域内的 ("山体保护范围内的村（居）民委员会协助…").
  static let ofThePlace = ["地的", "范围内的", "辖区内的", "区域内的"].map { Array($0.utf8) }

  /// Where the last of `ofThePlace` in `range` ends, if one is there.
  func placeEnd(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    Self.ofThePlace.compactMap { word in
      lastOffset(of: word, in: text, range).map { $0 + word.count }
    }
    .max()
  }
  /// 由 ("由区生态环境局牵头"): the subject follows it.
  static let by = Array("由".utf8)
  /// 授权 ("州人民政府授权州数据资源主管部门负责…"): the body after it is the subject.
  static let authorizes = Array("授权".utf8)
  /// Words before a clause's subject that are not part of it: 并, 同时, 另外.
  static let connectors = ["同时", "并由", "并", "另外"].map { Array($0.utf8) }
  /// How many clauses back a role word without a subject looks for one: "区交通委根据…，
  /// 结合…，按照…，负责…".
  static let subjectReach = 3
  /// Characters no department name holds: they join a name to the words around it
  /// ("区级文物保护单位由区文化局").
  static let foreignScalars: Set<UInt32> = Set("由的对在将把被向从是要其以按".unicodeScalars.map(\.value))
  /// Whether `scalar`, at `index` of `text[range]`, is one of `foreignScalars` there: not the
  /// 在 of 所在地, the place a law names a body by ("由库房所在地药品监督管理部门负责",
  /// "所在地县级人民政府负责"); but 所在地方 is a body's 所 before 在地方 ("派出所在地方党委
  /// 领导下", "律师事务所在地方司法行政部门登记").
  static func isForeign(
    _ scalar: UInt32, in text: UnsafeBufferPointer<UInt8>, at index: Int, within range: Range<Int>
  ) -> Bool {
    guard foreignScalars.contains(scalar) else { return false }
    guard scalar == .scalar("在") else { return true }
    let servedPlace =
      ByteSearch.hasSuffix(placeOpening, in: text, range.lowerBound..<index)
      && ByteSearch.hasPrefix(placeClosing, in: text, index..<range.upperBound)
      && !ByteSearch.hasPrefix(localAuthorities, in: text, index..<range.upperBound)
    return !servedPlace
  }
  /// 所 and 在地: what stands around the 在 of 所在地.
  static let placeOpening = Array("所".utf8)
  static let placeClosing = Array("在地".utf8)
  /// 在地方: the 在 of a clause before 地方 (…所在地方党委领导下).
  static let localAuthorities = Array("在地方".utf8)
  /// Whether `names` are governments (县级以上人民政府, 区政府): the bodies whose
  /// departments a role word may name ("…负责…工作的机构").
  static func namesGovernment(_ names: [DepartmentList.Name]) -> Bool {
    names.contains {
      $0.bytes.count >= governmentEnding.count
        && $0.bytes.suffix(governmentEnding.count).elementsEqual(governmentEnding)
    }
  }
  static let governmentEnding = Array("政府".utf8)

  /// Words that make the names before them members of a body when they end the clause
  /// ("…等部门和D参加，负责…"): 参加, 参与.
  static let membershipWords = ["参加", "参与"].map { Array($0.utf8) }
  /// Verbs that set up a body before the list of its members ("建立文物、公安…等部门和单位参加的
  /// 联动机制"): left out of the first name.
  static let mechanismVerbs = ["建立健全", "建立", "成立", "组建", "设立"].map { Array($0.utf8) }

  /// The bodies a clause is about (none of them named, for "各部门").
  struct Subject {
    package var names: [DepartmentList.Name]
  }

  /// The role statements of `paragraph`, outside the parenthesised `groups`, as clauses
  /// (one per sentence that states a role). `topic` is the department whose block of
  /// duties the paragraph stands in, the subject of a role word that has none;
  /// `holdsRoleWord` is `holdsRoleWord(text, paragraph, outside: groups)`; `openingReach`
  /// says how far the bodies the paragraph opens with go on being its subject.
  package func statements(
    in text: UnsafeBufferPointer<UInt8>, paragraph: TextSpan, holdsRoleWord: Bool,
    groups: [Range<Int>],
    topic: [DepartmentList.Name]?, openingReach: OpeningReach = .none, known: inout KnownNames,
    pieces: TextPieces
  ) -> [ResponsibilityExtractor.Found] {
    let range = paragraph.start..<paragraph.end
    // a Markdown table row: the tables' own
    guard !range.isEmpty, text[range.lowerBound] != 0x7C else { return [] }
    // Read a paragraph with a role word, or one that may open with the body whose duties
    // it lists ("各镇、街道、开发区：按照…").
    let opening = range.lowerBound..<min(range.upperBound, range.lowerBound + Self.headLength)
    guard
      holdsRoleWord || ByteSearch.offset(of: Self.fullWidthColon, in: text, within: opening) != nil
    else { return [] }
    var found: [ResponsibilityExtractor.Found] = []
    var paragraphSubject: Subject? = topic.map { Subject(names: $0) }
    /// The bodies a numbered item's first sentence opens with ("（十一）区财政局按规定…。
    /// 负责配合…"): the subject of a later sentence's role word that has none, when nothing
    /// nearer is.
    var openingSubject: Subject? = nil
    for (ordinal, sentence) in Self.sentences(text, range, groups: groups).enumerated() {
      defer {
        if openingReach != .none, ordinal == 0, let first = sentence.clauses.first,
          !first.endsWithColon, !first.continuesAfterGroup,
          let leading = leadingNames(in: text, trimmed(text, first.range), known: &known),
          !namesQualifyANoun(text, after: leading.end, in: trimmed(text, first.range))
        {
          openingSubject = Subject(names: leading.names)
        }
      }
      /// The subject of the latest clause that opened with one.
      var currentSubject: Subject? = nil
      /// Whether a clause named the members of a body (参加, 参与).
      var membersNamed = false
      /// The clauses since then without a role word, whose opening names (if any) are
      /// the subject of a later role word that has none of its own.
      var unread: [Range<Int>] = []
      var departments: [DepartmentMention] = []
      func record(_ names: [DepartmentList.Name], _ role: ResponsibilityRole) {
        for name in names {
          guard let entry = known.mention(name.bytes, resolver: resolver),
            entry.isBody || name.isSector,
            !DepartmentResolver.holdsModal(entry.department.name),
            !departments.contains(where: { $0.name == entry.department.name && $0.role == role })
          else { continue }
          var mention = entry.department
          mention.role = role
          // Where the name stands; a name the reader made ("市公安交管部门" of "市、区公安交管
          // 部门") stands nowhere as one: its span is the sentence that names it.
          let written = name.written ?? name.bytes
          mention.span =
            ByteSearch.offset(of: written, in: text, within: sentence.range).map {
              TextSpan($0, $0 + written.count)
            }
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
          Self.holdsDuties(text, after: clause.range.upperBound, in: range),
          let names = names(filling: body, in: text, known: &known, asHeading: true)
        {
          paragraphSubject = Subject(names: names)
          record(names, .responsible)
          continue
        }
        guard let (wordStart, wordEnd, effect) = firstRoleWord(in: text, body),
          !roleWordDescribesASystem(text, wordEnd..<body.upperBound)
        else {
          if !clause.continuesAfterGroup { unread.append(body) }
          continue
        }
        var before = stripFillers(text, body.lowerBound..<wordStart)
        // "户籍所在地的公安派出所…应当协助核查": the bodies of a place, named after it.
        if let place = placeEnd(in: text, before) {
          before = place..<before.upperBound
        }
        // "由教育主管部门或者其指定的教育机构负责": the body, not the one it may name.
        if let delegate = Self.delegateJoiners.lazy.compactMap({
          ByteSearch.offset(of: $0, in: text, within: before)
        }).first {
          before = before.lowerBound..<delegate
        }
        var subject: Subject? = nil
        var named = false
        if clause.continuesAfterGroup {
          // The words before the role word end a name cut by the group: no subject read.
        } else if before.isEmpty && membersNamed {
          // After the members of a body ("…参加，负责…"): the body is the subject, named
          // only when the sentence opens with it ("试点工作小组办公室设在国家医保局，由A、B
          // 选派人员参加，具体负责…"; not "由A牵头，B参加，负责…").
          let opening = trimmed(text, sentence.clauses[0].range)
          if position > 1, !ByteSearch.hasPrefix(Self.by, in: text, opening),
            firstRoleWord(in: text, opening) == nil,
            let leading = leadingNames(in: text, opening, known: &known),
            !namesQualifyANoun(text, after: leading.end, in: opening),
            // Only where it stands ("…设在国家医保局"): "市政府建立联席会议，由…牵头，…参加，
            // 负责…", "区政府统筹全区工作，由…" name a body that sets up or runs the one
            // responsible.
            leading.end == opening.upperBound
              || Self.locatedAt.contains(where: {
                ByteSearch.hasPrefix($0, in: text, leading.end..<opening.upperBound)
              })
          {
            subject = Subject(names: leading.names)
          }
        } else if before.isEmpty {
          // No subject of its own: the nearest clause before that opens with names, or
          // the latest subject, or the body the paragraph is about; none for a role word
          // that only qualifies a noun ("参与…工作的各部门").
          for clause in unread.suffix(Self.subjectReach).reversed() {
            // "国务院设立国家防汛总指挥部，负责…": the body set up, not the one that sets it up.
            if let setUp = bodySetUp(in: text, clause, known: &known) {
              currentSubject = Subject(names: setUp)
              break
            }
            // "市相关部门和各相关区政府组成的…机制": names that only qualify a noun.
            // "本市设立的…议事协调机构，…，负责": the bodies after a relative clause.
            let opening = leadingNames(in: text, clause, known: &known).flatMap {
              namesQualifyANoun(text, after: $0.end, in: clause) ? nil : $0
            }
            guard
              let leading = opening
                ?? afterRelativeClause(in: text, clause).flatMap({
                  leadingNames(in: text, $0, known: &known)
                }),
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
            let opensSentence =
              position == 0
              || (position == 1
                && Self.adverbialOpenings.contains {
                  ByteSearch.hasPrefix($0, in: text, trimmed(text, sentence.clauses[0].range))
                })
            let reaches =
              openingReach == .anyClause || (openingReach == .sentenceOpenings && opensSentence)
            subject =
              currentSubject ?? paragraphSubject ?? (ordinal > 0 && reaches ? openingSubject : nil)
          }
        } else if let names = names(filling: before, in: text, known: &known) {
          subject = Subject(names: names)
          named = true
        } else if let departments = governmentDepartmentsByDuty(in: text, before, known: &known) {
          subject = Subject(names: departments)
          named = true
        } else if let rest = afterRelativeClause(in: text, before),
          let names = names(filling: rest, in: text, known: &known)
        {
          // "作出…决定的公安机关、人民检察院、人民法院可以会同…": the bodies a relative clause
          // describes.
          subject = Subject(names: names)
          named = true
        } else if let introduced = lastOffset(of: Self.by, in: text, before),
          let names = names(
            filling: (introduced + Self.by.count)..<before.upperBound, in: text, known: &known)
            ?? agentOfBy(in: text, introduced..<before.upperBound, known: &known)
        {
          // "由区文化局会同…": the agent of its clause, not what the sentence is about; so
          // too of a second verb ("由上海市医药集中招标采购事务管理所承担…日常工作并负责…").
          subject = Subject(names: names)
          named = true
        } else if case .accountable = effect,
          let leading = leadingNames(in: text, body, known: &known)
        {
          subject = Subject(names: leading.names)
          named = true
        } else if case .role(.responsible) = effect,
          let leading = leadingNames(in: text, body.lowerBound..<wordStart, known: &known),
          let answers = Self.answersFor.first(where: {
            ByteSearch.hasPrefix($0, in: text, leading.end..<wordStart)
          }),
          !DepartmentResolver.endsLikeBody(
            UnsafeBufferPointer(rebasing: text[(leading.end + answers.count)..<wordStart]))
        {
          // "各级人民政府对本行政区域的环境质量负责": the body answers for what 对 names (not
          // to whom it answers: "对本级人民代表大会负责并报告工作").
          subject = Subject(names: leading.names)
          named = true
        }
        // The subject of what follows, unless 由 brings it in after a verb ("建立由A牵头、
        // B组成的机制，负责…": the mechanism is responsible); "由A牵头，会同B…" opens with it.
        // "县级以上人民政府负责妇女儿童工作的机构，负责组织…": the role word names the
        // government's department; neither the government nor it is named with a role.
        if named, subject.map({ Self.namesGovernment($0.names) }) == true,
          roleWordNamesADepartment(text, wordEnd..<body.upperBound)
        {
          currentSubject = nil
          membersNamed = true
          continue
        }
        // "由A牵头，B、C参加，负责…": B and C are members of a body the sentence is about, which
        // is responsible; no named body is the subject of what follows.
        if named, wordEnd == body.upperBound,
          Self.membershipWords.contains(where: {
            ByteSearch.equals($0, in: text, wordStart..<wordEnd)
          })
        {
          membersNamed = true
        }
        if named, !membersNamed,
          ByteSearch.hasPrefix(Self.by, in: text, body)
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
          let sameLevel = Self.sameLevelWords.first {
            ByteSearch.hasPrefix($0, in: text, wordEnd..<body.upperBound)
          }
          let objectsStart = wordEnd + (sameLevel?.count ?? 0)
          // "会同所在地的区人民政府推进…": when no name opens the objects, the bodies of the
          // place they open with (in its first 20 characters, before any 、), named after it.
          let opening = objectsStart..<min(body.upperBound, objectsStart + 60)
          if let objects =
            leadingNames(
              in: text, objectsStart..<body.upperBound, known: &known, verbFollows: true)
            ?? placeEnd(in: text, opening).flatMap({ place in
              ByteSearch.offset(of: Self.enumerationComma, in: text, within: objectsStart..<place)
                == nil
                ? leadingNames(
                  in: text, place..<body.upperBound, known: &known, verbFollows: true) : nil
            })
          {
            // "会同有关部门组成征兵办公室": unnamed bodies and what they do, no name; nor
            // the body whose unnamed ones follow ("会同市人民代表大会其他有关的专门委员会").
            // Only the last name: "会同市财政局、区人民政府其他有关部门" names 市财政局.
            let bodies =
              opensUnnamedBodies(text, after: objects.end, in: body)
              ? objects.names.dropLast() : objects.names[...]
            record(bodies.filter { !Self.holdsUnnamedBodies($0.bytes) }, .cooperating)
          }
          continue
        }
        // "落实地方政府主体责任": no subject, the government holding the responsibility.
        if !named, ByteSearch.equals(Self.implement, in: text, wordStart..<wordEnd),
          let holders = responsibilityHolders(
            in: text, after: wordEnd, clause: body, known: &known)
        {
          record(holders, .responsible)
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
          text: pieces.string(sentence.range),
          span: TextSpan(sentence.range.lowerBound, sentence.range.upperBound),
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
}
