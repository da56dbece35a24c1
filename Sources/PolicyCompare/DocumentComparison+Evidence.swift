import PolicyExtraction
import PolicyModel

extension DocumentComparison {
  /// The pairs of measures that evidence other than shared passages links (see
  /// `EvidenceAlignment`), scored on the distinct texts of each side (a document that
  /// repeats itself costs what one copy costs), and the alignment of those texts.
  /// - Parameter passages: the pairs of measures (lower, upper) shared passages link.
  static func evidence(
    _ lower: PolicyDocument, _ upper: PolicyDocument, groups: (TextGroups, TextGroups),
    dictionaries: PolicyDictionaries, background: BackgroundBigrams,
    passages: [(lower: Int, upper: Int)]
  ) -> (alignment: EvidenceAlignment, pairs: [(lower: Int, upper: Int)]) {
    let lexicon = LexiconTerms(dictionaries.lexicon)
    func profiles(_ document: PolicyDocument, _ groups: TextGroups) -> [MeasureProfile] {
      groups.firstMeasure.enumerated().map { group, measure in
        let position = groups.count > 1 ? Double(group) / Double(groups.count - 1) : 0
        return MeasureProfile(document, measure, position: position, lexicon: lexicon)
      }
    }
    let lowerProfiles = profiles(lower, groups.0)
    let upperProfiles = profiles(upper, groups.1)
    let weights = BigramWeights(
      bigramSets: (lowerProfiles + upperProfiles).map { Set($0.body.keys).union($0.heading) },
      background: background)
    let alignment = EvidenceAlignment(
      lower: lowerProfiles, upper: upperProfiles, weights: weights,
      passages: Set(
        passages.map { [groups.0.groupOfMeasure[$0.lower], groups.1.groupOfMeasure[$0.upper]] }))
    var pairs = measurePairs(alignment.linked.map { ($0.lower, $0.upper) }, groups)
    pairs += identicalHeadingPairs(alignment, linked: passages + pairs, groups)
    return (alignment, pairs)
  }

  /// The pairs of measures of linked pairs of texts: each measure of a text with the first
  /// measure of the other text, from both sides, as shared passages pair them.
  static func measurePairs(_ linked: [(lower: Int, upper: Int)], _ groups: (TextGroups, TextGroups))
    -> [(lower: Int, upper: Int)]
  {
    let (lower, upper) = (members(groups.0), members(groups.1))
    var pairs: [(lower: Int, upper: Int)] = []
    for (l, u) in linked {
      for i in lower[l] { pairs.append((i, groups.1.firstMeasure[u])) }
      for j in upper[u] { pairs.append((groups.0.firstMeasure[l], j)) }
    }
    return pairs
  }

  /// The pairs of measures of texts with the same heading of which one is aligned with
  /// nothing in `linked`: identical headings are never left unaligned. Decided on
  /// `linked` as given, so that the order of the sides does not matter.
  static func identicalHeadingPairs(
    _ alignment: EvidenceAlignment, linked: [(lower: Int, upper: Int)],
    _ groups: (TextGroups, TextGroups)
  ) -> [(lower: Int, upper: Int)] {
    let alignedLower = Set(linked.map { groups.0.groupOfMeasure[$0.lower] })
    let alignedUpper = Set(linked.map { groups.1.groupOfMeasure[$0.upper] })
    var texts: [(lower: Int, upper: Int)] = []
    for (l, row) in alignment.scored {
      for (u, evidence) in row where evidence.reasons.contains(.sameHeading) {
        if !alignedLower.contains(l) || !alignedUpper.contains(u) { texts.append((l, u)) }
      }
    }
    return measurePairs(texts, groups)
  }

  /// `pairs` without the pairs of a measure whose text the other side holds word for
  /// word, other than with that text; the measures of a text held several times on both
  /// sides are paired in order (the first with the first …, the last of the fewer with
  /// the rest). So a copied measure is the copy of that one, and compare(A, A) pairs each
  /// measure with itself only.
  static func keepingIdenticalTexts(
    _ pairs: [(lower: Int, upper: Int)], _ lower: TextGroups, _ upper: TextGroups
  ) -> [(lower: Int, upper: Int)] {
    var upperGroupOfText: [[UInt32]: Int] = [:]
    for (group, shingles) in upper.shingles.enumerated() where !shingles.scalars.isEmpty {
      upperGroupOfText[shingles.scalars] = group
    }
    // The upper group each lower group's text equals, if any.
    let twin = lower.shingles.map { upperGroupOfText[$0.scalars] }
    let twinnedUpper = Set(twin.compactMap { $0 })
    let members = (lower: Self.members(lower), upper: Self.members(upper))
    var kept: [(lower: Int, upper: Int)] = []
    var twinsPaired = Set<Int>()
    for pair in pairs {
      let lowerGroup = lower.groupOfMeasure[pair.lower]
      let upperGroup = upper.groupOfMeasure[pair.upper]
      guard let same = twin[lowerGroup] else {
        if !twinnedUpper.contains(upperGroup) { kept.append(pair) }
        continue
      }
      if same == upperGroup && twinsPaired.insert(lowerGroup).inserted {
        let lowerMembers = members.lower[lowerGroup]
        let upperMembers = members.upper[upperGroup]
        for rank in 0..<max(lowerMembers.count, upperMembers.count) {
          kept.append(
            (
              lowerMembers[min(rank, lowerMembers.count - 1)],
              upperMembers[min(rank, upperMembers.count - 1)]
            ))
        }
      }
    }
    return kept
  }

  /// The measures of each text, in order.
  static func members(_ groups: TextGroups) -> [[Int]] {
    var members = [[Int]](repeating: [], count: groups.count)
    for (measure, group) in groups.groupOfMeasure.enumerated() { members[group].append(measure) }
    return members
  }

  /// The bigrams of the measure texts of `document` (folded scalars kept as compare keeps
  /// them), each as its two scalars: what an index is asked the frequencies of.
  package static func bigrams(of document: PolicyDocument) -> Set<[UInt32]> {
    var bigrams = Set<[UInt32]>()
    for measure in document.measures {
      let scalars = Shingles.keptScalars(measure.text)
      for start in scalars.indices.dropLast() {
        bigrams.insert([scalars[start], scalars[start + 1]])
      }
    }
    return bigrams
  }
}
