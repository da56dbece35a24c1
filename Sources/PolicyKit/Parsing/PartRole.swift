/// What a top-level part of a plan does, read from its title.
enum PartRole {
  /// 指导思想, 总体要求, 基本原则, 主要目标 …: frames the plan; its items are not measures.
  case framing
  /// 保障措施, 实施保障, 组织实施 …: its items are measures only when they continue the
  /// numbering of the tasks.
  case safeguard
  /// 重点任务 and everything else.
  case tasks
  /// 附件.
  case attachment

  private static let framingWords = [
    "指导思想", "总体要求", "基本原则", "主要目标", "工作目标", "发展目标", "总体目标", "目标要求",
    "适用范围", "编制依据", "总体思路", "工作原则", "基本要求", "总体考虑",
  ]
  private static let safeguardWords = [
    "保障", "组织实施", "工作要求", "附则", "实施步骤", "组织领导", "监督考核", "考核评估", "工作步骤",
  ]

  init(_ section: Section) {
    if section.kind == .attachment {
      self = .attachment
    } else if Self.framingWords.contains(where: { section.title.containsBytes($0) }) && section.title.count <= 12 {
      self = .framing
    } else if Self.safeguardWords.contains(where: { section.title.containsBytes($0) }) && section.title.count <= 12 {
      self = .safeguard
    } else {
      self = .tasks
    }
  }
}
