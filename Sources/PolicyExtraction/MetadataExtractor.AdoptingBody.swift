import Foundation

extension MetadataExtractor {
  /// The body that adopted a law, as its adoption note names it after the date.
  enum AdoptingBody: Equatable {
    /// A people's congress standing committee, as written with its term
    /// (北京市第十五届人民代表大会常务委员会).
    case standingCommittee(String)
    /// A people's congress in full session, as written with its term
    /// (北京市第十五届人民代表大会, of "…第五次会议通过").
    case congress(String)
    /// The State Council's executive meeting (国务院第46次常务会议): the decree that
    /// promulgated the regulation names the issuer.
    case stateCouncilMeeting

    /// 人民代表大会, a congress.
    static let congressWord = "人民代表大会"
    /// 国务院第 and 次常务会议, around the number of the State Council's executive meeting.
    static let meetingWords = (opening: "国务院第", closing: "次常务会议")
    /// 第 and 次会议, around the number of a congress's session.
    static let session = (opening: "第", closing: "次会议")

    /// The body the note `text` names after its date (which ends at `start`), the words
    /// between them trimmed ("，", "经"); nil when it names none of these.
    init?(in text: String, after start: String.Index) {
      var rest = Substring(text[start...].trimmingCharacters(in: Self.leadingNoise))
      if rest.hasPrefix("经") { rest = rest.dropFirst() }
      if let committee = rest.range(of: MetadataExtractor.standingCommittee) {
        self = .standingCommittee(String(rest[..<committee.upperBound]))
      } else if rest.hasPrefix(Self.meetingWords.opening),
        rest.contains(Self.meetingWords.closing)
      {
        self = .stateCouncilMeeting
      } else if let congress = rest.range(of: Self.congressWord),
        rest[congress.upperBound...].hasPrefix(Self.session.opening),
        rest[congress.upperBound...].contains(Self.session.closing)
      {
        self = .congress(String(rest[..<congress.upperBound]))
      } else {
        return nil
      }
    }

    /// The name written for the body; nil for the State Council's executive meeting.
    var name: String? {
      switch self {
      case .standingCommittee(let name), .congress(let name): name
      case .stateCouncilMeeting: nil
      }
    }

    /// Spaces and the comma that may stand between a note's date and its body.
    private static let leadingNoise = CharacterSet.whitespaces.union(
      CharacterSet(charactersIn: "，,"))
  }
}
