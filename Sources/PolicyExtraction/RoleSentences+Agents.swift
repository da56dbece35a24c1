import PolicyBytes

/// The bodies a role statement names away from its role word: the agent 由 brings in
/// before a verb of its own, the body a clause sets up (设立, 下设办公室), and governments'
/// departments named by their duty.
extension RoleSentences {
  /// The bodies 由 brings in at the start of `range` when a verb of their own follows
  /// them before the role word ("由上海市医药集中招标采购事务管理所承担…日常工作并负责…"): not
  /// the 由 of a word (自由, 理由, 由于), nor names that send others ("由中央军事委员会
  /// 组织派出人民解放军协助").
  func agentOfBy(
    in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, known: inout KnownNames
  ) -> [DepartmentList.Name]? {
    let after = (range.lowerBound + Self.by.count)..<range.upperBound
    guard after.lowerBound < after.upperBound,
      !Self.byCompoundFollowers.contains(where: { ByteSearch.hasPrefix($0, in: text, after) })
    else { return nil }
    if range.lowerBound > 0 {
      let (previous, _) = UTF8Scalars.scalar(in: text, before: range.lowerBound)
      guard !Self.byCompoundLeaders.contains(previous) else { return nil }
    }
    guard let leading = leadingNames(in: text, after, known: &known, verbFollows: true),
      Self.agentVerbs.contains(where: {
        ByteSearch.hasPrefix($0, in: text, leading.end..<after.upperBound)
      }),
      !Self.sendingVerbs.contains(where: {
        ByteSearch.offset(of: $0, in: text, within: leading.end..<after.upperBound) != nil
      })
    else { return nil }
    return leading.names
  }

  /// What follows a relative clause that `range` opens with, when a verb of setting up
  /// or deciding stands in it before its 的 ("本市设立的推进…议事协调机构", "作出责令接受家庭
  /// 教育指导决定的公安机关、人民检察院、人民法院"): the bodies it describes, named after it.
  /// Not a possessive ("绿化委员会的办事机构": no such verb before the 的).
  func afterRelativeClause(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Range<Int>?
  {
    let opening = range.lowerBound..<min(range.upperBound, range.lowerBound + 40 * 3)
    guard let of = lastOffset(of: Self.possessive, in: text, opening),
      Self.relativeVerbs.contains(where: {
        ByteSearch.offset(of: $0, in: text, within: range.lowerBound..<of) != nil
      }),
      !UTF8Scalars.holds(Self.clausePunctuation, in: text, range.lowerBound..<of)
    else { return nil }
    let rest = (of + Self.possessive.count)..<range.upperBound
    return rest.isEmpty ? nil : rest
  }
  /// Verbs of a relative clause before the bodies it describes: 设立, 设置, 指定, 组建, 作出.
  static let relativeVerbs = ["设立", "设置", "指定", "组建", "作出"].map { Array($0.utf8) }
  /// ， 。 ； ：, which no relative clause before a name holds.
  static let clausePunctuation: Set<UInt32> = [
    .scalar("，"), .scalar("。"), .scalar("；"), .scalar("："),
  ]

  /// Verbs whose agent goes on to the role word after them: "由X承担…并负责". (Not 组织:
  /// "由市政府组织区应急局…负责" gives the role to the bodies organised.)
  static let agentVerbs = ["承担"].map { Array($0.utf8) }

  /// Governments' departments named by what they do, as laws name them: "县级以上地方人民
  /// 政府管理能源工作的部门", "县级以上地方人民政府负责管理地震工作的部门或者机构" — the whole of
  /// `range`: 人民政府, then a duty (`dutyNameEnd`), with no sentence punctuation. A list of
  /// kinds of place before it shares the rest ("省、自治区、直辖市人民政府管理专利工作的部门" →
  /// 省人民政府管理专利工作的部门, 自治区…, 直辖市…, as docs/gold-format.md gives a shared
  /// ending to each name).
  func governmentDepartmentsByDuty(
    in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, known: inout KnownNames,
    readsLists: Bool = true
  ) -> [DepartmentList.Name]? {
    // "由本级人民政府管理机关事务工作的机构…", "其开采回采率由县级人民政府负责…的部门": the
    // agent 由 brings in.
    var range = range
    if let introduced = lastOffset(of: Self.by, in: text, range) {
      range = (introduced + Self.by.count)..<range.upperBound
    }
    guard let government = ByteSearch.offset(of: Self.peoplesGovernment, in: text, within: range),
      Self.dutyNameEnd(
        in: text, after: government + Self.peoplesGovernment.count, limit: range.upperBound)
        == range.upperBound,
      UTF8Scalars.hasAtMostCharacters(text, range, 40),
      ByteSearch.offset(of: Self.comma, in: text, within: range) == nil
    else { return nil }
    // The places before the government: each piece a kind of place ("省、自治区、直辖市"),
    // else the list names bodies of their own ("国务院专利行政部门、地方人民政府…") or is
    // one scope ("县（市、区）").
    var places: [Range<Int>] = []
    var pieceStart = range.lowerBound
    while let comma = ByteSearch.offset(
      of: Self.enumerationComma, in: text, within: pieceStart..<government)
    {
      guard Self.placeKind(text, pieceStart..<comma) else {
        return holdsBracket(text, range) ? single(text, range, known: &known) : nil
      }
      places.append(pieceStart..<comma)
      pieceStart = comma + Self.enumerationComma.count
    }
    if places.isEmpty {
      let opening = range.lowerBound..<government
      // "国务院地震工作主管部门和县级以上地方人民政府负责…的部门": a list of its own, whose
      // names end where the range does (read only when not reading a list already:
      // `leadingNames` calls this for each of its names).
      if UTF8Scalars.holds(Self.listSeparators, in: text, opening) {
        // "国务院和县级以上地方各级人民政府管理机关事务工作的机构": the State Council's
        // body of that duty and the governments' (国务院管理机关事务工作的机构, …).
        if ByteSearch.hasPrefix(Self.stateCouncil, in: text, range),
          let joiner = Self.listJoiner(
            in: text, at: range.lowerBound + Self.stateCouncil.count, limit: government),
          let governments = governmentDepartmentsByDuty(
            in: text, (range.lowerBound + Self.stateCouncil.count + joiner)..<range.upperBound,
            known: &known, readsLists: false)
        {
          let duty = government + Self.peoplesGovernment.count
          let name = Self.stateCouncil + Array(text[duty..<range.upperBound])
          return [DepartmentList.Name(bytes: name, written: nil, role: nil)] + governments
        }
        guard readsLists else { return nil }
        return leadingNames(in: text, range, known: &known).flatMap {
          $0.end == range.upperBound ? $0.names : nil
        }
      }
      // A level, not words of a clause ("其开采回采率…").
      guard !UTF8Scalars.holds(Self.clauseScalars, in: text, opening) else { return nil }
      return single(text, range, known: &known)
    }
    places.append(pieceStart..<government)
    var names: [DepartmentList.Name] = []
    let shared = Array(text[government..<range.upperBound])
    for place in places {
      let name = Array(text[place]) + shared
      guard let entry = known.mention(name, resolver: resolver), entry.isBody else { return nil }
      names.append(DepartmentList.Name(bytes: name, written: nil, role: nil))
    }
    return names
  }

  /// Characters of a clause, not of a level before 人民政府: `foreignScalars` but 的 and 以
  /// ("设区的市级人民政府", "县级以上地方人民政府").
  static let clauseScalars = foreignScalars.subtracting([.scalar("的"), .scalar("以")])

  /// `range` as one name, when it names a body.
  private func single(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, known: inout KnownNames
  ) -> [DepartmentList.Name]? {
    let name = Array(text[range])
    guard let entry = known.mention(name, resolver: resolver), entry.isBody else { return nil }
    return [DepartmentList.Name(bytes: name, written: nil, role: nil)]
  }

  /// Whether `range` holds an opening bracket: "县（市、区）", one scope whose 、 lists no
  /// places of its own.
  private func holdsBracket(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    ByteSearch.offset(of: Self.fullWidthOpen, in: text, within: range) != nil
  }

  /// Whether `range` is a kind of place alone (省, 自治区, 直辖市…: `levelWords`).
  static func placeKind(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    levelWords.contains { ByteSearch.equals($0, in: text, range) }
  }

  static let peoplesGovernment = Array("人民政府".utf8)
  /// The verbs of a department's duty after its government: 管理, 主管, 负责 ("人民政府负责
  /// 药品监督管理的部门").
  static let dutyVerbs = ["管理", "主管", "负责"].map { Array($0.utf8) }
  /// The kinds of body a duty names after its 的, longest first: 部门, 机构, 行政机构…
  static let dutyNamedKinds = ["行政主管部门", "主管部门", "行政部门", "行政机构", "部门", "机构"].map {
    Array($0.utf8)
  }
  /// 或者机构, 或者部门: the other form a duty-named body may take locally ("…的部门或者机构").
  static let otherKinds = ["或者机构", "或者部门"].map { Array($0.utf8) }
  /// How many characters a duty may take, from its verb to the kind of body.
  static let dutyLength = 24

  /// Where the department named by its duty ends, when one follows its government's 人民政府
  /// at `governmentEnd`: a duty verb (`dutyVerbs`), ideographs, 的 and a kind of body
  /// (`dutyNamedKinds`) that ends there, with 或者机构 or 或者部门 after it if given
  /// ("负责管理地震工作的部门或者机构", "负责侨务工作的机构", "管理能源工作的部门").
  static func dutyNameEnd(in text: UnsafeBufferPointer<UInt8>, after governmentEnd: Int, limit: Int)
    -> Int?
  {
    guard
      let verb = dutyVerbs.first(where: {
        ByteSearch.hasPrefix($0, in: text, governmentEnd..<limit)
      })
    else { return nil }
    var index = governmentEnd + verb.count
    var characters = 0
    while index < limit && characters < dutyLength {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      guard UTF8Scalars.isIdeograph(scalar) || scalar == .scalar("、") else { return nil }
      index += length
      characters += 1
      // A duty of one character at least: not "人民政府管理的部门" (those it manages).
      guard scalar == .scalar("的"), characters > 1,
        let kind = dutyNamedKinds.first(where: { ByteSearch.hasPrefix($0, in: text, index..<limit) }
        )
      else { continue }
      var end = index + kind.count
      if let other = otherKinds.first(where: { ByteSearch.hasPrefix($0, in: text, end..<limit) }) {
        end += other.count
      }
      return end
    }
    return nil
  }
  static let comma = Array("，".utf8)

  /// Characters before 由 that make a word of it: 自由, 理由, 经由, 缘由, 事由.
  static let byCompoundLeaders: Set<UInt32> = Set("自理经缘事".unicodeScalars.map(\.value))
  /// Characters after 由 that make a word of it: 由于, 由此.
  static let byCompoundFollowers = ["于", "此"].map { Array($0.utf8) }
  /// Verbs by which a body sends another to do the work (派出, 指定, 委托, 确定): the role is
  /// the other's.
  static let sendingVerbs = ["派出", "指定", "委托", "确定"].map { Array($0.utf8) }

  /// The body a clause establishes, when the clause ends with it ("国务院设立国家防汛总指挥部",
  /// "流域机构，设立防汛办事机构"): the names after its last 设立, when they fill the rest of
  /// the clause. (Not 成立: "…等单位人员成立工作专班" draws people, and the team is no
  /// named body.)
  func bodySetUp(
    in text: UnsafeBufferPointer<UInt8>, _ clause: Range<Int>, known: inout KnownNames
  ) -> [DepartmentList.Name]? {
    // "国家粮食应急工作指挥部下设办公室": the office of the body before 下设.
    if let at = lastOffset(of: Self.setsUpUnder, in: text, clause),
      let office = Self.offices.first(where: {
        ByteSearch.equals($0, in: text, (at + Self.setsUpUnder.count)..<clause.upperBound)
      }),
      let parents = names(filling: clause.lowerBound..<at, in: text, known: &known),
      parents.count == 1
    {
      let name = parents[0].bytes + office
      guard let entry = known.mention(name, resolver: resolver), entry.isBody else { return nil }
      return [DepartmentList.Name(bytes: name, written: nil, role: nil)]
    }
    for verb in Self.establishingVerbs {
      guard let at = lastOffset(of: verb, in: text, clause),
        at + verb.count < clause.upperBound,
        let names = names(filling: (at + verb.count)..<clause.upperBound, in: text, known: &known)
      else { continue }
      return names
    }
    return nil
  }

  /// Verbs by which a law establishes a body: 设立.
  static let establishingVerbs = [Array("设立".utf8)]
  /// 下设, by which a body sets up its office ("领导小组下设办公室").
  static let setsUpUnder = Array("下设".utf8)
  /// The offices a body sets up under it, named by their parent: 办公室, 秘书处.
  static let offices = ["办公室", "秘书处"].map { Array($0.utf8) }
}
