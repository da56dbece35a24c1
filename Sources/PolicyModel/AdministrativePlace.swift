import PolicyBytes

/// Reads the places at the start of an issuer's name: "重庆市永川区人民政府" → 重庆市, 永川区
/// (a district); "广东省人民政府" → 广东省 (provincial); "国务院办公厅" → national.
package enum AdministrativePlace {
  /// Municipalities directly under the central government: municipal level.
  package static let directMunicipalities = ["北京市", "上海市", "天津市", "重庆市"]
  static let autonomousRegions = ["内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"]
  /// Issuers of national documents.
  package static let nationalPrefixes = [
    "国务院", "中共中央", "全国人民代表大会", "全国人大", "最高人民法院", "最高人民检察院", "国家", "中华人民共和国", "中央",
  ]
  static let nationalSuffixes = ["部", "总署", "总局", "银行", "委员会", "署"]

  /// Two characters ending like a place that name none.
  private static let notPlaces: Set<String> = [
    "城市", "都市", "我省", "本省", "全省", "该省", "各省", "我市", "本市", "全市", "该市", "各市", "我县", "本县", "全县", "我区",
    "本区", "全区",
  ]

  package struct Reading {
    package var level: AdministrativeLevel?
    package var path: [String]
  }

  /// The places `issuer` opens with. A title is read with `firstPlaceOnly`: only the place
  /// it opens with counts (a provincial regulation may be about a zone, "广东省中新广州知识城
  /// 条例"; a municipal one about a district, "上海市浦东新区…规定"), after a leading year
  /// ("2021年中华人民共和国国务院政府工作报告"), and a city only by its full name ending in 市:
  /// "宁波杭州湾新区条例", "台州府城墙保护条例" and "关于市人民政府…" name none.
  package static func read(_ issuer: String, firstPlaceOnly: Bool = false) -> Reading {
    var rest = Substring(issuer)
    if firstPlaceOnly {
      rest = withoutLeadingYear(rest)
      if rest.hasPrefix("关于") { return Reading(level: nil, path: []) }
    }
    var path: [String] = []
    var level: AdministrativeLevel? = nil
    // A plain name (the usual) is compared by bytes, which give the same answers.
    let isPlain = rest.isPlain
    if let municipality = directMunicipalities.first(where: { rest.hasPrefix($0, isPlain: isPlain) }
    ) {
      path.append(municipality)
      level = .municipal
      rest = rest.dropFirst(municipality.count)
    } else if let region = autonomousRegions.first(where: { rest.hasPrefix($0, isPlain: isPlain) })
    {
      path.append(region)
      level = .provincial
      rest = rest.dropFirst(region.count)
    } else if let province = token(in: rest, endings: ["省"], maxLength: 4) {
      path.append(String(province))
      level = .provincial
      rest = rest.dropFirst(province.count)
    }
    if firstPlaceOnly && !path.isEmpty { return Reading(level: level, path: path) }
    if level != .municipal || path.isEmpty,
      let city = token(
        in: rest, endings: firstPlaceOnly ? ["市"] : ["市", "州", "盟", "地区"], maxLength: 6)
    {
      path.append(String(city))
      level = .municipal
      rest = rest.dropFirst(city.count)
    }
    if !firstPlaceOnly, let district = token(in: rest, endings: ["区", "县", "旗", "市"], maxLength: 6)
    {
      path.append(String(district))
      level = .district
      rest = rest.dropFirst(district.count)
    }
    // A town or subdistrict, after its district's 人民政府: "…奉贤区人民政府头桥街道办事处".
    if !firstPlaceOnly {
      if rest.hasPrefix("人民政府") { rest = rest.dropFirst(4) }
      if let town = token(in: rest, endings: ["街道", "镇", "乡"], maxLength: 6) {
        path.append(String(town))
        level = .township
      }
    }
    if path.isEmpty {
      if nationalPrefixes.contains(where: { rest.hasPrefix($0, isPlain: isPlain) })
        || (!firstPlaceOnly && issuer.hasAtMostCharacters(12)
          && nationalSuffixes.contains { issuer.hasSuffix($0, isPlain: issuer.isPlain) })
      {
        level = .national
      }
    }
    return Reading(level: level, path: path)
  }

  /// `text` without a leading "2021年".
  private static func withoutLeadingYear(_ text: Substring) -> Substring {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard digits.count == 4, text.dropFirst(4).hasPrefix("年") else { return text }
    return text.dropFirst(5)
  }

  /// A place name at the start of `text`: 2–`maxLength` Han characters ending in one of
  /// `endings`, not a word that merely contains one (市场, 区域, 县域).
  private static func token(in text: Substring, endings: [String], maxLength: Int) -> Substring? {
    for length in 2...maxLength {
      var candidate = text.prefix(length)
      guard candidate.count == length,
        candidate.unicodeScalars.allSatisfy({ UTF8Scalars.isIdeograph($0.value) })
      else { break }
      let isPlain = candidate.isPlain
      guard endings.contains(where: { candidate.hasSuffix($0, isPlain: isPlain) }) else { continue }
      // "杭州市": the city is 杭州市, not 杭州.
      if candidate.hasSuffix("州"), text.dropFirst(length).hasPrefix("市") {
        candidate = text.prefix(length + 1)
      }
      // "住房城乡建设", "城镇燃气": words that end as a town does, not towns.
      if notPlaceEndings.contains(where: { candidate.hasSuffix($0) }) { continue }
      let afterward = text.dropFirst(candidate.count - 1).prefix(3)
      if blockedWords.contains(where: { afterward.hasPrefix($0) }) { continue }
      // "人民政府", "经济和信息化委员会", "绿化和市容…": not a place.
      if candidate.hasPrefix("人民") || candidate.contains("委员")
        || candidate.dropFirst().contains("和")
      {
        return nil
      }
      // Words, not names: "城市…", "我省…", "全市…".
      if notPlaces.contains(String(candidate)) { return nil }
      return candidate
    }
    return nil
  }

  /// Words that start at a place ending without making a place (…市场, …区域).
  /// Words that end in 乡 or 镇 without naming a town.
  private static let notPlaceEndings = ["城乡", "城镇"]
  private static let blockedWords = [
    "市场", "区域", "县域", "地区生产", "区块", "市民", "区间", "市容", "市政", "镇街", "乡村", "街道办",
  ]
}
