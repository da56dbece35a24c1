/// Finds where each of many terms occurs in a text in one pass over the text: terms are
/// looked up by their first few elements (packed into one integer) at each position, and
/// only those that begin there are compared. The snippet and the word layer of a hit
/// look for every term of the query in the hit's text; term by term, a query of
/// thousands of terms scanned the text thousands of times.
struct TermFinder<Element: FixedWidthInteger & UnsignedInteger> {
  /// The distinct terms; a term given twice is looked for once.
  private let terms: [[Element]]
  /// Per term given, its place in `terms`.
  private let slots: [Int]
  private let bits: Int
  /// Elements packed into a key: as many as fit 64 bits.
  private let keyLength: Int
  /// Per key length (1…`keyLength`), the terms by their packed first elements.
  private var buckets: [[UInt64: [Int]]]
  /// Up to this many distinct terms are looked for one at a time.
  static var fewTerms: Int { 8 }
  /// Whether some term may start with an element, by its low 12 bits: most positions of a
  /// text are passed over with one look at this table.
  private var firstElements = [Bool](repeating: false, count: 4096)

  /// A finder of `terms` whose elements have at most `bitsPerElement` significant bits
  /// (8 for UTF-8 bytes, 21 for Unicode scalars). Empty terms are never found.
  init(terms: [[Element]], bitsPerElement: Int) {
    var distinct: [[Element]: Int] = [:]
    var unique: [[Element]] = []
    slots = terms.map { term in
      if let slot = distinct[term] { return slot }
      distinct[term] = unique.count
      unique.append(term)
      return unique.count - 1
    }
    self.terms = unique
    bits = bitsPerElement
    keyLength = 64 / bitsPerElement
    buckets = Array(repeating: [:], count: keyLength + 1)
    for (index, term) in unique.enumerated() where !term.isEmpty && unique.count > Self.fewTerms {
      let length = min(term.count, keyLength)
      buckets[length][Self.key(term, from: 0, length: length, bits: bits), default: []].append(
        index)
      firstElements[Int(term[0] & 0xFFF)] = true
    }
  }

  private static func key<C: RandomAccessCollection<Element>>(
    _ elements: C, from start: C.Index, length: Int, bits: Int
  ) -> UInt64 {
    var key: UInt64 = 0
    var index = start
    for shift in 0..<length {
      key |= UInt64(truncatingIfNeeded: elements[index]) << UInt64(shift * bits)
      index = elements.index(after: index)
    }
    return key
  }

  /// Per term (in the order given), where it starts in `text`: every start, overlapping
  /// ones included, in increasing order.
  /// - Complexity: O(n · k) for n elements of text and k key lengths among the terms,
  ///   plus the comparisons of the terms that share their first elements with the text.
  func occurrences(in text: [Element]) -> [[Int]] {
    var found: [[Int]] = Array(repeating: [], count: terms.count)
    if terms.count <= Self.fewTerms {
      // A few terms are looked for one by one, which costs less than a lookup per position.
      for (index, term) in terms.enumerated() where !term.isEmpty {
        var start = 0
        while start + term.count <= text.count {
          if text[start] == term[0] && text[start..<(start + term.count)].elementsEqual(term) {
            found[index].append(start)
          }
          start += 1
        }
      }
      return slots.map { found[$0] }
    }
    let lengths = buckets.indices.filter { !buckets[$0].isEmpty }
    guard let longest = lengths.last else { return slots.map { found[$0] } }
    let mask = { (length: Int) -> UInt64 in
      length * bits >= 64 ? .max : (1 << UInt64(length * bits)) - 1
    }
    for start in text.indices where firstElements[Int(text[start] & 0xFFF)] {
      let available = min(longest, text.count - start)
      let key = Self.key(text, from: start, length: available, bits: bits)
      for length in lengths where length <= available {
        guard let candidates = buckets[length][key & mask(length)] else { continue }
        for term in candidates {
          let needle = terms[term]
          if needle.count <= text.count - start
            && text[(start + length)..<(start + needle.count)].elementsEqual(needle[length...])
          {
            found[term].append(start)
          }
        }
      }
    }
    return slots.map { found[$0] }
  }
}
