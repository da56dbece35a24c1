import PolicyText

/// A numbered measure (a task of 重点任务 / 主要任务, or an article of a law): the unit a
/// researcher codes, with its lead sentence, body, place in the outline and the clause
/// that says who does it.
public struct Measure: Sendable, Equatable {
  /// Stable id: "<document id>#m<n>", n counting measures from 1 in reading order.
  public var id: String
  /// The section that is this measure, as an index into `PolicyDocument.sections`.
  public var section: Int
  /// The number printed ("5" for "5.", "3" for "（三）").
  public var number: Int?
  /// The marker as written ("5.", "（三）", "第十二条").
  public var label: String
  /// The run-in heading ("推动能源消费低碳化转型"), or empty.
  public var title: String
  /// The first sentence of the measure's text after its heading.
  public var leadSentence: String
  /// The measure's whole text, heading and responsibility clauses included, without its
  /// 专栏 boxes.
  public var text: String
  /// Where it stands in the cleaned text: its section's whole extent, 专栏 boxes included.
  public var span: TextSpan
  /// Titles of the enclosing sections, outermost first, each with its label
  /// ("三、重点任务", "（二）培育壮大绿色新兴产业").
  public var path: [String]
  /// 专栏 boxes that belong to the measure, as indices into `PolicyDocument.sections`.
  public var columns: [Int]
  /// Responsibility clauses, as indices into `PolicyDocument.responsibilities`.
  public var responsibilities: [Int]
  /// Targets set inside the measure, as indices into `PolicyDocument.targets`.
  public var targets: [Int]
  package init(
    id: String, section: Int, number: Int? = nil, label: String, title: String,
    leadSentence: String, text: String, span: TextSpan, path: [String], columns: [Int],
    responsibilities: [Int], targets: [Int]
  ) {
    self.id = id
    self.section = section
    self.number = number
    self.label = label
    self.title = title
    self.leadSentence = leadSentence
    self.text = text
    self.span = span
    self.path = path
    self.columns = columns
    self.responsibilities = responsibilities
    self.targets = targets
  }
}
