import Foundation
import PolicyBytes
import PolicyText
import PolicyModel

/// Reads a document's metadata from its front and back matter (GB/T 9704-2012): the
/// document number, the title and the plan it carries, the issuer and its level, the
/// dates, the addressees, 抄送 and the note on publication. Also tells which paragraphs
/// after the body are closing matter (signature, date, 抄送, 印发) rather than text.
package struct MetadataExtractor {
  /// 文种 and the names of plans, longest first so that 实施方案 wins over 方案.
  package static let kinds = [
    "实施意见", "指导意见", "实施方案", "行动计划", "行动方案", "工作方案", "实施细则", "工作要点",
    "通知", "意见", "决定", "通报", "报告", "请示", "批复", "复函", "函", "公告", "通告", "命令", "决议",
    "议案", "纪要", "条例", "办法", "规定", "方案", "计划", "规划", "细则", "措施", "要点", "令",
  ]
  static let planKinds = [
    "行动计划", "实施方案", "行动方案", "工作方案", "实施意见", "指导意见", "实施细则", "工作要点",
    "规划", "方案", "计划", "办法", "细则", "措施", "意见", "要点", "规定", "条例",
  ]

  package let texts: ParagraphTexts
  /// The paragraphs `texts` are read from: their spans and heading markers.
  package let paragraphs: [Paragraph]
  /// The index of the first paragraph that opens a section, if any.
  let firstHeading: Int?
  /// A Markdown file's front matter: fields the text itself may not give.
  package var frontMatter: FrontMatter? = nil

  package struct Result {
    package var metadata = DocumentMetadata()
    /// Paragraphs after the start of the body that are closing matter.
    package var closing: Set<Int> = []
  }

  package func extract() -> Result {
    var result = Result()
    let frontEnd = min(texts.count, firstHeading ?? min(texts.count, 15))
    readLabelledFields(into: &result.metadata)
    readDocumentNumber(frontEnd: frontEnd, into: &result.metadata)
    readTitles(frontEnd: frontEnd, into: &result.metadata)
    readFrontMatter(frontEnd: frontEnd, into: &result.metadata)
    result.closing = closingParagraphs()
    readBackMatter(result.closing, into: &result.metadata)
    readFrontMatterFields(into: &result.metadata)
    readIssuer(frontEnd: frontEnd, into: &result.metadata)
    return result
  }

  // MARK: - YAML front matter (Markdown: "文号: 沪交规〔2024〕984号")

  /// Fields the text does not give, from the front matter: the document number, the
  /// title (also when the text's is a cut-off form of it), the issuer and the date. The
  /// text decides where it has the field: a front matter's 发布单位 is often the site
  /// that posted the document, its 发布日期 the day it was posted.
  private func readFrontMatterFields(into metadata: inout DocumentMetadata) {
    guard let frontMatter else { return }
    if metadata.documentNumber == nil, let field = frontMatter.value("文号", "发文字号"),
      let found = DocumentNumber.first(in: field.value)
    {
      metadata.documentNumber = found.number
      metadata.sourceRanges["document_number"] = field.range
    }
    if let field = frontMatter.value("标题", "title"),
      metadata.title.map({ field.value != $0 && field.value.hasPrefix($0) }) ?? true
    {
      metadata.title = field.value
      metadata.spans["title"] = nil
      metadata.sourceRanges["title"] = field.range
    }
    if metadata.writtenDate == nil,
      let field = frontMatter.value("成文日期", "发布日期", "date"),
      let date = DateText.first(in: field.value)?.iso ?? DateText.numeric(field.value)
    {
      metadata.writtenDate = date
      metadata.sourceRanges["written_date"] = field.range
    }
  }

  // MARK: - Labelled fields (state-council pages: "发文机关：\t国务院办公厅")

  private func readLabelledFields(into metadata: inout DocumentMetadata) {
    for index in 0..<min(texts.count, 20) where !texts.hasMoreBytes(than: 600, at: index) {
      let text = texts[index]
      guard text.containsBytes("：") || text.containsBytes(":"),
        text.containsBytes("发文") || text.containsBytes("题") || text.containsBytes("成文日期")
      else { continue }
      let cells = text.split(separator: "\t").flatMap { cell -> [Substring] in
        // "发文字号：国办发〔2018〕128号" in one cell, or label and value in two.
        guard let colon = cell.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return [cell] }
        let label = cell[...colon]
        let value = cell[cell.index(after: colon)...]
        return value.isEmpty ? [label] : [label, value]
      }
      var position = 0
      while position + 1 < cells.count {
        let label = cells[position].filter { !$0.isWhitespace && $0 != "：" && $0 != ":" }
        let value = cells[position + 1].trimmingCharacters(in: .whitespaces)
        position += 1
        guard !value.isEmpty, !value.hasSuffix("：") else { continue }
        switch label {
        case "发文机关":
          metadata.issuer = metadata.issuer ?? value
          metadata.spans["issuer"] = metadata.spans["issuer"] ?? paragraphs[index].span
        case "发文字号":
          if metadata.documentNumber == nil, let found = DocumentNumber.first(in: value)?.number ?? DocumentNumber.firstDecree(in: value) {
            metadata.documentNumber = found
            metadata.spans["document_number"] = paragraphs[index].span
          }
        case "标题":
          metadata.title = metadata.title ?? value
          metadata.spans["title"] = metadata.spans["title"] ?? paragraphs[index].span
        case "成文日期":
          if metadata.writtenDate == nil, let date = DateText.first(in: value) {
            metadata.writtenDate = date.iso
            metadata.spans["written_date"] = paragraphs[index].span
          }
        default:
          continue
        }
        position += 1
      }
    }
  }

  // MARK: - Front matter

  /// Labels a page gives its number with, inside a line of other fields
  /// ("(发布日期：2026年04月24日文号：沪发改价管〔2026〕19号)").
  static let numberLabels = ["发文字号：", "发文字号:", "文号：", "文号:"]

  private func readDocumentNumber(frontEnd: Int, into metadata: inout DocumentMetadata) {
    guard metadata.documentNumber == nil else { return }
    let front = 0..<min(texts.count, max(frontEnd, 6))
    for index in front {
      let text = texts[index]
      guard text.hasAtMostCharacters(40), let found = DocumentNumber.first(in: text) else { continue }
      metadata.documentNumber = found.number
      metadata.spans["document_number"] = paragraphs[index].span
      return
    }
    for index in front where !texts.hasMoreBytes(than: 600, at: index) {
      let text = texts[index]
      guard let label = Self.numberLabels.lazy.compactMap({ text.rangeOfBytes($0) }).first,
        let found = DocumentNumber.first(in: String(text[label.upperBound...]))
      else { continue }
      metadata.documentNumber = found.number
      metadata.spans["document_number"] = paragraphs[index].span
      return
    }
    // A regulation issued by decree gives the decree's number, often with its date:
    // "（2021年12月21日上海市人民政府令第59号公布　自2022年3月1日起施行）".
    for index in 0..<min(texts.count, max(frontEnd, 12)) where texts[index].hasAtMostCharacters(60) {
      if let decree = DocumentNumber.firstDecree(in: texts[index]) {
        metadata.documentNumber = decree
        metadata.spans["document_number"] = paragraphs[index].span
        if metadata.writtenDate == nil, let date = DateText.first(in: texts[index]),
          texts[index].rangeOfBytes(decree.text).map({ $0.lowerBound >= date.range.upperBound }) ?? false
        {
          metadata.writtenDate = date.iso
          metadata.spans["written_date"] = paragraphs[index].span
        }
        return
      }
    }
  }

  private func readTitles(frontEnd: Int, into metadata: inout DocumentMetadata) {
    if metadata.title == nil {
      // "…关于…的通知" among the first paragraphs, on one line or wrapped over up to three;
      // else the first short title-like line.
      let candidates = 0..<min(texts.count, max(frontEnd, 1) + 2)
      if let index = candidates.first(where: { isNoticeTitle(texts[$0]) }) {
        metadata.title = texts[index]
        metadata.spans["title"] = paragraphs[index].span
      } else if let (first, last) = candidates.lazy.compactMap(wrappedTitle).first {
        metadata.title = (first...last).map { texts[$0] }.joined()
        metadata.spans["title"] = TextSpan(paragraphs[first].span.start, paragraphs[last].span.end)
      } else if let index = candidates.first(where: isPlainTitle) {
        metadata.title = texts[index]
        metadata.spans["title"] = paragraphs[index].span
      }
    }
    guard let title = metadata.title else { return }
    // A plain title (the usual) is searched by bytes, which find the same characters.
    let isPlain = title.isPlain
    metadata.kind = Self.kinds.first { title.hasSuffix($0, isPlain: isPlain) }
    // The plan a transmittal notice carries: inside 《》, or between 印发/转发 and 的通知.
    var plan: String? = nil
    if let (open, close) = Self.firstQuotedTitle(in: title, isPlain: isPlain) {
      plan = String(title[title.index(after: open)..<close])
    } else if let verb = title.rangeOfBytes("印发") ?? title.rangeOfBytes("转发"), title.hasSuffix("的通知", isPlain: isPlain) {
      plan = String(title[verb.upperBound..<title.index(title.endIndex, offsetBy: -3)])
    }
    if let plan, !plan.isEmpty {
      metadata.planTitle = plan
      let bare = Self.withoutPeriod(plan)
      let isBarePlain = bare.isPlain
      metadata.planKind = Self.planKinds.first { bare.hasSuffix($0, isPlain: isBarePlain) }
      // The plan's own title line, when it is repeated before its preamble.
      let planBytes = plan.utf8.count
      if let index = texts.indices.first(where: {
        texts[$0] == plan || (abs(texts[$0].utf8.count - planBytes) <= 40 && Self.withoutPeriod(texts[$0]) == bare && texts[$0] != title)
      }) {
        metadata.spans["plan_title"] = paragraphs[index].span
      }
    }
    let periodSource = metadata.planTitle ?? title
    if let period = Self.period(in: periodSource) {
      metadata.periodStart = period.0
      metadata.periodEnd = period.1
    }
  }

  private func readFrontMatter(frontEnd: Int, into metadata: inout DocumentMetadata) {
    for index in 0..<frontEnd {
      let text = texts[index]
      if metadata.recipients.isEmpty, text.hasSuffix("：") || text.hasSuffix(":"), text.hasAtMostCharacters(120),
        !text.containsBytes("。"), index < 12, Self.recipientWords.contains(where: { text.containsBytes($0) })
      {
        metadata.recipients = Self.splitList(String(text.dropLast()))
        metadata.spans["recipients"] = paragraphs[index].span
      } else {
        readDateOrPublicity(index, into: &metadata)
      }
    }
  }

  /// Reads 成文日期 or the note on publication from paragraph `index`, if it is one.
  private func readDateOrPublicity(_ index: Int, into metadata: inout DocumentMetadata) {
    let text = texts[index]
    let isSigned = index > 0 && Self.isSignature(texts[index - 1])
    if Self.isDateLine(text), let date = DateText.first(in: text),
      metadata.writtenDate == nil || (isSigned && !writtenDateIsSigned(metadata))
    {
      // 成文日期 stands under the signature; a date above the title is a site's. The first
      // signed date is the document's: a transmittal notice's comes before the date of
      // the plan it forwards.
      metadata.writtenDate = date.iso
      metadata.spans["written_date"] = paragraphs[index].span
    } else if metadata.publicity == nil, let note = Self.publicityNote(text) {
      metadata.publicity = note
      metadata.spans["publicity"] = paragraphs[index].span
    }
  }

  /// Whether the date read as 成文日期 so far stands under a signature.
  private func writtenDateIsSigned(_ metadata: DocumentMetadata) -> Bool {
    guard let span = metadata.spans["written_date"], let index = paragraphIndex(of: span), index > 0 else { return false }
    return Self.isSignature(texts[index - 1])
  }

  /// The paragraph whose span is `span`, found by binary search (paragraphs stand in
  /// text order).
  private func paragraphIndex(of span: TextSpan) -> Int? {
    var low = 0
    var high = paragraphs.count
    while low < high {
      let middle = (low + high) / 2
      if paragraphs[middle].span.start < span.start { low = middle + 1 } else { high = middle }
    }
    return low < paragraphs.count && paragraphs[low].span == span ? low : nil
  }

  // MARK: - Back matter

  /// Signature, date, publicity, 抄送 and 印发 lines after the first heading.
  private func closingParagraphs() -> Set<Int> {
    guard let firstHeading else { return [] }
    var closing: Set<Int> = []
    for index in texts.indices where index > firstHeading && !texts.hasMoreBytes(than: 600, at: index) {
      // Only a short line (120 bytes at most) can be a date or the note on publication: a
      // longer one is not made into a string, its opening is read from the bytes.
      let isShort = !texts.hasMoreBytes(than: 120, at: index)
      if texts.hasPrefixBytes("抄送", at: index) || texts.hasPrefixBytes("主送", at: index)
        || isShort && (Self.publicityNote(texts[index]) != nil || Self.isDateLine(texts[index]))
      {
        let text = texts[index]
        closing.insert(index)
        // A signature: a short unpunctuated line right before a date.
        if Self.isDateLine(text), index - 1 > firstHeading, Self.isSignature(texts[index - 1]) {
          closing.insert(index - 1)
        }
      }
    }
    return closing
  }

  private func readBackMatter(_ closing: Set<Int>, into metadata: inout DocumentMetadata) {
    for index in closing.sorted() {
      let text = texts[index]
      if text.hasPrefix("抄送") {
        let list = text.drop { $0 != "：" && $0 != ":" }.dropFirst()
        metadata.copiedTo = Self.splitList(String(list))
        metadata.spans["copied_to"] = paragraphs[index].span
      } else if text.hasSuffix("印发"), let date = DateText.first(in: text) {
        metadata.printedDate = date.iso
        metadata.spans["printed_date"] = paragraphs[index].span
      } else {
        readDateOrPublicity(index, into: &metadata)
      }
    }
  }

  // MARK: - Issuer

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

  private func readIssuer(frontEnd: Int, into metadata: inout DocumentMetadata) {
    if metadata.issuer == nil, let title = metadata.title, let issuer = Self.issuer(inTitle: title) {
      metadata.issuer = issuer
      metadata.spans["issuer"] = metadata.spans["title"]
    }
    // A decree is issued by the body that names it: 上海市人民政府令 → 上海市人民政府 (not
    // by an office a person holds: 中华人民共和国主席令 promulgates a law).
    if metadata.issuer == nil, let number = metadata.documentNumber, number.year == nil, number.issuerCode.hasSuffix("令"),
      case let body = String(number.issuerCode.dropLast()), body.count >= 2, DepartmentResolver.endsLikeBody(body)
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
        metadata.coIssuers = Array(bodies.dropFirst()) + metadata.coIssuers.filter { !bodies.contains($0) }
      }
    }
    var seen = Set<String>()
    metadata.coIssuers = metadata.coIssuers.filter { $0 != metadata.issuer && seen.insert($0).inserted }
    // The level and region are the issuer's; without an issuer (a law or regulation as
    // published, a page without a red header), those of the place the title opens with:
    // "湖州市绿色金融促进条例" → 湖州市, "中华人民共和国能源法" → national.
    // Read in turn, each only when the one before gives no level.
    let (issuer, titles) = (metadata.issuer, [metadata.title, metadata.planTitle].compactMap { $0 })
    let reading =
      issuer.map { AdministrativePlace.read($0) }.flatMap { $0.level != nil ? $0 : nil }
      ?? titles.lazy.map { AdministrativePlace.read($0, firstPlaceOnly: true) }.first { $0.level != nil }
    if let reading {
      metadata.level = reading.level
      metadata.regionPath = reading.path
      metadata.region = reading.path.last
    }
  }

  /// A title wrapped over two or three lines from `index` ("国家发展改革委…关于" /
  /// "建立…的通知"): the first line holds 关于, the last ends with a kind, none holds a
  /// sentence.
  private func wrappedTitle(at index: Int) -> (Int, Int)? {
    guard texts[index].containsBytes("关于") || index + 1 < texts.count && texts[index + 1].hasPrefix("关于") else {
      return nil
    }
    for last in (index + 1)..<min(texts.count, index + 3) {
      let joined = (index...last).map { texts[$0] }.joined()
      guard (index...last).allSatisfy({ texts[$0].hasAtMostCharacters(40) && !paragraphs[$0].isHeading }) else { return nil }
      if isNoticeTitle(joined) { return (index, last) }
    }
    return nil
  }

  /// The signature over the 成文日期 at the end of a document: the lines of bodies that
  /// sign it, one per line ("国家发展改革委办公厅" / "国家能源局综合司" / "2025年12月2日").
  private func closingSignature(_ metadata: DocumentMetadata) -> ClosedRange<Int>? {
    guard let date = texts.indices.last(where: { index in
      !texts.hasMoreBytes(than: 120, at: index) && Self.isDateLine(texts[index])
        && metadata.writtenDate.map { DateText.first(in: texts[index])?.iso == $0 } ?? false
    }) else { return nil }
    var first = date
    while first > 0, date - first < 6, Self.isSignature(texts[first - 1]), !paragraphs[first - 1].isHeading {
      first -= 1
    }
    // A head signing in person ("市长　应勇", "总理　李克强", as decrees are signed) is no
    // issuing body.
    guard first < date, !Self.headsTitles.contains(where: { texts[first].hasPrefixBytes($0) }) else { return nil }
    return first...(date - 1)
  }

  /// The titles of heads of government who sign decrees in person.
  private static let headsTitles = ["总理", "省长", "市长", "州长", "县长", "区长", "旗长", "乡长", "镇长", "主席"]

  /// Endings of a body's name, after which another body may follow in a joint issuer
  /// ("上海市交通委员会上海市公安局", "国家发展改革委国家能源局").
  private static let bodyEndings = ["办公厅", "办公室", "委员会", "政府", "局", "厅", "委", "部", "署", "司", "院", "办", "中心"]

  /// How the name of a second issuer begins: 国家…, 中共…, a municipality.
  private static let issuerStarts = ["国家", "中共", "国务院"] + AdministrativePlace.directMunicipalities

  /// The bodies of a joint issuer: split at 、 and spaces, and where a body's name ends
  /// and another begins with 国家, 中共, a municipality, or the place the first began with.
  static func splitIssuers(_ issuer: String) -> [String] {
    var bodies: [String] = []
    for part in issuer.split(whereSeparator: { $0 == "、" || $0 == " " || $0 == "\u{3000}" || $0 == "，" }) {
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
            issuerStarts.contains(where: { tail.hasPrefix($0) }) || tail.hasPrefix(String(characters[start..<min(start + 2, characters.count)]))
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
  private static func opensOwnBranch(_ rest: String, of head: String) -> Bool {
    guard head.hasPrefix("国家") else { return false }
    let branch = String(head.dropFirst(2)).replacingOccurrences(of: "总", with: "")
    guard branch.count >= 2, let found = rest.range(of: branch) else { return false }
    return rest.distance(from: rest.startIndex, to: found.lowerBound) <= 6
  }

  /// The last characters of `bodyEndings`.
  private static let bodyEndingLasts = Set(bodyEndings.compactMap(\.last))

  // MARK: - Line shapes

  private func isNoticeTitle(_ text: String) -> Bool {
    guard text.containsBytes("关于"), text.hasAtMostCharacters(120) else { return false }
    let isPlain = text.isPlain
    return Self.kinds.contains { text.hasSuffix($0, isPlain: isPlain) } && !text.containsBytes("。") && !text.hasPrefix("现将")
  }

  /// Where the first 《 of `title` stands and the first 》 after it, when there are both;
  /// found by bytes when the title is plain.
  private static func firstQuotedTitle(in title: String, isPlain: Bool) -> (String.Index, String.Index)? {
    if isPlain {
      guard let open = title.rangeOfBytes("《"), let close = title[open.lowerBound...].rangeOfBytes("》") else { return nil }
      return (open.lowerBound, close.lowerBound)
    }
    guard let open = title.firstIndex(of: "《"), let close = title[open...].firstIndex(of: "》") else { return nil }
    return (open, close)
  }

  /// Trimmed around list items and after dates.
  private static let whitespace = CharacterSet.whitespaces
  private static let fullStops = CharacterSet(charactersIn: "。.")

  /// Words an addressee line holds: 各…, 有关单位, …人民政府, …部门.
  static let recipientWords = ["各", "有关", "人民政府", "部门", "单位", "委员会", "机构"]

  /// A short line that may be the title: no sentence, label, link, number or date, and no
  /// outline marker ("1.普通高中（1900元/生•年）" is an item of the body).
  private func isPlainTitle(_ index: Int) -> Bool {
    let text = texts[index]
    guard !paragraphs[index].isHeading, !text.containsBytes("。"), !text.containsBytes("："), !text.containsBytes(":"),
      text.hasAtLeastCharacters(4), text.hasAtMostCharacters(60)
    else { return false }
    if text.hasPrefix("【") || text.containsBytes("http") || DocumentNumber.first(in: text) != nil || Self.isDateLine(text) {
      return false
    }
    return true
  }

  static func isDateLine(_ text: String) -> Bool {
    guard text.utf8.count <= 120, text.containsBytes("日"), text.hasAtMostCharacters(40), let date = DateText.first(in: text) else {
      return false
    }
    var rest = text[date.range.upperBound...].trimmingScalars(in: Self.whitespace)
    for suffix in LineShape.datePublishingWords where rest.hasSuffixBytes(suffix) {
      rest = String(rest.utf8.dropLast(suffix.utf8.count))!
    }
    return rest.isEmpty && (text[..<date.range.lowerBound].hasAtMostCharacters(30))
  }

  static func isSignature(_ text: String) -> Bool {
    text.hasAtLeastCharacters(2) && text.hasAtMostCharacters(30) && !text.containsBytes("。") && !text.containsBytes("，")
      && !text.containsBytes("：") && text.unicodeScalars.allSatisfy { UTF8Scalars.isIdeograph($0.value) || $0 == " " }
  }

  /// "此件公开发布" from "（此件公开发布）".
  static func publicityNote(_ text: String) -> String? {
    guard text.utf8.count <= 60, text.hasPrefixBytes("（") || text.hasPrefixBytes("("), text.containsBytes("此件"), text.hasAtMostCharacters(20) else {
      return nil
    }
    return String(text.dropFirst().dropLast())
  }

  /// Items of a list separated by 、，, and ；.
  static func splitList(_ text: String) -> [String] {
    text.unicodeScalars.split { $0 == "、" || $0 == "，" || $0 == "," || $0 == "；" || $0 == ";" }.map {
      Substring($0).trimmingScalars(in: Self.whitespace).trimmingScalars(in: Self.fullStops)
    }.filter { !$0.isEmpty }
  }

  /// A title without its period "（2022—2025年）".
  package static func withoutPeriod(_ title: String) -> String {
    // In a plain title the last parenthesis is found by bytes.
    let open =
      title.isPlain
      ? [title.rangeOfBytes("（", backwards: true), title.rangeOfBytes("(", backwards: true)].compactMap { $0?.lowerBound }.max()
      : title.lastIndex(where: { $0 == "（" || $0 == "(" })
    guard let open, period(in: String(title[open...])) != nil else {
      return title
    }
    return String(title[..<open])
  }

  /// What stands between the years of a period: dashes, a tilde, 至.
  private static let periodDashes: Set<Unicode.Scalar> = ["—", "-", "－", "–", "~", "～", "至"]

  /// The years of a period "（2022—2025年）", "2022-2025年", "2022－2025年".
  package static func period(in text: String) -> (Int, Int)? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index + 9 <= scalars.count {
      defer { index += 1 }
      guard let first = year(scalars, index) else { continue }
      var position = index + 4
      while position < scalars.count && scalars[position] == " " { position += 1 }
      guard position < scalars.count, periodDashes.contains(scalars[position]) else { continue }
      position += 1
      while position < scalars.count && scalars[position] == " " { position += 1 }
      guard position + 4 <= scalars.count, let second = year(scalars, position), second > first, second - first <= 30 else {
        continue
      }
      return (first, second)
    }
    return nil
  }

  private static func year(_ scalars: [Unicode.Scalar], _ index: Int) -> Int? {
    guard index + 4 <= scalars.count else { return nil }
    var value = 0
    for offset in 0..<4 {
      guard let digit = UTF8Scalars.digitValue(scalars[index + offset].value) else { return nil }
      value = value * 10 + digit
    }
    return (1949...2100).contains(value) ? value : nil
  }
}
