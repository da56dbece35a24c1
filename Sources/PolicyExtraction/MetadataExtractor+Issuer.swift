import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

/// The issuer of a document, from its title, its envelope or its signature, and the
/// co-issuers a list of issuers names.
extension MetadataExtractor {
  /// Words that end the issuer in a title: "国务院关于…", "…局印发《…》的通知", "…厅转发…".
  static let issuerEnds = ["关于", "印发", "转发"]

  /// The issuer at the head of a title: the text before the earliest of `issuerEnds`,
  /// looked for only before the first 《 (a 关于 inside the plan's title is the plan's).
  package static func issuer(inTitle title: String) -> String? {
    let head = title.rangeOfBytes("《").map { title[..<$0.lowerBound] } ?? title[...]
    let cut = issuerEnds.compactMap { head.rangeOfBytes($0)?.lowerBound }.min()
    guard let cut, cut > head.startIndex else { return nil }
    return String(head[..<cut])
  }

  func readIssuer(frontEnd: Int, into metadata: inout DocumentMetadata) {
    if metadata.issuer == nil, let title = metadata.title, let issuer = Self.issuer(inTitle: title)
    {
      metadata.issuer = Self.withoutSitting(issuer)
      metadata.spans["issuer"] = metadata.spans["title"]
    }
    // A decree is issued by the body that names it: 上海市人民政府令 → 上海市人民政府 (not
    // by an office a person holds: 中华人民共和国主席令 promulgates a law).
    if metadata.issuer == nil, let number = metadata.documentNumber, number.year == nil,
      number.issuerCode.hasSuffix("令"),
      case let body = String(number.issuerCode.dropLast()), body.count >= 2,
      DepartmentResolver.endsLikeBody(body)
    {
      metadata.issuer = body
      metadata.spans["issuer"] = metadata.spans["document_number"]
    }
    if metadata.issuer == nil, let signers = closingSignature(metadata) {
      metadata.issuer = texts[signers.lowerBound]
      metadata.spans["issuer"] = paragraphs[signers.lowerBound].span
      metadata.coIssuers = signers.dropFirst().map { texts[$0] }
    }
    if metadata.issuer == nil, let field = frontMatter?.value("发布单位", "发文机关", "发布机构") {
      metadata.issuer = field.value
      metadata.sourceRanges["issuer"] = field.range
    }
    if metadata.issuer == nil {
      // 发文机关标志 "重庆市永川区人民政府文件", or the signature over the date.
      for index in 0..<min(texts.count, max(frontEnd, 1)) {
        let text = texts[index]
        if text.hasSuffix("文件"), text.hasAtMostCharacters(30), !text.containsBytes("。") {
          metadata.issuer = String(text.dropLast(2))
          metadata.spans["issuer"] = paragraphs[index].span
          break
        }
        if index + 1 < texts.count, Self.isDateLine(texts[index + 1]), Self.isSignature(text) {
          metadata.issuer = text
          metadata.spans["issuer"] = paragraphs[index].span
          break
        }
      }
    }
    // Several bodies issue a joint document: the first is the issuer.
    if let issuer = metadata.issuer {
      let bodies = Self.splitIssuers(issuer)
      if bodies.count > 1 {
        metadata.issuer = bodies[0]
        metadata.coIssuers =
          Array(bodies.dropFirst()) + metadata.coIssuers.filter { !bodies.contains($0) }
      }
    }
    var seen = Set<String>()
    metadata.coIssuers = metadata.coIssuers.filter {
      $0 != metadata.issuer && seen.insert($0).inserted
    }
    // The level and region are the issuer's; without an issuer (a law or regulation as
    // published, a page without a red header), those of the place the title opens with:
    // "湖州市绿色金融促进条例" → 湖州市, "中华人民共和国能源法" → national.
    // Read in turn, each only when the one before gives no level; last, the front
    // matter's publisher.
    // A title that opens with what it implements names its level there:
    // 实施《中华人民共和国反外国制裁法》的规定 is national.
    let quoted = metadata.title.flatMap { title in
      Self.firstQuotedTitle(in: title, isPlain: title.isPlain).map {
        String(title[title.index(after: $0.0)..<$0.1])
      }
    }
    let (issuer, titles) = (
      metadata.issuer, [metadata.title, metadata.planTitle, quoted].compactMap { $0 }
    )
    // A signature in short form ("市住房城乡建设管理委") names no place: the front
    // matter's 发布单位 names the same body in full ("上海市住房和城乡建设管理委员会").
    let publisher = frontMatter?.value("发布单位", "发文机关", "发布机构")?.value
    let byIssuer: AdministrativePlace.Reading? = issuer.map { AdministrativePlace.read($0) }
    let byTitle: AdministrativePlace.Reading? = titles.lazy.map {
      AdministrativePlace.read($0, firstPlaceOnly: true)
    }.first { $0.level != nil }
    let byPublisher: AdministrativePlace.Reading? = publisher.map { AdministrativePlace.read($0) }
    let reading = [byIssuer, byTitle, byPublisher].lazy.compactMap { $0 }.first { $0.level != nil }
    if let reading {
      metadata.level = reading.level
      metadata.regionPath = reading.path
      metadata.region = reading.path.last
    }
  }

  /// A title wrapped over two or three lines from `index` ("国家发展改革委…关于" /
  /// "建立…的通知"): the first line holds 关于, the last ends with a kind, none holds a
  /// sentence.
  func wrappedTitle(at index: Int) -> (Int, Int)? {
    guard
      texts[index].containsBytes("关于")
        || index + 1 < texts.count && texts[index + 1].hasPrefix("关于")
    else {
      return nil
    }
    for last in (index + 1)..<min(texts.count, index + 3) {
      let joined = (index...last).map { texts[$0] }.joined()
      guard
        (index...last).allSatisfy({ texts[$0].hasAtMostCharacters(40) && !paragraphs[$0].isHeading }
        )
      else { return nil }
      if isNoticeTitle(joined) { return (index, last) }
    }
    return nil
  }

  /// The signature over the 成文日期 at the end of a document: the lines of bodies that
  /// sign it, one per line ("国家发展改革委办公厅" / "国家能源局综合司" / "2025年12月2日").
  func closingSignature(_ metadata: DocumentMetadata) -> ClosedRange<Int>? {
    guard
      let date = texts.indices.last(where: { index in
        !texts.hasMoreBytes(than: 120, at: index) && Self.isDateLine(texts[index])
          && metadata.writtenDate.map { DateText.first(in: texts[index])?.iso == $0 } ?? false
      })
    else { return nil }
    var first = date
    while first > 0, date - first < 6, Self.isSignature(texts[first - 1]),
      !paragraphs[first - 1].isHeading
    {
      first -= 1
    }
    // A head signing in person ("市长　应勇", "总理　李克强", as decrees are signed) is no
    // issuing body.
    guard first < date, !Self.headsTitles.contains(where: { texts[first].hasPrefixBytes($0) })
    else { return nil }
    return first...(date - 1)
  }

  /// The titles of heads of government who sign decrees in person.
  static let headsTitles = ["总理", "省长", "市长", "州长", "县长", "区长", "旗长", "乡长", "镇长", "主席"]

  /// Endings of a body's name, after which another body may follow in a joint issuer
  /// ("上海市交通委员会上海市公安局", "国家发展改革委国家能源局").
  static let bodyEndings = [
    "办公厅", "办公室", "委员会", "政府", "局", "厅", "委", "部", "署", "司", "院", "办", "中心",
  ]

  /// How the name of a second issuer begins: 国家…, 中共…, a municipality.
  static let issuerStarts = ["国家", "中共", "国务院"] + AdministrativePlace.directMunicipalities

  /// The bodies of a joint issuer: split at 、 and spaces, and where a body's name ends
  /// and another begins with 国家, 中共, a municipality, or the place the first began with.
  static func splitIssuers(_ issuer: String) -> [String] {
    var bodies: [String] = []
    for part in issuer.split(whereSeparator: {
      $0 == "、" || $0 == " " || $0 == "\u{3000}" || $0 == "，"
    }) {
      let characters = Array(part)
      var start = 0
      var position = 1
      while position < characters.count {
        // A body's name ends here (its last character ends one of the endings, asked
        // first), and another begins with three characters or more.
        if characters.count - position >= 3, bodyEndingLasts.contains(characters[position - 1]) {
          let head = String(characters[start..<position])
          let tail = String(characters[position...])
          if bodyEndings.contains(where: { head.hasSuffix($0) }), !opensOwnBranch(tail, of: head),
            issuerStarts.contains(where: { tail.hasPrefix($0) })
              || tail.hasPrefix(String(characters[start..<min(start + 2, characters.count)]))
          {
            bodies.append(head)
            start = position
          }
        }
        position += 1
      }
      bodies.append(String(characters[start...]))
    }
    return bodies
  }

  /// Whether `rest` opens with a national body's own bureau in a place, which is one body
  /// with it: 国家税务总局 + 上海市税务局 (the bureau's name after a place of up to six
  /// characters, 国家 and 总 dropped), not a second issuer.
  static func opensOwnBranch(_ rest: String, of head: String) -> Bool {
    guard head.hasPrefix("国家") else { return false }
    let branch = String(head.dropFirst(2)).replacingOccurrences(of: "总", with: "")
    guard branch.count >= 2, let found = rest.range(of: branch) else { return false }
    return rest.distance(from: rest.startIndex, to: found.lowerBound) <= 6
  }

  /// The last characters of `bodyEndings`.
  static let bodyEndingLasts = Set(bodyEndings.compactMap(\.last))
}
