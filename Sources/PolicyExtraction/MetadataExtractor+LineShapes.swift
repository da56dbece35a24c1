import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

/// What a line of the envelope or the signature is (a notice title, a date, a signature,
/// a publicity note), and the period or the year a title gives.
extension MetadataExtractor {
  func isNoticeTitle(_ text: String) -> Bool {
    guard text.containsBytes("关于"), text.hasAtMostCharacters(120) else { return false }
    let isPlain = text.isPlain
    return Self.kinds.contains { text.hasSuffix($0, isPlain: isPlain) } && !text.containsBytes("。")
      && !text.hasPrefix("现将")
  }

  /// Where the first 《 of `title` stands and the first 》 after it, when there are both;
  /// found by bytes when the title is plain.
  static func firstQuotedTitle(in title: String, isPlain: Bool) -> (String.Index, String.Index)? {
    if isPlain {
      guard let open = title.rangeOfBytes("《"),
        let close = title[open.lowerBound...].rangeOfBytes("》")
      else { return nil }
      return (open.lowerBound, close.lowerBound)
    }
    guard let open = title.firstIndex(of: "《"), let close = title[open...].firstIndex(of: "》")
    else { return nil }
    return (open, close)
  }

  /// Trimmed around list items and after dates.
  static let whitespace = CharacterSet.whitespaces
  static let fullStops = CharacterSet(charactersIn: "。.")

  /// Words an addressee line holds: 各…, 有关单位, …人民政府, …部门.
  static let recipientWords = ["各", "有关", "人民政府", "部门", "单位", "委员会", "机构"]

  /// A short line that may be the title: no sentence, label, link, number or date, and no
  /// outline marker ("1.普通高中（1900元/生•年）" is an item of the body).
  func isPlainTitle(_ index: Int) -> Bool {
    let text = texts[index]
    guard !paragraphs[index].isHeading, !text.containsBytes("。"), !text.containsBytes("："),
      !text.containsBytes(":"),
      text.hasAtLeastCharacters(4), text.hasAtMostCharacters(60)
    else { return false }
    if text.hasPrefix("【") || text.containsBytes("http") || DocumentNumber.first(in: text) != nil
      || Self.isDateLine(text)
    {
      return false
    }
    return true
  }

  static func isDateLine(_ text: String) -> Bool {
    guard text.utf8.count <= 120, text.containsBytes("日"), text.hasAtMostCharacters(40),
      let date = DateText.first(in: text)
    else {
      return false
    }
    var rest = text[date.range.upperBound...].trimmingScalars(in: Self.whitespace)
    for suffix in LineShape.datePublishingWords where rest.hasSuffixBytes(suffix) {
      rest = String(rest.utf8.dropLast(suffix.utf8.count))!
    }
    return rest.isEmpty && (text[..<date.range.lowerBound].hasAtMostCharacters(30))
  }

  static func isSignature(_ text: String) -> Bool {
    text.hasAtLeastCharacters(2) && text.hasAtMostCharacters(30) && !text.containsBytes("。")
      && !text.containsBytes("，")
      && !text.containsBytes("：")
      && text.unicodeScalars.allSatisfy { UTF8Scalars.isIdeograph($0.value) || $0 == " " }
  }

  /// "此件公开发布" from "（此件公开发布）".
  static func publicityNote(_ text: String) -> String? {
    guard text.utf8.count <= 60, text.hasPrefixBytes("（") || text.hasPrefixBytes("("),
      text.containsBytes("此件"), text.hasAtMostCharacters(20)
    else {
      return nil
    }
    return String(text.dropFirst().dropLast())
  }

  /// Items of a list separated by 、，, and ；.
  static func splitList(_ text: String) -> [String] {
    text.unicodeScalars.split { $0 == "、" || $0 == "，" || $0 == "," || $0 == "；" || $0 == ";" }.map
    {
      Substring($0).trimmingScalars(in: Self.whitespace).trimmingScalars(in: Self.fullStops)
    }.filter { !$0.isEmpty }
  }

  /// A title without its period "（2022—2025年）".
  package static func withoutPeriod(_ title: String) -> String {
    // In a plain title the last parenthesis is found by bytes.
    let open =
      title.isPlain
      ? [title.rangeOfBytes("（", backwards: true), title.rangeOfBytes("(", backwards: true)]
        .compactMap { $0?.lowerBound }.max()
      : title.lastIndex(where: { $0 == "（" || $0 == "(" })
    guard let open, period(in: String(title[open...])) != nil else {
      return title
    }
    return String(title[..<open])
  }

  /// What stands between the years of a period: dashes, a tilde, 至.
  static let periodDashes: Set<Unicode.Scalar> = ["—", "-", "－", "–", "~", "～", "至"]

  /// The years of a period "（2022—2025年）", "2022-2025年", "2022－2025年".
  package static func period(in text: String) -> (Int, Int)? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index + 9 <= scalars.count {
      defer { index += 1 }
      guard let first = year(scalars, index) else { continue }
      var position = index + 4
      while position < scalars.count && scalars[position] == " " { position += 1 }
      guard position < scalars.count, periodDashes.contains(scalars[position]) else { continue }
      position += 1
      while position < scalars.count && scalars[position] == " " { position += 1 }
      guard position + 4 <= scalars.count, let second = year(scalars, position), second > first,
        second - first <= 30
      else {
        continue
      }
      return (first, second)
    }
    return nil
  }

  static func year(_ scalars: [Unicode.Scalar], _ index: Int) -> Int? {
    guard index + 4 <= scalars.count else { return nil }
    var value = 0
    for offset in 0..<4 {
      guard let digit = UTF8Scalars.digitValue(scalars[index + offset].value) else { return nil }
      value = value * 10 + digit
    }
    return (1949...2100).contains(value) ? value : nil
  }
}
