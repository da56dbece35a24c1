import PolicyText

/// The administrative level of an issuing body.
public enum AdministrativeLevel: String, Sendable, Codable, CaseIterable, Comparable {
  /// 国务院, ministries and commissions.
  case national
  /// Provinces and autonomous regions.
  case provincial
  /// Municipalities (直辖市 such as 重庆市) and prefecture-level cities and prefectures.
  case municipal
  /// Districts, counties, county-level cities, banners.
  case district
  /// Towns, townships and subdistricts (镇, 乡, 街道).
  case township

  /// Higher levels first: national < provincial < municipal < district.
  public static func < (lhs: AdministrativeLevel, rhs: AdministrativeLevel) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// What a document says about itself: number, issuer, kind, titles, dates, addressees.
public struct DocumentMetadata: Sendable, Equatable {
  /// 发文字号.
  public var documentNumber: DocumentNumber?
  /// 发文机关, "重庆市永川区人民政府"; the first when several issue the document together.
  public var issuer: String?
  /// The other bodies a joint document is issued by ("国家能源局" beside 国家发展改革委).
  public var coIssuers: [String] = []
  /// The administrative level of the issuer, else of the place the title opens with; nil
  /// when neither tells.
  public var level: AdministrativeLevel?
  /// The most specific place of the issuer, "永川区".
  public var region: String?
  /// The places from the widest, ["重庆市", "永川区"].
  public var regionPath: [String] = []
  /// 文种 of the document itself: 通知, 意见, 决定, 条例, …
  public var kind: String?
  /// The kind of plan a transmittal notice carries: 行动计划, 实施方案, 方案, 规划, …
  public var planKind: String?
  /// The document's title ("重庆市永川区人民政府关于印发…的通知").
  public var title: String?
  /// The title of the plan it carries, repeated before the plan's preamble.
  public var planTitle: String?
  /// 成文日期, ISO 8601.
  public var writtenDate: String?
  /// The date of 印发 in the 版记, ISO 8601.
  public var printedDate: String?
  /// 主送机关.
  public var recipients: [String] = []
  /// 抄送.
  public var copiedTo: [String] = []
  /// 附注 on publication: "此件公开发布", "依申请公开", …
  public var publicity: String?
  /// The plan period, (2022, 2025) for "（2022—2025年）".
  public var periodStart: Int?
  /// The last year of the plan period, 2025 for "（2022—2025年）".
  public var periodEnd: Int?
  /// Where each field was read, by field name ("document_number", "issuer", …).
  public var spans: [String: TextSpan] = [:]
  /// Where the fields read from outside the cleaned text (a Markdown file's front matter)
  /// stand in the source file, by field name.
  public var sourceRanges: [String: Range<Int>] = [:]

  /// The document's year: the year of its 成文日期, else the first year of its period.
  public var year: Int? {
    writtenDate.flatMap { Int($0.prefix(4)) } ?? periodStart
  }
  package init(
    documentNumber: DocumentNumber? = nil, issuer: String? = nil, coIssuers: [String] = [],
    level: AdministrativeLevel? = nil, region: String? = nil, regionPath: [String] = [],
    kind: String? = nil, planKind: String? = nil, title: String? = nil, planTitle: String? = nil,
    writtenDate: String? = nil, printedDate: String? = nil, recipients: [String] = [],
    copiedTo: [String] = [], publicity: String? = nil, periodStart: Int? = nil,
    periodEnd: Int? = nil, spans: [String: TextSpan] = [:], sourceRanges: [String: Range<Int>] = [:]
  ) {
    self.documentNumber = documentNumber
    self.issuer = issuer
    self.coIssuers = coIssuers
    self.level = level
    self.region = region
    self.regionPath = regionPath
    self.kind = kind
    self.planKind = planKind
    self.title = title
    self.planTitle = planTitle
    self.writtenDate = writtenDate
    self.printedDate = printedDate
    self.recipients = recipients
    self.copiedTo = copiedTo
    self.publicity = publicity
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.spans = spans
    self.sourceRanges = sourceRanges
  }
}
