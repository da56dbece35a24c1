import Foundation

/// Task tables (任务分工表) whose cells were flattened one to a paragraph, as HTML and
/// Word tables come out of extraction: a header row of cells such as 序号, 工作任务,
/// 牵头单位, 配合单位, 完成时限, each a paragraph, then the rows. Their roles are read by
/// the tables' own reader; the role statements of running text and the blocks of duties
/// leave them alone, so that no row is counted twice.
///
/// A table starts at a paragraph that is only the header of a column of bodies, with the
/// header of a column of tasks, numbers or deadlines among the three paragraphs around
/// it; it runs to the next attachment heading (附件, 附表) or the end of the text.
enum FlattenedTaskTable {
  /// Headers of a column of bodies.
  private static let bodyColumns: Set<String> = [
    "牵头单位", "责任单位", "配合单位", "牵头部门", "责任部门", "配合部门", "支撑单位", "实施部门", "实施主体", "推进单位", "协办单位",
    "负责单位", "主责单位", "职责分工", "单位",
  ]
  /// Headers of a column of tasks, duties, numbers or deadlines.
  private static let taskColumns: Set<String> = [
    "序号", "工作任务", "重点任务", "主要任务", "任务", "工作内容", "主要工作内容", "主要内容", "具体措施", "工作措施", "事项", "改革举措",
    "完成时限", "时间节点", "完成时间", "职责分工", "主要职责", "工作职责",
  ]
  /// How many paragraphs around a body column's header the header of a task column may
  /// stand.
  private static let reach = 3

  /// For each paragraph of `paragraphs` (the texts, after numbering, of `bytes`), whether
  /// it stands in a flattened task table.
  static func regions(in bytes: UnsafeBufferPointer<UInt8>, paragraphs: [Paragraph]) -> [Bool] {
    var inTable = Array(repeating: false, count: paragraphs.count)
    // Headers are short: only paragraphs of at most eight characters are read as strings.
    func header(_ index: Int) -> String? {
      let span = paragraphs[index].span
      guard span.end - span.start <= 8 * 3 else { return nil }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
      return text.trimmingCharacters(in: .whitespaces)
    }
    var index = 0
    while index < paragraphs.count {
      guard let cell = header(index), bodyColumns.contains(cell) else {
        index += 1
        continue
      }
      let around = max(0, index - reach)...min(paragraphs.count - 1, index + reach)
      guard let first = around.first(where: { $0 != index && header($0).map(taskColumns.contains) == true }) else {
        index += 1
        continue
      }
      var end = max(index, first) + 1
      while end < paragraphs.count && paragraphs[end].marker?.kind != .attachment { end += 1 }
      for row in min(index, first)..<end { inTable[row] = true }
      index = end
    }
    return inTable
  }
}
