import PolicyBytes
import PolicyModel

/// What a part of a plan does, read from its heading: whether its items are tasks (the
/// measures a researcher codes) or something else that is numbered the same way.
enum PartRole: Equatable {
  /// 重点任务, 主要措施, 保障措施, 组织实施 … and every part whose heading does not say
  /// otherwise: its items are measures.
  case tasks
  /// 指导思想, 基本原则, 工作目标, 适用范围, 现状, 编制目的 (of an emergency plan) …: frames
  /// the plan.
  case framing
  /// 实施步骤, 工作流程, 时间节点, 计划安排 …: phases and procedures, not tasks.
  case steps
  /// 考评内容, 技术要求, 实施条件, 整治方式, 等级划分 …: what is judged, what qualifies,
  /// which kinds of case exist.
  case criteria
  /// 附则 (or 其他, 其他事项) of a plan: its effective date and who interprets it.
  case closing
  /// 2024年工作回顾, 过去五年工作回顾 (of a government work report), 处理情况 (of a reply
  /// letter): what was done or is the case. Its items are achievements or facts, not
  /// tasks, and its quantities no targets.
  case review

  /// The headings of a plan's closing part.
  private static let closingTitles: Set<String> = ["附则", "其他", "其它", "其他事项"]

  /// The headings of framing parts.
  private static let framingWords = [
    "指导思想", "总体要求", "基本原则", "主要目标", "工作目标", "发展目标", "总体目标", "目标要求", "建设目标",
    "行动目标", "适用范围", "实施范围", "编制依据", "工作依据", "总体思路", "工作原则", "基本要求", "总体考虑",
    "基本情况", "发展现状", "现状", "面临形势", "背景", "重要意义", "名词解释", "定义", "编制目的",
  ]
  /// How the headings of framing parts end: who or what the plan covers (考评对象,
  /// 享受对象, 治理范围), the principles it follows (清理整顿的原则, 从严的原则), the laws and
  /// documents it rests on (审批依据, 制定依据: a list of titles, no tasks), and its goals
  /// (脱贫目标, 细化目标).
  private static let framingEndings = ["对象", "范围", "原则", "依据", "目标"]
  /// Verbs that make a title ending in 目标 a task of setting or reaching it (制定年度目标,
  /// 确保进度目标, 实现碳达峰目标).
  private static let goalVerbs = ["制定", "确定", "确保", "实现", "完成", "明确", "分解", "设定", "对标", "锚定", "聚焦"]
  /// How the headings of framing parts of any length end: a work report's
  /// 2025年经济社会发展总体要求和政策取向 and 2015年工作总体部署.
  private static let longFramingEndings = ["总体要求和政策取向", "总体部署"]
  /// 总体要求 in a work report's heading of the year's requirements, whatever its length
  /// and ending ("今年经济社会发展的总体要求、主要预期目标和宏观经济政策").
  private static let overallRequirements = "总体要求"
  /// Whether `title` opens with its year: 今年, or a year written in digits (2019年…).
  private static func opensWithTheYear(_ title: String) -> Bool {
    if title.hasPrefixBytes("今年") { return true }
    let scalars = Array(title.unicodeScalars.prefix(5))
    return scalars.count == 5 && scalars[4] == "年"
      && scalars.withUnsafeBufferPointer { TargetYears.year($0, 0) != nil }
  }
  /// How the heading of a review of past work ends, whatever its length (2024年工作回顾,
  /// １９９６年国内工作的回顾, “十一五”时期国民经济和社会发展的回顾).
  private static let reviewEnding = "回顾"
  /// How the heading of a report on a situation ends, whatever its length (贫困情况,
  /// 城市节水和污水再生利用情况 of a reply letter, 地质险情成因分析): what is the case, not
  /// what is to be done; its quantities are no targets.
  private static let situationEndings = ["情况", "成因分析", "原因分析"]
  /// Verbs that make a title ending in 情况 a task on the facts ("摸清底数情况",
  /// "报送执行情况").
  private static let factVerbs = [
    "掌握", "了解", "摸清", "核查", "核实", "报告", "反馈", "通报", "公开", "公布", "统计", "排查", "检查", "跟踪", "汇报",
    "报送", "调查", "评估", "监测", "考核", "督查", "落实",
  ]
  /// How a review of past work is headed when it does not say 回顾 (过去五年的工作,
  /// 关于过去五年的政府工作): a heading that opens with one of these and ends in 工作.
  private static let pastOpenings = ["过去", "关于过去"]
  /// The headings of step and procedure parts; a heading that ends in 步骤 (基本步骤,
  /// 实施步骤), 流程 or 程序 (考核程序, 审批程序) is one too.
  private static let stepWords = [
    "步骤安排", "进度安排", "时间安排", "计划安排", "时间节点", "实施阶段", "阶段安排", "工作程序", "结果应用",
    "结果运用",
  ]
  private static let stepEndings = ["步骤", "流程", "程序"]
  /// Verbs that make a title ending in 流程 or 程序 a task on it ("优化业务流程",
  /// "规范审核程序", "严格执行法定程序"), not the heading of a procedure.
  private static let taskVerbs = ["优化", "规范", "简化", "精简", "再造", "完善", "健全", "严格", "明确", "加强", "强化"]
  /// Verbs that make a title ending in 原则 a task of applying it (落实属地管理原则).
  private static let principleVerbs = ["落实", "坚持", "遵循", "贯彻", "执行"]
  /// 任务, which makes a part of goals or requirements a part of tasks too.
  private static let tasksWord = "任务"
  /// How the headings of parts that set criteria end, whatever their words: 方式 (整治方式),
  /// 标准 (入围标准).
  private static let criteriaEndings = ["方式", "标准"]
  /// What a task's heading opens with, so that its ending (…情况, …目标, …标准, …方式)
  /// names what the task acts on, not a part of another kind: the verbs of tasks, of
  /// principles, of goals, of change, of standards and of facts, and the adverbs of when
  /// (定期, 及时, 按时).
  private static let taskOpenings =
    taskVerbs + principleVerbs + goalVerbs + changeVerbs + standardVerbs + factVerbs + [
      "定期", "及时", "按时", "严格", "加强", "强化", "做好",
    ]
  /// Whether `title` opens as a task does (`taskOpenings`).
  private static func opensWithTask(_ title: String) -> Bool {
    taskOpenings.contains { title.hasPrefixBytes($0) }
  }
  /// Verbs of changing a way of doing things (加快转变…方式, 创新…方式, 改进…方式).
  private static let changeVerbs = ["加快", "转变", "创新", "改进", "改革", "推动", "推进", "探索"]
  /// Verbs that make a title ending in 标准 a task on the standard.
  private static let standardVerbs = [
    "提高", "提升", "执行", "调整", "降低", "遵循", "符合", "统一", "组织", "建立", "推行", "实施", "修订", "编制",
  ]
  /// The headings of parts that set criteria; a heading that ends in 方式 (整治方式, 建设方式,
  /// 考评方式) lists kinds or ways, not tasks.
  private static let criteriaWords = [
    "考评内容", "考核内容", "评价内容", "评价标准", "考核标准", "考评标准", "技术要求", "实施条件", "申报条件",
    "治理内容", "整治内容", "排查内容", "检查内容", "计算方法", "等级划分", "事件分级", "分级标准",
  ]

  /// The words of `framingWords`, `stepWords` and `criteriaWords`, found in a title in
  /// one pass, and the role each states.
  private static let titleWords = FirstScalarIndex(framingWords + stepWords + criteriaWords)
  private static let titleWordRoles: [PartRole] =
    Array(repeating: .framing, count: framingWords.count)
    + Array(repeating: .steps, count: stepWords.count)
    + Array(repeating: .criteria, count: criteriaWords.count)

  /// Which role wins when a title holds words of several: framing, then steps, then
  /// criteria.
  private var precedence: Int {
    switch self {
    case .framing: 0
    case .steps: 1
    case .criteria: 2
    case .tasks, .closing, .review: 3
    }
  }

  /// The role a heading's title states, or nil when it states none (the part then
  /// takes its parent's role). Only short titles are read: a long one is a task's own
  /// heading ("加强组织领导，…建立工作机制").
  package init?(title: String) {
    if title.hasSuffixBytes(Self.reviewEnding)
      || (Self.pastOpenings.contains(where: { title.hasPrefixBytes($0) })
        && title.hasSuffixBytes("工作"))
    {
      self = .review
      return
    }
    if Self.situationEndings.contains(where: { title.hasSuffixBytes($0) }),
      !title.containsBytes("，"), !Self.opensWithTask(title)
    {
      self = .review
      return
    }
    if Self.longFramingEndings.contains(where: { title.hasSuffixBytes($0) })
      || (Self.opensWithTheYear(title) && title.containsBytes(Self.overallRequirements)
        && !title.containsBytes(Self.tasksWord))
    {
      self = .framing
      return
    }
    // A heading of two phrases ("分类实施，规范流程") names a task, whatever its words.
    guard !title.isEmpty, title.hasAtMostCharacters(12), !title.containsBytes("，") else {
      return nil
    }
    if Self.closingTitles.contains(title) {
      self = .closing
      return
    }
    var stated: PartRole? = nil
    func consider(_ role: PartRole) {
      if stated.map({ role.precedence < $0.precedence }) ?? true { stated = role }
    }
    var title = title
    title.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: offset)
        for word in Self.titleWords.candidates(startingWith: scalar) ?? []
        where Self.titleWords.matches(word, in: bytes, at: offset) {
          consider(Self.titleWordRoles[word])
        }
        offset += length
      }
    }
    // "落实属地管理原则", "坚持…原则": a task that applies a principle, not a part of them.
    // A part of tasks and goals ("实施阶段任务和目标") holds tasks.
    if Self.framingEndings.contains(where: { title.hasSuffixBytes($0) }),
      !Self.opensWithTask(title), !title.containsBytes(Self.tasksWord)
    {
      consider(.framing)
    }
    if Self.stepEndings.contains(where: { title.hasSuffixBytes($0) }),
      !Self.taskVerbs.contains(where: { title.hasPrefixBytes($0) })
    {
      consider(.steps)
    }
    // "整治方式", "建设方式": kinds or ways; "加快转变经济发展方式", "创新监管方式": a task.
    // "入围标准", "贫困户“脱贫”标准": what qualifies; not a task on a standard (健全产业标准,
    // 制定…标准, 提高补助标准).
    if Self.criteriaEndings.contains(where: { title.hasSuffixBytes($0) }),
      !Self.opensWithTask(title)
    {
      consider(.criteria)
    }
    guard let stated else { return nil }
    self = stated
  }

  /// The role of every section: its own title's, else its parent's, else tasks. The rows
  /// of a table and unnumbered items take their part's: their titles are tasks
  /// ("优化审批流程"), not headings of parts.
  package static func roles(of sections: [Section]) -> [PartRole] {
    var roles: [PartRole] = []
    roles.reserveCapacity(sections.count)
    for section in sections {
      let inherited = section.parent.map { roles[$0] } ?? .tasks
      let readsTitle = section.kind != .tableRow && section.kind != .paragraph
      roles.append((readsTitle ? PartRole(title: section.title) : nil) ?? inherited)
    }
    return roles
  }
}
