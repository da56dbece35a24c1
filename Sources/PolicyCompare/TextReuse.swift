/// Passages shared between documents of a corpus (文本复用), as passim and the Legislative
/// Influence Detector find them: candidates from fingerprints of the documents' letters
/// (hashed `shingle`-letter runs, winnowed: the smallest hash of every `window` in a row,
/// so that any run shared over `shingle + window - 1` letters shares a fingerprint), then
/// each candidate pair aligned locally: every shared fingerprint extended to the longest
/// run both documents hold, and runs on nearby diagonals chained over small gaps (a word
/// changed, a clause inserted) into one passage.
///
/// Fingerprints held by more than `maximumDocuments` documents are boilerplate (the
/// closing formulas of every notice) and start no candidate; passages are kept when they
/// match at least `minimumLength` letters.
public enum TextReuse {
  /// How passages are found.
  public struct Options: Sendable {
    /// Letters hashed into one fingerprint.
    public var shingle = 8
    /// Hashes in a row of which the smallest is kept.
    public var window = 8
    /// Letters a passage must match to be kept.
    public var minimumLength = 20
    /// Documents a fingerprint may be held by and still start candidates.
    public var maximumDocuments = 50
    /// Letters skipped on either side between two runs of one passage.
    public var maximumGap = 10

    public init() {}
  }

  /// Why the source of an edge is taken to be the source.
  public enum Direction: String, Sendable {
    /// It was written in an earlier year.
    case earlier
    /// The same year or unknown years: it is of a higher administrative level.
    case upper
    /// Nothing tells: the order of the corpus.
    case undetermined
  }

  /// One passage of an edge: where it lies in each document's letters.
  public struct Passage: Sendable, Equatable {
    public var source: Range<Int>
    public var target: Range<Int>
    /// Letters matched (the passage less its gaps).
    public var matched: Int
  }

  /// Two documents that share passages, the source first.
  public struct Edge: Sendable {
    /// Indices into the texts given.
    public var source: Int
    public var target: Int
    public var direction: Direction
    public var passages: [Passage]
    /// Letters matched over all passages.
    public var matched: Int { passages.reduce(0) { $0 + $1.matched } }
  }

  /// The edges among `texts`, each pair of documents once, in order of the first document
  /// of the pair.
  /// - Complexity: O(n log n) in the letters of the corpus, plus the pairs of documents
  ///   that share a fingerprint times the fingerprints they share.
  public static func edges(in texts: [ReuseText], options given: Options = Options()) -> [Edge] {
    var options = given
    options.shingle = max(1, options.shingle)
    options.window = max(1, options.window)
    options.maximumGap = max(0, options.maximumGap)
    let prints = ReuseFingerprints(texts: texts, options: options)
    var edges: [Edge] = []
    var seeds: [ReuseSeed] = []
    for (source, text) in texts.enumerated() {
      seeds.removeAll(keepingCapacity: true)
      prints.seeds(of: source, into: &seeds)
      guard !seeds.isEmpty else { continue }
      seeds.sort()
      var start = 0
      while start < seeds.count {
        var end = start + 1
        while end < seeds.count && seeds[end].other == seeds[start].other { end += 1 }
        let other = Int(seeds[start].other)
        let passages = ReuseAlignment.passages(
          text.letters, texts[other].letters, seeds: seeds[start..<end], options: options)
        if !passages.isEmpty {
          edges.append(edge(source, other, passages: passages, texts: texts))
        }
        start = end
      }
    }
    return edges
  }

  /// The edge between `first` and `second` (`first` the earlier in the corpus), its
  /// source chosen by year, then level.
  private static func edge(_ first: Int, _ second: Int, passages: [Passage], texts: [ReuseText])
    -> Edge
  {
    let (a, b) = (texts[first], texts[second])
    var direction = Direction.undetermined
    var firstIsSource = true
    if let yearA = a.year, let yearB = b.year, yearA != yearB {
      direction = .earlier
      firstIsSource = yearA < yearB
    } else if let rankA = a.levelRank, let rankB = b.levelRank, rankA != rankB {
      direction = .upper
      firstIsSource = rankA < rankB
    }
    if firstIsSource {
      return Edge(source: first, target: second, direction: direction, passages: passages)
    }
    return Edge(
      source: second, target: first, direction: direction,
      passages: passages.map { Passage(source: $0.target, target: $0.source, matched: $0.matched) }
        .sorted { $0.source.lowerBound < $1.source.lowerBound })
  }
}

/// A shared fingerprint between the document being aligned and a later one: where it
/// stands in each.
struct ReuseSeed: Comparable, Sendable {
  var other: UInt32
  var here: UInt32
  var there: UInt32

  /// By the other document, then diagonal, then place: the seeds of one run together.
  static func < (a: ReuseSeed, b: ReuseSeed) -> Bool {
    if a.other != b.other { return a.other < b.other }
    let diagonalA = Int(a.here) - Int(a.there)
    let diagonalB = Int(b.here) - Int(b.there)
    if diagonalA != diagonalB { return diagonalA < diagonalB }
    return a.here < b.here
  }
}
