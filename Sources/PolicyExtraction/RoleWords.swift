import PolicyBytes
import PolicyModel

/// The words that give a department its role in a responsibility statement, from the
/// closed list of docs/gold-format.md: 牵头 (lead), 负责 and 组织落实 (responsible), 配合,
/// 参与, 协同 (cooperating), and the subject of 会同 (lead, its objects cooperating).
/// 指导, 统筹, 督促, 承担 and 召集 are no role words: a body named with them has no role.
///
/// The words are compared as UTF-8 with the bytes of the text.
enum RoleWords {
  /// What a word found after a list of names does to them.
  enum Effect: Equatable {
    /// The names before it have this role (牵头, 负责, 配合 …).
    case role(ResponsibilityRole)
    /// 会同: the names before it lead, the names after it (up to the next role word)
    /// cooperate.
    case together
    /// 指导, 统筹 …: the names before it have no role.
    case noRole
    /// A word that only closes the list (等, 等有关部门, 下同, 持续推进).
    case none
  }

  /// 牵头 (lead).
  package static let lead = Array("牵头".utf8)
  /// 负责 (responsible).
  package static let responsible = Array("负责".utf8)
  /// 会同 ("A会同B": A leads, B cooperates).
  package static let together = Array("会同".utf8)
  /// Words of cooperation: 配合, 参与, 参加, 协同, 协助, 协办, 支撑.
  static let cooperation = ["配合", "参与", "参加", "协同", "协助", "协办", "支撑"].map { Array($0.utf8) }
  /// Words of responsibility besides 负责: 落实 (组织落实, 负责落实, 落实…责任), 责任
  /// (责任单位, 主体责任), 实施 (实施部门, 实施主体), 推进 (推进单位), 承办 (承办单位).
  package static let responsibility = ["落实", "责任", "实施", "推进", "承办"].map { Array($0.utf8) }
  /// Words of leading besides 牵头: 主办, 主责.
  package static let leading = ["主办", "主责"].map { Array($0.utf8) }

  /// Role phrases read after names that the qualifier list does not hold, each with its
  /// role (the qualifiers are classified by `effect(of:)`).
  package static let phrases = [
    "组织落实", "负责落实", "抓好落实", "具体负责", "共同负责", "牵头负责", "配合落实", "组织配合", "协同推进", "参与实施",
  ]

  /// Words after a name that give it no role: A指导, A统筹, A督促.
  static let noRoleEndings = ["指导", "统筹", "督促", "召集"].map { Array($0.utf8) }

  /// The effect of a phrase read after names (a qualifier or one of `phrases`).
  static func effect(of word: [UInt8]) -> Effect {
    word.withUnsafeBufferPointer { effect(in: $0, 0..<$0.count, label: false) }
  }

  /// The role a label gives the names after it ("牵头单位：", "配合部门：", "实施主体："),
  /// or nil when its words name no role (指导单位, 监管部门: the names have none).
  static func labelRole(in text: UnsafeBufferPointer<UInt8>, _ label: Range<Int>)
    -> ResponsibilityRole?
  {
    if case .role(let role) = effect(in: text, label, label: true) { return role }
    return nil
  }

  /// The effect of the words in `text[range]`: the first kind of role word it holds, in
  /// the order 会同, 牵头, cooperation, responsibility (会同有关部门负责 leads;
  /// 等有关部门配合 cooperates; 按职责分工负责 is responsible).
  private static func effect(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, label: Bool)
    -> Effect
  {
    func contains(_ word: [UInt8]) -> Bool {
      ByteSearch.offset(of: word, in: text, within: range) != nil
    }
    if !label && contains(together) { return .together }
    if contains(lead) || leading.contains(where: contains) { return .role(.lead) }
    if cooperation.contains(where: contains) { return .role(.cooperating) }
    if contains(responsible) || responsibility.contains(where: contains) {
      return .role(.responsible)
    }
    return noRoleEndings.contains(where: contains) ? .noRole : .none
  }
}
