import PolicyText

/// A table found among a document's paragraphs (a 任务分工表, 重点任务清单, 责任分工表 …),
/// whatever form it came in: HTML or Word rows, Markdown pipe rows, or text in which each
/// cell was flattened onto a paragraph of its own.
struct TaskTable {
  /// A row of the table.
  struct Row {
    package enum Kind: Equatable {
      /// A row that starts an item: numbered by its 序号 cell (`label`), or by its place
      /// when the table has no 序号 column.
      case item
      /// A row that spans the table and groups the rows under it ("一、科学编制…",
      /// "四、军民深度融合方面（共6项）", or a 序号 "四" with a task and no bodies).
      case group(HeadingMarker.Kind)
      /// A row without its own 序号, merged into the item above: its bodies join that
      /// item's.
      case continuation
    }

    package var kind: Kind
    /// The paragraph the row starts at.
    package var paragraph: Int
    /// The 序号 as written, when the row has one.
    package var label: TextSpan?
    /// A group row's heading after its number ("科学编制并实施城市综合交通体系规划").
    var groupTitle: TextSpan?
    /// Its number (1 for "1", "（一）" and "一").
    package var number: Int?
    /// The cells by column: each cell's span in the cleaned text.
    package var cells: [Int: TextSpan] = [:]
    /// Columns whose cell a row above merged down into this one (HTML rowspan, Word
    /// vMerge): their value is the one above.
    var mergedFromAbove: Set<Int> = []
  }

  /// The paragraph of the table's title ("…任务分解表"), when one stands before it.
  package var title: Int?
  /// The paragraphs the table covers: title, header and rows.
  package var paragraphs: Range<Int>
  /// The header's paragraphs (one for a row of cells, several for flattened cells).
  package var header: Range<Int>
  package var columns: [TableColumn]
  package var rows: [Row]

  /// A task table has a column of tasks and a column of bodies, or numbered tasks with
  /// deadlines; project lists, allocation tables and indicator tables do not.
  var isTaskTable: Bool {
    let hasTask = columns.contains(.task)
    let hasBodies = columns.contains { $0.holdsBodies }
    return hasTask && (hasBodies || (columns.contains(.number) && columns.contains(.deadline)))
  }

  /// The task columns, in order.
  var taskColumns: [Int] { columns.indices.filter { columns[$0] == .task } }

  /// The column a row's lead is read from: the first task column (重点任务 before 具体措施).
  var leadColumn: Int? { columns.firstIndex(of: .task) }

  /// Whether the table stands on its own (after the body, under a title naming a list)
  /// rather than inside the section it follows.
  package var standsAlone: Bool { title != nil }
}
