import PolicyText

/// 第一， 第二， 第三， — points numbered in words, kept as items only where they run as a
/// list: from 第一 on, each the next number, at least `minimumPoints` of them, and no
/// heading of their rank or above between them. A report that writes 第四，… and 第六，… at the
/// start of its paragraphs, the points before them inside a paragraph, has no list there.
enum OrdinalPoints {
  /// The fewest points that make a list.
  static let minimumPoints = 2

  /// Clears the ordinal-point markers of `paragraphs` that do not run as a list.
  static func unmarkStray(_ paragraphs: inout [Paragraph]) {
    let rank = OutlineBuilder.rank(.ordinalPoint)
    var run: [Int] = []
    func close() {
      if run.count < minimumPoints {
        for index in run { paragraphs[index].marker = nil }
      }
      run = []
    }
    for index in paragraphs.indices {
      guard let marker = paragraphs[index].marker else { continue }
      guard marker.kind == .ordinalPoint else {
        if OutlineBuilder.rank(marker.kind) <= rank { close() }
        continue
      }
      if let last = run.last, paragraphs[last].marker?.number.map({ $0 + 1 }) == marker.number {
        run.append(index)
      } else {
        close()
        if marker.number == 1 {
          run = [index]
        } else {
          paragraphs[index].marker = nil
        }
      }
    }
    close()
  }
}
