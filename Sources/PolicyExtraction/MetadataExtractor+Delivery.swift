import PolicyBytes
import PolicyModel
import PolicyText

/// A report delivered to a congress (政府工作报告): it names no issuer in its title and
/// has no signature, but says whom the speaker speaks for and when it was delivered:
/// "现在，我代表国务院，向大会报告政府工作" and, under the title,
/// "——2023年3月5日在第十四届全国人民代表大会第一次会议上".
extension MetadataExtractor {
  /// What comes before the body the speaker represents.
  static let speakerFor = "我代表"
  /// The longest name read after `speakerFor`, in characters.
  static let longestSpeakerBody = 12
  /// 作…报告 right after the body, when no 向 stands before it ("我代表国务院，作政府工作报告";
  /// not the 作 of 合作).
  static let reportsMade = ["作政府工作报告", "作报告"]

  /// Reads the body the speaker represents as the issuer and the day of delivery as the
  /// date, where the document gives neither otherwise; only in the opening paragraphs.
  func readDelivery(frontEnd: Int, into metadata: inout DocumentMetadata) {
    for index in 0..<min(texts.count, max(frontEnd, 8)) {
      let text = texts[index]
      // The line under the title opens with the date (a hard-wrapped text may join the
      // speaker's name and "各位代表：" to it, or the title wrapped over lines before it:
      // "政府工作报告——2017年3月5日在…").
      let afterDash = text.rangeOfBytes("——").map { String(text[$0.upperBound...]) }
      if metadata.writtenDate == nil, let afterDash, let date = DateText.first(in: afterDash),
        date.range.lowerBound == afterDash.startIndex,
        afterDash[date.range.upperBound...].hasPrefix("在")
      {
        metadata.writtenDate = date.iso
        metadata.spans["written_date"] = paragraphs[index].span
      }
      if metadata.issuer == nil, let body = Self.bodySpokenFor(in: text) {
        metadata.issuer = body
        metadata.spans["issuer"] = paragraphs[index].span
      }
    }
  }

  /// The body in "我代表国务院，向大会报告…" (the comma may be left out: "我代表国务院向大会
  /// 作政府工作报告"; the 向 too: "我代表国务院，作政府工作报告"), or nil when what follows
  /// 我代表 is no body's name ("我代表中国政府和人民，向…").
  package static func bodySpokenFor(in text: String) -> String? {
    guard let start = text.rangeOfBytes(speakerFor)?.upperBound else { return nil }
    let window = text[start...].prefix(longestSpeakerBody + 8)
    guard
      let to =
        ([window.firstIndex(of: "向")] + reportsMade.map { window.rangeOfBytes($0)?.lowerBound })
        .compactMap({ $0 }).min()
    else { return nil }
    var end = to
    if end > start, "，,".contains(text[text.index(before: end)]) { end = text.index(before: end) }
    let body = String(text[start..<end])
    guard body.count >= 2, body.count <= longestSpeakerBody, DepartmentResolver.endsLikeBody(body)
    else { return nil }
    return body
  }
}
