import PolicyBytes
import PolicyModel

/// What a column of a table holds, read from its header cell (序号, 重点任务, 牵头单位 …).
enum TableColumn: Equatable {
  /// 序号, 编号: the row's number.
  case number
  /// 重点任务, 工作任务, 具体措施, 工作内容, 改革举措, 事项, 职责分工 …: the task (or duties).
  case task
  /// Bodies named with the role the header gives: 牵头单位 (lead), 责任单位 / 实施主体 /
  /// 部门 (responsible), 配合单位 (cooperating); nil for a header whose verb is no role
  /// (指导部门).
  case bodies(ResponsibilityRole?)
  /// 完成时限, 完成时间, 时间节点: when the task is due.
  case deadline
  /// 任务分类, 主要方向, 领域: a heading merged over the rows it groups.
  case group
  /// Anything else: 备注, 推广范围, 设定依据, a year's figures.
  case other

  /// Header words of the task column, in the order a row's lead is taken from them
  /// (重点任务 before 具体措施, 权力责任名称 before 事项).
  static let taskWords = [
    "重点任务", "主要任务", "工作任务", "任务名称", "任务", "改革举措", "举措", "权力责任名称", "具体措施", "工作措施",
    "措施", "重点内容", "主要内容", "工作内容", "内容", "事项", "职责分工", "工作职责", "主要职责", "职责",
  ]
  private static let leadWords = ["牵头单位", "牵头部门", "牵头"]
  private static let cooperatingWords = [
    "配合单位", "配合部门", "协同单位", "协助单位", "配合", "协同", "参与单位", "支撑单位",
  ]
  private static let responsibleWords = [
    "责任单位", "责任部门", "负责单位", "负责部门", "实施主体", "行使主体", "推进单位", "责任主体", "主体", "责任处室",
  ]
  /// Headers that name bodies without a role word.
  private static let bodyEndings = ["单位", "部门", "处室", "机构"]
  private static let deadlineWords = ["完成时限", "完成时间", "时间节点", "时限", "完成期限", "进度安排", "时间安排"]
  private static let groupWords = ["分类", "类别", "方向", "领域", "板块", "大类"]

  package init(header: String) {
    let text = header.removingScalars { $0.properties.isWhitespace }
    if text == "序号" || text == "编号" || text == "序" {
      self = .number
    } else if Self.leadWords.contains(where: { text.containsBytes($0) }) {
      self = .bodies(.lead)
    } else if Self.cooperatingWords.contains(where: { text.containsBytes($0) }) {
      self = .bodies(.cooperating)
    } else if Self.responsibleWords.contains(where: { text.containsBytes($0) }) {
      self = .bodies(.responsible)
    } else if Self.deadlineWords.contains(where: { text.containsBytes($0) }) {
      self = .deadline
    } else if Self.groupWords.contains(where: { text.containsBytes($0) }) {
      self = .group
    } else if Self.taskWords.contains(where: { text.containsBytes($0) }) {
      self = .task
    } else if Self.bodyEndings.contains(where: { text.hasSuffixBytes($0) }) {
      // 指导部门: bodies, but 指导 is no role.
      self = .bodies(text.containsBytes("指导") ? nil : .responsible)
    } else {
      self = .other
    }
  }

  /// Whether a cell text can be a header cell: short, without sentence punctuation (a
  /// bracketed note not counted: "重点任务（2024-2026）").
  static func isHeaderLike(_ text: String) -> Bool {
    var core = Substring(text)
    if core.hasSuffix("）") || core.hasSuffix(")"),
      let open = core.lastIndex(where: { $0 == "（" || $0 == "(" })
    {
      core = core[..<open]
    }
    return core.hasAtMostCharacters(14) && !text.containsBytes("。") && !text.containsBytes("，")
      && !text.containsBytes("；")
  }

  var holdsBodies: Bool {
    if case .bodies = self { return true }
    return false
  }
}
