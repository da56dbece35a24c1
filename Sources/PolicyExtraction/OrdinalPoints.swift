import PolicyText

/// 第一， 第二， 第三， — points numbered in words, kept as items only where they run as a
/// list: from 第一 on, each the next number, at least `minimumPoints` of them, no heading of
/// their rank or above between them, and not inside an item of a deeper rank (1．深化改革。
/// 第一，… 第二，… 2．… : the points are that item's text, or 2． would nest under them). A
/// report that writes 第四，… and 第六，… at the start of its paragraphs, the points before
/// them inside a paragraph, has no list there.
enum OrdinalPoints {
  /// The fewest points that make a list.
  static let minimumPoints = 2

  /// Clears the ordinal-point markers of `paragraphs` that do not run as a list.
  static func unmarkStray(_ paragraphs: inout [Paragraph]) {
    let rank = OutlineBuilder.rank(.ordinalPoint)
    var run: [Int] = []
    /// Whether the run stands inside an item of a deeper rank.
    var runIsInsideItem = false
    /// The rank of the last heading that is no point.
    var lastRank = Int.min
    func close() {
      if run.count < minimumPoints || runIsInsideItem {
        for index in run { paragraphs[index].marker = nil }
      }
      run = []
    }
    for index in paragraphs.indices {
      guard let marker = paragraphs[index].marker else { continue }
      guard marker.kind == .ordinalPoint else {
        let markerRank = OutlineBuilder.rank(marker.kind)
        if markerRank <= rank { close() }
        lastRank = markerRank
        continue
      }
      if let last = run.last, paragraphs[last].marker?.number.map({ $0 + 1 }) == marker.number {
        run.append(index)
      } else {
        close()
        if marker.number == 1 {
          run = [index]
          runIsInsideItem = lastRank > rank
        } else {
          paragraphs[index].marker = nil
        }
      }
    }
    close()
  }
}
