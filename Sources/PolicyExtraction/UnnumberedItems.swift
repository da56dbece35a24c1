import PolicyBytes
import PolicyModel
import PolicyText

/// Paragraphs without a marker that are items of their own: in a part of a plan (一、, or a
/// part of an attachment) that has no numbered sub-items, two or more paragraphs that each
/// open with a run-in heading ("加强组织领导。各区要…", "强化资金保障。…"), or are a heading
/// on a line of their own with the body after it (the reports of 1993–2002: "加快农业和农村
/// 经济结构调整。" then its body), or open with the name of the body whose duties follow
/// ("区民防办：负责…"). Each becomes a section of kind `paragraph`, numbered within its part;
/// a paragraph before the first of them is the part's lead-in, one after an item continues it.
struct UnnumberedItems {
  /// The longest run-in heading of an unnumbered paragraph, in characters: shorter than a
  /// numbered item's, since nothing else says it is a heading.
  static let maximumHeading = 20
  /// The longest body name read as a label ("区民防办：").
  static let maximumLabel = 16

  package let bytes: UnsafeBufferPointer<UInt8>
  package let resolver: DepartmentResolver

  /// Gives the item paragraphs of `sections` their markers in `paragraphs`; `owners`
  /// says which section each paragraph belongs to; paragraphs in `excluded` (a task
  /// table's) are none. Returns whether any was marked.
  package func mark(
    _ paragraphs: inout [Paragraph], owners: [Int?], sections: [Section],
    except excluded: Set<Int> = []
  ) -> Bool {
    let roles = PartRole.roles(of: sections)
    var hasSubsections = Array(repeating: false, count: sections.count)
    for section in sections where section.kind != .column {
      if let parent = section.parent { hasSubsections[parent] = true }
    }
    var own = Array(repeating: [Int](), count: sections.count)
    for (index, owner) in owners.enumerated() {
      guard let owner, paragraphs[index].marker == nil, !excluded.contains(index) else { continue }
      own[owner].append(index)
    }
    var marked = false
    for section in sections.indices where roles[section] == .tasks && !hasSubsections[section] {
      guard sections[section].kind != .column, sections[section].kind != .article,
        isPart(section, of: sections)
      else { continue }
      let headings = own[section].map { heading(of: paragraphs[$0]) }
      // A heading on a line of its own heads the body after it: not a last line, nor one of
      // short sentences each on its line ("总经理、副总经理不超过六十五周岁。").
      let items = own[section].indices.compactMap {
        position -> (Int, (titleEnd: Int, headingEnd: Int))? in
        let index = own[section][position]
        guard let heading = headings[position] else { return nil }
        if heading.headingEnd >= paragraphs[index].span.end {
          guard position + 1 < headings.count, headings[position + 1] == nil else { return nil }
        }
        return (index, heading)
      }
      guard items.count >= 2 else { continue }
      for (number, (index, heading)) in items.enumerated() {
        paragraphs[index].marker = HeadingMarker(kind: .paragraph, number: number + 1, length: 0)
        paragraphs[index].titleStart = paragraphs[index].span.start
        paragraphs[index].titleEnd = heading.titleEnd
        paragraphs[index].headingEnd = heading.headingEnd
        paragraphs[index].isRunIn = heading.headingEnd < paragraphs[index].span.end
      }
      marked = true
    }
    return marked
  }

  /// Whether a section is a part of the plan (一、, or a part of an attachment): the
  /// paragraphs under a numbered item ("（五）提升风险防控能力" then "夯实…基础。…") are its
  /// body, however they open.
  private func isPart(_ index: Int, of sections: [Section]) -> Bool {
    guard let parent = sections[index].parent else { return true }
    return sections[parent].kind == .attachment && sections[parent].parent == nil
  }

  /// Where the heading of an unmarked paragraph ends (before its 。 or the colon after a
  /// body's name: run in, or the whole paragraph) and where the heading's punctuation ends,
  /// or nil when the paragraph does not open with one.
  package func heading(of paragraph: Paragraph) -> (titleEnd: Int, headingEnd: Int)? {
    let start = paragraph.span.start
    let end = paragraph.span.end
    var position = start
    var characters = 0
    while position < end && characters <= Self.maximumHeading {
      let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
      switch scalar {
      // A run-in heading, or a heading on a line of its own ("加快农业和农村经济结构调整。"
      // then its body, as reports lay out their bold headings).
      case .scalar("。"):
        guard characters >= 2, isHeadingPhrase(start..<position) else { return nil }
        return (position, position + length)
      case .scalar("："), 0x3A:  // ：:
        guard characters >= 2, characters <= Self.maximumLabel, position + length < end,
          namesBodies(start..<position)
        else { return nil }
        return (position, position + length)
      // A clause, not a heading (，,；;！？).
      case .scalar("，"), 0x2C, .scalar("；"), 0x3B, .scalar("！"), .scalar("？"):
        return nil
      default:
        characters += 1
        position += length
      }
    }
    return nil
  }

  /// Words that make a first sentence a statement rather than a heading: a subject with
  /// a modal verb ("各区要高度重视。"), an enumerator ("一是…"), or a lead-in ("具体措施如下。").
  private static let statementWords = [
    "要", "应", "须", "将", "一是", "二是", "三是", "首先", "其次", "同时", "此外", "其中", "如下",
  ]

  private func isHeadingPhrase(_ range: Range<Int>) -> Bool {
    let text = String(decoding: bytes[range], as: UTF8.self)
    return !text.hasPrefix("各") && !Self.statementWords.contains { text.containsBytes($0) }
  }

  /// Whether the text before a colon is a body's name, or a list of them ("区民防办",
  /// "区规划资源局、区建设管理委").
  private func namesBodies(_ range: Range<Int>) -> Bool {
    let text = String(decoding: bytes[range], as: UTF8.self)
    let names = text.split(separator: "、").map(String.init)
    return !names.isEmpty
      && names.allSatisfy { name in
        let mention = resolver.mention(name, role: .responsible, span: TextSpan(range))
        return mention.category != DepartmentResolver.unknownCategory
          || DepartmentResolver.organisationalSuffixes.contains { name.hasSuffixBytes($0) }
      }
  }
}
