/// The few best candidates (by score, then the earlier one) of each of many items, kept in
/// one flat array so that offering to any item touches one small block of memory.
struct Shortlists {
  /// The most candidates kept per item.
  let limit: Int
  private var scores: [Double]
  private var candidates: [Int32]
  private var counts: [UInt8]

  init(items: Int, limit: Int) {
    self.limit = limit
    scores = Array(repeating: 0, count: items * limit)
    candidates = Array(repeating: 0, count: items * limit)
    counts = Array(repeating: 0, count: items)
  }

  /// Offers `candidate` with `score` to `item`'s list; kept if among the best so far.
  mutating func offer(_ candidate: Int, score: Double, to item: Int) {
    let base = item * limit
    let count = Int(counts[item])
    if count < limit {
      scores[base + count] = score
      candidates[base + count] = Int32(candidate)
      counts[item] += 1
      return
    }
    var worst = base
    for slot in (base + 1)..<(base + limit)
    where scores[slot] < scores[worst]
      || (scores[slot] == scores[worst] && candidates[slot] > candidates[worst])
    {
      worst = slot
    }
    if score > scores[worst] || (score == scores[worst] && Int32(candidate) < candidates[worst]) {
      scores[worst] = score
      candidates[worst] = Int32(candidate)
    }
  }

  /// The candidates kept for `item`, in no particular order.
  func candidates(of item: Int) -> [Int] {
    let base = item * limit
    return (base..<(base + Int(counts[item]))).map { Int(candidates[$0]) }
  }
}
