import PolicyBytes
import PolicyModel
import PolicyText

/// Role sentences cut into sentences and clauses, and the role words found in them.
extension RoleSentences {
  struct Clause {
    package var range: Range<Int>
    /// Whether a colon closes it ("区民防办：").
    var endsWithColon: Bool
    /// Whether it goes on after a parenthesised group inside a clause ("街道(开发区)办事处"):
    /// what it opens with is the end of a name, not a subject.
    var continuesAfterGroup = false
  }

  struct Sentence {
    package var range: Range<Int>
    package var clauses: [Clause]
  }

  /// The sentences of `range` (up to 。！？), each cut into clauses at ，；：and at the
  /// parenthesised groups, which are left out; a short note inside a clause
  /// ("区建设管理委(区交通委)、区水务局") stays in it.
  static func sentences(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, groups: [Range<Int>]
  ) -> [Sentence] {
    var sentences: [Sentence] = []
    var clauses: [Clause] = []
    var sentenceStart = range.lowerBound
    var clauseStart = range.lowerBound
    var groupIndex = 0
    var index = range.lowerBound
    var afterGroup = false
    func closeClause(at end: Int, colon: Bool) {
      if end > clauseStart {
        clauses.append(
          Clause(range: clauseStart..<end, endsWithColon: colon, continuesAfterGroup: afterGroup))
      }
      afterGroup = false
    }
    func closeSentence(at end: Int) {
      if !clauses.isEmpty {
        sentences.append(Sentence(range: sentenceStart..<end, clauses: clauses))
      }
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
      case 0xE3
      where index + 2 < range.upperBound && text[index + 1] == 0x80 && text[index + 2] == 0x82:
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
  /// ("参与数字政府建设工作的各部门、单位"): the text after its last 的 ends as a body does,
  /// and is a noun, not a second duty joined by 并 ("负责提供学生的学习费用并及时拨给学校").
  func roleWordQualifiesANoun(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard let of = lastOffset(of: Self.possessive, in: text, range) else { return false }
    let noun = (of + Self.possessive.count)..<range.upperBound
    return DepartmentResolver.endsLikeBody(UnsafeBufferPointer(rebasing: text[noun]))
      && ByteSearch.offset(of: Self.alsoDoes, in: text, within: noun) == nil
  }

  /// Whether the role word stands in the description of a system of government the clause
  /// names, one of its features ("由地方政府负责、分级管理、以县为主的新体制", "实行政府负责、
  /// 分级管理、部门合作的管理体制", "建立健全政府负总责的森林防火责任制度"): 、 or 的 follows it
  /// at once, and the clause ends with a 的 and the system (体制, 责任制, 责任制度). Not a
  /// duty that builds one ("负责建立…的管理体制": a verb follows the role word), nor the
  /// members of a mechanism, which are roles ("建立由民政部门牵头、有关部门参加的协调机制",
  /// "…等部门参加的联席会议制度").
  func roleWordDescribesASystem(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard range.lowerBound < range.upperBound else { return false }
    let (next, _) = UTF8Scalars.scalar(in: text, at: range.lowerBound)
    return (next == .scalar("、") || next == .scalar("的"))
      && Self.systems.contains { ByteSearch.hasSuffix($0, in: text, range) }
      && ByteSearch.offset(of: Self.possessive, in: text, within: range) != nil
  }

  /// The systems of government a clause may describe by who takes which role: 体制,
  /// 责任制, 责任制度.
  static let systems = ["体制", "责任制", "责任制度"].map { Array($0.utf8) }

  /// 并, which joins a second verb phrase to a duty.
  static let alsoDoes = Array("并".utf8)

  static let possessive = Array("的".utf8)

  /// Whether the words after a role word make a noun of the kind of body that does it
  /// ("负责英雄烈士保护工作的部门", "承担…职能的机构"): its first 的 is followed by 部门, 机构
  /// or 单位.
  func roleWordNamesADepartment(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard let of = ByteSearch.offset(of: Self.possessive, in: text, within: range) else {
      return false
    }
    let after = (of + Self.possessive.count)..<range.upperBound
    // The kind ends a name there: not "…的机构编制管理工作".
    return Self.kindsOfBody.contains { kind in
      ByteSearch.hasPrefix(kind, in: text, after)
        && !Self.kindCompounds.contains {
          ByteSearch.hasPrefix($0, in: text, (after.lowerBound + kind.count)..<range.upperBound)
        }
    }
  }

  /// The kinds of body a role word may qualify: 部门, 机构, 单位.
  static let kindsOfBody = ["部门", "机构", "单位"].map { Array($0.utf8) }

  /// Whether names that end at `end` of `clause` qualify a noun: 的 follows within four
  /// characters ("…组成的推进机制"), not later ("区属国企…应充分发挥在…领域的主力军作用"), or
  /// the bodies' people follow at once ("各试点地区代表作为副主任", "各单位工作人员").
  func namesQualifyANoun(_ text: UnsafeBufferPointer<UInt8>, after end: Int, in clause: Range<Int>)
    -> Bool
  {
    let window = end..<min(clause.upperBound, end + 5 * 3)
    let rest = end..<clause.upperBound
    if ByteSearch.hasPrefix(Self.representatives, in: text, rest) {
      // 代表 as the verb of a body acting for another ("区国资委代表国家履行…") names no
      // people; as a noun it does ("人民代表大会代表", "各试点地区代表作为副主任").
      let after = (end + Self.representatives.count)..<clause.upperBound
      return !Self.actedFor.contains { ByteSearch.hasPrefix($0, in: text, after) }
    }
    // "…主管部门按照规定的职责，负责…": a preposition opens what the bodies do; its 的 is
    // no noun the names qualify.
    if Self.adverbialOpenings.contains(where: { ByteSearch.hasPrefix($0, in: text, rest) }) {
      return false
    }
    // "市和区县（市）人民政府其他有关主管部门", "区政府各部门": the names qualify bodies left
    // unnamed.
    if opensUnnamedBodies(text, after: end, in: clause) { return true }
    return ByteSearch.offset(of: Self.possessive, in: text, within: window) != nil
      || Self.bodiesPeople.contains { ByteSearch.hasPrefix($0, in: text, rest) }
  }

  /// Whether bodies left unnamed follow names that end at `end` ("市和区县（市）人民政府
  /// 其他有关主管部门", "区政府各部门"): the names only say whose they are. Not after a
  /// separator: "居民委员会、村民委员会和其他基层组织" lists them.
  func opensUnnamedBodies(_ text: UnsafeBufferPointer<UInt8>, after end: Int, in clause: Range<Int>)
    -> Bool
  {
    guard end > clause.lowerBound, end < clause.upperBound,
      !Self.listSeparators.contains(UTF8Scalars.scalar(in: text, before: end).0),
      Self.collectiveOpenings.contains(where: {
        ByteSearch.hasPrefix($0, in: text, end..<clause.upperBound)
      })
    else { return false }
    // Bodies, not the adverb 各 ("市财政局各负其责", "各司其职"): a kind of body follows
    // within ten characters.
    let window = end..<min(clause.upperBound, end + 10 * 3)
    return Self.unnamedBodyWords.contains {
      ByteSearch.offset(of: $0, in: text, within: window) != nil
    }
  }

  /// The kinds of body that 其他, 有关, 相关 and 各 leave unnamed: 部门, 单位, 机构, 机关,
  /// 委员会, 处室, 组织.
  static let unnamedBodyWords = ["部门", "单位", "机构", "机关", "委员会", "处室", "组织"].map {
    Array($0.utf8)
  }

  /// Words that open bodies left unnamed after the names of their government: 其他, 有关,
  /// 相关, 各.
  static let collectiveOpenings = ["其他", "有关", "相关", "各"].map { Array($0.utf8) }

  /// Words for a body's people, which make the names before them no subject: 人员,
  /// 工作人员, 负责人, 负责同志 (and 代表, `representatives`).
  static let bodiesPeople = ["人员", "工作人员", "负责人", "负责同志"].map { Array($0.utf8) }
  /// 代表: a body's representatives, or the verb of acting for another.
  static let representatives = Array("代表".utf8)
  /// What a body acts for after the verb 代表: 国家, a government, a level.
  static let actedFor = ["国家", "政府", "本级", "各级", "省", "市", "区", "县"].map { Array($0.utf8) }
  /// （ and ： as UTF-8.
  static let fullWidthOpen = Array("（".utf8)
  static let fullWidthColon = Array("：".utf8)
  /// How far into a paragraph the colon after the bodies that head it may stand: thirty
  /// characters.
  static let headLength = 30 * 3

  /// Whether `group` is a note inside a clause: short, with no role word, between the
  /// characters of a name or a list ("区建设管理委(区交通委)、", "街道（开发区）办事处").
  static func isNote(_ text: UnsafeBufferPointer<UInt8>, _ group: Range<Int>, in range: Range<Int>)
    -> Bool
  {
    // The words of a role: a group with one is a clause, never a note.
    let noteTriggers = ResponsibilityExtractor.roleWordBytes
    guard group.count <= 48, group.lowerBound > range.lowerBound,
      group.upperBound < range.upperBound,
      !noteTriggers.contains(where: { ByteSearch.offset(of: $0, in: text, within: group) != nil })
    else { return false }
    let (before, _) = UTF8Scalars.scalar(in: text, before: group.lowerBound)
    let (after, _) = UTF8Scalars.scalar(in: text, at: group.upperBound)
    return UTF8Scalars.isIdeograph(before)
      && (UTF8Scalars.isIdeograph(after) || after == .scalar("、"))
  }

  /// Whether `range` goes on after the colon that ends at `colonStart` (the colon and
  /// the spaces after it passed) with the text of duties: not the end of the line, nor a
  /// count ("极贫乡镇：1个（代化镇…）", "深度贫困村：24个").
  static func holdsDuties(
    _ text: UnsafeBufferPointer<UInt8>, after colonStart: Int, in range: Range<Int>
  ) -> Bool {
    var index = colonStart
    while index < range.upperBound {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if scalar != .scalar("：") && scalar != 0x3A && !UTF8Scalars.isBlank(scalar) {
        return !Self.opensWithCount(text, at: index, limit: range.upperBound)
      }
      index += length
    }
    return false
  }

  /// Whether digits at `index` count things (1个, 24个, 5086户), not number a duty or date
  /// it ("1.负责…", "2025年6月底前牵头…").
  static func opensWithCount(_ text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool
  {
    var at = index
    while at < limit, UTF8Scalars.isDigit(UTF8Scalars.scalar(in: text, at: at).value) {
      at += UTF8Scalars.scalar(in: text, at: at).length
    }
    guard at > index, at < limit else { return false }
    return countWords.contains(UTF8Scalars.scalar(in: text, at: at).value)
  }
  /// Measure words a count of bodies or places takes: 个, 户, 家, 所, 名, 人, 处, 座.
  static let countWords: Set<UInt32> = Set("个户家所名人处座".unicodeScalars.map(\.value))

  /// `range` without spaces around it and the connectors it opens with (并, 同时).
  func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var range = UTF8Scalars.trimming(text, range) { UTF8Scalars.isBlank($0.value) }
    while let connector = Self.connectors.first(where: { ByteSearch.hasPrefix($0, in: text, range) }
    ) {
      range = (range.lowerBound + connector.count)..<range.upperBound
    }
    return range
  }

  /// `range` without the fillers it ends with ("区规资局、区土地储备中心予以指导和" →
  /// "区规资局、区土地储备中心").
  func stripFillers(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var range = range
    while let filler = fillers.first(where: { ByteSearch.hasSuffix($0, in: text, range) }) {
      range = range.lowerBound..<(range.upperBound - filler.count)
    }
    return range
  }

  /// The last offset of `word` in `text[range]`.
  func lastOffset(of word: [UInt8], in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Int?
  {
    word.withUnsafeBufferPointer {
      ByteSearch.offset(of: $0, in: text, within: range, backwards: true)
    }
  }

  /// The first role word of `clause`: where it starts and ends, and what it says. 负责 in
  /// 负责人 or 负责同志 is a post, and 落实 a role word only with 责任 after it.
  func firstRoleWord(
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

  /// What follows 负责 when it describes a person, not a body's role: 负责人, 负责同志,
  /// 直接负责的主管人员 (the formula of laws' penalty articles).
  static let person = ["人", "同志", "的主管人员"].map { Array($0.utf8) }
  /// Role words of taking part, and 给予 before them.
  static let takingPart = ["参与", "参加"].map { Array($0.utf8) }
  static let give = Array("给予".utf8)
  static let responsibleWord = Array("负责".utf8)

  func isRoleWord(
    _ word: [UInt8], in text: UnsafeBufferPointer<UInt8>, end: Int, clause: Range<Int>
  ) -> Bool {
    // "县级以上地方人民政府负责管理地震工作的部门或者机构负责…", "人民检察院负责控告申诉检察的
    // 部门": the first 负责 is part of a department's name (`dutyNameEnd`), not its role word.
    if word == Self.responsibleWord,
      Self.organsWithDutyNamedDepartments.contains(where: {
        ByteSearch.hasSuffix($0, in: text, clause.lowerBound..<(end - word.count))
      }),
      dutyNameEnd(in: text, after: end - word.count, limit: clause.upperBound) != nil
    {
      return false
    }
    if word.count >= Self.responsibleWord.count,
      word.suffix(Self.responsibleWord.count).elementsEqual(Self.responsibleWord)
    {
      return !Self.person.contains { ByteSearch.hasPrefix($0, in: text, end..<clause.upperBound) }
    }
    // "给予参与演练的单位补偿": those who take part are given something; 给予 brings in no
    // role of the body before it (as it does before 配合 and 协助: "应当给予配合").
    if Self.takingPart.contains(word),
      ByteSearch.hasSuffix(Self.give, in: text, clause.lowerBound..<(end - word.count))
    {
      return false
    }
    if word == Self.implement {
      // 落实…责任, not 落实到责任人 (a person).
      guard
        let duty = ByteSearch.offset(
          of: Self.responsibility, in: text, within: end..<clause.upperBound)
      else { return false }
      return !ByteSearch.hasPrefix(
        Self.person[0], in: text, (duty + Self.responsibility.count)..<clause.upperBound)
    }
    return true
  }
}
