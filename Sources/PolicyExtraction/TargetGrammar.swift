import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

/// The words quantitative targets are written with, in folded form (simplified, ASCII
/// digits and punctuation): directions, bounds, hedges, baselines and periods (units are in `units.tsv`).
package enum TargetGrammar {
  /// Verbs before a value, longest first, with the direction they give.
  package static let verbs: [(String, TargetDirection)] = [
    ("不低于", .atLeast), ("不少于", .atLeast), ("不超过", .atMost), ("不高于", .atMost), ("不大于", .atMost),
    ("下降到", .reach), ("降低到", .reach), ("降至", .reach), ("提高到", .reach), ("提升到", .reach),
    ("提高至", .reach), ("提升至", .reach), ("增加到", .reach), ("增长到", .reach), ("增至", .reach),
    ("扩大到", .reach),
    ("保持在", .keep), ("稳定在", .keep), ("控制在", .keep), ("维持在", .keep),
    ("下降", .decrease), ("降低", .decrease), ("减少", .decrease), ("削减", .decrease), ("压减", .decrease),
    ("减排", .decrease),
    ("提高", .increase), ("提升", .increase), ("增长", .increase), ("增加", .increase), ("上升", .increase),
    ("超过", .atLeast), ("突破", .atLeast), ("达到", .reach), ("达", .reach), ("保持", .keep),
    ("建成", .reach), ("创建", .reach), ("培育", .reach), ("打造", .reach), ("新增", .increase),
    ("建设", .reach),
    ("认定", .reach), ("开发", .reach), ("新建", .reach), ("建立", .reach), ("争创", .reach), ("创成", .reach),
    ("推广", .reach), ("实现", .reach), ("完成", .reach), ("形成", .reach), ("引进", .reach), ("推进", .reach),
    ("实施", .reach), ("落实", .reach), ("投运", .reach),
    ("解决", .reach), ("新开工", .reach), ("开工", .reach), ("扩招", .increase),
    // Closing capacity down is a cut (淘汰落后炼铁产能1亿吨, 关停小火电机组5000万千瓦).
    ("扩大", .increase), ("淘汰", .decrease), ("退出", .decrease), ("关停", .decrease),
  ]
  /// The verbs by first scalar, in the order of `verbs` (indices into it).
  static let verbIndex = FirstScalarIndex(verbs.map(\.0))
  /// The length in characters of each verb (one to three), in the order of `verbs`.
  static let verbLengths: [Int] = verbs.map { $0.0.count }
  /// How many characters from the end of a phrase a verb may start: twice the longest
  /// verb and six.
  static let verbTail = 2 * verbLengths.max()! + 6
  /// Words after a value that bound it.
  package static let bounds: [(String, TargetDirection)] = [
    ("及以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
  ]
  /// 新增, an increment (docs/gold-format.md: never `reach`, whatever verb follows it).
  package static let increment = "新增"
  /// Hedges anywhere before a value in its clause, right before the number, and after the
  /// value (the closed list of docs/gold-format.md: 力争, 争取, 预计, 约, 近, 左右).
  static let hedgesBefore = ["力争", "争取", "预计"]
  static let hedgesBeforeValue = ["大约", "约", "近"]
  static let hedgesAfter = ["左右"]
  /// Words that make a count cumulative.
  static let cumulativeWords = ["累计", "共计", "合计", "总计"]
  /// 均 before a verb: each indicator of the list takes the one value (…均达到90%); not
  /// after the characters of an average (人均, 年均, 平均, 日均, 月均).
  package static let each = "均"
  static let averageMarks: Set<Unicode.Scalar> = ["人", "年", "平", "日", "月"]
  /// 都 before a modal or a verb: each indicator of the list takes the one value
  /// (化学需氧量、氨氮排放都要减少2%左右), as with 均.
  static let all = "都"
  /// What follows 都 when it says "each": a modal or a verb of a target.
  static let allFollowers = [
    "要", "将", "应", "需", "必须", "达", "下降", "减少", "降低", "提高", "增长", "控制", "保持", "超过", "不",
  ]
  /// Characters before 都 that make a place of it (成都, 首都, 京都, 古都): no "each".
  static let capitalMarks: Set<Unicode.Scalar> = ["成", "首", "京", "古", "建", "定", "迁", "故"]
  /// What a list of indicators is written with.
  static let listSeparators: Set<Character> = ["、", "和", "及", "与"]
  /// Where the head a list's later items share ends: 规模以上企业单位工业增加值|能耗、水耗.
  static let indicatorHeads = ["单位", "增加值", "生产总值"]
  /// The scalars a value can start with: the digits and the Chinese numerals (百 of 百分之
  /// among them), all in the BMP; taken from the tests themselves so the two cannot differ.
  static let valueStarts = ScalarSet(
    (0..<0x10000).lazy.filter { UTF8Scalars.isDigit($0) || ChineseNumeral.isNumeral($0) }.map {
      UInt32($0)
    })
  /// Between the years of a span (2024年-2025年, 2025年7月至2025年12月): its last year is
  /// the target's.
  static let spanDashes: Set<Unicode.Scalar> = ["-", "—", "–", "~", "至", "到"]
  /// Words right before a year that make it a target's (力争2029年…, 计划2024年推进…).
  static let yearLeads = ["力争", "争取", "确保", "计划", "预计"].map { Array($0.unicodeScalars) }
  /// What the title of a plan ends with, for a plan for one year (2025年度实施计划); a
  /// government work report for one year (2023年…政府工作报告) sets that year's targets
  /// (a department's 2022年工作报告 reports on its year: no plan).
  static let planTitleEndings = ["方案", "计划", "要点", "办法", "清单", "政府工作报告"]
  /// What follows a named period a text counts over: “十四五”期间, 十四五末, “十四五”时期.
  static let periodSpans = ["期间", "末", "时期"]
  /// What makes a named period a baseline: 较“十三五”, 比十三五, 高于“十三五”时期实际.
  static let periodBaselines = ["较", "比", "高于", "低于"]
  /// Named periods and the years they end.
  static let periods: [(String, Int)] = [
    ("“十一五”", 2010), ("“十二五”", 2015), ("“十三五”", 2020), ("“十四五”", 2025), ("“十五五”", 2030),
    ("十一五", 2010), ("十二五", 2015), ("十三五", 2020), ("十四五", 2025), ("十五五", 2030),
  ]
  /// Words that open a clause and are not part of an indicator.
  static let leadingNoise = [
    "其中", "同时", "并", "且", "和", "及", "与", "使", "确保", "力争", "争取", "预计", "累计",
    // Before 全年, 今年, 明年: 今年的经济增长预期为7％左右.
    "全年的", "今年的", "明年的",
    "全年", "今年", "明年", "届时",
    "分别",
    "基本", "逐步", "进一步", "持续", "努力", "全面",
    // Adverbs and the verbs of a clause's action that are no target verbs (率先, 组织发布,
    // 开工建设, 推动完成): what is measured comes after them.
    "率先", "计划", "着力", "加快", "积极", "组织", "发布", "开展", "推动", "启动", "开工", "发展", "改建", "加装",
    // 把 and 将 before what they act on (把居民消费价格涨幅控制在3.5%左右, 将制造业企业加计
    // 扣除比例提高到100%).
    "把", "将",
  ]
  /// Verbs that report who set a target, before what was set (中央提出今年经济增长预期目标
  /// 为8%左右, 政府工作报告提出国内生产总值增长8%左右): the indicator starts after them.
  /// Longest first.
  static let reportingVerbs = ["提出了", "提出"]
  /// Words that are no indicator when they stand alone before a value (将60座社区公园…,
  /// 对300个公交站台…, 改造新增71座); at the start of a longer phrase they may begin a word
  /// (再生资源, 对外投资, 改造项目).
  static let loneOpeners: Set<String> = [
    "将", "把", "对", "再", "在", "向", "为", "要", "改造", "更新", "整治", "今年", "明年", "全年",
  ]
  /// The first UTF-8 byte of each word of `leadingNoise`, and of each verb of `verbs`,
  /// in their order: compared with a phrase's first byte before the rest of the word is.
  static let leadingNoiseFirstBytes: [UInt8] = leadingNoise.map { $0.utf8.first! }
  static let verbFirstBytes: [UInt8] = verbs.map { $0.0.utf8.first! }
  /// Words trimmed from the end of an indicator before its verb: …装机容量确保达到, …开放度要达到,
  /// a law's …比重应当达到, and the adverbs of a further step: 人均预期寿命再提高1岁, …比例继续保持在4%以上.
  static let trailingNoise = [
    "确保", "力争", "争取", "要", "应当", "应", "需", "将", "再", "继续", "进一步",
    // The expected level of a work report's indicator: 广义货币M2预期增长13%左右,
    // 经济增长预期目标保持在….
    "预期目标", "预期",
  ]
  /// Words after a verb that name the value as the goal set for what the words before
  /// them name, the verb included: 经济增长预期目标为5%左右 (经济增长), 广义货币增长目标为16%,
  /// 年均经济增长速度预期目标为7%左右 (年均经济增长速度). Longest first.
  static let expectedGoals = ["预期目标", "预期", "目标"]
  /// What links such a word to its value, longest first: 拟定为, 定在, 为, 是.
  static let goalLinks = ["拟定为", "确定为", "设定为", "调整为", "定为", "定在", "为", "是", "在"]
  /// What marks the level a change starts from (比例由75%提高到100%, 从60.2%提高到…);
  /// 由 of 自由 is none.
  static let startMarks: Set<Unicode.Scalar> = ["由", "从"]
  /// Words trimmed from the end of an indicator, one character each: 的 达 到 在 为 , 、.
  static let trailingLinks: Set<Unicode.Scalar> = ["的", "达", "到", "在", "为", ",", "、"]
  /// Scopes an indicator may start with.
  static let scopes = [
    "规模以上工业企业", "规模以上企业", "全市", "全区", "全省", "全国", "全县", "全镇", "市级", "区级", "县级",
    "国家级", "省级", "重点行业", "重点企业", "全区制造业", "全市制造业", "我区", "我市", "我省", "本市", "本区", "本县",
  ]
  /// 等 after examples (…学校等各级各类学校), and the words it begins that are no such mark.
  static let examplesMark = "等"
  static let examplesMarkWords = ["级", "同", "待", "于"]
  /// Marks a noun after a value may hold: quotes and brackets (“15分钟”社区生活圈, 停车场(库)).
  static let nounMarks: Set<Unicode.Scalar> = ["“", "”", "(", ")"]
  /// Verbs after a value that make it a level to reach when none stands before it
  /// (…100%达标, 90%的市场主体纳入…, 对300个公交站台进行适老化改造).
  static let verbsAfterValue = ["达标", "纳入", "达到", "实现", "覆盖", "进行"]
  /// Nouns after 的 that name the goal, not what is measured (…2.3平方米的目标).
  static let goalNouns: Set<String> = ["目标", "目标要求", "要求", "任务目标"]
  /// Endings of an indicator that is a rate or a share (失业率, 比重): a percentage after
  /// it with no verb of its own states its level. Not 涨幅: "居民消费价格涨幅3%左右" is
  /// read as prices rising by 3%.
  static let rateEndings = ["率", "比重", "占比", "比例"]
  /// Nouns of a rate of change that say what the value does without a verb: a sentence
  /// that carries its year states a target with one ("今年居民消费价格涨幅3%左右").
  static let changeRateNouns = ["涨幅", "增幅", "增速"]
  /// 翻 of 翻一番, 翻两番: doubling, an increase counted in 番 (the unit in `units.tsv`).
  static let doubling = "翻"
  /// What stands before the count of 番: 翻, 翻了 (the longer first; 翻了一番 says what is
  /// done, a state `TargetExclusion` leaves out).
  static let doublingVerbs = ["翻了", "翻"]
  /// 番, the unit of doubling: a value in 番 only after `doublingVerbs` (三番五次 is none).
  static let doublingUnit = "番"

  /// Nouns that hold a verb (提升项目, 建设用地, 增加值): the verb in them is none.
  static let verbNouns = ["提升项目", "建设项目", "改造项目", "建设用地", "建成区", "增加值", "新建建筑", "完成率", "实现率"]
  /// Verbs that end the noun after a value: 60座社区公园|纳入…, 300个公交站台|进行适老化改造.
  static let predicateVerbs = ["纳入", "进行", "达到", "实现", "完成", "达标", "覆盖", "接入", "落实", "不低于", "不少于"]
  /// Counts of a document's own parts (8个方面, 34个指标, 22项任务, 三个阶段): they
  /// describe, they set no target.
  static let partNouns = ["方面", "指标", "任务", "领域", "阶段", "环节", "板块"]
  /// Words that open a clause of rules or of what is already so: 按照0.5%增长率…, 目前注册
  /// 用户数已突破…, 在现有…62项.
  static let parameterOpeners = ["按照", "按", "依照", "参照"]
  package static let now = "目前"
  /// 目标 after 的: "…50%的目标要求" states the target.
  static let goal = "目标"
  /// What follows 目标 in a heading that reviews goals (目标完成情况, 目标实现情况).
  static let goalsMetWords = ["完成", "实现", "执行"]
  /// People a year brings whatever a plan does, whose count a report forecasts: "今年高校
  /// 毕业生将达727万人", "预计今年高校毕业生超过1170万人" — a state. Only the cohort with its
  /// value, or a forecast's verb, after it: "实现高校毕业生就业2800万人", "选派1万名高校毕业生"
  /// and "招募高校毕业生3万人" say what is done for them.
  static let cohorts = ["高校毕业生"]
  /// What stands between a cohort and its forecast count: 将达, 将高达, 超过, 达, 约.
  static let forecastWords = ["将高达", "将达到", "将达", "将超过", "超过", "达到", "达", "约", "将近", ""]

  /// What may open a clause before the cohort it forecasts: nothing, or when (今年, 预计今年).
  static let forecastOpenings = ["", "今年", "预计今年", "预计", "明年", "全年"]

  /// Whether `clause` (the words before a value) is a cohort with a forecast's verb, and
  /// at most a time before it (not "招募高校毕业生3万人": a verb acts on them).
  package static func forecastsCohort(_ clause: Substring) -> Bool {
    // Most clauses name no cohort: one search before any clause is built to compare.
    cohorts.contains { cohort in
      clause.containsBytes(cohort)
        && forecastWords.contains { verb in
          forecastOpenings.contains { clause == $0 + cohort + verb }
        }
    }
  }
  static let stateWords = [
    "目前", "现有", "已突破", "已建成", "已完成", "已开工", "已达到", "已达", "已有", "已超过", "已形成", "已实现", "已累计",
  ]
  /// Words of public finance: a deficit, a budget, public spending, a transfer, a tax or
  /// contribution rate, a subsidy or pension standard, a bond quota or public debt
  /// (赤字率拟按3%安排, 中央预算内投资4776亿元, 补助标准提高30元). A value in their clause,
  /// or an amount of money in their sentence (…专项债券2.15万亿元，比去年增加8000亿元), is a
  /// setting the budget makes, not a target (docs/gold-format.md).
  static let fiscalWords = [
    "赤字", "预算内", "预算安排", "财政支出", "一般性支出", "中央财政", "地方财政", "转移支付", "税率", "缴费比例",
    "补助标准", "补贴标准", "报销比例", "养老金", "专项债券", "国债", "债务", "本级支出", "支出规模",
  ]
  /// Prices the state sets (粮食最低收购价, 小麦每斤提高3分钱): a parameter, not a target.
  static let priceWords = ["最低收购价", "每斤"]
  /// Words that put a clause in the past: 去年 and 上年 as its time (not after 比, 较 or 同:
  /// 比去年增加 is a baseline), 五年来, 过去五年 ("去年国内生产总值增长3%" is no target of
  /// the report's year).
  static let pastWords = ["去年", "上年", "五年来", "过去五年", "过去一年"]
  /// What opens a sentence about past work, with its comma, which the sentences after it
  /// in its paragraph go on with (过去五年，我国经济社会发展取得新的历史性成就。…5575万农村
  /// 贫困人口实现脱贫); not "五年来的经验".
  static let pastOpenings = ["过去五年", "过去一年", "过去的一年", "过去的五年", "五年来", "一年来"].flatMap {
    // The text is read folded: its comma is the ASCII one.
    [Array(($0 + "，").utf8), Array(($0 + ",").utf8)]
  }
  /// What makes 去年 or 上年 a baseline rather than a time.
  static let baselineMarks: Set<Character> = ["比", "较", "同"]
  /// What a count names when it is the name of a set of rules or positions (中央八项规定精神,
  /// 六项禁令, 解决台湾问题的八项主张 of the work reports, 四项基本原则): no quantity to
  /// reach.
  static let ruleSetNouns = ["规定", "禁令", "纪律", "主张", "基本原则"]
  /// What a count after 等 names when it counts the laws one decision amends together
  /// ("关于修改《…条例》等四件地方性法规的决定修正", in a law's history): no quantity to reach.
  static let amendedLaws = ["地方性法规", "法规", "法律", "行政法规", "规章"]
  /// Rates per year or month, which set no level to reach (每年投运200辆).
  static let rateWords = ["每年", "每月", "逐年"]
  /// Trimmed around an indicator or noun: 的 and spaces.
  static let linkingBlank = CharacterSet(charactersIn: "的 ")
  /// Trimmed around a clause while reading it: commas, 、, spaces and colons.
  static let clauseSeparators = CharacterSet(charactersIn: ",、 :")
}
