import PolicyBytes
import PolicyModel
import PolicyText

/// The names of bodies a role sentence holds: lists, shared levels, endings and sectors.
extension RoleSentences {
  /// The names of `range` when it holds nothing else: names of bodies separated by 、
  /// 和 及 与, or sectors before 等部门 ("公安、市场监管等部门"). Unnamed collectives and
  /// regulated parties read as names of no body (the statement is understood, and gives
  /// them no role). `asHeading`: the names head a paragraph ("各镇、街道、开发区："), where
  /// a place names its government.
  func names(
    filling range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, known: inout KnownNames,
    asHeading: Bool = false,
    notesRead: Bool = false
  ) -> [DepartmentList.Name]? {
    guard !range.isEmpty, UTF8Scalars.hasAtMostCharacters(text, range, 120) else { return nil }
    if !notesRead,
      ByteSearch.offset(of: 0x28, in: text, within: range) != nil
        || ByteSearch.offset(of: Self.fullWidthOpen, in: text, within: range) != nil
    {
      let kept = DepartmentList.withoutNotes(UnsafeBufferPointer(rebasing: text[range]))
      return kept.withUnsafeBufferPointer {
        self.names(
          filling: 0..<$0.count, in: $0, known: &known, asHeading: asHeading, notesRead: true)
      }
    }
    // "公安、民政…等有关部门以及国有企业事业单位": two lists joined by 以及, each read as a
    // list of its own; bodies after it that name no department (国有企业事业单位) add none.
    if let joiner = lastOffset(of: Self.andAlso, in: text, range), joiner > range.lowerBound,
      joiner + Self.andAlso.count < range.upperBound,
      let left = names(
        filling: range.lowerBound..<joiner, in: text, known: &known, asHeading: asHeading,
        notesRead: notesRead)
    {
      let rest = (joiner + Self.andAlso.count)..<range.upperBound
      if let right = names(
        filling: rest, in: text, known: &known, asHeading: asHeading, notesRead: notesRead)
      {
        return left + right
      }
      if DepartmentResolver.endsLikeBody(UnsafeBufferPointer(rebasing: text[rest])) {
        return left
      }
    }
    // "市发展改革、口岸服务等部门和海关特殊监管区域管理机构": a closed list of sectors and the
    // names joined after it, each read as a list of its own.
    if let (closingEnd, rest) = closedListJoined(in: text, range),
      let left = names(
        filling: range.lowerBound..<closingEnd, in: text, known: &known, asHeading: asHeading,
        notesRead: notesRead),
      let right = names(
        filling: rest, in: text, known: &known, asHeading: asHeading, notesRead: notesRead)
    {
      return left + right
    }
    // "有关省、自治区、直辖市人民政府": each government of the list is one of those concerned
    // (有关省人民政府, 有关自治区人民政府, 有关直辖市人民政府).
    if ByteSearch.hasPrefix(Self.concerned, in: text, range),
      let governmentEnd = Self.levelsAndGovernmentEnd(
        in: text, (range.lowerBound + Self.concerned.count)..<range.upperBound),
      (Self.governmentDepartmentEnd(in: text, after: governmentEnd, limit: range.upperBound)
        ?? governmentEnd) == range.upperBound,
      let listed = names(
        filling: (range.lowerBound + Self.concerned.count)..<range.upperBound, in: text,
        known: &known, asHeading: asHeading, notesRead: notesRead),
      listed.count > 1
    {
      return listed.map {
        DepartmentList.Name(bytes: Self.concerned + $0.bytes, role: $0.role, isSector: $0.isSector)
      }
    }
    var range = range
    if let verb = Self.mechanismVerbs.first(where: { ByteSearch.hasPrefix($0, in: text, range) }) {
      range = (range.lowerBound + verb.count)..<range.upperBound
    } else if let (verbAt, verb) = mechanismVerbAfterBody(in: text, range) {
      // "县级以上人民政府建立司法行政、编制管理…等单位参加的…机制": the members, not the body
      // that sets the mechanism up.
      range = (verbAt + verb.count)..<range.upperBound
    }
    // "州人民政府授权州数据资源主管部门": the body authorized is the one named.
    if let authorizing = lastOffset(of: Self.authorizes, in: text, range) {
      range = (authorizing + Self.authorizes.count)..<range.upperBound
    }
    var isSector = false
    /// One level's government written before a list of its sectors: each sector's.
    var governmentPrefix: [UInt8]? = nil
    if let closing = Self.listClosings.first(where: { ByteSearch.hasSuffix($0, in: text, range) }),
      range.count > closing.count
    {
      range = range.lowerBound..<(range.upperBound - closing.count)
      isSector = closing.count > Self.etc.count
    }
    // "本市规划资源、建设…等管理部门": the sectors, without the place the text speaks from.
    if isSector,
      let place = Self.ownPlaces.first(where: { ByteSearch.hasPrefix($0, in: text, range) })
    {
      range = (range.lowerBound + place.count)..<range.upperBound
    }
    // "县级以上人民政府发展改革、经济和信息化…等有关部门", "县级以上价格主管、审计…等有关部门":
    // the sectors of the governments of that scope, named without it.
    if isSector,
      let scope = Self.scopeQualifier(in: text, at: range.lowerBound, limit: range.upperBound)
    {
      range = (range.lowerBound + scope.bytes)..<range.upperBound
      if ByteSearch.hasPrefix(Self.government, in: text, range) {
        range = (range.lowerBound + Self.government.count)..<range.upperBound
      }
    } else if isSector, let governments = Self.governmentsBeforeSectors(in: text, range) {
      // "市、县（市、区）人民政府发展改革、财政…等部门": the sectors of those governments,
      // named without the levels listed; one level's government before them is each
      // sector's, as a level is ("省人民政府发展改革、公安…等部门" → 省人民政府发展改革, …).
      if governments.levels == 1 {
        governmentPrefix = Array(text[range.lowerBound..<(range.lowerBound + governments.length)])
      }
      range = (range.lowerBound + governments.length)..<range.upperBound
    }
    guard mayHoldOnlyNames(text, range, isSector: isSector) else { return nil }
    var names: [DepartmentList.Name] = []
    var pieceStart = range.lowerBound
    var index = range.lowerBound
    /// The brackets the names keep (notes inside a name), whose 、 lists no names.
    let notes =
      ByteSearch.offset(of: 0x28, in: text, within: range) != nil
        || ByteSearch.offset(of: Self.fullWidthOpen, in: text, within: range) != nil
      ? ResponsibilityExtractor.parenthesisedGroups(
        text, TextSpan(range.lowerBound, range.upperBound)) : []
    var levelsListed = false
    /// Those levels, for the governments a list of sectors may open with.
    var listedLevels: [[UInt8]] = []
    /// Levels written alone before a name ("市、区交通运输部门"): the name is each level's.
    var sharedLevels: [[UInt8]] = []
    /// Sectors written alone before a sector's department ("生态环境、绿化市容、城管执法部门"):
    /// each is given its ending.
    var sharedSectors: [[UInt8]] = []
    /// Names read only because other names of the list are bodies in text.
    var vouched = 0
    /// Kinds of unit left out of a list that names bodies ("村民委员会、物业服务单位应当协助…":
    /// the committee; the unit, which the plan may as well regulate, with no role).
    var unvouched = 0
    /// The level of the first of sectors that share a department's ending.
    var sectorLevel: [UInt8]? = nil
    /// Places written alone before a place's department or government ("萧山区、余杭区公安
    /// 分局", "诸暨市、嵊州市人民政府"): each is given it.
    var sharedPlaces: [[UInt8]] = []
    func closePiece(at end: Int, known: inout KnownNames) -> Bool {
      // "市、区规划资源、水务等部门": the levels of the list, no names; the sectors are
      // written without them.
      if Self.isLevelAlone(text, pieceStart..<end) {
        if isSector {
          levelsListed = true
          listedLevels.append(Array(text[pieceStart..<end]))
        } else {
          sharedLevels.append(Array(text[pieceStart..<end]))
        }
        return true
      }
      var read = DepartmentList.names(from: UnsafeBufferPointer(rebasing: text[pieceStart..<end]))
      guard !read.isEmpty else { return false }
      // 和 and 及 between sectors ("房屋管理和城管执法等部门"), not inside a name the
      // dictionaries know (工业和信息化部) nor a sector named with 和 (住房和城乡建设).
      if isSector, read.count == 1,
        known.mention(read[0], resolver: resolver)?.department.category
          == DepartmentResolver.unknownCategory,
        !DepartmentList.holdsJoinedSector(read[0])
      {
        read = Self.splitAtJoiners(read[0])
      }
      for var bytes in read {
        let level = Self.openingLevel(of: bytes)
        if isSector, levelsListed, names.isEmpty, let level,
          bytes.count > Self.governmentEnding.count,
          bytes.suffix(Self.governmentEnding.count).elementsEqual(Self.governmentEnding)
        {
          // "区、县人民政府和市建设交通…等有关行政管理部门": the governments of the levels
          // listed, before the sectors.
          for listed in listedLevels {
            names.append(
              DepartmentList.Name(bytes: listed + bytes.dropFirst(level.count), role: nil))
          }
          listedLevels = []
        } else if isSector, levelsListed, names.isEmpty, let level {
          // "市和区、县（市）发展和改革…等部门": the level and its note.
          bytes = Array(Self.withoutLevelNote(bytes.dropFirst(level.count)))
        } else if isSector, level == nil, !levelsListed,
          let first = names.first,
          let shared = Self.stateCouncilOpening(of: first.bytes)
            ?? (known.mention(first.bytes, resolver: resolver)?.department.levelPrefix != nil
              ? Self.openingLevel(of: first.bytes) : nil),
          !Self.opensWithLevel(bytes),
          !bytes.withUnsafeBufferPointer(DepartmentResolver.endsLikeBody)
        {
          // "区发展改革、规划资源等部门", "国务院林业草原、农业…等行政主管部门": the level of
          // the first sector is the others'.
          bytes = shared + bytes
        }
        if isSector && DepartmentResolver.opensWithVerb(String(decoding: bytes, as: UTF8.self)) {
          return false
        }
        // A sector alone waits for the department ending it shares.
        if !isSector, DepartmentList.isSector(bytes[...]),
          !(known.mention(bytes, resolver: resolver)?.isBodyInText ?? false)
        {
          // "国务院财政、税务主管部门": 国务院 before the first sector is each sector's, as
          // a level is.
          if names.isEmpty, sharedSectors.isEmpty, let level = Self.stateCouncilOpening(of: bytes) {
            sectorLevel = level
          }
          sharedSectors.append(bytes)
          continue
        }
        // "市规划资源、建设行政管理部门", "国务院环境保护、工业、科学技术、财政部门": the first
        // sector's level is the list's.
        if !isSector, names.isEmpty, sharedSectors.isEmpty,
          let level = Self.openingLevel(of: bytes) ?? Self.stateCouncilOpening(of: bytes),
          !bytes.withUnsafeBufferPointer({
            Self.scopeQualifier(in: $0, at: 0, limit: $0.count) != nil
          }),
          DepartmentList.isSector(bytes.dropFirst(level.count)),
          !(known.mention(bytes, resolver: resolver)?.isBodyInText ?? false)
        {
          sharedSectors.append(bytes)
          sectorLevel = level
          continue
        }
        if let ending = DepartmentList.sharedEnding(of: bytes) {
          // "市规划资源、建设、交通行政管理部门": the first sector's level is each sector's.
          for sector in sharedSectors {
            let level = sectorLevel.flatMap { Self.opensWithLevel(sector) ? nil : $0 } ?? []
            names.append(
              DepartmentList.Name(bytes: level + sector + ending, written: sector, role: nil))
          }
          sharedSectors = []
          if let level = sectorLevel, !Self.opensWithLevel(bytes) {
            names.append(DepartmentList.Name(bytes: level + bytes, written: bytes, role: nil))
            sectorLevel = nil
            continue
          }
        }
        sectorLevel = nil
        // A bare place waits for the department or government that follows it ("萧山区、
        // 余杭区公安分局"); heading a paragraph, it names its government ("各镇、街道、开发区：").
        if !isSector, !asHeading, DepartmentList.isPlace(bytes[...]),
          !(known.mention(bytes, resolver: resolver)?.isBodyInText ?? false)
        {
          sharedPlaces.append(bytes)
          continue
        }
        if !sharedPlaces.isEmpty,
          let department = DepartmentList.departmentOfPlace(bytes)
            ?? DepartmentList.governmentOfPlace(bytes)
        {
          for place in sharedPlaces {
            names.append(DepartmentList.Name(bytes: place + department, written: place, role: nil))
          }
          sharedPlaces = []
        }
        // Unnamed or regulated (no entry): understood, with no role.
        if let entry = known.mention(bytes, resolver: resolver), !entry.isBodyInText && !isSector {
          // Heading a paragraph, a place names its government too ("各镇、街道、开发区："),
          // and a company its own ("新城公司："); not a kind of unit ("清运单位：", "发文机关：").
          if asHeading, entry.isBody,
            DepartmentResolver.endsLikePlaceOrCompany(entry.department.name)
          {
          } else if !asHeading, entry.isBody,
            !DepartmentResolver.opensWithVerb(entry.department.name),
            !DepartmentResolver.endsLikePlaceOrCompany(entry.department.name)
          {
            if Self.unvouchedEndings.contains(where: {
              bytes.count >= $0.count && bytes.suffix($0.count).elementsEqual($0)
            }) {
              unvouched += 1
              continue
            }
            // A name that ends as a body's among names of bodies ("…市统计局等部门和人民银行
            // 上海总部参加"): the list vouches for it, if a name of it is a body in text.
            vouched += 1
          } else {
            return false
          }
        }
        names.append(DepartmentList.Name(bytes: bytes, role: nil, isSector: isSector))
        // "市、区公安交管部门": 市公安交管部门 too.
        if let level = Self.leadingLevel(of: bytes) {
          // "市或者区（县）土地管理部门": the level's note is its own, not the shared level's.
          let unleveled = Self.withoutLevelNote(bytes.dropFirst(level.count))
          for shared in sharedLevels {
            names.append(
              DepartmentList.Name(bytes: shared + unleveled, role: nil, isSector: isSector))
          }
        }
        sharedLevels = []
      }
      return true
    }
    while index < range.upperBound {
      if let note = Self.levelNote(in: text, at: index, limit: range.upperBound) {
        index += note.bytes
        continue
      }
      // A note inside a name lists no names ("开发区（集聚区、园区）管理机构").
      if let note = notes.first(where: { $0.start == index }) {
        index = note.end
        continue
      }
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if scalar == .scalar("、")
        || (scalar == .scalar("与")
          && !DepartmentList.joinsSector(text, at: index, upTo: range.upperBound))
      {
        guard closePiece(at: index, known: &known) else { return nil }
        pieceStart = index + length
      } else if let or = levelAlternative(
        in: text, pieceStart..<index, at: index, upTo: range.upperBound)
        ?? bodyAlternative(in: text, pieceStart..<index, at: index, upTo: range.upperBound)
      {
        // "市或者区（县）土地管理部门": each level's department.
        guard closePiece(at: index, known: &known) else { return nil }
        index += or
        pieceStart = index
        continue
      }
      index += length
    }
    guard closePiece(at: range.upperBound, known: &known), sharedSectors.isEmpty,
      sharedPlaces.isEmpty,
      vouched + unvouched == 0 || names.count > vouched
    else { return nil }
    guard let governmentPrefix else { return names }
    return names.map { name in
      guard name.isSector, !Self.opensWithLevel(name.bytes) else { return name }
      return DepartmentList.Name(
        bytes: governmentPrefix + name.bytes, written: name.bytes, role: name.role, isSector: true)
    }
  }

  /// `name` cut at 和 and 及 (each part of two characters or more), or whole.
  static func splitAtJoiners(_ name: [UInt8]) -> [[UInt8]] {
    let joiners: [[UInt8]] = [Array("和".utf8), Array("及".utf8)]
    var parts: [[UInt8]] = []
    var start = 0
    var index = 0
    while index < name.count {
      if let joiner = joiners.first(where: { name[index...].starts(with: $0) }) {
        parts.append(Array(name[start..<index]))
        index += joiner.count
        start = index
      } else {
        index += 1
      }
    }
    parts.append(Array(name[start...]))
    return parts.allSatisfy({ $0.count >= 6 }) ? parts : [name]
  }

  /// Whether `name` goes on after unnamed bodies ("有关部门组成征兵办公室",
  /// "有关部门约谈该地区人民政府"): words read past the end of a name.
  static func holdsUnnamedBodies(_ name: [UInt8]) -> Bool {
    unnamedOpenings.contains { name.count > $0.count && name.starts(with: $0) }
  }
  static let unnamedOpenings = ["有关部门", "相关部门", "有关单位", "相关单位", "各部门"].map { Array($0.utf8) }

  /// The two bodies a name read whole joins by 或者, when each is a body in text
  /// ("市容环境卫生主管部门或者镇人民政府"), or nil.
  func eitherBody(_ name: DepartmentList.Name, known: inout KnownNames) -> [DepartmentList.Name]? {
    let or = Self.orElse
    guard
      let at = name.bytes.withUnsafeBufferPointer({
        ByteSearch.offset(of: or, in: $0, within: 0..<$0.count)
      }), at > 0
    else { return nil }
    let parts = [Array(name.bytes[..<at]), Array(name.bytes[(at + or.count)...])]
    for part in parts {
      guard part.withUnsafeBufferPointer(DepartmentResolver.endsLikeBody),
        known.mention(part, resolver: resolver)?.isBodyInText ?? false
      else { return nil }
    }
    return parts.map { DepartmentList.Name(bytes: $0, role: name.role, isSector: name.isSector) }
  }
  /// The length of 或者 at `index` when it follows a body's name and a list of levels
  /// sharing an ending follows it ("市城雕委办公室或者区、县城市雕塑管理机构会同…": the office,
  /// then 区… and 县…), or nil. Two bodies joined by 或者 in a name read whole are split by
  /// `eitherBody`.
  func bodyAlternative(
    in text: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>, at index: Int, upTo end: Int
  ) -> Int? {
    let or = Self.orElse
    guard ByteSearch.hasPrefix(or, in: text, index..<end),
      DepartmentResolver.endsLikeBody(UnsafeBufferPointer(rebasing: text[piece])),
      let level = Self.leadingLevel(of: text[(index + or.count)..<end]),
      ByteSearch.hasPrefix(Self.enumerationComma, in: text, (index + or.count + level.count)..<end)
    else { return nil }
    return or.count
  }

  /// Whether `text[range]` may be a list of names, read before any name is resolved: no
  /// character that no name holds, and each piece between 、 or 与 ending as bodies do
  /// (any piece, in a list of sectors) or a level word alone ("市、区交通运输部门").
  func mayHoldOnlyNames(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isSector: Bool)
    -> Bool
  {
    var index = range.lowerBound
    var pieceStart = range.lowerBound
    // A sector alone may share the department ending of the last name (生态环境、城管执法部门).
    let sharesSectorEnding = DepartmentList.sectorEndings.contains {
      ByteSearch.hasSuffix($0, in: text, range)
    }
    func pieceMayBeAName(_ end: Int) -> Bool {
      isSector
        || DepartmentResolver.endsLikeBody(UnsafeBufferPointer(rebasing: text[pieceStart..<end]))
        || Self.isLevelAlone(text, pieceStart..<end)
        || sharesSectorEnding && Self.isSectorOfLevel(Array(text[pieceStart..<end]))
        // A city before a place's department or government ("诸暨市、嵊州市公安局").
        || DepartmentList.isPlace(Array(text[pieceStart..<end])[...])
    }
    while index < range.upperBound {
      if let qualifier = Self.scopeQualifier(in: text, at: index, limit: range.upperBound) {
        index += qualifier.bytes
        continue
      }
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      if Self.isForeign(scalar, in: text, at: index, within: range) { return false }
      if scalar == .scalar("、")
        || (scalar == .scalar("与")
          && !DepartmentList.joinsSector(text, at: index, upTo: range.upperBound))
      {
        guard pieceMayBeAName(index) else { return false }
        pieceStart = index + length
      } else if let or = levelAlternative(
        in: text, pieceStart..<index, at: index, upTo: range.upperBound)
        ?? bodyAlternative(in: text, pieceStart..<index, at: index, upTo: range.upperBound)
      {
        index += or
        pieceStart = index
        continue
      }
      index += length
    }
    return pieceMayBeAName(range.upperBound)
  }

  /// The names a clause opens with, followed by other words: the shortest run of
  /// characters that names a body, or a longer one up to a known name, then more after
  /// 、 和 及 与; or sectors up to 等部门, with the names joined after them. `verbFollows`:
  /// a verb may follow the names at once (the objects of 会同, the agent of 由…承担).
  func leadingNames(
    in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, known: inout KnownNames,
    verbFollows: Bool = false
  ) -> (names: [DepartmentList.Name], end: Int)? {
    /// The names `start` opens with: levels sharing one government ("会同有关省、自治区、
    /// 直辖市人民政府制定", "县（市、区）、乡镇人民政府…"), else one name.
    func namesAt(_ start: Int, known: inout KnownNames) -> ([DepartmentList.Name], Int)? {
      let levelsStart =
        start
        + (ByteSearch.hasPrefix(Self.concerned, in: text, start..<range.upperBound)
          ? Self.concerned.count : 0)
      if let governmentEnd = Self.levelsAndGovernmentEnd(
        in: text, levelsStart..<range.upperBound),
        ByteSearch.offset(of: Self.enumerationComma, in: text, within: levelsStart..<governmentEnd)
          != nil
      {
        // "有关省、自治区人民政府林业主管部门": the governments' department, when one follows;
        // so too one named by its duty ("省、自治区、直辖市人民政府负责管理地震工作的部门").
        let end =
          dutyNameEnd(in: text, after: governmentEnd, limit: range.upperBound)
          ?? Self.governmentDepartmentEnd(in: text, after: governmentEnd, limit: range.upperBound)
          ?? governmentEnd
        if verbFollows || endsName(text, at: end, limit: range.upperBound),
          let names = names(filling: start..<end, in: text, known: &known)
        {
          return (names, end)
        }
      }
      guard let (name, end) = leadingName(in: text, start..<range.upperBound, known: &known)
      else { return nil }
      // "县级以上人民政府负责侨务工作的机构": a government's department named by its duty.
      if ByteSearch.hasSuffix(Self.peoplesGovernment, in: text, start..<end),
        let dutyEnd = dutyNameEnd(in: text, after: end, limit: range.upperBound),
        let departments = governmentDepartmentsByDuty(
          in: text, start..<dutyEnd, known: &known, readsLists: false)
      {
        return (departments, dutyEnd)
      }
      // "市和区交通行政管理部门", "市或者区土地管理部门": each level's department.
      if let level = Self.leadingLevel(of: text[start..<end]),
        levelAlternative(
          in: text, start..<(start + level.count), at: start + level.count, upTo: end) != nil,
        let each = names(filling: start..<end, in: text, known: &known), each.count > 1
      {
        return (each, end)
      }
      // "市容环境卫生主管部门或者镇人民政府…负责": either body, each with the role.
      if let either = eitherBody(name, known: &known) { return (either, end) }
      return ([name], end)
    }
    /// The names from `start` on, separated by 、 和 及 与, and where they end: after the
    /// last name, or after a separator when no name could be read after it.
    func listed(from start: Int, known: inout KnownNames) -> (
      names: [DepartmentList.Name], end: Int
    ) {
      var listed: [DepartmentList.Name] = []
      var start = start
      while start < range.upperBound {
        guard let (found, end) = namesAt(start, known: &known) else { break }
        listed += found
        start = end
        guard start < range.upperBound else { break }
        let (scalar, length) = UTF8Scalars.scalar(in: text, at: start)
        guard Self.listSeparators.contains(scalar) else { break }
        start += length
      }
      return (listed, start)
    }

    // Sectors: "教育、文广影视…等行业主管部门落实…". After 会同 (`verbFollows`) the joint
    // action's verb may follow at once ("会同城市绿化等部门编制").
    for closing in Self.listClosings where closing.count > Self.etc.count {
      // The list ends there: "…等单位人员成立工作专班" names people, not the units.
      if let at = ByteSearch.offset(of: closing, in: text, within: range),
        UTF8Scalars.hasAtMostCharacters(text, range.lowerBound..<at, Self.longestList),
        verbFollows || endsName(text, at: at + closing.count, limit: range.upperBound),
        let names = names(filling: range.lowerBound..<(at + closing.count), in: text, known: &known)
      {
        // The names joined after the list: bodies ("会同住房和城乡建设等部门和城市综合执法
        // 部门建立…"), or another closed list ("…等部门和文联、社科联等单位，建立…"), not
        // the members of a mechanism that follows them ("…和城市综合执法部门建立规划编制、
        // 测绘…等单位的信用档案").
        let end = at + closing.count
        if let joiner = Self.listJoiner(in: text, at: end, limit: range.upperBound) {
          let start = end + joiner
          let bodies = listed(from: start, known: &known)
          var joined = bodies.names.isEmpty ? nil : bodies
          // The longer reading, where the names read stopped at a name they could not
          // read ("…和工会、共青团、妇联等人民团体": 共青团), not where a clause goes on
          // ("…和区政府组织街道、社区等单位开展…": 组织).
          let stoppedInAList =
            bodies.names.isEmpty || bodies.end >= range.upperBound
            || Self.listSeparators.contains(UTF8Scalars.scalar(in: text, before: bodies.end).0)
          if stoppedInAList,
            let closed = leadingNames(
              in: text, start..<range.upperBound, known: &known, verbFollows: verbFollows),
            closed.end > joined?.end ?? start,
            !Self.mechanismVerbs.contains(where: {
              ByteSearch.offset(of: $0, in: text, within: start..<closed.end) != nil
            })
          {
            joined = closed
          }
          if let joined { return (names + joined.names, joined.end) }
        }
        return (names, end)
      }
    }
    // Sectors sharing a department's ending: "生态环境、绿化市容、城管执法部门要会同…".
    // After 会同 (`verbFollows`) the joint action's verb may follow the ending at once
    // ("会同市规划资源、建设行政管理部门编制").
    for ending in DepartmentList.sectorEndings {
      if let at = ByteSearch.offset(of: ending, in: text, within: range),
        UTF8Scalars.hasAtMostCharacters(text, range.lowerBound..<at, 40),
        ByteSearch.offset(of: Self.enumerationComma, in: text, within: range.lowerBound..<at)
          != nil,
        verbFollows || endsName(text, at: at + ending.count, limit: range.upperBound),
        let names = names(filling: range.lowerBound..<(at + ending.count), in: text, known: &known)
      {
        return (names, at + ending.count)
      }
    }
    let found = listed(from: range.lowerBound, known: &known)
    return found.names.isEmpty ? nil : (found.names, found.end)
  }

  /// The one name `range` opens with, of two to twenty characters: the shortest prefix
  /// that names a body in text (or a collective that names none, 相关部门) and is followed
  /// by a word that ends names (、 和, 等, 要, 根据, a role word: 区交通委 of 区交通委根据…,
  /// 各行业主管部门 of 各行业主管部门协同…); when none is, the shortest, or a longer one that
  /// the dictionaries know, ends as only bodies do, or completes a two-character ending
  /// (浦东新区政府, not 浦东新区).
  func leadingName(
    in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, known: inout KnownNames
  ) -> (DepartmentList.Name, Int)? {
    var index = range.lowerBound
    var characters = 0
    var shortest: (DepartmentList.Name, Int)? = nil
    var shortestCharacters = 0
    var bounded: (DepartmentList.Name, Int)? = nil
    while index < range.upperBound && characters < 20 {
      if let qualifier = Self.scopeQualifier(in: text, at: index, limit: range.upperBound) {
        index += qualifier.bytes
        characters += qualifier.characters
        continue
      }
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      guard UTF8Scalars.isIdeograph(scalar),
        !Self.isForeign(scalar, in: text, at: index, within: range)
      else {
        break
      }
      if (shortest != nil || bounded != nil) && Self.listSeparators.contains(scalar) { break }
      // No name holds 根据, 作为, 负责 …: "区属国有企业根据区政府要求…".
      if characters > 0,
        Self.wordsNoNameHolds.contains(where: {
          ByteSearch.hasPrefix($0, in: text, index..<range.upperBound)
        })
      {
        break
      }
      index += length
      characters += 1
      guard characters >= 2 else { continue }
      let piece = UnsafeBufferPointer(rebasing: text[range.lowerBound..<index])
      guard DepartmentResolver.endsLikeBody(piece) else { continue }
      let bytes = Array(piece)
      let entry = known.mention(bytes, resolver: resolver)
      if let entry, !entry.isBodyInText { continue }
      let name = (DepartmentList.Name(bytes: bytes, role: nil), index)
      if endsName(text, at: index, limit: range.upperBound) {
        bounded = name
        break
      }
      let completesEnding =
        characters <= shortestCharacters + 4
        && Self.twoCharacterEndings.contains {
          ByteSearch.hasSuffix($0, in: piece, 0..<piece.count)
        }
      let isListed =
        entry.map {
          $0.department.category != DepartmentResolver.unknownCategory
            && !$0.department.isCollective
        } == true
      let isDistinctive =
        entry.map { DepartmentResolver.hasDistinctiveEnding($0.department.name) } == true
      if shortest == nil
        || (characters <= shortestCharacters + 6 && (completesEnding || isListed || isDistinctive))
      {
        shortest = name
        shortestCharacters = characters
      }
    }
    return bounded ?? shortest
  }

  /// Whether a name may end at `index`: the text ends there, or goes on with a list
  /// separator, punctuation, or a word that opens what is said of a body.
  func endsName(_ text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
    guard index < limit else { return true }
    let (scalar, _) = UTF8Scalars.scalar(in: text, at: index)
    if Self.listSeparators.contains(scalar) || !UTF8Scalars.isIdeograph(scalar) { return true }
    return nameEndings.firstMatch(in: text, at: index, scalar: scalar) != nil
  }

  /// Where a list closed by 等…部门 (or another of `listClosings` but 等 alone) ends inside
  /// `range` with a joiner after it and more names to come, and the range of those names.
  func closedListJoined(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (
    Int, Range<Int>
  )? {
    // Every closing opens with 等: one search tells when none can be there.
    guard ByteSearch.offset(of: Self.etc, in: text, within: range) != nil else { return nil }
    for closing in Self.listClosings where closing.count > Self.etc.count {
      guard let at = ByteSearch.offset(of: closing, in: text, within: range) else { continue }
      let end = at + closing.count
      // 以及 is read by its own split in `names(filling:)`.
      if let joiner = Self.listJoiner(in: text, at: end, limit: range.upperBound, andAlso: false),
        end + joiner < range.upperBound
      {
        return (end, (end + joiner)..<range.upperBound)
      }
    }
    return nil
  }

  /// 以及, which joins two lists of bodies.
  static let andAlso = Array("以及".utf8)
  /// What joins names after a closed list of sectors: 以及, 和, 及, 、.
  static let listJoiners = ["以及", "和", "及", "、"].map { Array($0.utf8) }

  /// The length of the joiner (`listJoiners`; not 以及 unless `andAlso`) at `index`, if one
  /// stands there.
  static func listJoiner(
    in text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int, andAlso: Bool = true
  ) -> Int? {
    listJoiners.first {
      (andAlso || $0 != Self.andAlso) && ByteSearch.hasPrefix($0, in: text, index..<limit)
    }?.count
  }

  /// A mechanism verb in the first piece of `range` (before its first 、) after words that
  /// end as a body's name: where it is and the verb.
  func mechanismVerbAfterBody(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> (Int, [UInt8])?
  {
    // The body may be levels sharing a government ("市、县（市、区）人民政府应当建立…").
    let pieceStart = Self.levelsAndGovernmentEnd(in: text, range) ?? range.lowerBound
    let firstPiece =
      pieceStart..<(ByteSearch.offset(
        of: Self.enumerationComma, in: text, within: pieceStart..<range.upperBound)
      ?? range.upperBound)
    for verb in Self.mechanismVerbs {
      // "县级以上人民政府应当建立…": the fillers between the body and its verb left out.
      guard let at = ByteSearch.offset(of: verb, in: text, within: firstPiece),
        at > range.lowerBound,
        DepartmentResolver.endsLikeBody(
          UnsafeBufferPointer(rebasing: text[stripFillers(text, range.lowerBound..<at)]))
      else { continue }
      return (at, verb)
    }
    return nil
  }

  /// Whether `bytes` is a sector alone, or a level (or 国务院) and a sector (市规划资源 of
  /// "市规划资源、建设行政管理部门", 国务院环境保护 of "国务院环境保护、工业部门").
  static func isSectorOfLevel(_ bytes: [UInt8]) -> Bool {
    if DepartmentList.isSector(bytes[...]) { return true }
    guard let level = openingLevel(of: bytes) ?? stateCouncilOpening(of: bytes) else {
      return false
    }
    return DepartmentList.isSector(bytes.dropFirst(level.count))
  }

  /// 人民政府, after a scope qualifier ("县级以上人民政府…"; "县级以上地方人民政府" keeps 地方
  /// in the qualifier).
  static let government = Array("人民政府".utf8)
  /// 有关 (concerned) before the bodies it picks out.
  static let concerned = Array("有关".utf8)

  /// The place a text speaks from, before a list of sectors: 本市, 本区, 本县, 本省.
  static let ownPlaces = ["本市", "本区", "本县", "本省"].map { Array($0.utf8) }

  /// Endings of the names a list does not vouch for: kinds of units the plan regulates as
  /// often as it charges them (运输处置单位, 施工企业).
  static let unvouchedEndings = ["单位", "企业", "公司", "组织"].map { Array($0.utf8) }

  /// The levels of government a law names its bodies by (县级以上人民政府, 设区的市人民政府,
  /// 县级以上地方人民政府卫生健康主管部门): part of the name, though 以 and 的 open no name
  /// elsewhere (`foreignScalars`). Longest first.
  static let scopeQualifiers = [
    "设区的市级以上", "县级以上地方", "乡级以上地方", "县级以上", "乡级以上", "市级以上", "省级以上", "地级以上", "设区的市",
  ].map { (bytes: Array($0.utf8), characters: $0.count) }

  /// The scope qualifier that `text` holds at `index` (before `limit`), with its length in
  /// bytes and characters.
  static func scopeQualifier(in text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int)
    -> (bytes: Int, characters: Int)?
  {
    if let note = levelNote(in: text, at: index, limit: limit) { return note }
    guard
      let found = scopeQualifiers.first(where: {
        ByteSearch.hasPrefix($0.bytes, in: text, index..<limit)
      })
    else { return nil }
    return (found.bytes.count, found.characters)
  }

  /// Words no department name holds, which end the name before them.
  static let wordsNoNameHolds = [
    "根据", "按照", "依据", "结合", "作为", "负责", "牵头", "配合", "会同", "参与", "协同", "应当", "统筹",
  ].map {
    Array($0.utf8)
  }

  /// What brings in a body another one names in its place: 或者其指定的, 或者其委托的,
  /// 或其指定的, 或其委托的.
  static let delegateJoiners = ["或者其指定的", "或者其委托的", "或其指定的", "或其委托的"].map {
    Array($0.utf8)
  }

  /// 、 和 及 与.
  static let listSeparators: Set<UInt32> = [.scalar("、"), .scalar("和"), .scalar("及"), .scalar("与")]
  /// Endings of two characters or more that a shorter ending may begin (部 → 部门, 委 → 委员会).
  static let twoCharacterEndings = DepartmentResolver.organisationalSuffixes.filter {
    $0.count >= 2
  }.map { Array($0.utf8) }

  /// 、, which separates the items of a list.
  static let enumerationComma = Array("、".utf8)

  /// The most characters a list of sectors closed by 等部门 spans: a law may name a dozen
  /// ("县级以上人民政府发展和改革、农业和农村工作综合管理、财政、农业、林业、水利、海洋与渔业、
  /// 交通运输、住房和城乡建设、城乡规划、环境保护等部门").
  static let longestList = 100

  /// 等 and the words after it that close a list of sectors (等部门, 等有关部门,
  /// 等行业主管部门, 等部门和单位, 等单位: "市场运营机构、高校、科研院所等单位"; 等人民团体,
  /// 等群团组织: "工会、共青团、妇联等人民团体"; 等人民政府的派出机关, the bodies a government
  /// sends to its towns and zones), longest first.
  static let listClosings = [
    "等有关行政主管部门", "等有关行政管理部门", "等行业主管部门", "等行政主管部门", "等行政管理部门", "等有关主管部门", "等主管部门", "等管理部门",
    "等有关部门和单位",
    "等相关部门和单位", "等部门和单位", "等部门、单位",
    "等有关部门",
    "等相关部门", "等职能部门", "等部门", "等有关单位和个人", "等单位和个人", "等单位",
    "等人民团体", "等群团组织", "等社会团体",
    // "乡（镇）人民政府以及街道办事处、开发区（园区）管理机构等人民政府的派出机关（机构）".
    "等人民政府的派出机关", "等人民政府派出机关",
    "等机构", "等团体", "等",
  ].map { Array($0.utf8) }
  static let etc = Array("等".utf8)
  /// 国务院, whose sectors a list names as a level's ("国务院能源、价格主管部门").
  static let stateCouncil = Array("国务院".utf8)

  /// 国务院 when `name` is 国务院 and a sector (国务院财政, 国务院林业草原), else nil.
  static func stateCouncilOpening(of name: [UInt8]) -> [UInt8]? {
    name.starts(with: stateCouncil) && DepartmentList.isSector(name.dropFirst(stateCouncil.count))
      ? stateCouncil : nil
  }

  /// Whether `name` opens with a level of its own (市, 区, 县, 省: `openingLevel`) or with
  /// 国务院: a list's shared level is not given to it again.
  static func opensWithLevel(_ name: [UInt8]) -> Bool {
    openingLevel(of: name) != nil || name.starts(with: stateCouncil)
  }
}
