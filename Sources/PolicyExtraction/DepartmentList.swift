import PolicyBytes
import PolicyModel
import PolicyText

/// Reads a list of department names with the role words between them, as one segment of
/// a clause holds it: "市交通委牵头负责、各区政府组织落实", "区发展改革委、区经济信息委牵头",
/// "市交通委会同市公安局等部门", "浦东新区、普陀区政府", "公安、市场监管等部门".
///
/// Names are the pieces between separators (、, spaces, qualifiers and role words); each
/// role word gives its role to the names before it that have none yet. Works on the
/// segment's bytes and makes arrays only of the names it keeps.
struct DepartmentList {
  /// A name as read, with the role its own words give it (nil: the label's, or the
  /// clause's default).
  struct Name {
    package var bytes: [UInt8]
    /// The name as it stands in the text, when a shared ending was given to it
    /// ("浦东新区" of 浦东新区政府).
    package var written: [UInt8]? = nil
    package var role: ResponsibilityRole?
    /// Named before 等部门 ("公安、市场监管等部门"): a sector that stands for its
    /// department, kept although it does not end like the name of a body.
    var isSector = false
  }

  /// The names of the segment, in order; names before a word that gives no role
  /// (指导, 统筹) are left out.
  package private(set) var names: [Name] = []
  /// How many pieces between separators read as no name (a number, a phrase with
  /// punctuation): a bare list of bodies has none.
  private(set) var piecesWithoutName = 0

  /// Qualifiers and role phrases, longest first, and the effect of each.
  package struct Words {
    package let index: FirstScalarIndex
    let effects: [RoleWords.Effect]
    /// Whether each word is a label of bodies (牵头单位, 配合部门), not a list's closing
    /// (等单位, 有关部门).
    let isLabel: [Bool]

    package init(qualifiers: [String]) {
      var words = qualifiers.filter { $0.unicodeScalars.count >= 2 && !Self.isBareRoleVerb($0) }
      words += RoleWords.phrases
      words += [
        "按职责分工负责", "按照职责分工负责", "按职责负责", "分别负责", "牵头", "负责", "配合", "参与", "参加", "协助", "协同", "会同",
      ]
      words += ["等有关部门", "等相关部门", "等部门", "等单位", "按职责", "按照职责", "根据职责"]
      index = FirstScalarIndex(Array(Set(words)).sorted(), longestFirst: true)
      effects = index.words.map(RoleWords.effect(of:))
      isLabel = index.words.map { word in
        let text = String(decoding: word, as: UTF8.self)
        return (text.hasSuffix("单位") || text.hasSuffix("部门"))
          && !["等", "有关", "相关", "会同", "各"].contains { text.hasPrefix($0) }
      }
    }

    /// Role verbs of the qualifier list that are read in context rather than as
    /// separators: 指导 and 落实 can end a name's neighbour (指导站, 落实…).
    private static func isBareRoleVerb(_ word: String) -> Bool {
      ["牵头", "负责", "配合", "参与", "协助", "指导", "落实"].contains(word)
    }
  }

  /// 等 followed by 部门 (等部门, 等有关部门, 等相关部门): the names before it are sectors.
  private static let sectorClosings = ["等部门", "等有关部门", "等相关部门", "等职能部门"].map { Array($0.utf8) }

  /// Reads `segment`.
  package init(_ segment: UnsafeBufferPointer<UInt8>, words: Words) {
    // Nested parentheses hold notes, not names: "市发展改革委（市能源局）", the divisions of
    // "市交通委（科信处、宣传处）". Without an opening one every byte is kept.
    let opens =
      ByteSearch.offset(of: 0x28, in: segment, within: 0..<segment.count) != nil
      || ByteSearch.offset(of: Self.fullWidthOpen, in: segment, within: 0..<segment.count) != nil
    if opens {
      let kept = Self.withoutNotes(segment)
      kept.withUnsafeBufferPointer { read($0, words: words) }
    } else {
      read(segment, words: words)
    }
    giveSharedEndings()
  }

  /// （ as UTF-8.
  private static let fullWidthOpen = Array("（".utf8)

  /// The bytes of `bytes` without the notes in parentheses after a name ("市交通委（科信处、
  /// 宣传处）": the divisions of a department are not departments of their own). A note
  /// inside a name, with the name going on after it, is part of it as written
  /// ("街道（开发区）办事处", "各省级能源（电力）主管部门").
  static func withoutNotes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    var depth = 0
    var noteStart = 0
    var index = 0
    while index < bytes.count {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: index)
      defer { index += length }
      if scalar == .scalar("（") || scalar == 0x28 {  // （ (
        if depth == 0 { noteStart = index }
        depth += 1
      } else if (scalar == .scalar("）") || scalar == 0x29) && depth > 0 {  // ） )
        depth -= 1
        let end = index + length
        // A note of levels stays before a 、 too ("县（市、区）、乡镇人民政府").
        if depth == 0, noteStart > 0, end < bytes.count,
          UTF8Scalars.isIdeograph(UTF8Scalars.scalar(in: bytes, at: end).value)
            || (UTF8Scalars.scalar(in: bytes, at: end).value == .scalar("、")
              && RoleSentences.bracketedLevels(in: bytes, at: noteStart, limit: end) != nil),
          UTF8Scalars.isIdeograph(UTF8Scalars.scalar(in: bytes, before: noteStart).value)
        {
          kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[noteStart..<end]))
        }
      } else if depth == 0 {
        kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
      }
    }
    return kept
  }

  /// Splits `bytes` at 、, spaces, qualifiers and role words (the longest at each
  /// position), giving each role word's role to the names before it.
  private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, words: Words) {
    var pieceStart = 0
    var index = 0
    /// The first name without a role yet.
    var open = 0
    /// The first name after 会同, while its objects are read.
    var objectsStart: Int? = nil
    func closePiece(at end: Int) {
      guard end > pieceStart else { return }
      let piece = UnsafeBufferPointer(rebasing: bytes[pieceStart..<end])
      if let ending = RoleWords.noRoleEndings.first(where: {
        ByteSearch.hasSuffix($0, in: piece, 0..<piece.count)
      }),
        piece.count > ending.count
      {
        // "生态环境部指导": the names so far have no role.
        names.removeSubrange(open...)
        objectsStart = nil
        return
      }
      let found = Self.names(from: piece)
      if found.isEmpty { piecesWithoutName += 1 }
      for name in found { names.append(Name(bytes: name, role: nil)) }
    }
    func assign(_ role: ResponsibilityRole) {
      for position in open..<names.count {
        names[position].role = objectsStart.map { position >= $0 } == true ? .cooperating : role
      }
      open = names.count
      objectsStart = nil
    }
    /// Brackets open at `index`: a 、 inside them lists the levels of a note
    /// ("各县（市、区）人民政府、市财政局").
    var depth = 0
    while index < bytes.count {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: index)
      if scalar == .scalar("（") || scalar == 0x28 {  // （ (
        depth += 1
      } else if (scalar == .scalar("）") || scalar == 0x29) && depth > 0 {  // ） )
        depth -= 1
      }
      if depth == 0 && (scalar == .scalar("、") || scalar == 0x20) {  // 、 or a space
        closePiece(at: index)
        index += length
        pieceStart = index
        continue
      }
      guard let match = words.index.firstMatch(in: bytes, at: index, scalar: scalar) else {
        index += length
        continue
      }
      let word = words.index.words[match]
      // A label right after a name is part of it: "省十大新兴产业推进组工作专班牵头单位"
      // (the lead units of that group), "各牵头单位".
      if index > pieceStart, words.isLabel[match] {
        index += word.count
        continue
      }
      closePiece(at: index)
      if Self.sectorClosings.contains(word) {
        for position in open..<names.count { names[position].isSector = true }
      }
      switch words.effects[match] {
      case .role(let role): assign(role)
      case .together:
        if objectsStart == nil {
          for position in open..<names.count { names[position].role = .lead }
          open = names.count
        }
        objectsStart = names.count
        // 会同有关部门负责: the objects are unnamed, the subject still leads.
        if ByteSearch.offset(
          of: RoleWords.responsible,
          in: UnsafeBufferPointer(rebasing: bytes[index..<(index + word.count)]),
          within: 0..<word.count) != nil
        {
          objectsStart = nil
        }
      case .noRole:
        names.removeSubrange(open...)
        objectsStart = nil
      case .none: break
      }
      index += word.count
      pieceStart = index
    }
    closePiece(at: bytes.count)
    if let objectsStart {
      for position in max(open, objectsStart)..<names.count { names[position].role = .cooperating }
    }
  }

  /// The names of a piece between separators: one, or two joined by 和 / 及 / 以及 / 或者
  /// when each is a body of its own ("有关镇街和区属国有公司", "居民委员会或者村民委员会";
  /// not 住房和城乡建设局) or a place before a place's department.
  package static func names(from piece: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
    guard let name = name(from: piece) else { return [] }
    for joiner in joiners {
      guard let offset = ByteSearch.offset(of: joiner, in: piece, within: 0..<piece.count),
        offset > 0
      else { continue }
      let left = UnsafeBufferPointer(rebasing: piece[0..<offset])
      let right = UnsafeBufferPointer(rebasing: piece[(offset + joiner.count)...])
      // A city before a place's department ("诸暨市和嵊州市林业行政主管部门") is a place of
      // its own, given that department by the list.
      let placeBeforeDepartment =
        isPlace(Array(left)[...]) && departmentOfPlace(Array(right)) != nil
      if DepartmentResolver.endsLikeBody(left) || placeBeforeDepartment,
        DepartmentResolver.endsLikeBody(right),
        let first = Self.name(from: left), let second = Self.name(from: right)
      {
        return [first, second]
      }
    }
    return [name]
  }

  /// 和, 及, 以及, 或者, 或 as UTF-8 (以及 first: 及 is its end; 或者 before 或).
  private static let joiners = ["以及", "或者", "和", "及", "或"].map { Array($0.utf8) }

  /// A department name from a piece between separators, if it reads as one: without a
  /// trailing 等 and a leading 由 or 会同, two to thirty ideographs, letters or `inNameMarks`,
  /// and no count ("三家副主任单位" is a number of bodies, not one).
  private static func name(from piece: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var range = 0..<piece.count
    // "区房管局等建设主管部门", "各街道办事处等单位": the kind after 等 closes the list.
    if let etc = ByteSearch.offset(of: Self.trailingWords[0], in: piece, within: range), etc > 0,
      Self.kindsAfterEtc.contains(where: { ByteSearch.hasSuffix($0, in: piece, range) }),
      UTF8Scalars.hasAtMostCharacters(piece, (etc + 3)..<range.upperBound, 9)
    {
      range = 0..<etc
    }
    while let word = Self.trailingWords.first(where: {
      ByteSearch.hasSuffix($0, in: piece, range) && range.count > $0.count
    }) {
      range = range.lowerBound..<(range.upperBound - word.count)
    }
    while let word = Self.leadingConnectors.first(where: {
      ByteSearch.hasPrefix($0, in: piece, range)
    }) {
      range = (range.lowerBound + word.count)..<range.upperBound
    }
    // "应当有水行政主管部门参加", "应当经国务院商务主管部门会同…批准": a modal and the verb
    // that brings the body in are no part of its name.
    if let modal = Self.modals.first(where: { ByteSearch.hasPrefix($0, in: piece, range) }),
      let verb = Self.bringingVerbs.first(where: {
        ByteSearch.hasPrefix($0, in: piece, (range.lowerBound + modal.count)..<range.upperBound)
      })
    {
      range = (range.lowerBound + modal.count + verb.count)..<range.upperBound
    }
    // "经市物价部门会同…核定": 经 before a level is no part of the name (经信委 is).
    if ByteSearch.hasPrefix(Self.through, in: piece, range),
      Self.throughLevels.contains(where: {
        ByteSearch.hasPrefix(
          $0, in: piece, (range.lowerBound + Self.through.count)..<range.upperBound)
      })
    {
      range = (range.lowerBound + Self.through.count)..<range.upperBound
    }
    var scalars = 0
    var index = range.lowerBound
    /// Brackets open: a 、 inside them lists the levels of a note ("县（市、区）人民政府").
    var depth = 0
    while index < range.upperBound {
      let (value, length) = UTF8Scalars.scalar(in: piece, at: index)
      if value == .scalar("（") || value == 0x28 {
        depth += 1
      } else if value == .scalar("）") || value == 0x29 {
        depth -= 1
      }
      guard
        UTF8Scalars.isIdeograph(value) || Self.inNameMarks.contains(value)
          || (depth > 0 && value == .scalar("、"))
          || Unicode.Scalar(value)?.properties.isAlphabetic == true
      else {
        return nil
      }
      scalars += 1
      index += length
    }
    guard scalars >= 2, scalars <= 30, !holdsCount(UnsafeBufferPointer(rebasing: piece[range]))
    else { return nil }
    return Array(UnsafeBufferPointer(rebasing: piece[range]))
  }

  /// Marks a name may hold: ·, quotation marks (省推进“三地一区”建设领导小组), and the
  /// parentheses of a note inside it (街道（开发区）办事处).
  private static let inNameMarks: Set<UInt32> = [
    0xB7, .scalar("“"), .scalar("”"), .scalar("（"), .scalar("）"), 0x28, 0x29,
  ]

  /// Whether `name` holds a count of bodies: a numeral followed by 家, 个 or 类 (三家, 两个).
  private static func holdsCount(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    var afterNumeral = false
    while index < name.count {
      let (scalar, length) = UTF8Scalars.scalar(in: name, at: index)
      if afterNumeral && countWords.contains(scalar) { return true }
      afterNumeral = ChineseNumeral.isNumeral(scalar) || UTF8Scalars.isDigit(scalar)
      index += length
    }
    return false
  }

  /// 家, 个, 类: what counts bodies.
  private static let countWords: Set<UInt32> = [.scalar("家"), .scalar("个"), .scalar("类")]

  /// The kinds of bodies a list closes with after 等: 部门, 单位, 机构.
  private static let kindsAfterEtc = ["部门", "单位", "机构"].map { Array($0.utf8) }

  /// Words after a department name that are not part of it: A等.
  private static let trailingWords = [Array("等".utf8)]

  /// Words before a department name that are not part of it: 由A负责, 会同B.
  /// Words before a name that are no part of it: 由, 会同, and the level the text speaks
  /// from (同级消防救援机构: the body is named without it).
  private static let leadingConnectors = ["由", "会同", "同级"].map { Array($0.utf8) }
  /// The modals of a law before the verb that brings a body in (应当, 必须), longest first.
  private static let modals = ["应当", "必须", "应", "须"].map { Array($0.utf8) }
  /// Verbs that bring a body into a clause after a modal: 有 (应当有…参加), 经 and 报经
  /// (应当经…批准), 通知, 邀请, 吸收 (应当吸收…参与).
  private static let bringingVerbs = ["报经", "经", "有", "通知", "邀请", "吸收"].map {
    Array($0.utf8)
  }
  /// 经 (by way of, with the approval of) before a name that opens with a level.
  private static let through = Array("经".utf8)
  private static let throughLevels = ["市", "区", "县", "省", "国家", "国务院"].map { Array($0.utf8) }

  /// Gives the ending a list shares to the names before it: to places,
  /// "浦东新区、徐汇区、嘉定区政府" → 浦东新区政府, 徐汇区政府, 嘉定区政府; to sectors,
  /// "生态环境、绿化市容、城管执法部门" → 生态环境部门, 绿化市容部门, 城管执法部门.
  private mutating func giveSharedEndings() {
    var index = names.count - 1
    while index > 0 {
      defer { index -= 1 }
      let owner: (ArraySlice<UInt8>) -> Bool
      let ending: [UInt8]
      /// Whether the last name, without the ending, is one of the owners (a place's
      /// department is found after its place, 各 included: 各县级市建设主管部门).
      var lastIsOwner: (ArraySlice<UInt8>) -> Bool
      if let shared = Self.sharedEndings.first(where: { names[index].bytes.hasSuffix($0) }) {
        (owner, ending) = (Self.isPlace, shared)
        lastIsOwner = owner
      } else if Self.isPlace(names[index - 1].bytes[...]),
        let department = Self.departmentOfPlace(names[index].bytes)
      {
        // "萧山区、余杭区公安分局", "崂山区、城阳区和各县级市建设主管部门": the places before
        // a place's department each have that department.
        (owner, ending) = (Self.isPlace, department)
        lastIsOwner = { _ in true }
      } else if let shared = Self.sharedEnding(of: names[index].bytes) {
        (owner, ending) = (Self.isSector, shared)
        lastIsOwner = owner
      } else {
        continue
      }
      guard lastIsOwner(names[index].bytes.dropLast(ending.count)) else { continue }
      var before = index - 1
      while before >= 0, owner(names[before].bytes[...]), names[before].role == names[index].role,
        !names[before].isSector
      {
        names[before].written = names[before].bytes
        names[before].bytes += ending
        before -= 1
      }
    }
  }

  /// Endings a list of sectors shares, longest first: 行政主管部门, 行政管理部门 (as laws
  /// name them: 市规划资源、建设行政管理部门), 主管部门, 部门 (not 管理部门: "公安、应急管理部门"
  /// are 公安部门 and 应急管理部门).
  static let sectorEndings = ["行政主管部门", "行政管理部门", "主管部门", "部门"].map {
    Array($0.utf8)
  }

  /// The department ending a sector's department shares with the sectors listed before
  /// it: the longest of `sectorEndings` that leaves a sector before it (水行政主管部门 shares
  /// 主管部门: 水 alone is no sector), else the longest it ends with.
  static func sharedEnding(of bytes: [UInt8]) -> [UInt8]? {
    let endings = sectorEndings.filter {
      bytes.count > $0.count && bytes.suffix($0.count).elementsEqual($0)
    }
    return endings.first { isSector(bytes.dropLast($0.count)) } ?? endings.first
  }

  /// Whether `bytes` is a sector's name alone (生态环境, 绿化市容, 城管执法): two to six
  /// ideographs, ending as no body does, neither a collective nor a place or level
  /// (城市, 省辖市, 县级: the bodies of a place share more than 部门).
  static func isSector(_ bytes: ArraySlice<UInt8>) -> Bool {
    // Two to six characters, or a sector named with 和 (住房和城乡建设, 人力资源和社会保障).
    guard bytes.count >= 6,
      bytes.count <= 18 || (bytes.count <= 30 && holdsJoinedSector(Array(bytes)))
    else {
      return false
    }
    let name = String(decoding: bytes, as: UTF8.self)
    return name.unicodeScalars.allSatisfy { UTF8Scalars.isIdeograph($0.value) }
      && (!DepartmentResolver.endsLikeBody(name)
        || sectorsEndingAsBodies.contains { name.hasSuffixBytes($0) })
      && !["各", "有关", "相关", "其他", "报"].contains { name.hasPrefix($0) }
      // A level opens no sector; a word that begins with a level's character may
      // (市场监管, 市容环卫).
      && !(["市", "区", "县"].contains { name.hasPrefix($0) }
        && RoleSentences.openingLevel(of: bytes) != nil)
      && !["市", "县", "区", "省", "镇", "乡", "级"].contains { name.hasSuffix($0) }
  }

  /// `name` without the sectors joined with 和 it holds (住房和城乡建设部门 → 部门), so that
  /// a 和 left in it joins two names.
  static func withoutJoinedSectors(_ name: String) -> String {
    joinedSectors.reduce(name) { rest, sector in
      rest.replacing(String(decoding: sector, as: UTF8.self), with: "")
    }
  }

  /// Whether `bytes` holds a sector whose name is joined with 和 (住房和城乡建设,
  /// 自然资源和规划): one sector, not two.
  static func holdsJoinedSector(_ bytes: [UInt8]) -> Bool {
    joinedSectors.contains { sector in
      bytes.withUnsafeBufferPointer {
        ByteSearch.offset(of: sector, in: $0, within: 0..<$0.count) != nil
      }
    }
  }

  /// Sectors whose names end as a body's does (农业农村 in 村): "农业农村、林业主管部门" lists
  /// two sectors, not a village.
  private static let sectorsEndingAsBodies = ["农业农村"]

  /// Sectors named with 和, as ministries and bureaus name them.
  private static let joinedSectors = [
    "住房和城乡建设", "自然资源和规划", "规划和自然资源", "工业和信息化", "经济和信息化", "文化和旅游", "文化广电和旅游",
    "人力资源和社会保障", "劳动和社会保障", "发展和改革", "卫生和计划生育", "海洋与渔业", "粮食和储备", "粮食和物资储备",
    // 浙江省农业和农村工作办公室, named by its sector in Zhejiang's laws.
    "农业和农村工作",
  ].map { Array($0.utf8) }

  /// Whether the 与 at `index` of `text` joins the two halves of one sector's name
  /// (省海洋与渔业、建设、水利等部门: 海洋与渔业 is one), not two names.
  static func joinsSector(_ text: UnsafeBufferPointer<UInt8>, at index: Int, upTo end: Int) -> Bool
  {
    joinedSectorHalves.contains { sector, at in
      index >= at && ByteSearch.hasPrefix(sector, in: text, (index - at)..<end)
    }
  }

  /// The joined sectors whose halves 与 joins, with where 与 stands in each.
  private static let joinedSectorHalves: [(sector: [UInt8], at: Int)] = joinedSectors.compactMap {
    sector in sector.firstRange(of: Array("与".utf8)).map { (sector, $0.lowerBound) }
  }

  /// The department after the place `bytes` opens with (公安分局 of 余杭区公安分局,
  /// 建设主管部门 of 各县级市建设主管部门): a sector's department or a bureau, after a place
  /// (with 各 before it), not the place's government.
  static func departmentOfPlace(_ bytes: [UInt8]) -> [UInt8]? {
    let each = Array("各".utf8)
    let start = bytes.starts(with: each) ? each.count : 0
    // Two to five characters of place, three bytes each.
    for length in stride(from: 6, through: 15, by: 3) where start + length < bytes.count {
      let place = bytes[start..<(start + length)]
      guard isPlace(place) else { continue }
      let department = Array(bytes[(start + length)...])
      guard !sharedEndings.contains(where: { department.hasSuffix($0) }),
        sharedEnding(of: department) != nil
          || placeBureaus.contains(where: { department.hasSuffix($0) })
      else { continue }
      return department
    }
    return nil
  }
  /// The government of the place `bytes` names (人民政府 of 嵊州市人民政府), if it names one.
  static func governmentOfPlace(_ bytes: [UInt8]) -> [UInt8]? {
    sharedEndings.first {
      bytes.count > $0.count && bytes.hasSuffix($0) && isPlace(bytes.dropLast($0.count))
    }
  }
  /// How a place's bureau ends when no sector's ending does: 分局, 局.
  private static let placeBureaus = ["分局", "局"].map { Array($0.utf8) }

  /// Endings a list of places shares: 人民政府, 政府, 管委会.
  private static let sharedEndings = ["人民政府", "政府", "管委会"].map { Array($0.utf8) }
  /// How the name of a district or county ends: 区, 县, 市, 旗.
  private static let placeEndings = ["区", "县", "市", "旗"].map { Array($0.utf8) }

  /// Whether `bytes` is the bare name of a place that holds a government (普陀区, 浦东新区,
  /// 达茂旗): two to five characters ending in 区, 县, 市 or 旗, not a level word alone.
  static func isPlace(_ bytes: ArraySlice<UInt8>) -> Bool {
    // Three bytes per ideograph: two to five characters, each an ideograph (not the
    // bracket of a note: 县（市）).
    guard bytes.count >= 6, bytes.count <= 15,
      placeEndings.contains(where: { bytes.hasSuffix($0) })
    else { return false }
    let text = String(decoding: bytes, as: UTF8.self)
    // Not levels alone (县市, 市区), a place the text speaks from or of (本市, 全市, 城区),
    // nor a collective (各区, 有关区).
    return text.unicodeScalars.allSatisfy { UTF8Scalars.isIdeograph($0.value) }
      && !text.unicodeScalars.allSatisfy { "省市区县镇乡旗".unicodeScalars.contains($0) }
      && !notPlaceOpenings.contains { text.hasPrefix($0) }
  }
  /// Words that open no place's name: 本, 全, 该 (本市, 全区, 该县), 城市, 城区, 城镇 (not
  /// 城 alone: 城阳区), and the markers of collectives 各, 有关, 相关.
  private static let notPlaceOpenings = ["本", "全", "该", "城市", "城区", "城镇", "各", "有关", "相关"]
}

extension Collection where Element == UInt8 {
  /// Whether the bytes end with `suffix`.
  fileprivate func hasSuffix(_ suffix: [UInt8]) -> Bool {
    count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
  }
}
