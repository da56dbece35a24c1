import PolicyBytes

/// The closing remarks of a document (结束语): the unnumbered paragraphs after its last
/// numbered item that speak to all who carry it out (各地区、各部门要…) or of carrying out
/// the document as a whole (司法部负责…本意见贯彻落实工作), before the signature. They are no
/// part of the last item (docs/gold-format.md: "a closing paragraph after the last item
/// that speaks to all" is no measure), so they close every section, as the back matter
/// does, and what they say of bodies belongs to no measure.
enum ClosingRemarks {
  /// How a remark to all opens: the levels and bodies the document is sent to.
  static let addressesToAll = [
    "各地区、各部门", "各地区各部门", "各地区、各有关部门", "各地、各部门", "各地各部门", "各区、各部门", "各区各部门",
    "各区、各有关部门", "各区县、各部门", "各级各部门", "各级、各部门", "各省、自治区、直辖市",
  ]
  /// The document itself, as its closing words name it.
  static let documentItself = ["本意见", "本方案", "本通知", "本实施方案", "本行动计划", "本计划", "本指导意见"]
  /// What a remark says of the document: that it is carried out.
  static let carryingOut = ["贯彻落实", "组织实施", "落实工作", "实施工作"]

  /// The closing remarks among `paragraphs`: from the first remark after the last
  /// paragraph that opens a section (`marker`), up to the closing matter (`closing`:
  /// signature, date, 抄送) or the end. None after a heading that stands alone ("五、有关
  /// 要求"): the paragraphs after it are its text.
  static func find(
    _ paragraphs: [Paragraph], texts: ParagraphTexts, closing: Set<Int>
  ) -> Set<Int> {
    guard let lastHeading = paragraphs.lastIndex(where: { $0.marker != nil }),
      paragraphs[lastHeading].isRunIn
    else { return [] }
    let bodyEnd =
      paragraphs.indices.first { $0 > lastHeading && closing.contains($0) } ?? paragraphs.count
    guard lastHeading + 1 < bodyEnd,
      let first = (lastHeading + 1..<bodyEnd).first(where: { isRemark(texts, at: $0) })
    else { return [] }
    return Set(first..<bodyEnd)
  }

  /// Whether paragraph `index` opens as a closing remark: an address to all, or a first
  /// sentence about carrying out the document itself.
  private static func isRemark(_ texts: ParagraphTexts, at index: Int) -> Bool {
    if addressesToAll.contains(where: { texts.hasPrefixBytes($0, at: index) }) { return true }
    let text = texts[index]
    let firstSentence = String(text.prefix { $0 != "。" })
    return documentItself.contains { opensWord($0, in: firstSentence) }
      && carryingOut.contains { firstSentence.contains($0) }
  }

  /// Whether `word` stands in `text` where a word starts: first, or after a character that
  /// is no ideograph (本计划 of "…，本计划…", not of 成本计划).
  private static func opensWord(_ word: String, in text: String) -> Bool {
    var searched = text[...]
    while let found = searched.range(of: word) {
      if found.lowerBound == text.startIndex { return true }
      let before = text.unicodeScalars[text.unicodeScalars.index(before: found.lowerBound)]
      if !UTF8Scalars.isIdeograph(before.value) { return true }
      searched = text[found.upperBound...]
    }
    return false
  }
}
