import PolicyBytes

/// The levels of government a local regulation names its bodies by: levels sharing one
/// government (市、县（市、区）人民政府), a level's note listing what stands for it
/// (县（市、区）), and the department of such governments (…人民政府林业主管部门).
extension RoleSentences {
  /// Where the levels and 人民政府 that `range` opens with end ("市人民政府",
  /// "市、县（市、区）人民政府", "设区的市、县（市）人民政府"): levels joined by 、, each
  /// with its note, then 人民政府; nil when it opens otherwise.
  static func levelsAndGovernmentEnd(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Int?
  {
    levelsAndGovernment(in: text, range)?.end
  }

  /// The levels and 人民政府 that `range` opens with, as `levelsAndGovernmentEnd` reads
  /// them: where they end and how many levels they list (县（市、区）人民政府 is one).
  static func levelsAndGovernment(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> (end: Int, levels: Int)?
  {
    var at = range.lowerBound
    var levels = 0
    while let level = leadingLevel(of: text[at..<range.upperBound]) {
      at += level.count
      levels += 1
      if let note = bracketedLevels(in: text, at: at, limit: range.upperBound) {
        at += note.bytes
      }
      if ByteSearch.hasPrefix(government, in: text, at..<range.upperBound) {
        return (at + government.count, levels)
      }
      guard ByteSearch.hasPrefix(enumerationComma, in: text, at..<range.upperBound) else {
        return nil
      }
      at += enumerationComma.count
    }
    return nil
  }

  /// Whether `range` is a level word alone, with its note if any ("市", "县（市、区）"):
  /// a level written before a name it shares.
  static func isLevelAlone(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard let level = leadingLevel(of: text[range]) else { return false }
    let rest = (range.lowerBound + level.count)..<range.upperBound
    return rest.isEmpty
      || bracketedLevels(in: text, at: rest.lowerBound, limit: range.upperBound)?.bytes
        == rest.count
  }

  /// Where the department of a government ends when one follows it at once
  /// ("…人民政府林业主管部门": after 部门; at most eight characters, all ideographs), or nil.
  static func governmentDepartmentEnd(
    in text: UnsafeBufferPointer<UInt8>, after governmentEnd: Int, limit: Int
  ) -> Int? {
    let window = governmentEnd..<min(limit, governmentEnd + 8 * 3)
    guard
      let ending = departmentEndings.compactMap({ word in
        ByteSearch.offset(of: word, in: text, within: window).map { $0 + word.count }
      }).min(),
      UTF8Scalars.hasAtMostCharacters(text, governmentEnd..<ending, 8)
    else { return nil }
    var index = governmentEnd
    while index < ending {
      let (scalar, length) = UTF8Scalars.scalar(in: text, at: index)
      guard UTF8Scalars.isIdeograph(scalar), !listSeparators.contains(scalar) else { return nil }
      index += length
    }
    // A clause goes on instead ("…人民政府应当组织有关部门"): no department of it.
    let words = governmentEnd..<ending
    guard
      !(wordsNoNameHolds + unnamedMarkers).contains(where: {
        ByteSearch.offset(of: $0, in: text, within: words) != nil
      })
    else { return nil }
    return ending
  }
  /// 有关, 相关, 各, 其他: words that make a collective of what follows, inside no name of a
  /// government's department.
  static let unnamedMarkers = ["有关", "相关", "各", "其他"].map { Array($0.utf8) }
  /// 部门 and 机构: how the department of a government ends.
  static let departmentEndings = ["部门", "机构"].map { Array($0.utf8) }

  /// The length of the levels and 人民政府 that `range` opens with, and how many levels,
  /// when the government's sectors follow at once ("市、县（市、区）人民政府发展改革、财政…"; not
  /// "乡、镇人民政府、街道办事处和公安…等部门", which lists the governments themselves).
  static func governmentsBeforeSectors(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> (length: Int, levels: Int)?
  {
    guard let (end, levels) = levelsAndGovernment(in: text, range), end < range.upperBound,
      !listSeparators.contains(UTF8Scalars.scalar(in: text, at: end).value)
    else { return nil }
    return (end - range.lowerBound, levels)
  }

  /// A note listing the levels a level stands for, inside a name: "（市、区）" of
  /// 县（市、区）人民政府, "（区、市）" of 各省（区、市）政府, "（镇）" of 乡（镇）人民政府 — level
  /// words joined by 、 in brackets after a level's character. Its 、 lists no names.
  static func levelNote(in text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int)
    -> (bytes: Int, characters: Int)?
  {
    guard index > 0,
      notedLevels.contains(where: { ByteSearch.hasSuffix($0, in: text, 0..<index) }),
      let note = bracketedLevels(in: text, at: index, limit: limit)
    else { return nil }
    return (note.bytes, note.characters)
  }

  /// Level words joined by 、 in brackets at `index` ("（市、区）", "（县）"): their length in
  /// bytes and characters and how many levels they list.
  static func bracketedLevels(in text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int)
    -> (bytes: Int, characters: Int, levels: Int)?
  {
    let open = [fullWidthOpen, halfWidthOpen].first {
      ByteSearch.hasPrefix($0, in: text, index..<limit)
    }
    guard let open else { return nil }
    var at = index + open.count
    var characters = 1
    var levels = 0
    while let level = leadingLevel(of: text[at..<limit]) {
      at += level.count
      characters += level.count / 3  // ideographs, three bytes each
      levels += 1
      if let close = [fullWidthClose, halfWidthClose].first(where: {
        ByteSearch.hasPrefix($0, in: text, at..<limit)
      }) {
        return (at + close.count - index, characters + 1, levels)
      }
      guard ByteSearch.hasPrefix(enumerationComma, in: text, at..<limit) else { return nil }
      at += enumerationComma.count
      characters += 1
    }
    return nil
  }
  /// The brackets of a note: ） and the half-width ( ) (（ is `fullWidthOpen`).
  static let fullWidthClose = Array("）".utf8)
  static let halfWidthOpen = Array("(".utf8)
  static let halfWidthClose = Array(")".utf8)

  /// `name` without the note on its level that opens it ("（县）土地管理部门" →
  /// 土地管理部门): a bracketed level word.
  static func withoutLevelNote(_ name: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    let note = Array(name).withUnsafeBufferPointer {
      bracketedLevels(in: $0, at: 0, limit: $0.count)
    }
    return note.map { name.dropFirst($0.bytes) } ?? name
  }

  /// The length of 或者 or 或 at `index` when it follows a level word alone
  /// (`piece`: "市或者区土地管理部门"), or of 和 when another level word follows it too
  /// ("市和区人民政府", "市和区、县（市）人民政府": each level's government); or nil.
  func levelAlternative(
    in text: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>, at index: Int, upTo end: Int
  ) -> Int? {
    guard Self.levelWords.contains(where: { ByteSearch.equals($0, in: text, piece) }) else {
      return nil
    }
    if let or = Self.alternatives.first(where: { ByteSearch.hasPrefix($0, in: text, index..<end) })
    {
      return or.count
    }
    let and = Self.levelAnd
    guard ByteSearch.hasPrefix(and, in: text, index..<end),
      Self.levelWords.contains(where: {
        ByteSearch.hasPrefix($0, in: text, (index + and.count)..<end)
      })
    else { return nil }
    return and.count
  }

  /// The levels a note may follow: those that open a name, and 乡 and 镇 (乡（镇）人民政府,
  /// 镇（乡）人民政府). A note may list one level or more.
  static let notedLevels = levelCharacters + ["乡", "镇"].map { Array($0.utf8) }
  /// Level words that open a name: 市, 区, 县, 省.
  static let levelCharacters = ["市", "区", "县", "省"].map { Array($0.utf8) }

  /// The level word `name` opens with (市 of 市发展改革委, 区 of 区市场监管局), or nil; not
  /// the first character of a word that begins with a level's (市场监管, 市容环卫, 市政工程): a
  /// sector so named is written without a level ("市经济信息化、市场监管等部门" → 市市场监管).
  static func openingLevel<Name: Collection<UInt8>>(of name: Name) -> [UInt8]? {
    guard let level = levelCharacters.first(where: { name.starts(with: $0) }) else { return nil }
    let rest = name.dropFirst(level.count)
    let opensWord = wordsOpeningWithLevels.contains { word, unless in
      rest.starts(with: word)
        && !unless.contains { rest.dropFirst(word.count).starts(with: $0) }
    }
    return opensWord ? nil : level
  }
  /// What follows a level's character when the two are one word (市场, 市容, 区域, 县域,
  /// 区划, 市政工程, 市民服务), and what after it makes the character a level after all
  /// (市政府, 市政协, 市政法委, 市政务服务中心; 市民政局).
  static let wordsOpeningWithLevels: [(word: [UInt8], unless: [[UInt8]])] = [
    ("场", []), ("容", []), ("域", []), ("划", []), ("政", ["府", "协", "法", "务"]), ("民", ["政"]),
  ].map { (Array($0.0.utf8), $0.1.map { Array($0.utf8) }) }

  /// Level words written alone before a name they share ("区、街镇绿化管理部门", "乡、镇人民
  /// 政府", "省、自治区、直辖市人民政府能源主管部门"; 区县 as Chongqing names its districts and
  /// counties, "市、区县（自治县）规划自然资源主管部门"; levels with 级 as ministry rules write
  /// them, "设区的市级、县级市场监督管理部门"), longest first.
  static let levelWords = [
    "设区的市级", "设区的市", "自治区", "直辖市", "自治州", "自治县", "街镇", "乡镇", "区县", "县级市", "省级", "市级", "县级",
    "乡级", "市", "区", "县", "省", "镇", "乡",
  ].map { Array($0.utf8) }
  /// The level word `bytes` opens with, the longest; not 县级市 where its 市 opens a word
  /// ("县级市场监督管理部门": 县级, then 市场监督管理部门).
  static func leadingLevel<Bytes: Collection<UInt8>>(of bytes: Bytes) -> [UInt8]? {
    for level in levelWords where bytes.starts(with: level) {
      if level.count > city.count, level.suffix(city.count).elementsEqual(city),
        openingLevel(of: bytes.dropFirst(level.count - city.count)) == nil
      {
        continue
      }
      return level
    }
    return nil
  }
  /// 市, the level a longer level word may end with (县级市, 设区的市).
  static let city = Array("市".utf8)
  /// 或者 and 或 between levels ("市或者区环保部门").
  static let alternatives = ["或者", "或"].map { Array($0.utf8) }
  /// 或者, the first of `alternatives`.
  static let orElse = alternatives[0]
  /// 和 between levels ("市和区人民政府").
  static let levelAnd = Array("和".utf8)
}
