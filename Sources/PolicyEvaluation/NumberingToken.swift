import PolicyBytes
import PolicyText

/// A numbering token of a measure's path ("三、", "（一）", "1．", "第五条", "附件1") in the
/// form gold and extraction are compared in: as a reader who does not care how the
/// number was typeset sees it.
package enum NumberingToken {
  /// The folded token: NFKC and Traditional → Simplified (（一）→(一), １．→1., ㈠→(一),
  /// ⑴→(1)), spaces dropped, the separator after a numeral dropped (1、 1. 1 and 一、 一
  /// are one), and the numbers of 第X条/章/节 and 附件X written in digits (第十二条 =
  /// 第12条, 附件一 = 附件1).
  package static func folded(_ token: String) -> String {
    var scalars = Array(
      TextFolder.fold(token).unicodeScalars.filter { !UTF8Scalars.isBlank($0.value) })
    while let last = scalars.last, separators.contains(last) { scalars.removeLast() }
    let text = String(String.UnicodeScalarView(scalars))
    if let digits = numberInDigits(text, opening: "第", closings: ["条", "章", "节", "编", "部分"]) {
      return digits
    }
    if let digits = numberInDigits(text, opening: "附件", closings: [""]) { return digits }
    return text
  }

  /// The folded tokens of a path.
  package static func folded(_ path: [String]) -> [String] { path.map(folded) }

  /// What may follow a numeral and close its token: 、 . ． ﹒ : ： (folded forms included).
  private static let separators: Set<Unicode.Scalar> = ["、", ".", ":", "：", "．", "﹒", "，", ","]

  /// "第十二条" → "第12条" (and so for the given openings and closings).
  private static func numberInDigits(_ text: String, opening: String, closings: [String]) -> String?
  {
    guard text.hasPrefix(opening) else { return nil }
    for closing in closings where text.hasSuffix(closing) {
      let middle = text.dropFirst(opening.count).dropLast(closing.count)
      guard !middle.isEmpty else { return nil }
      let scalars = middle.unicodeScalars.map(\.value)
      if scalars.allSatisfy(UTF8Scalars.isDigit) { return text }
      guard scalars.allSatisfy(ChineseNumeral.isNumeral),
        let value = ChineseNumeral.value(of: scalars)
      else {
        return nil
      }
      return "\(opening)\(value)\(closing)"
    }
    return nil
  }
}
