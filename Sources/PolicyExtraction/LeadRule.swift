import PolicyBytes

/// A rule stated once that the first department of a clause leads (牵头): "排在第一位的部门为
/// 牵头部门", "列第一位者为牵头单位", "第一个为牵头单位", "排名第一的为牵头单位", "列首位的为
/// 牵头部门". With 下同 ("the same below") it governs every clause from there on; without,
/// only its own clause. Stated outside any clause (a note before the tasks), it governs
/// the clauses after it.
enum LeadRule {
  /// 为牵头 ("is the lead …") and the ordinal before it, 第一 or 首位.
  private static let isLead = Array("为牵头".utf8)
  private static let ordinals = ["第一", "首位"].map { Array($0.utf8) }
  /// 下同.
  static let sameBelow = Array("下同".utf8)
  /// How far before 为牵头 the ordinal may stand: eight characters (排在第一位的部门).
  private static let reach = 8 * 3

  /// Where the rule is stated in `text[range]`: the range from its ordinal to the end of
  /// 为牵头, or nil.
  package static func statement(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<
    Int
  >? {
    var from = range.lowerBound
    while let lead = ByteSearch.offset(of: isLead, in: text, within: from..<range.upperBound) {
      let window = max(range.lowerBound, lead - reach)..<lead
      if let ordinal = ordinals.compactMap({ ByteSearch.offset(of: $0, in: text, within: window) })
        .min()
      {
        return ordinal..<(lead + isLead.count)
      }
      from = lead + isLead.count
    }
    return nil
  }
}
