import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

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
    result.closing = closingParagraphs(after: firstHeading ?? frontEnd - 1)
    readBackMatter(result.closing, into: &result.metadata)
    readAdoption(frontEnd: frontEnd, into: &result.metadata)
    readFrontMatterFields(into: &result.metadata)
    readDelivery(frontEnd: frontEnd, into: &result.metadata)
    readIssuer(frontEnd: frontEnd, into: &result.metadata)
    return result
  }

  // MARK: - YAML front matter (Markdown: "文号: 沪交规〔2024〕984号")

  /// Fields the text does not give, from the front matter: the document number, the
  /// title (also when the text's is a cut-off form of it), the issuer and the date. The
  /// text decides where it has the field: a front matter's 发布单位 is often the site
  /// that posted the document, its 发布日期 the day it was posted.
  func readFrontMatterFields(into metadata: inout DocumentMetadata) {
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

  func readLabelledFields(into metadata: inout DocumentMetadata) {
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
          if metadata.documentNumber == nil,
            let found = DocumentNumber.first(in: value)?.number
              ?? DocumentNumber.firstDecree(in: value)
          {
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

  func readDocumentNumber(frontEnd: Int, into metadata: inout DocumentMetadata) {
    guard metadata.documentNumber == nil else { return }
    let front = 0..<min(texts.count, max(frontEnd, 6))
    for index in front {
      let text = texts[index]
      guard text.hasAtMostCharacters(40), let found = DocumentNumber.first(in: text) else {
        continue
      }
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
    // "（2021年12月21日上海市人民政府令第59号公布　自2022年3月1日起施行）"; an amended one
    // the first decree, then the amending ones ("（2012年8月31日上海市人民政府令第85号公布
    // 根据2018年12月7日…令第15号第一次修正 …）"), the note longer but still in brackets.
    for index in 0..<min(texts.count, max(frontEnd, 12))
    where texts[index].hasAtMostCharacters(60)
      || texts[index].hasAtMostCharacters(400) && texts[index].hasPrefix("（")
        && texts[index].hasSuffix("）")
    {
      if let decree = DocumentNumber.firstDecree(in: texts[index]) {
        // "（1996年3月3日上海市人民政府发布，根据2010年…令第52号公布的…修正并重新发布）":
        // a first issue without a decree; the decree after 根据 is the amendment's.
        if let amendment = texts[index].rangeOfBytes("根据"),
          let at = texts[index].rangeOfBytes(decree.text), amendment.lowerBound < at.lowerBound
        {
          if metadata.writtenDate == nil, let date = DateText.first(in: texts[index]),
            date.range.upperBound <= amendment.lowerBound
          {
            metadata.writtenDate = date.iso
            metadata.spans["written_date"] = paragraphs[index].span
          }
          return
        }
        metadata.documentNumber = decree
        metadata.spans["document_number"] = paragraphs[index].span
        if metadata.writtenDate == nil, let date = DateText.first(in: texts[index]),
          texts[index].rangeOfBytes(decree.text).map({ $0.lowerBound >= date.range.upperBound })
            ?? false
        {
          metadata.writtenDate = date.iso
          metadata.spans["written_date"] = paragraphs[index].span
        }
        return
      }
    }
  }

  func readTitles(frontEnd: Int, into metadata: inout DocumentMetadata) {
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
    // Only a notice carries one: 北京市实施《…消费者权益保护法》办法, 关于适用《…保险法》若干
    // 问题的解释 and 关于修改《…》的决定 name the law they implement, apply or amend.
    var plan: String? = nil
    if title.hasSuffix("通知", isPlain: isPlain),
      let (open, close) = Self.firstQuotedTitle(in: title, isPlain: isPlain)
    {
      plan = String(title[title.index(after: open)..<close])
    } else if let verb = title.rangeOfBytes("印发") ?? title.rangeOfBytes("转发"),
      title.hasSuffix("的通知", isPlain: isPlain)
    {
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
        texts[$0] == plan
          || (abs(texts[$0].utf8.count - planBytes) <= 40 && Self.withoutPeriod(texts[$0]) == bare
            && texts[$0] != title)
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

  func readFrontMatter(frontEnd: Int, into metadata: inout DocumentMetadata) {
    for index in 0..<frontEnd {
      let text = texts[index]
      if metadata.recipients.isEmpty, text.hasSuffix("：") || text.hasSuffix(":"),
        text.hasAtMostCharacters(120),
        !text.containsBytes("。"), index < 12,
        Self.recipientWords.contains(where: { text.containsBytes($0) })
      {
        metadata.recipients = Self.splitList(String(text.dropLast()))
        metadata.spans["recipients"] = paragraphs[index].span
      } else {
        readDateOrPublicity(index, into: &metadata)
      }
    }
  }

  /// Reads 成文日期 or the note on publication from paragraph `index`, if it is one.
  func readDateOrPublicity(_ index: Int, into metadata: inout DocumentMetadata) {
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
  func writtenDateIsSigned(_ metadata: DocumentMetadata) -> Bool {
    guard let span = metadata.spans["written_date"], let index = paragraphIndex(of: span), index > 0
    else { return false }
    return Self.isSignature(texts[index - 1])
  }

  /// The paragraph whose span is `span`, found by binary search (paragraphs stand in
  /// text order).
  func paragraphIndex(of span: TextSpan) -> Int? {
    var low = 0
    var high = paragraphs.count
    while low < high {
      let middle = (low + high) / 2
      if paragraphs[middle].span.start < span.start { low = middle + 1 } else { high = middle }
    }
    return low < paragraphs.count && paragraphs[low].span == span ? low : nil
  }

  // MARK: - Back matter

  /// Signature, date, publicity, 抄送 and 印发 lines after paragraph `start`: the first
  /// heading, or the last of the front matter in a document without one (a notice whose
  /// body is a list of names: "组　长：韩　正　　国务院副总理").
  func closingParagraphs(after start: Int) -> Set<Int> {
    var closing: Set<Int> = []
    for index in texts.indices
    where index > start && !texts.hasMoreBytes(than: 600, at: index) {
      // Only a short line (120 bytes at most) can be a date or the note on publication: a
      // longer one is not made into a string, its opening is read from the bytes.
      let isShort = !texts.hasMoreBytes(than: 120, at: index)
      if texts.hasPrefixBytes("抄送", at: index) || texts.hasPrefixBytes("主送", at: index)
        || isShort && (Self.publicityNote(texts[index]) != nil || Self.isDateLine(texts[index]))
      {
        let text = texts[index]
        closing.insert(index)
        // A signature: a short unpunctuated line right before a date.
        if Self.isDateLine(text), index - 1 > start, Self.isSignature(texts[index - 1]) {
          closing.insert(index - 1)
        }
      }
    }
    return closing
  }

  func readBackMatter(_ closing: Set<Int>, into metadata: inout DocumentMetadata) {
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
}
