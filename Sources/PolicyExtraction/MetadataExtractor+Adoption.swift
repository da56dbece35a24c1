import Foundation
import PolicyModel

/// The adoption note of a law or regulation as published: the line under its title that
/// says which people's congress standing committee adopted it, and when ("2021年5月27日
/// 北京市第十五届人民代表大会常务委员会第三十一次会议通过"), often followed by lines of
/// amendments (…修正) and, for a city's regulation, of the province's approval (…批准).
extension MetadataExtractor {
  /// The body a law's adoption note names.
  static let standingCommittee = "人民代表大会常务委员会"

  /// Reads the issuer (the standing committee that adopted the law, without its term:
  /// 北京市人民代表大会常务委员会) and the written date (the adoption's, the first 通过 of
  /// the notes: amendments and approvals come after) when nothing else gave them.
  func readAdoption(frontEnd: Int, into metadata: inout DocumentMetadata) {
    guard metadata.issuer == nil || metadata.writtenDate == nil else { return }
    for index in 0..<min(texts.count, max(frontEnd, 8)) {
      guard texts[index].hasAtMostCharacters(120) else { continue }
      let text = texts[index]
      guard text.hasSuffix("通过") || text.hasSuffix("通过。"),
        let committee = text.range(of: Self.standingCommittee),
        let date = DateText.first(in: text), date.range.upperBound <= committee.lowerBound
      else { continue }
      if metadata.issuer == nil {
        let named = text[date.range.upperBound..<committee.upperBound]
          .trimmingCharacters(in: .whitespaces)
        let issuer = Self.withoutTerm(named)
        if issuer.count > Self.standingCommittee.count || issuer.hasPrefix("全国") {
          metadata.issuer = issuer
          metadata.spans["issuer"] = paragraphs[index].span
        }
      }
      if metadata.writtenDate == nil {
        metadata.writtenDate = date.iso
        metadata.spans["written_date"] = paragraphs[index].span
      }
      if metadata.documentNumber == nil {
        readAnnouncement(adoptedOn: date.iso, from: index + 1, into: &metadata)
      }
      return
    }
  }

  /// The number of the announcement that promulgated the regulation as adopted
  /// (`DocumentNumber.firstAnnouncement`): a line after the adoption note dated the same
  /// day, "2012年5月30日 浙江省第十一届人民代表大会常务委员会公告第79号公布" (136 regulations
  /// of corpus-real record one). An announcement of a later day promulgated an amendment:
  /// no number of the regulation's.
  func readAnnouncement(
    adoptedOn day: String, from start: Int, into metadata: inout DocumentMetadata
  ) {
    for index in start..<min(texts.count, start + 4) {
      let text = texts[index]
      guard text.hasAtMostCharacters(80), let date = DateText.first(in: text), date.iso == day,
        let number = DocumentNumber.firstAnnouncement(in: text)
      else { continue }
      metadata.documentNumber = number
      metadata.spans["document_number"] = paragraphs[index].span
      return
    }
  }

  /// `name` without the term of its congress ("第十五届"): the body, not its sitting.
  static func withoutTerm(_ name: String) -> String {
    guard let start = name.range(of: "第"),
      let end = name.range(of: "届", range: start.upperBound..<name.endIndex),
      name.distance(from: start.upperBound, to: end.lowerBound) <= 3
    else { return name }
    return String(name[..<start.lowerBound] + name[end.upperBound...])
  }

  /// A congress's sitting named as an issuer ("第十四届全国人民代表大会第三次会议关于政府
  /// 工作报告的决议") is the congress: 全国人民代表大会, without its term and sitting.
  package static func withoutSitting(_ name: String) -> String {
    guard name.hasSuffix("次会议"), let start = name.range(of: "第", options: .backwards),
      name.distance(from: start.upperBound, to: name.index(name.endIndex, offsetBy: -3)) <= 3
    else { return name }
    let congress = withoutTerm(String(name[..<start.lowerBound]))
    return congress.isEmpty ? name : congress
  }
}
