import PolicyBytes

/// The licence notice a repository appends to a document it copied (Wikisource's
/// public-domain template under the government work reports: "本作品是中华人民共和国的法律、
/// 法规…根据《中华人民共和国著作权法》第五条第一项…属于公有领域。"): a line that opens with
/// one of `openings`, with `publicDomain` further on. It and everything after it are the
/// repository's, not the document's: its 《著作权法》 is no reference of the document.
enum LicenceNotice {
  /// How the notice's first line opens (本作品是中华人民共和国的…, 本作品来自中华人民共和国
  /// 全国人民代表大会…, 本作品来自1949年10月1日（含）之后的中国…).
  static let openings: [[UInt8]] = ["本作品是", "本作品来自"].map { Array($0.utf8) }
  /// What the notice says further on.
  static let publicDomain = Array("公有领域".utf8)

  /// Where the last `publicDomain` of `bytes` starts, or nil. A line opens the notice when
  /// it opens like it (`opensLikeNotice`) before that place; the place is found once per
  /// text, when the first such line comes (a text of many lines opening with 本作品是 costs
  /// one pass, not one per line; most texts have none and cost nothing).
  static func lastPublicDomain(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    publicDomain.withUnsafeBufferPointer {
      ByteSearch.offset(of: $0, in: bytes, within: 0..<bytes.count, backwards: true)
    }
  }

  /// Whether a line whose kept bytes start at `start` opens as the notice does.
  static func opensLikeNotice(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    openings.contains { ByteSearch.hasPrefix($0, in: bytes, start..<bytes.count) }
  }
}
