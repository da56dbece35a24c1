import PolicyBytes

/// Departments laws name by their duty, under the organ they belong to: "县级以上地方人民政府
/// 负责管理地震工作的部门或者机构", "省、自治区、直辖市人民政府管理专利工作的部门", "人民检察院负责
/// 控告申诉检察的部门" (docs/gold-format.md: one name, the role the verb after it states).
extension RoleSentences {
  /// Organs whose departments laws name by their duty: 人民政府, 人民检察院, 人民法院.
  static let organsWithDutyNamedDepartments = ["人民政府", "人民检察院", "人民法院"].map {
    Array($0.utf8)
  }

  /// Whether the 由 at `index` is part of a word (自由, 理由, 由于, 由此), not the one that
  /// brings in an agent.
  func isWordOf(by index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    if index > 0, Self.byCompoundLeaders.contains(UTF8Scalars.scalar(in: text, before: index).0) {
      return true
    }
    let after = (index + Self.by.count)..<text.count
    return Self.byCompoundFollowers.contains { ByteSearch.hasPrefix($0, in: text, after) }
  }

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
    // agent 由 brings in, before the government (not the 由 of 自由 in its duty).
    var range = range
    guard var government = ByteSearch.offset(of: Self.peoplesGovernment, in: text, within: range)
    else { return nil }
    if let introduced = lastOffset(of: Self.by, in: text, range.lowerBound..<government),
      !isWordOf(by: introduced, in: text)
    {
      range = (introduced + Self.by.count)..<range.upperBound
      government =
        ByteSearch.offset(of: Self.peoplesGovernment, in: text, within: range) ?? government
    }
    guard
      dutyNameEnd(
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
  /// What follows 部门 or 机构 when the two make a word (机构编制, 机构改革, 部门预算,
  /// 部门职责, 部门规章, 部门之间), so that no name of a body ends at the kind.
  static let kindCompounds = ["编制", "改革", "设置", "职责", "预算", "规章", "之间", "人员"].map {
    Array($0.utf8)
  }
  /// How many characters a duty may take, from its verb to the kind of body.
  static let dutyLength = 24

  /// Where the department named by its duty ends, when one follows its government's 人民政府
  /// at `governmentEnd`: a duty verb (`dutyVerbs`), ideographs, 的 and a kind of body
  /// (`dutyNamedKinds`) that ends a name there, with 或者机构 or 或者部门 after it if given
  /// ("负责管理地震工作的部门或者机构", "负责侨务工作的机构", "管理能源工作的部门"); not a kind
  /// that opens a word ("负责本行政区域内的机构编制管理工作": 机构编制).
  func dutyNameEnd(in text: UnsafeBufferPointer<UInt8>, after governmentEnd: Int, limit: Int)
    -> Int?
  {
    guard
      let verb = Self.dutyVerbs.first(where: {
        ByteSearch.hasPrefix($0, in: text, governmentEnd..<limit)
      })
    else { return nil }
    var index = governmentEnd + verb.count
    var characters = 0
    while index < limit && characters < Self.dutyLength {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      guard UTF8Scalars.isIdeograph(scalar) || scalar == .scalar("、") else { return nil }
      index += length
      characters += 1
      // A duty of one character at least: not "人民政府管理的部门" (those it manages).
      guard scalar == .scalar("的"), characters > 1,
        let kind = Self.dutyNamedKinds.first(where: {
          ByteSearch.hasPrefix($0, in: text, index..<limit)
        })
      else { continue }
      var end = index + kind.count
      if let other = Self.otherKinds.first(where: {
        ByteSearch.hasPrefix($0, in: text, end..<limit)
      }) {
        end += other.count
      }
      // The kind opens a word of its own there (机构编制, 部门预算): no name ends.
      guard !Self.kindCompounds.contains(where: { ByteSearch.hasPrefix($0, in: text, end..<limit) })
      else { continue }
      return end
    }
    return nil
  }
}
