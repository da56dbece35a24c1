import PolicyText

/// A stretch of a unit's text around its first hit, with every hit in it marked.
enum Snippet {
  package static func make(_ text: String, terms: [String], radius: Int) -> (
    text: String, highlights: [Range<Int>]
  ) {
    let bytes = Array(text.utf8)
    let folding = bytes.withUnsafeBufferPointer { TextFolder.fold($0) }
    let folded = folding.utf8
    // Hits in the folded text, mapped back to byte ranges of the text.
    var hits: [Range<Int>] = []
    // Every start of every term, found in one pass (overlapping ones too).
    let needles = Set(terms).filter { !$0.isEmpty }.map { Array($0.utf8) }
    let starts = TermFinder(terms: needles, bitsPerElement: 8).occurrences(in: folded)
    for (needle, found) in zip(needles, starts) {
      for start in found {
        hits.append(folding.map.sourceRange(for: start..<(start + needle.count)))
      }
    }
    hits.sort { $0.lowerBound < $1.lowerBound }
    let scalars = Array(text.unicodeScalars)
    // Byte offset → scalar index.
    var scalarAt: [Int] = []
    scalarAt.reserveCapacity(bytes.count + 1)
    for (index, scalar) in scalars.enumerated() {
      for _ in 0..<scalar.utf8.count { scalarAt.append(index) }
    }
    scalarAt.append(scalars.count)
    let scalarHits = hits.map {
      scalarAt[min($0.lowerBound, bytes.count)]..<scalarAt[min($0.upperBound, bytes.count)]
    }
    let center = scalarHits.first?.lowerBound ?? 0
    let windowStart = max(0, center - radius)
    let windowEnd = min(scalars.count, (scalarHits.first?.upperBound ?? 0) + radius * 2)
    var snippet = String(
      String.UnicodeScalarView(scalars[windowStart..<windowEnd].map { $0 == "\n" ? " " : $0 }))
    var highlights = scalarHits.filter {
      $0.lowerBound >= windowStart && $0.upperBound <= windowEnd
    }
    .map { ($0.lowerBound - windowStart)..<($0.upperBound - windowStart) }
    if windowStart > 0 {
      snippet = "…" + snippet
      highlights = highlights.map { ($0.lowerBound + 1)..<($0.upperBound + 1) }
    }
    if windowEnd < scalars.count { snippet += "…" }
    return (snippet, merged(highlights))
  }

  private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = out.last, range.lowerBound <= last.upperBound {
        out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        out.append(range)
      }
    }
    return out
  }
}
