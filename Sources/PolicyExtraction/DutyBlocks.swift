/// Departments that head a block of duties (职责清单, 工作职责): a heading whose title is
/// only the names of bodies ("三、区建设管理委", "七、属地街镇（镇人民政府、街道办事处）")
/// followed by its duties. Each duty is the department's, as responsible: the items under
/// the heading (1、 2、 …), or the heading itself when it has none. A role word in the
/// block without a subject of its own is the department's too ("会同相关部门打击…").
///
/// Fed the paragraphs in order; a block ends at the next heading as major as its own.
struct DutyBlocks {
  /// A block that is open.
  struct Block {
    /// The rank of its heading (`OutlineBuilder.rank`).
    package var rank: Int
    package var names: [DepartmentList.Name]
    /// The heading's text, where its own duty stands when it has no items.
    package var text: Range<Int>
    /// The rank of its items, once one is met.
    var itemRank: Int? = nil
  }

  private var open: [Block] = []

  /// The department of the innermost open block.
  var holder: [DepartmentList.Name]? { open.last?.names }

  /// Reads a heading of `rank` whose paragraph text (after its numbering) is `text`:
  /// closes the blocks it ends and returns the places where a duty stands (a closed
  /// block without items, or this heading as an item of the open block, unless it is no
  /// duty: the heading of other duties), with their departments.
  package mutating func heading(rank: Int, text: Range<Int>, isDuty: Bool = true) -> [(
    place: Range<Int>, names: [DepartmentList.Name]
  )] {
    var duties = close(atRank: rank)
    if let last = open.indices.last {
      if open[last].itemRank == nil { open[last].itemRank = rank }
      if isDuty, open[last].itemRank == rank { duties.append((text, open[last].names)) }
    }
    return duties
  }

  /// Opens a block headed by `names` (a heading of `rank` whose text is `text`).
  mutating func openBlock(rank: Int, text: Range<Int>, names: [DepartmentList.Name]) {
    open.append(Block(rank: rank, names: names, text: text))
  }

  /// Closes the blocks a heading of `rank` ends (all of them for the least rank); returns
  /// the duties of those without items, which are their headings'.
  package mutating func close(atRank rank: Int) -> [(
    place: Range<Int>, names: [DepartmentList.Name]
  )] {
    var duties: [(place: Range<Int>, names: [DepartmentList.Name])] = []
    while let last = open.last, rank <= last.rank {
      open.removeLast()
      if last.itemRank == nil { duties.append((last.text, last.names)) }
    }
    return duties
  }
}
