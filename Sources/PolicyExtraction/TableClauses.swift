import PolicyBytes
import PolicyModel
import PolicyText

/// The responsibility clauses of a task table: for each row, the bodies in its columns of
/// bodies, each with the role its column's header gives (牵头单位 lead, 责任单位 / 实施主体
/// responsible, 配合单位 cooperating; 指导部门 none), and the row's 完成时限. A cell merged
/// down from the row above gives that row's bodies.
struct TableClauses {
  package let resolver: DepartmentResolver

  /// A clause of a row, with the paragraph of the row it belongs to (the item row for a
  /// continuation row).
  struct RowClause {
    var itemParagraph: Int
    package var found: ResponsibilityExtractor.Found
  }

  package func clauses(of table: TaskTable, in bytes: UnsafeBufferPointer<UInt8>) -> [RowClause] {
    func text(_ span: TextSpan) -> String { String(decoding: bytes[span.range], as: UTF8.self) }
    let bodyColumns = table.columns.indices.filter { table.columns[$0].holdsBodies }
    let deadlineColumn = table.columns.firstIndex(of: .deadline)
    var clauses: [RowClause] = []
    var itemParagraph: Int? = nil
    var above: [Int: TextSpan] = [:]
    for row in table.rows {
      switch row.kind {
      case .group: continue
      case .item: itemParagraph = row.paragraph
      case .continuation: break
      }
      guard let item = itemParagraph else { continue }
      var mentions: [DepartmentMention] = []
      var parts: [String] = []
      var spans: [TextSpan] = []
      for column in bodyColumns {
        guard case .bodies(let role) = table.columns[column] else { continue }
        let cell = row.cells[column] ?? (row.mergedFromAbove.contains(column) ? above[column] : nil)
        if let cell = row.cells[column] { above[column] = cell }
        guard let role, let cell else { continue }
        let cellText = text(cell)
        let names = TableCellText.names(in: cellText)
        guard !names.isEmpty else { continue }
        parts.append(cellText)
        spans.append(cell)
        // Unnamed collectives (委内各相关处室) and regulated parties (各项目公司) hold no role.
        for name in names
        where !DepartmentResolver.isUnnamedCollective(name)
          && !DepartmentResolver.isRegulatedParty(name)
          && !DepartmentResolver.isWithinPlace(name)
        {
          let span = Self.span(of: name, in: cell, bytes: bytes) ?? cell
          let mention = resolver.mention(name, role: role, span: span)
          if DepartmentResolver.namesBody(mention) || mention.isCollective {
            mentions.append(mention)
          }
        }
      }
      guard !mentions.isEmpty, let first = spans.first, let last = spans.last else { continue }
      let deadline = deadlineColumn.flatMap { row.cells[$0] }.map(text)
      clauses.append(
        RowClause(
          itemParagraph: item,
          found: .init(
            text: parts.joined(separator: "；"),
            span: TextSpan(first.start, max(first.end, last.end)),
            departments: mentions, deadline: deadline)))
    }
    return clauses
  }

  /// Where `name` stands inside `cell`.
  private static func span(of name: String, in cell: TextSpan, bytes: UnsafeBufferPointer<UInt8>)
    -> TextSpan?
  {
    let word = Array(name.utf8)
    guard let offset = ByteSearch.offset(of: word, in: bytes, within: cell.range) else {
      return nil
    }
    return TextSpan(offset, offset + word.count)
  }
}
