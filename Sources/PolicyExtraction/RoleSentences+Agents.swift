import PolicyBytes

/// The bodies a role statement names away from its role word: the agent 由 brings in
/// before a verb of its own, the body a clause sets up (设立, 下设办公室), and the bodies a
/// relative clause describes (departments named by their duty: RoleSentences+DutyNames).
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
      // The body that sets it up opens the clause ("市统计行政管理部门应当设立…"), not a
      // verb that has others set one up ("鼓励企业设立研发机构", "支持…在本市设立…机构").
      guard let at = lastOffset(of: verb, in: text, clause),
        at + verb.count < clause.upperBound,
        !DepartmentResolver.opensWithVerb(
          String(decoding: text[stripFillers(text, clause.lowerBound..<at)], as: UTF8.self)),
        !Self.causingVerbs.contains(where: {
          ByteSearch.offset(of: $0, in: text, within: clause.lowerBound..<at) != nil
        }),
        let names = names(filling: (at + verb.count)..<clause.upperBound, in: text, known: &known)
      else { continue }
      return names
    }
    return nil
  }

  /// Verbs by which a body has another set one up ("市人民政府…支持中央金融管理部门在本市设立
  /// …机构"): the body set up is not the one the sentence gives a role.
  static let causingVerbs = ["支持", "鼓励", "引导", "推动", "督促", "允许"].map { Array($0.utf8) }
  /// Verbs by which a law establishes a body: 设立.
  static let establishingVerbs = [Array("设立".utf8)]
  /// 下设, by which a body sets up its office ("领导小组下设办公室").
  static let setsUpUnder = Array("下设".utf8)
  /// The offices a body sets up under it, named by their parent: 办公室, 秘书处, 办事机构
  /// ("劳动争议仲裁委员会下设办事机构").
  static let offices = ["办公室", "秘书处", "办事机构"].map { Array($0.utf8) }

  /// The governments 落实 names as the holders of the responsibilities it makes good, when
  /// its clause has no subject of its own ("落实地方政府主体责任", "落实地方各级人民政府责任",
  /// "严格落实行业主管部门、相关部门监管责任和地方政府属地监管责任"): the names before each
  /// kind of responsibility (主体责任, 属地监管责任) of the list 落实 opens. Only governments:
  /// what else holds one there is a regulated party (企业, 经营者, 参建单位), a field
  /// (消防安全) or bodies left unnamed (相关部门).
  func responsibilityHolders(
    in text: UnsafeBufferPointer<UInt8>, after implementEnd: Int, clause: Range<Int>,
    known: inout KnownNames
  ) -> [DepartmentList.Name]? {
    var holders: [DepartmentList.Name] = []
    var start = implementEnd
    while let duty = ByteSearch.offset(
      of: Self.responsibility, in: text, within: start..<clause.upperBound)
    {
      var end = duty
      while let kind = Self.kindsOfResponsibility.first(where: {
        ByteSearch.hasSuffix($0, in: text, start..<end)
      }) {
        end -= kind.count
      }
      if start < end, ByteSearch.hasSuffix(Self.governmentEnding, in: text, start..<end),
        let names = names(filling: start..<end, in: text, known: &known)
      {
        holders += names
      }
      let next = duty + Self.responsibility.count
      guard
        let joiner = Self.responsibilityJoiners.first(where: {
          ByteSearch.hasPrefix($0, in: text, next..<clause.upperBound)
        })
      else { break }
      start = next + joiner.count
    }
    return holders.isEmpty ? nil : holders
  }
  /// What a responsibility is called after its holder: 主体责任, 属地监管责任, 属地管理责任.
  static let kindsOfResponsibility = ["主体", "属地", "监管", "管理", "领导"].map { Array($0.utf8) }
  /// What joins the responsibilities of a list after one 落实: 、 和 及.
  static let responsibilityJoiners = ["、", "和", "及"].map { Array($0.utf8) }
}
