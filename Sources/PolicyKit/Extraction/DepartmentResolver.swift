/// Turns a department name as written into its level prefix and canonical kind of body:
/// 区经济信息委 → 区 + 经济信息委; 市经信委 → 市 + 经济信息委; 国家发展改革委 → 国家 + 发展改革委;
/// 永川区税务局 → 永川区 + 税务局.
struct DepartmentResolver {
  static let levelPrefixes = ["国家", "省", "市", "区", "县", "州", "镇", "乡"]
  /// The category of a name the dictionaries do not know.
  static let unknownCategory = "unknown"
  /// How the name of a body ends: 局, 委, 办, 中心, 政府, 公司, 专班, and the people's
  /// organisations (区残联, 区文联, 区侨联, 区科协, 共青团, 区图书馆)…
  static let organisationalSuffixes = [
    "局", "委", "办", "厅", "部", "中心", "政府", "单位", "公司", "院", "会", "所", "站", "队", "处", "科", "室",
    "组", "行", "社", "部门", "机关", "机构", "专班", "海关", "学校", "大学", "联", "协", "团", "馆",
  ]

  let dictionaries: PolicyDictionaries
  /// `dictionaries.departments` and `.collectiveBodies`, looked up by bytes where that is exact.
  private let departments: PlainNameTable<PolicyDictionaries.Department>
  private let collectiveBodies: PlainNameTable<Void>

  init(dictionaries: PolicyDictionaries) {
    self.dictionaries = dictionaries
    departments = PlainNameTable(dictionaries.departments)
    collectiveBodies = PlainNameTable(dictionaries.collectiveBodies)
  }

  func mention(_ name: String, role: ResponsibilityRole, span: TextSpan) -> DepartmentMention {
    // A plain name has one scalar per character: its prefixes are byte prefixes.
    let isPlain = name.isPlain
    func hasPrefix(_ prefix: String) -> Bool { isPlain ? name.hasPrefixBytes(prefix) : name.hasPrefix(prefix) }
    if collectiveBodies.contains(name, isPlain: isPlain) || hasPrefix("各") {
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
    if let level = Self.levelPrefixes.first(where: hasPrefix), !name.hasAtMostCharacters(level.count + 1),
      !hasPrefix("市场"), !hasPrefix("区域"), !hasPrefix("县域")
    {
      prefix = level
      canonical = String(name.dropFirst(level.count))
    }
    return DepartmentMention(
      name: name, levelPrefix: prefix, canonical: canonical, category: Self.unknownCategory, isCollective: false,
      role: role, span: span)
  }

  /// Whether `mention` names a body: one the dictionaries know (a collective among them,
  /// of category "collective"), or an unknown name that ends like a body's. "包括" and
  /// "自身", read from "（包括牵头单位自身）", do not.
  static func namesBody(_ mention: DepartmentMention) -> Bool {
    mention.category != unknownCategory || organisationalSuffixes.contains { mention.name.hasSuffixBytes($0) }
  }

  private func found(
    _ name: String, prefix: String?, _ department: PolicyDictionaries.Department,
    _ role: ResponsibilityRole, _ span: TextSpan
  ) -> DepartmentMention {
    DepartmentMention(
      name: name, levelPrefix: prefix, canonical: department.canonical, category: department.category,
      isCollective: false, role: role, span: span)
  }
}
