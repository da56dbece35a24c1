import PolicyBytes
import PolicyModel
import PolicyText

/// Turns a department name as written into its level prefix and canonical kind of body:
/// 区经济信息委 → 区 + 经济信息委; 市经信委 → 市 + 经济信息委; 国家发展改革委 → 国家 + 发展改革委;
/// 永川区税务局 → 永川区 + 税务局.
package struct DepartmentResolver {
  static let levelPrefixes = ["国家", "省", "市", "区", "县", "州", "镇", "乡"]
  /// The category of a name the dictionaries do not know.
  package static let unknownCategory = "unknown"
  /// How the name of a body ends: 局, 委, 办, 中心, 政府, 公司, 专班, 总署 (海关总署), the people's
  /// organisations (区残联, 区文联, 区侨联, 区科协, 共青团, 区图书馆)…, and the places that
  /// stand for their governments in a list of bodies (各街镇, 泗泾镇, 九里亭街道, 经开区,
  /// 达茂旗).
  static let organisationalSuffixes = [
    "局", "委", "办", "厅", "部", "中心", "政府", "单位", "公司", "院", "会", "所", "站", "队", "处", "科", "室",
    "组", "自治组织", "支行", "分行", "银行", "社", "党校", "国企", "企业", "部门", "机关", "机构", "专班", "海关", "学校", "大学",
    "联",
    "协", "团", "馆", "总署",
    "镇", "街道", "街镇", "镇街", "区", "县", "旗", "乡", "村", "联席会议",
  ]
  /// The same, as UTF-8.
  private static let organisationalSuffixBytes = organisationalSuffixes.map { Array($0.utf8) }

  /// Whether `name` ends as the name of a body does.
  static func endsLikeBody(_ name: String) -> Bool {
    organisationalSuffixes.contains { name.hasSuffixBytes($0) }
  }

  /// Whether the name in `bytes` ends as the name of a body does.
  static func endsLikeBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    organisationalSuffixBytes.contains { ByteSearch.hasSuffix($0, in: bytes, 0..<bytes.count) }
  }

  package let dictionaries: PolicyDictionaries
  /// `dictionaries.departments` and `.collectiveBodies`, looked up by bytes where that is exact.
  private let departments: PlainNameTable<PolicyDictionaries.Department>
  private let collectiveBodies: PlainNameTable<Void>

  package init(dictionaries: PolicyDictionaries) {
    self.dictionaries = dictionaries
    departments = PlainNameTable(dictionaries.departments)
    collectiveBodies = PlainNameTable(dictionaries.collectiveBodies)
  }

  package func mention(_ name: String, role: ResponsibilityRole, span: TextSpan)
    -> DepartmentMention
  {
    // A plain name has one scalar per character: its prefixes are byte prefixes.
    let isPlain = name.isPlain
    func hasPrefix(_ prefix: String) -> Bool {
      isPlain ? name.hasPrefixBytes(prefix) : name.hasPrefix(prefix)
    }
    // 各 makes a collective of a kind of body (各街镇, 各区交通主管部门), not of any phrase.
    if collectiveBodies.contains(name, isPlain: isPlain)
      || hasPrefix("各") && Self.endsLikeBody(name)
    {
      return DepartmentMention(
        name: name, levelPrefix: nil, canonical: name, category: "collective", isCollective: true,
        role: role, span: span)
    }
    if let department = departments.value(for: name, isPlain: isPlain) {
      return found(name, prefix: nil, department, role, span)
    }
    for prefix in Self.levelPrefixes where hasPrefix(prefix) {
      let rest = String(name.dropFirst(prefix.count))
      if let department = departments.value(for: rest, isPlain: isPlain ? true : nil) {
        return found(name, prefix: prefix, department, role, span)
      }
    }
    // A place instead of a level: 永川区税务局, 重庆市分行….
    for length in 2...4 where !name.hasAtMostCharacters(length + 1) {
      let place = name.prefix(length + 1)
      guard let last = place.last, "区县市州".contains(last) else { continue }
      let rest = String(name.dropFirst(length + 1))
      if let department = departments.value(for: rest, isPlain: isPlain ? true : nil) {
        return found(name, prefix: String(place), department, role, span)
      }
    }
    var prefix: String? = nil
    var canonical = name
    if let level = Self.levelPrefixes.first(where: hasPrefix),
      !name.hasAtMostCharacters(level.count + 1),
      !hasPrefix("市场"), !hasPrefix("区域"), !hasPrefix("县域")
    {
      prefix = level
      canonical = String(name.dropFirst(level.count))
    }
    return DepartmentMention(
      name: name, levelPrefix: prefix, canonical: canonical, category: Self.unknownCategory,
      isCollective: false,
      role: role, span: span)
  }

  /// Whether `mention` names a body: one the dictionaries know (a collective among them,
  /// of category "collective"), or an unknown name that ends like a body's. "包括" and
  /// "自身", read from "（包括牵头单位自身）", do not.
  static func namesBody(_ mention: DepartmentMention) -> Bool {
    mention.category != unknownCategory
      || (organisationalSuffixes.contains { mention.name.hasSuffixBytes($0) }
        && !holdsClauseVerb(mention.name))
  }

  /// Whether `mention` (a body by `namesBody`) names one in running text, where the words
  /// before a name may be a verb ("鼓励保险公司", "明确区政府"): it ends as bodies do (a
  /// collective by its 各 alone does not: 各区政府加强…) or the dictionaries know it, does
  /// not open with a verb, and the dictionaries know it (with its place: 北京市经济和信息化局),
  /// or it opens with its level (区建设管理委) or its province or city (河北省委), or ends as
  /// only the names of bodies do (头桥集团, 临港新片区管委会, 街道办事处, 联席办, 浦东新区政府),
  /// or names a kind of body (属地街镇, 相关区政府).
  static func namesBodyInText(_ mention: DepartmentMention) -> Bool {
    let name = mention.name
    let isKnown = mention.category != unknownCategory && mention.category != "collective"
    guard isKnown || endsLikeBody(name) else { return false }
    guard !opensWithVerb(name) || namesJointBody(name), !holdsClauseVerb(name) else {
      return false
    }
    let isCollective = collectiveMarkers.contains { name.hasPrefixBytes($0) }
    // A place alone (浦东新区, 共享区 of 共享区际…) is no body in text, unless a collective
    // (各区, 相关街镇) or one the dictionaries know.
    if !isKnown, !isCollective, placeEndings.contains(where: { name.hasSuffixBytes($0) }) {
      return false
    }
    return mention.category != unknownCategory || mention.levelPrefix != nil
      || hasDistinctiveEnding(name) || isCollective
      || opensWithProvinceOrCity(name) || isSectorDepartment(name)
  }

  /// Whether `name` is the department of a sector, named by it: 公安部门, 交通部门,
  /// 城市管理综合执法部门, 防汛指挥机构, 家庭教育指导机构 (a kind of body,
  /// docs/gold-format.md), not an unnamed collective
  /// (有关部门, 职能部门), nor words of a clause run into one ("…主体责任和行业部门",
  /// "及时报告城管执法部门").
  private static func isSectorDepartment(_ name: String) -> Bool {
    guard
      name.hasSuffixBytes("部门") || isSectorOrgan(name)
        || (name.hasSuffixBytes("机构") && !unnamedOpenings.contains { name.hasPrefixBytes($0) }
          && !relationalOrgans.contains(name))
    else { return false }
    // A sector named with 和 is one name ("住房和城乡建设部门负责…"): its 和 joins no two.
    let unjoined =
      DepartmentList.holdsJoinedSector(Array(name.utf8))
      ? DepartmentList.withoutJoinedSectors(name) : name
    return name.unicodeScalars.count >= 4 && !isUnnamedCollective(name)
      && name.unicodeScalars.dropLast(2).allSatisfy { UTF8Scalars.isIdeograph($0.value) }
      && !clauseWords.contains { unjoined.containsBytes($0) }
  }

  /// Words that open no sector's name but bodies left unnamed: 若干 (若干职能机构), 专门
  /// (专门机构), 其他, 其它.
  private static let unnamedOpenings = ["若干", "专门", "其他", "其它"]
  /// Organs named only by how they stand to another body, which the name leaves out
  /// (办事机构, 内设机构): no sector's organ alone ("绿化委员会的办事机构" is). Not 派出机构,
  /// which laws name alone as the body of a government's district (台州 长潭水库).
  private static let relationalOrgans: Set<String> = [
    "办事机构", "内设机构", "技术机构", "职能机构", "工作机构", "执行机构", "下属机构", "所属机构",
    "分支机构", "指定内设机构",
  ]

  /// Whether `name` is the organ of a sector as laws name them (公安机关, 税务机关,
  /// 事业单位登记管理机关): 机关 after the sector, not the organs of the state at large
  /// (行政机关, 国家机关, 党政机关) nor a label (发文机关).
  private static func isSectorOrgan(_ name: String) -> Bool {
    guard name.hasSuffixBytes("机关"), !generalOrgans.contains(where: { name.hasSuffixBytes($0) })
    else { return false }
    // 有关机关, 各级机关: bodies pointed at, as 有关部门 is.
    return !isUnnamedCollective(String(name.dropLast(2)) + "部门")
  }

  /// 机关 with words that name no sector: the organs of the state at large, labels, and the
  /// organs a law names by what they do in a procedure (复议机关, 发证机关, 主管机关).
  private static let generalOrgans = [
    "行政机关", "国家机关", "党政机关", "政府机关", "发文机关", "上级机关", "本机关", "审批机关", "原机关", "主管机关",
    "管理机关", "登记机关", "复议机关", "发证机关", "批准机关", "执法机关", "有权机关", "司法机关", "决定机关", "制定机关",
    "作出机关", "受理机关",
  ]

  /// Words of a clause that no sector's name holds: joins, adverbs, 责任, 等 closing a
  /// list, words that point at bodies without naming them (下列部门, 分级分部门), and
  /// verbs that name a body by what it does in the text (数据提供部门, 数据使用部门).
  private static let clauseWords = [
    "和", "及", "与", "或", "等", "责任", "及时", "严格", "报告", "下列", "上述", "其他", "其它", "分级", "提供", "使用", "履行",
    // "扶持本行政区域内各类学前教育机构": the place and kinds a clause speaks of.
    "各类", "区域内", "辖区内",
  ]

  /// Whether `name` opens with the name of a province or a city, two or three characters
  /// and 省 or 市 (河北省委, 北京市大数据工作推进小组; not 城市…, 市场…).
  private static func opensWithProvinceOrCity(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars.prefix(5))
    for index in 2...3 where index + 1 < scalars.count {
      guard scalars[index] == "省" || scalars[index] == "市" else { continue }
      return scalars[index - 1] != "城" && scalars[index + 1] != "场"
    }
    return false
  }

  /// Whether `name` ends as the name of a place (开发区, 街道, 泗泾镇) or a company (新城公司)
  /// does.
  static func endsLikePlaceOrCompany(_ name: String) -> Bool {
    (placeEndings + ["街道", "街镇", "镇街", "公司"]).contains { name.hasSuffixBytes($0) }
  }

  /// The endings of places that stand for their governments in lists of bodies.
  private static let placeEndings = ["区", "县", "镇", "乡", "旗", "村"]

  /// Whether `name` holds a verb no name holds, which makes it words of a clause run into
  /// a body's ending: "本市建立市人民政府" (…和市高级人民法院共同牵头的机制), "学前教育实行
  /// 政府" (…负责的体制), "公安机关加强部门", "县（市、区）设立计划生育宣传技术站". A verb
  /// before 的 describes the body instead ("中国国际商会设立的仲裁委员会", "依法成立的行业协会").
  static func holdsClauseVerb(_ name: String) -> Bool {
    clauseVerbs.contains { verb in
      var rest = Substring(name)
      while let found = rest.range(of: verb) {
        if !rest[found.upperBound...].hasPrefix(describing) { return true }
        rest = rest[found.upperBound...]
      }
      return false
    }
  }
  /// Verbs no body's name holds but before 的 (`holdsClauseVerb`).
  private static let clauseVerbs = [
    "建立", "健全", "实行", "成立", "开展", "加强", "探索", "禁止", "设立",
  ]
  /// Whether `name` holds a modal no name holds (应当, 必须), known ending or not:
  /// "建设单位应当通知航道主管部门", "人民法院应当指定诉讼服务中心" are clauses.
  static func holdsModal(_ name: String) -> Bool {
    modals.contains { name.containsBytes($0) }
  }
  private static let modals = ["应当", "必须"]
  /// 的 after a verb inside a name: the verb describes the body.
  private static let describing = "的"

  /// Whether `name` opens with a verb that never opens a name ("明确区政府", "抽调区建设管理委").
  static func opensWithVerb(_ name: String) -> Bool {
    leadingVerbs.contains { name.hasPrefixBytes($0) }
  }

  /// Words that open a phrase and never a name: verbs (明确区政府…, 鼓励保险公司…,
  /// 设置或者确定应急管理机构, 接受…部门的指导, 加快建设法治政府), modals (应当, 必须), words of
  /// effort (努力建设服务型政府, 着力, 大力) and 或者.
  private static let leadingVerbs = [
    "鼓励", "支持", "推动", "推进", "加强", "引导", "指导", "督促", "组织", "协调", "建立", "完善", "明确", "强化", "落实", "按照",
    "依托", "通过", "开展", "实施", "发挥", "做好", "配合", "会同", "报送", "报请", "提请", "联合", "成立", "压实", "承担",
    "拟定", "共享", "监督", "抽调", "组建", "构建", "确保", "通知", "邀请", "商请", "理顺",
    "厘清", "细化", "夯实", "设置", "设立", "确定", "告知", "作为", "联系", "必须", "应当", "或者", "接受",
    "努力", "加快", "着力", "大力",
  ]

  /// Whether `name` is a joint body (联合采购办公室, 联合执法小组): 联合 as its first word,
  /// not the verb before another body (联合区城管执法局, 联合市规划资源局), and an ending only
  /// bodies have.
  static func namesJointBody(_ name: String) -> Bool {
    let joint = "联合"
    guard name.hasPrefixBytes(joint), hasDistinctiveEnding(name) else { return false }
    let rest = String(name.droppingBytes(joint.utf8.count))
    return !(levelPrefixes + collectiveMarkers).contains { rest.hasPrefixBytes($0) }
  }

  /// Whether `name` ends as only the names of bodies do (集团, 管委会, 办事处, 人民政府 …).
  static func hasDistinctiveEnding(_ name: String) -> Bool {
    distinctiveEndings.contains { name.hasSuffixBytes($0) }
  }

  /// Endings that only the names of bodies have.
  private static let distinctiveEndings = [
    "集团", "管委会", "办事处", "委员会", "领导小组", "办公室", "联席办", "工作专班", "小组", "政府", "分局", "支队", "党校", "救援机构",
    "管理部门", "主管部门", "主管机构", "管理机构", "派出所",
  ]

  /// Whether `name` stands for bodies it does not name: 各 / 有关 / 相关 / 属地 followed by
  /// nothing but 部门, 单位, 机构, 处室, 行业部门 or 行业主管部门, with a level word or 政府
  /// before it (有关部门, 各有关部门和单位, 区政府各部门, 有关区级部门, 委内各相关处室,
  /// 各行业部门), or one of those words alone (行业主管部门, 政府). Such a name is no
  /// department of a role (docs/gold-format.md); 各街镇, 相关区政府, 各区交通主管部门 and
  /// 有关镇街 name a kind of body and are, and so do the governments of a level (省级政府,
  /// 县级政府) and 地方政府, the local governments ("省级政府对本辖区债务负总责",
  /// "落实地方政府主体责任").
  static func isUnnamedCollective(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    for kind in unnamedKinds
    where bytes.count >= kind.count && bytes.suffix(kind.count).elementsEqual(kind) {
      var head = bytes[..<(bytes.count - kind.count)]
      while !kind.elementsEqual(government),
        let level = levelWords.first(where: {
          head.count >= $0.count && head.suffix($0.count).elementsEqual($0)
        })
      {
        head = head.dropLast(level.count)
      }
      if head.isEmpty
        || collectiveMarkerBytes.contains(where: {
          head.count >= $0.count && head.suffix($0.count).elementsEqual($0)
        })
      {
        return true
      }
    }
    return false
  }

  /// Whether `name` speaks of what is inside a place ("区内各相关行政审批部门", "省内学校"):
  /// no body of that level. (Not 外: 省外办 is the foreign affairs office.)
  static func isWithinPlace(_ name: String) -> Bool {
    withinPlaceOpenings.contains { name.hasPrefixBytes($0) }
  }

  private static let withinPlaceOpenings = ["省内", "市内", "区内", "县内", "镇内"]

  /// Whether `name` is a party the plan regulates rather than a body that carries it out:
  /// enterprises (各交通行业企业, 供电企业), owners and their committees (业主, 业主委员会),
  /// project and construction units (建设单位, 施工单位, 各项目实施主体), and companies named
  /// only as a collective (各航空公司, 各项目公司). State-owned ones are bodies (区属国有企业,
  /// 区属国有公司), as are companies named one by one (新城公司), and residents' and
  /// villagers' committees (居民委员会, 村委会: self-governing, yet the bodies that carry out
  /// the tasks a plan or law gives the community, as docs/gold-format.md counts them).
  static func isRegulatedParty(_ name: String) -> Bool {
    if stateOwnedMarkers.contains(where: { name.containsBytes($0) }) { return false }
    // A level's own institution is a body of that government (市蚕种检验机构, 区妇幼保健机构).
    if name.hasSuffixBytes("机构"), RoleSentences.openingLevel(of: Array(name.utf8)) != nil,
      !scopeWords.contains(where: { name.containsBytes($0) })
    {
      return false
    }
    if regulatedEndings.contains(where: { name.hasSuffixBytes($0) }) { return true }
    return name.hasSuffixBytes("公司")
      && collectiveMarkers.contains(where: { name.hasPrefixBytes($0) })
  }

  /// 以上, 以下: a level's scope (县级以上医疗机构), not a level's own body.
  private static let scopeWords = ["以上", "以下"]
  /// How the names of regulated parties end: enterprises, owners, builders, and the
  /// institutions that serve the public under a law's rules (医疗机构, 养老机构, 保险机构,
  /// 检验机构, 培训机构…), named by their service as the bodies of government are by their
  /// sector.
  private static let regulatedEndings = [
    "企业", "业主", "建设单位", "施工单位", "实施主体", "项目单位", "业主委员会", "业主大会", "经营者", "物业管理机构",
    "医疗机构", "卫生机构", "保险机构", "养老机构", "托幼机构", "检验机构", "检测机构", "培训机构", "中介机构",
    "服务机构", "金融机构", "教育机构", "评估机构", "认证机构", "保健机构", "支付机构", "结算机构", "监理机构",
    "经纪机构", "代理机构", "托育机构", "咨询机构",
  ]
  /// Words that make an enterprise a body of the government: 国有 (区属国有公司), 国企, and
  /// a level of government that owns or manages it (区管企业, 区属企业, 市属企业).
  private static let stateOwnedMarkers = ["国有", "国企", "区管", "区属", "市管", "市属", "县属"]

  /// The words that make a collective of what follows: 各, 有关, 相关, 属地.
  private static let collectiveMarkers = ["各", "有关", "相关", "属地"]
  private static let collectiveMarkerBytes = collectiveMarkers.map { Array($0.utf8) }
  /// Level words between the marker and the kind: 有关区级部门.
  private static let levelWords = ["区级", "市级", "县级", "省级", "镇级"].map { Array($0.utf8) }
  /// 政府, which a level word before it names (区级政府), as UTF-8.
  private static let government = Array("政府".utf8)
  /// What an unnamed collective ends with, as UTF-8.
  private static let unnamedKinds = [
    "部门", "单位", "机构", "处室", "行业部门", "行业主管部门", "行业管理部门", "主管部门", "职能部门", "部门和单位", "单位和部门",
    "部门单位", "政府", "政府部门", "政务部门", "职能部门和单位", "责任部门", "责任单位", "牵头单位", "牵头部门", "配合单位", "配合部门",
    "成员单位", "管理部门", "方面", "机关",
  ].map { Array($0.utf8) }

  private func found(
    _ name: String, prefix: String?, _ department: PolicyDictionaries.Department,
    _ role: ResponsibilityRole, _ span: TextSpan
  ) -> DepartmentMention {
    DepartmentMention(
      name: name, levelPrefix: prefix, canonical: department.canonical,
      category: department.category,
      isCollective: false, role: role, span: span)
  }
}
