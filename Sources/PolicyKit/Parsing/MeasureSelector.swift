/// Decides which sections are measures.
///
/// A law's measures are its articles. Otherwise the measure level is the kind of
/// numbering that most often carries text of its own (a run-in heading or body
/// paragraphs) inside the task parts: 1.–19. in seed 000, （三）…（二十四） in seed 002, 一、…六、
/// in seed 004. Items of framing parts (指导思想, 主要目标) are not measures; items of
/// safeguard parts (保障措施) are measures only when they continue the tasks' numbering
/// (seed 003's 23–27); nothing inside a 专栏 or an attachment is a measure.
struct MeasureSelector {
  let sections: [Section]
  /// For each section, whether it owns text besides its sub-sections.
  let hasOwnText: [Bool]

  func select() -> [Int] {
    var roles: [Int: PartRole] = [:]
    for index in sections.indices where sections[index].parent == nil { roles[index] = PartRole(sections[index]) }
    let contexts = sections.indices.map { context(of: $0, roles: roles) }
    if sections.contains(where: { $0.kind == .article }) {
      return sections.indices.filter { sections[$0].kind == .article && contexts[$0].eligible }
    }
    var counts: [HeadingMarker.Kind: Int] = [:]
    for index in sections.indices where contexts[index].role == .tasks && contexts[index].eligible && hasOwnText[index] {
      let kind = sections[index].kind
      guard kind != .column && kind != .attachment else { continue }
      counts[kind, default: 0] += 1
    }
    guard let kind = counts.max(by: { ($0.value, -OutlineBuilder.rank($0.key)) < ($1.value, -OutlineBuilder.rank($1.key)) })?.key
    else { return [] }
    var measures: [Int] = []
    var lastTaskNumber: Int? = nil
    for index in sections.indices where sections[index].kind == kind && contexts[index].eligible {
      switch contexts[index].role {
      case .tasks:
        measures.append(index)
        lastTaskNumber = sections[index].number
      case .safeguard:
        if let last = lastTaskNumber, let number = sections[index].number, number == last + 1 {
          measures.append(index)
          lastTaskNumber = number
        }
      case .framing, .attachment:
        continue
      }
    }
    return measures
  }

  /// The role of the top-level part a section is in, and whether it may be a measure at
  /// all (not inside a 专栏 or an attachment).
  private func context(of index: Int, roles: [Int: PartRole]) -> (role: PartRole, eligible: Bool) {
    var current = index
    var eligible = true
    while let parent = sections[current].parent {
      if sections[parent].kind == .column || sections[parent].kind == .attachment { eligible = false }
      current = parent
    }
    let role = roles[current] ?? PartRole(sections[current])
    if role == .attachment { eligible = false }
    // A top-level section that is itself an item (seed 004's 一、…六、) takes the tasks role
    // unless its title frames the plan.
    return (role, eligible)
  }
}
