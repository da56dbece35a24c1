import PolicyText

/// A node of a document's outline: a part (一、), a group (（一）), an item (1.), an article
/// (第一条), a box (专栏) or an attachment (附件).
public struct Section: Sendable, Equatable {
  /// Stable id within the document: "<document id>#s<n>", n counting from 1 in reading order.
  public var id: String
  /// The numbering that opened it.
  public var kind: HeadingMarker.Kind
  /// The number it was given (1 for 一、 and 第一条); nil for an unnumbered 专栏 or 附件.
  public var number: Int?
  /// The marker as written ("三、", "（二）", "5.", "第十二条").
  public var label: String
  /// The heading without the marker and closing punctuation ("重点任务"); empty when the
  /// numbered paragraph has no heading of its own (most articles, long items).
  public var title: String
  /// Depth in the outline: 1 for top-level sections.
  public var depth: Int
  /// The index of the parent section in `PolicyDocument.sections`, if any.
  public var parent: Int?
  /// The heading paragraph (for a run-in heading, the whole paragraph it opens).
  public var headingSpan: TextSpan
  /// The heading text alone: the marker and title, up to and including 。 for a run-in
  /// heading.
  public var titleSpan: TextSpan
  /// Everything the section covers: its heading and all paragraphs up to the next section
  /// that is not inside it.
  public var extent: TextSpan
  /// Whether the heading was the first sentence of a paragraph ("（一）强化责任落实。各区县…").
  public var isRunIn: Bool
  package init(
    id: String, kind: HeadingMarker.Kind, number: Int? = nil, label: String, title: String,
    depth: Int, parent: Int? = nil, headingSpan: TextSpan, titleSpan: TextSpan, extent: TextSpan,
    isRunIn: Bool
  ) {
    self.id = id
    self.kind = kind
    self.number = number
    self.label = label
    self.title = title
    self.depth = depth
    self.parent = parent
    self.headingSpan = headingSpan
    self.titleSpan = titleSpan
    self.extent = extent
    self.isRunIn = isRunIn
  }
}
