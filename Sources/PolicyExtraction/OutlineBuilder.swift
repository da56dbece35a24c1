import PolicyBytes
import PolicyModel
import PolicyText

/// Builds a document's outline from its paragraphs: nests headings by the GB/T 9704
/// levels, keeps numbering that continues across parents, puts 专栏 boxes under the
/// measure before them, and reports gaps and repeats in numbering.
struct OutlineBuilder {
  /// How major a kind of numbering is: smaller nests larger.
  package static func rank(_ kind: HeadingMarker.Kind) -> Int {
    switch kind {
    case .attachment: return -10
    case .part: return 0
    case .chapter: return 10
    case .section: return 20
    // An article holds the items of a law: 第三条 … （一）（二）.
    case .article: return 30
    // Decimal levels nest one another and hold every other numbering: （一）, 1. and （1）
    // items stand under the deepest decimal heading open ("2.1.3 成员单位职责" then
    // "（1）…").
    case .chineseOrdinal, .decimal1: return 40
    case .decimal2: return 44
    case .decimal3: return 46
    case .decimal4: return 48
    case .parenthesizedChineseOrdinal: return 50
    // 第一，… stand under the part or the （一） item that lists them.
    case .ordinalPoint: return 55
    case .arabicOrdinal: return 60
    case .parenthesizedArabicOrdinal: return 70
    case .circledOrdinal: return 80
    case .column: return 90
    // A table sits where its title stands; its rows nest in it.
    case .table: return 90
    case .tableRow: return 100
    // An unnumbered item nests in the innermost section that holds it.
    case .paragraph: return 110
    }
  }

  /// How many numbering problems an outline reports; past them it only counts them, and
  /// says how many more there were. A plan of 50,000 headings that each jump would
  /// otherwise give as many warnings.
  package static let numberingReportLimit = 50

  package struct Result {
    package var sections: [Section] = []
    /// For each paragraph, the innermost section it belongs to.
    var owners: [Int?] = []
    package var diagnostics: [String] = []
  }

  package let bytes: UnsafeBufferPointer<UInt8>
  package let documentID: String

  /// The sections still open, outermost first, and everything built so far.
  private struct State {
    package var result = Result()
    package var stack: [Int] = []
    /// The last number seen for each kind, for numbering that continues across parents.
    var lastNumber = NumberByKind()
    /// The last number seen for each kind under each parent, at the parent's index plus
    /// one (0 for the top level).
    var lastChildNumber: [NumberByKind] = []
    /// The numbering problems found past `numberingReportLimit`.
    var unreportedNumbering = 0

    /// Reports a numbering problem, or counts it past the limit.
    mutating func reportNumbering(_ message: @autoclosure () -> String) {
      if result.diagnostics.count < OutlineBuilder.numberingReportLimit {
        result.diagnostics.append(message())
      } else {
        unreportedNumbering += 1
      }
    }

    package func kind(at depth: Int) -> HeadingMarker.Kind { result.sections[stack[depth]].kind }

    package mutating func close(downTo depth: Int, at offset: Int) {
      while stack.count > depth {
        let index = stack.removeLast()
        let heading = result.sections[index].headingSpan
        result.sections[index].extent.end = max(heading.end, offset)
      }
    }

    /// Pops to where a heading of `kind` belongs: beside an open section of the same
    /// kind, else under the nearest more major one.
    package mutating func place(_ kind: HeadingMarker.Kind, at offset: Int) {
      if let same = stack.lastIndex(where: { result.sections[$0].kind == kind }) {
        close(downTo: same, at: offset)
        return
      }
      var depth = stack.count
      while depth > 0 && OutlineBuilder.rank(self.kind(at: depth - 1)) >= OutlineBuilder.rank(kind)
      {
        depth -= 1
      }
      close(downTo: depth, at: offset)
    }
  }

  /// Builds the outline. Paragraphs in `closing` (signature, date, 抄送) close every open
  /// section and belong to none. Each task table of `tables` becomes a section holding
  /// its group rows and item rows.
  package func build(
    _ paragraphs: [Paragraph], closing: Set<Int>, textEnd: Int, tables: [TaskTable] = []
  ) -> Result {
    var state = State()
    let tableStarts = Dictionary(
      tables.map { ($0.paragraphs.lowerBound, $0) }, uniquingKeysWith: { first, _ in first })
    var paragraphIndex = 0
    while paragraphIndex < paragraphs.count {
      defer { paragraphIndex += 1 }
      let paragraph = paragraphs[paragraphIndex]
      if let table = tableStarts[paragraphIndex] {
        placeTable(table, paragraphs: paragraphs, state: &state)
        paragraphIndex = table.paragraphs.upperBound - 1
        continue
      }
      if closing.contains(paragraphIndex) {
        state.close(downTo: 0, at: paragraph.span.start)
        state.result.owners.append(nil)
        continue
      }
      guard let marker = paragraph.marker else {
        state.result.owners.append(state.stack.last)
        continue
      }
      let start = paragraph.span.start
      let inColumn = placeHeading(marker, at: start, state: &state)
      checkNumbering(marker, at: start, inColumn: inColumn, state: &state)
      let index = state.result.sections.count
      state.result.sections.append(
        section(index, paragraph: paragraph, marker: marker, state: state))
      state.stack.append(index)
      state.result.owners.append(index)
    }
    state.close(downTo: 0, at: textEnd)
    if state.unreportedNumbering > 0 {
      state.result.diagnostics.append(
        "…and \(state.unreportedNumbering) more numbering jumps and repeats, not shown")
    }
    return state.result
  }

  /// Places a task table: under the open attachment (or at the top) when it stands on its
  /// own under a title, else inside the section it follows; its group rows under it, its
  /// item rows under their group. Its paragraphs belong to the row they are cells of.
  private func placeTable(_ table: TaskTable, paragraphs: [Paragraph], state: inout State) {
    let start = paragraphs[table.paragraphs.lowerBound].span.start
    if table.standsAlone {
      let attachment = state.stack.lastIndex { state.result.sections[$0].kind == .attachment }
      state.close(downTo: attachment.map { $0 + 1 } ?? 0, at: start)
    } else if let column = state.stack.firstIndex(where: {
      state.result.sections[$0].kind == .column
    }) {
      state.close(downTo: column, at: start)
    }
    let tableDepth = state.stack.count
    let titleSpan =
      table.title.map { paragraphs[$0].span } ?? paragraphs[table.header.lowerBound].span
    let title = String(decoding: bytes[titleSpan.range], as: UTF8.self)
    open(
      .table, number: nil, label: "", title: table.title == nil ? "" : title,
      heading: paragraphs[table.paragraphs.lowerBound].span, titleSpan: titleSpan, state: &state)
    let rowStarts = Dictionary(
      table.rows.enumerated().filter { $0.element.kind != .continuation }.map {
        ($0.element.paragraph, $0.offset)
      }, uniquingKeysWith: { first, _ in first })
    var lastTask: TextSpan? = nil
    // The kinds of the group rows open, outermost first: a group of a deeper kind nests in
    // one of a shallower ("（一）" then "1、改善城市道路环境").
    var groups: [HeadingMarker.Kind] = []
    for index in table.paragraphs {
      let paragraph = paragraphs[index]
      if let rowIndex = rowStarts[index] {
        let row = table.rows[rowIndex]
        let label = row.label.map { String(decoding: bytes[$0.range], as: UTF8.self) } ?? ""
        switch row.kind {
        case .group(let kind):
          while let last = groups.last, Self.rank(last) >= Self.rank(kind) { groups.removeLast() }
          state.close(downTo: tableDepth + 1 + groups.count, at: paragraph.span.start)
          let titleSpan = row.groupTitle ?? row.label ?? paragraph.span
          let title = row.groupTitle.map { String(decoding: bytes[$0.range], as: UTF8.self) } ?? ""
          open(
            kind, number: row.number, label: label, title: title, heading: paragraph.span,
            titleSpan: titleSpan, state: &state)
          groups.append(kind)
          lastTask = nil
        case .item:
          state.close(downTo: tableDepth + 1 + groups.count, at: paragraph.span.start)
          // A task cell merged with the row above gives that row's task.
          let task = table.leadColumn.flatMap { row.cells[$0] } ?? lastTask
          lastTask = task
          let title = task.map { String(decoding: bytes[$0.range], as: UTF8.self) } ?? ""
          open(
            .tableRow, number: row.number, label: label, title: title, heading: paragraph.span,
            titleSpan: task ?? row.label ?? paragraph.span, state: &state)
        case .continuation:
          break
        }
      }
      state.result.owners.append(state.stack.last)
    }
    let end = paragraphs[table.paragraphs.upperBound - 1].span.end
    state.close(downTo: tableDepth, at: end)
  }

  /// Opens a section that no marker of the text opened (a table, its rows).
  private func open(
    _ kind: HeadingMarker.Kind, number: Int?, label: String, title: String, heading: TextSpan,
    titleSpan: TextSpan,
    state: inout State
  ) {
    let index = state.result.sections.count
    state.result.sections.append(
      Section(
        id: "\(documentID)#s\(index + 1)", kind: kind, number: number, label: label, title: title,
        depth: state.stack.count + 1, parent: state.stack.last, headingSpan: heading,
        titleSpan: titleSpan,
        extent: TextSpan(heading.start, heading.end), isRunIn: false))
    state.stack.append(index)
  }

  /// Closes what a new heading ends; returns whether the heading is an item inside a 专栏.
  private func placeHeading(_ marker: HeadingMarker, at start: Int, state: inout State) -> Bool {
    let kind = marker.kind
    let columnDepth = state.stack.firstIndex { state.result.sections[$0].kind == .column }
    switch kind {
    case .attachment:
      state.close(downTo: 0, at: start)
      return false
    case .column:
      if let columnDepth { state.close(downTo: columnDepth, at: start) }
      return false
    default:
      break
    }
    guard let columnDepth else {
      state.place(kind, at: start)
      return false
    }
    // Inside a 专栏: a heading more major than what the box hangs under, or a number that
    // continues the numbering outside the box, closes it; any other numbered line is an
    // item of the box.
    let hostRank = columnDepth > 0 ? Self.rank(state.kind(at: columnDepth - 1)) : Int.min
    let outer = state.stack[..<columnDepth].last { state.result.sections[$0].kind == kind }
    let continues =
      outer.map { (state.result.sections[$0].number ?? -1) + 1 == marker.number } ?? false
    if continues || Self.rank(kind) < hostRank {
      state.close(downTo: columnDepth, at: start)
      state.place(kind, at: start)
      return false
    }
    if let sibling = state.stack[(columnDepth + 1)...].firstIndex(where: {
      state.result.sections[$0].kind == kind
    }) {
      state.close(downTo: sibling, at: start)
    }
    return true
  }

  private func checkNumbering(
    _ marker: HeadingMarker, at start: Int, inColumn: Bool, state: inout State
  ) {
    guard let number = marker.number, !inColumn, marker.kind != .column, marker.kind != .attachment
    else {
      return
    }
    let kind = marker.kind
    let key = state.stack.last ?? -1
    let slot = key + 1
    let previousSibling =
      slot < state.lastChildNumber.count ? state.lastChildNumber[slot][kind] : nil
    var label: String { String(decoding: bytes[start..<(start + marker.length)], as: UTF8.self) }
    if let previousSibling, number != previousSibling + 1 {
      let what =
        number == previousSibling ? "repeats" : "jumps from \(previousSibling) to \(number)"
      state.reportNumbering("numbering \(what) at “\(label)”")
    } else if previousSibling == nil, number != 1, let previousAny = state.lastNumber[kind],
      number != previousAny + 1
    {
      state.reportNumbering("numbering jumps from \(previousAny) to \(number) at “\(label)”")
    }
    if slot >= state.lastChildNumber.count {
      state.lastChildNumber += Array(
        repeating: NumberByKind(), count: slot + 1 - state.lastChildNumber.count)
    }
    state.lastChildNumber[slot][kind] = number
    state.lastNumber[kind] = number
  }

  /// ：:；;。, which a heading's title does not keep at its end.
  private static func isTitleEndPunctuation(_ scalar: UInt32) -> Bool {
    scalar == .scalar("：") || scalar == 0x3A || scalar == .scalar("；") || scalar == 0x3B
      || scalar == .scalar("。")
  }

  private func section(_ index: Int, paragraph: Paragraph, marker: HeadingMarker, state: State)
    -> Section
  {
    let start = paragraph.span.start
    let label = String(decoding: bytes[start..<(start + marker.length)], as: UTF8.self)
    // The title without trailing colons, semicolons and full stops.
    var titleEnd = paragraph.titleEnd
    while titleEnd > paragraph.titleStart {
      let (last, lastStart) = UTF8Scalars.scalar(in: bytes, before: titleEnd)
      guard Self.isTitleEndPunctuation(last), lastStart >= paragraph.titleStart else { break }
      titleEnd = lastStart
    }
    let title = String(decoding: bytes[paragraph.titleStart..<titleEnd], as: UTF8.self)
    return Section(
      id: "\(documentID)#s\(index + 1)", kind: marker.kind, number: marker.number, label: label,
      title: title, depth: state.stack.count + 1, parent: state.stack.last,
      headingSpan: paragraph.span, titleSpan: TextSpan(start, paragraph.headingEnd),
      extent: TextSpan(start, paragraph.span.end), isRunIn: paragraph.isRunIn)
  }
}
