import PolicyText

/// What a department is asked to do in a responsibility clause.
public enum ResponsibilityRole: String, Sendable, Codable, CaseIterable {
  /// 牵头 — leads the work.
  case lead
  /// 责任单位 / 负责 — responsible for it.
  case responsible
  /// 配合 / 参与 — cooperates.
  case cooperating
}

/// A department named in a responsibility clause.
public struct DepartmentMention: Sendable, Equatable {
  /// The name as written ("区经济信息委").
  public var name: String
  /// The administrative-level prefix ("区", "市", "省", "国家", "县", "镇"), if any.
  public var levelPrefix: String?
  /// The canonical name of the kind of body, without the level prefix ("经济信息委" for
  /// 区经济信息委, 市经济信息委 and 区经信委).
  public var canonical: String
  /// The dictionary category ("government", "party", "zone", …); "unknown" when the
  /// department dictionary does not know the name.
  public var category: String
  /// Whether the name stands for several bodies ("各镇街", "有关金融机构").
  public var isCollective: Bool
  /// What the clause asks this department to do.
  public var role: ResponsibilityRole
  /// Where the name stands in the cleaned text; a name not written there as one (made by
  /// the reader) spans the clause, sentence or cell that names it.
  public var span: TextSpan
  package init(
    name: String, levelPrefix: String? = nil, canonical: String, category: String,
    isCollective: Bool, role: ResponsibilityRole, span: TextSpan
  ) {
    self.name = name
    self.levelPrefix = levelPrefix
    self.canonical = canonical
    self.category = category
    self.isCollective = isCollective
    self.role = role
    self.span = span
  }
}

/// A clause that says who does a piece of work: "（责任单位：区经济信息委牵头，区科技局等
/// 有关部门配合）".
public struct ResponsibilityClause: Sendable, Equatable {
  /// Stable id: "<document id>#r<n>".
  public var id: String
  /// The clause with its parentheses.
  public var text: String
  /// Where the clause stands in the cleaned text.
  public var span: TextSpan
  /// The departments it names, each with its role.
  public var departments: [DepartmentMention]
  /// A deadline the clause sets (完成时限, "6月底完成", "持续推进"), if any.
  public var deadline: String?
  /// The measure the clause closes, as an index into `PolicyDocument.measures`.
  public var measure: Int?
  /// The innermost section it sits in, as an index into `PolicyDocument.sections`.
  public var section: Int?

  /// The departments with a given role.
  public func departments(_ role: ResponsibilityRole) -> [DepartmentMention] {
    departments.filter { $0.role == role }
  }
  package init(
    id: String, text: String, span: TextSpan, departments: [DepartmentMention],
    deadline: String? = nil, measure: Int? = nil, section: Int? = nil
  ) {
    self.id = id
    self.text = text
    self.span = span
    self.departments = departments
    self.deadline = deadline
    self.measure = measure
    self.section = section
  }
}
