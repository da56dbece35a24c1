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
  /// 北京市人民代表大会常务委员会; or the congress itself, adopting it in full session:
  /// "北京市第十五届人民代表大会第五次会议通过" → 北京市人民代表大会) and the written date
  /// (the adoption's, the first 通过 of the notes: amendments and approvals come after). A
  /// regulation adopted at a State Council executive meeting ("2001年10月31日 国务院第46次
  /// 常务会议通过", then the decree that promulgated it) takes that meeting's date, the
  /// first of its notes, over the decree's date read from a later line of the front matter;
  /// the decree names the issuer. A date read elsewhere (a signature) is kept.
  func readAdoption(frontEnd: Int, into metadata: inout DocumentMetadata) {
    let front = min(texts.count, max(frontEnd, 8))
    for index in 0..<front {
      guard texts[index].hasAtMostCharacters(120) else { continue }
      let text = texts[index]
      guard text.hasSuffix("通过") || text.hasSuffix("通过。"),
        let date = DateText.first(in: text),
        let body = AdoptingBody(in: text, after: date.range.upperBound)
      else { continue }
      if metadata.issuer == nil, let named = body.name {
        let issuer = Self.withoutTerm(named)
        let namesBody =
          issuer.count > Self.standingCommittee.count || issuer.hasPrefix("全国")
          || (issuer.hasSuffix(AdoptingBody.congressWord)
            && issuer.count > AdoptingBody.congressWord.count)
        if namesBody {
          metadata.issuer = issuer
          metadata.spans["issuer"] = paragraphs[index].span
        }
      }
      // The first note: before a decree of the front matter the date was read from.
      let frontEnd = paragraphs[front - 1].span.end
      let readLater =
        metadata.spans["written_date"].map {
          $0.start > paragraphs[index].span.start && $0.start < frontEnd
        } ?? false
      if metadata.writtenDate == nil || readLater {
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
