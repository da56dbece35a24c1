import PolicyBytes

/// The brackets that open the year of a document number: 〔2024〕 [2024] 【2024】 (2024)
/// （2024） ［2024］ 〖2024〗. Asked of every scalar of a text, so a switch, not a set.
package enum YearBracket {
  /// Whether `scalar` opens the year of a document number.
  @inlinable package static func opens(_ scalar: UInt32) -> Bool {
    switch scalar {
    case .scalar("〔"), .scalar("["), .scalar("【"), .scalar("("), .scalar("（"), .scalar("［"),
      .scalar("〖"):
      return true
    default:
      return false
    }
  }
}
