import PolicyBytes
import PolicyModel

/// Decides which sections are measures: the items that carry the plan's tasks.
///
/// A law's measures are its articles. Otherwise the measure level is chosen part by part,
/// down the outline: an item of a task part is a measure when it carries a task of its
/// own (a heading, a run-in heading or text) and has no sub-items, or when its short
/// sub-items only spell out its own lead-in ("…如下：" then （1）（2）…); an item whose sub-items are
/// tasks is a group, and its sub-items are looked at in turn (seed 000: （一） groups 1.–4.,
/// which are the measures). Parts whose headings frame the plan (指导思想, 工作目标), give
/// steps or procedures (实施步骤, 工作流程), set criteria (考评内容, 整治方式) or close it
/// (附则) hold no measures; attachments are parts like any other. Nothing inside a 专栏
/// is a measure.
struct MeasureSelector {
  package let sections: [Section]
  /// For each section, whether it owns text besides its heading line and sub-sections.
  let hasOwnText: [Bool]
  /// For each section, whether its own text (before its first sub-section) is a lead-in
  /// its sub-items spell out: it ends with a colon, or announces them with 下列.
  let endsWithLeadIn: [Bool]
  /// For each section, its part's role (`PartRole.roles(of:)`).
  let roles: [PartRole]

  package func select() -> [Int] {
    if sections.contains(where: { $0.kind == .article }) {
      return sections.indices.filter { sections[$0].kind == .article && !isInColumn($0) }
    }
    var children = Array(repeating: [Int](), count: sections.count)
    var roots: [Int] = []
    for index in sections.indices where sections[index].kind != .column {
      if let parent = sections[index].parent {
        children[parent].append(index)
      } else {
        roots.append(index)
      }
    }
    var measures: [Int] = []
    func visit(_ index: Int) {
      guard roles[index] == .tasks else { return }
      let section = sections[index]
      // A table's group rows only group its item rows: a group without rows (a list cut
      // short) is no measure.
      let isTableGroup =
        section.kind != .tableRow && section.parent.map { sections[$0].kind == .table } ?? false
      let isContainer = section.kind == .attachment || section.kind == .table || isTableGroup
      // A heading line with nothing under it is an item when it is numbered inside a
      // part ("（一）编制体系规划"), not when it is a part of its own.
      let carriesTask =
        hasOwnText[index] || section.isRunIn || (!section.title.isEmpty && section.parent != nil)
      if children[index].isEmpty {
        if !isContainer && carriesTask { measures.append(index) }
        return
      }
      // A heading that only names a body ("（一）虹口区绿化和市容管理局", then "…主要履行以下
      // 职责：" and its items) heads that body's duties: each item is a task.
      if !isContainer && carriesTask && endsWithLeadIn[index]
        && spellsOut(children[index], children) && !namesABody(section.title)
      {
        measures.append(index)
        return
      }
      for child in children[index] { visit(child) }
    }
    for root in roots { visit(root) }
    return measures.sorted()
  }

  /// Whether `title` is only the name of a body (区绿化市容局, 各街道办事处), or of a body's
  /// duties (指挥部办公室及其职责, 成员单位职责): short, ending as bodies' names do, or in 职责.
  private func namesABody(_ title: String) -> Bool {
    !title.isEmpty && title.hasAtMostCharacters(20) && !title.containsBytes("，")
      && (DepartmentResolver.endsLikeBody(title) || title.hasSuffixBytes(Self.duties))
  }

  /// 职责, which ends the heading of a body's duties.
  static let duties = "职责"

  /// The longest sub-item, in bytes, that still reads as part of an enumeration.
  static let maximumEnumeratedItem = 600

  /// Whether `items` only spell out a lead-in: short items with no sub-items of their
  /// own ("（1）消防控制室值班情况；").
  private func spellsOut(_ items: [Int], _ children: [[Int]]) -> Bool {
    items.allSatisfy {
      children[$0].isEmpty && sections[$0].extent.range.count <= Self.maximumEnumeratedItem
    }
  }

  private func isInColumn(_ index: Int) -> Bool {
    var current = sections[index].parent
    while let parent = current {
      if sections[parent].kind == .column { return true }
      current = sections[parent].parent
    }
    return false
  }
}
