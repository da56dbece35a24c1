import Foundation
import PolicyModel
import PolicyText

extension ReferenceTable {
  /// How much a bigram tells titles apart: ln((n + 1) / (df + 0.5)) for n titles, df of
  /// which hold it. 条例, 管理 and 通知 weigh little, 盐业 or 碳达 much; a bigram no title
  /// holds weighs most. The weights are those of the batch, so copies of a corpus weigh
  /// alike.
  func bigramWeight(_ bigram: String) -> Double {
    log(Double(titles.count + 1) / (Double(postings[bigram]?.count ?? 0) + 0.5))
  }

  /// The title nearest `key` at `titleSimilarity` or more, other than those of `ownID`
  /// (the first in batch order among equals), by the Dice similarity of their bigrams
  /// weighted by `bigramWeight`: 2 · the weight of the bigrams they share / the sum of
  /// their weights. A title quoted with a word more or less ("…加快推进现代制造业基地…")
  /// stays near; one that shares the common words and not the subject (盐业管理条例,
  /// 物业管理条例) does not.
  ///
  /// - A key that opens with 关于 names no issuer: it is compared with each title from its
  ///   关于 on (关于推进农村公路建设的指导意见 is near 国务院办公厅关于推进农村公路建设的指导意见),
  ///   among the national titles and those of the citing document's place (`citingPlace`,
  ///   the first of its region: a 浦东新区 notice's 关于加强…的意见 is Shanghai's, not
  ///   北京市人民政府关于加强…的意见).
  /// - Any other key is near only titles that open with the same place
  ///   (`AdministrativePlace`), none being national: 重庆市遗体捐献条例 is not 上海市遗体捐献条例,
  ///   无线电管理条例 not 山东省无线电管理条例; 治安管理处罚法 is near 中华人民共和国治安管理处罚法.
  /// - Titles of different kinds (`kind(of:)`) are never near: 流动人口计划生育工作管理办法 is
  ///   not the 条例 that replaced it, 关于开展全民义务植树运动的决议 not the 实施办法 under it.
  ///
  /// Found exactly, without scoring every title that shares a bigram (prefix filtering,
  /// as in all-pairs similarity search): a title at similarity t or more shares at least
  /// t · w / (2 − t) of the key's weight w, so it holds one of the key's heaviest bigrams,
  /// read until the weight left unread is below that; only their titles are scored.
  /// - Complexity: the lengths of the lists of those few rarest bigrams, and one score per
  ///   title in them.
  func nearestTitle(to key: String, except ownID: String, citedFrom citingPlace: String) -> Int? {
    let bigrams = ReferenceResolver.bigrams(key)
    var occurrences: [String: Int] = [:]
    for bigram in bigrams { occurrences[bigram, default: 0] += 1 }
    var weights: [String: Double] = [:]
    for bigram in occurrences.keys { weights[bigram] = bigramWeight(bigram) }
    let keyWeight = bigrams.reduce(0) { $0 + weights[$1]! }
    let needed = titleSimilarity * keyWeight / (2 - titleSimilarity)
    let heaviestFirst = occurrences.keys.sorted {
      weights[$0]! != weights[$1]! ? weights[$0]! > weights[$1]! : $0 < $1
    }
    let bySubject = key.hasPrefix("关于")
    let place = Self.place(of: key)
    let kind = Self.kind(of: key)
    var unread = keyWeight
    var seen = Set<Int>()
    var best: (title: Int, score: Double)? = nil
    for bigram in heaviestFirst where unread >= needed - 1e-9 {
      unread -= Double(occurrences[bigram]!) * weights[bigram]!
      for title in postings[bigram] ?? [] where seen.insert(title).inserted {
        let candidate = titles[title]
        // A key without its issuer names a national title or one of the citing place.
        let placeFits =
          bySubject
          ? candidate.place.isEmpty || candidate.place == citingPlace : candidate.place == place
        guard candidate.documentID != ownID, placeFits,
          kind == nil || candidate.kind == nil || candidate.kind == kind
        else { continue }
        let (text, weight) =
          bySubject
          ? (candidate.subject, candidate.subjectWeight) : (candidate.key, candidate.weight)
        var left = occurrences
        var shared = 0.0
        for piece in ReferenceResolver.bigrams(text) {
          guard let count = left[piece], count > 0 else { continue }
          left[piece] = count - 1
          shared += weights[piece]!
        }
        let score = 2 * shared / (keyWeight + weight)
        guard score >= titleSimilarity else { continue }
        if let best, score < best.score || (score == best.score && title > best.title) { continue }
        best = (title, score)
      }
    }
    return best?.title
  }

  /// The places `key` opens with, one after another (`AdministrativePlace`).
  static func place(of key: String) -> String {
    AdministrativePlace.read(key, firstPlaceOnly: true).path.joined()
  }

  /// The kinds of document a title ends with, as references tell them apart: a law (法),
  /// a regulation (条例), measures (办法) … (实施意见 and 指导意见 are both 意见; a
  /// 补充规定 is not the 规定 it adds to), the longest first (a 办法 is no 法). Coarser than
  /// `MetadataExtractor.kinds`, which names a document's own kind: here 法 counts, and
  /// kinds of one family are one.
  static let kinds = [
    "补充规定", "修正案", "法", "条例", "办法", "规定", "细则", "决定", "决议", "意见", "通知", "方案",
    "计划", "规划", "清单", "目录", "解释", "批复", "函", "公告", "通告", "措施", "要点", "章程", "标准",
    "规范", "规则", "报告",
  ].sorted { $0.count > $1.count }

  /// The kind `key` (a title key) ends with, after the number of one of a series
  /// (…补充规定（二） → 补充规定, …若干问题的解释（一） → 解释); nil for a title cut short.
  static func kind(of key: String) -> String? {
    var stem = Substring(key)
    while let last = stem.unicodeScalars.last,
      ChineseNumeral.isNumeral(last.value) || ("0"..."9").contains(last)
    {
      stem = stem.dropLast()
    }
    return kinds.first { stem.hasSuffix($0) }
  }
}
