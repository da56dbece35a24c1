/// What text reuse says of one document: how many documents it took passages from and
/// gave passages to, and how much of its text is taken.
public struct TextReuseSummary: Sendable {
  /// Index of the document in the texts given.
  public var document: Int
  /// Documents that are the source of an edge to it.
  public var sources = 0
  /// Documents it is the source of an edge to.
  public var targets = 0
  /// Letters it shares as a target, over all its edges.
  public var matchedIn = 0
  /// Letters it shares as a source.
  public var matchedOut = 0
  /// Its letters that some passage covers as a target (each counted once).
  public var coveredLetters = 0
  /// Its letters in all.
  public var letters = 0

  /// Share of its letters that passages taken from other documents cover.
  public var coveredShare: Double { letters == 0 ? 0 : Double(coveredLetters) / Double(letters) }

  /// One summary per text, in the order given.
  /// - Complexity: O(n + p log p) for n texts and p passages.
  public static func of(_ edges: [TextReuse.Edge], texts: [ReuseText]) -> [TextReuseSummary] {
    var summaries = texts.indices.map { TextReuseSummary(document: $0) }
    var covered: [[Range<Int>]] = Array(repeating: [], count: texts.count)
    for (index, text) in texts.enumerated() { summaries[index].letters = text.letters.count }
    for edge in edges {
      summaries[edge.target].sources += 1
      summaries[edge.source].targets += 1
      summaries[edge.target].matchedIn += edge.matched
      summaries[edge.source].matchedOut += edge.matched
      covered[edge.target].append(contentsOf: edge.passages.map(\.target))
    }
    for index in texts.indices where !covered[index].isEmpty {
      var total = 0
      var reach = Int.min
      for range in covered[index].sorted(by: { $0.lowerBound < $1.lowerBound }) {
        let start = max(range.lowerBound, reach)
        if range.upperBound > start { total += range.upperBound - start }
        reach = max(reach, range.upperBound)
      }
      summaries[index].coveredLetters = total
    }
    return summaries
  }
}
