import Foundation
import PolicyBytes
import PolicyExtraction
import PolicyText

/// The word layer of ranking (词): tells which occurrences of a query term in a unit stand
/// as words and which lie across or inside other words — 用电 in 加强用电需求侧管理 is a
/// word, in 推广使用电、LNG等 it straddles 使用 and 电. Matching never depends on it (the bigram layer
/// finds every occurrence); ranking does: a unit whose hits are words ranks above one
/// whose hits are accidents of adjacent characters.
///
/// Words come from the policy lexicon (`dictionaries/lexicon.txt`) and the department
/// names, matched over the folded text, long terms and the terms nested in them alike
/// (固废 in 大宗工业固废 is a word); where the lexicon is silent, from ICU's
/// dictionary-based word break on the text around the occurrence.
package struct WordLayer: Sendable {
  /// The scalars of the lexicon terms and department names, folded, one word after
  /// another.
  private let storage: [UInt32]
  /// Where each word lies in `storage`, ordered by first scalar: the few words that start
  /// with a character are found by a binary search, without copying or hashing the text.
  /// (A word listed twice is harmless.)
  private let words: [Range<Int>]
  private let longest: Int
  /// Characters of context on each side given to ICU.
  package static let window = 8

  /// The words of `dictionaries`: its lexicon and department names.
  package init(dictionaries: PolicyDictionaries) {
    self.init(
      words: dictionaries.lexicon + dictionaries.departments.keys.map(PolicyDictionaries.fold))
  }

  /// Folded words; those shorter than two characters are left out.
  package init<Words: Sequence<String>>(words: Words) {
    var storage: [UInt32] = []
    var ranges: [Range<Int>] = []
    for word in words {
      let start = storage.count
      storage.append(contentsOf: word.unicodeScalars.lazy.map(\.value))
      ranges.append(start..<storage.count)
    }
    self.init(storage: storage, ranges: ranges)
  }

  /// Words at `ranges` of `storage`; those shorter than two characters are left out.
  private init(storage: [UInt32], ranges: [Range<Int>]) {
    let kept = ranges.filter { $0.count >= 2 }
    self.storage = storage
    words = kept.sorted { storage[$0.lowerBound] < storage[$1.lowerBound] }
    longest = kept.map(\.count).max() ?? 0
  }

  /// The bundled lexicon and department names (names and aliases), read on first use,
  /// each list folded as a whole and read as bytes: this runs at the start of a search.
  package static let bundled: WordLayer = {
    guard let directory = PolicyDictionaries.bundledDirectory else { return WordLayer(words: []) }
    var storage: [UInt32] = []
    var ranges: [Range<Int>] = []
    /// Adds the words of `columns` of each row of the list `name`, split at |.
    func add(_ name: String, columns wanted: Int) {
      guard let list = try? PolicyDictionaries.rawList(in: directory, name, folded: true) else {
        return
      }
      list.bytes.withUnsafeBufferPointer { bytes in
        for row in list.rows {
          for column in row.columns.prefix(wanted) {
            var start = storage.count
            var index = column.lowerBound
            while index < column.upperBound {
              if bytes[index] == UInt8(ascii: "|") {
                ranges.append(start..<storage.count)
                start = storage.count
                index += 1
                continue
              }
              let (value, length) = UTF8Scalars.scalar(in: bytes, at: index)
              storage.append(value)
              index += length
            }
            ranges.append(start..<storage.count)
          }
        }
      }
    }
    add("lexicon.txt", columns: 1)
    // departments.tsv: the name, then its aliases split by |.
    add("departments.tsv", columns: 2)
    return WordLayer(storage: storage, ranges: ranges)
  }()

  /// Starts reading the bundled words on another thread, and then, when ICU may be asked
  /// about some of `terms` (folded) — one not in the lexicon that begins or ends with an
  /// ideograph; 2025 or RCEP never needs it — loading ICU's word-break dictionary: a search
  /// started meanwhile finds them ready.
  static func warmUp(for terms: [String]) {
    DetachedThread.start {
      let mayAskICU = terms.contains { term in
        let scalars = scalars(term)
        guard let first = scalars.first, let last = scalars.last else { return false }
        return (UTF8Scalars.isIdeograph(first) || UTF8Scalars.isIdeograph(last))
          && !bundled.isListed(scalars)
      }
      if mayAskICU { warmICU() } else { _ = bundled }
    }
  }

  /// Loads ICU's word-break dictionary (once per process: ICU keeps it for every thread).
  static func warmICU() { _ = icuLoaded }

  private static let icuLoaded: Void = { _ = ICU.wordBoundaries(Array("推进经济社会发展".utf16)) }()

  /// Whether `term` (folded scalars) is a word of the lexicon.
  private func isListed(_ term: [UInt32]) -> Bool {
    guard let first = term.first else { return false }
    return words(startingWith: first).contains {
      $0.count == term.count && storage[$0].elementsEqual(term)
    }
  }

  /// The words whose first scalar is `first`.
  private func words(startingWith first: UInt32) -> ArraySlice<Range<Int>> {
    let start = SortedSearch.lowerBound(first, in: words) { storage[$0.lowerBound] }
    var end = start
    while end < words.count && storage[words[end].lowerBound] == first { end += 1 }
    return words[start..<end]
  }

  /// The scalars of a (folded) string.
  package static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  /// ICU's boundaries for the stretches of text already split during one search: common
  /// phrases (高质量发展) come back in unit after unit.
  package struct BreakCache {
    /// Per stretch, ICU's boundaries; nil where ICU could not split it (not asked again).
    fileprivate var boundaries: [[UInt32]: [Int]?] = [:]
    package init() {}
  }

  /// Of the occurrences of `term` in `text` (both folded scalars; overlapping occurrences
  /// counted), how many there are and how many stand as words.
  package func occurrences(of term: [UInt32], in text: [UInt32]) -> (total: Int, asWords: Int) {
    var cache = BreakCache()
    return occurrences(of: term, in: text, cache: &cache)
  }

  /// `occurrences(of:in:)`, reusing and filling `cache`.
  package func occurrences(of term: [UInt32], in text: [UInt32], cache: inout BreakCache) -> (
    total: Int, asWords: Int
  ) {
    guard !term.isEmpty, term.count <= text.count else { return (0, 0) }
    var starts: [Int] = []
    var start = 0
    while start + term.count <= text.count {
      if text[start] == term[0] && text[start..<(start + term.count)].elementsEqual(term) {
        starts.append(start)
      }
      start += 1
    }
    return occurrences(of: term, at: starts, in: text, cache: &cache)
  }

  /// Of the occurrences of `term` that start at `starts` in `text`, how many there are
  /// and how many stand as words (`TermFinder` finds the starts of many terms at once).
  package func occurrences(
    of term: [UInt32], at starts: [Int], in text: [UInt32], cache: inout BreakCache
  ) -> (total: Int, asWords: Int) {
    guard !starts.isEmpty else { return (0, 0) }
    let termIsWord = isListed(term)
    var asWords = 0
    for start in starts
    where isWord(start..<(start + term.count), in: text, termIsWord: termIsWord, cache: &cache) {
      asWords += 1
    }
    return (starts.count, asWords)
  }

  /// Whether the occurrence at `range` stands as a word: it is a lexicon word there, or a
  /// lexicon term nested in a longer one; not when a lexicon word straddles its edge;
  /// otherwise as ICU splits the text around it (or the lexicon word it lies inside:
  /// 工厂 in 绿色工厂).
  private func isWord(
    _ range: Range<Int>, in text: [UInt32], termIsWord: Bool, cache: inout BreakCache
  ) -> Bool {
    let overlapping = lexiconWords(overlapping: range, in: text)
    let containers = overlapping.filter {
      $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound
    }
    if containers.contains(range) || (termIsWord && !containers.isEmpty) { return true }
    let straddles = overlapping.contains { word in
      !containers.contains(word)
        && !(range.lowerBound <= word.lowerBound && word.upperBound <= range.upperBound)
    }
    if straddles { return false }
    if termIsWord { return true }
    // An edge next to the start or end of the text, punctuation, a digit or a letter is a
    // boundary already; ICU is asked only about edges between two ideographs.
    func isPlainEdge(_ position: Int) -> Bool {
      position == 0 || position == text.count
        || !(UTF8Scalars.isIdeograph(text[position - 1]) && UTF8Scalars.isIdeograph(text[position]))
    }
    if containers.isEmpty && isPlainEdge(range.lowerBound) && isPlainEdge(range.upperBound) {
      return true
    }
    let context =
      containers.first ?? max(
        0, range.lowerBound - Self.window)..<min(text.count, range.upperBound + Self.window)
    let piece = Array(text[context])
    let found: [Int]?
    if let cached = cache.boundaries[piece] {
      found = cached
    } else {
      found = boundaries(of: text, in: context)
      cache.boundaries[piece] = .some(found)
    }
    guard let boundaries = found else { return true }
    return SortedSearch.position(
      of: range.lowerBound - context.lowerBound, in: boundaries, by: { $0 }) != nil
      && SortedSearch.position(
        of: range.upperBound - context.lowerBound, in: boundaries, by: { $0 }) != nil
  }

  /// The lexicon words that occur in `text` overlapping `range`.
  private func lexiconWords(overlapping range: Range<Int>, in text: [UInt32]) -> [Range<Int>] {
    guard longest >= 2 else { return [] }
    var found: [Range<Int>] = []
    for start in max(0, range.lowerBound - longest + 1)..<range.upperBound {
      for word in words(startingWith: text[start])
      where start + word.count > range.lowerBound && start + word.count <= text.count {
        if text[start..<(start + word.count)].elementsEqual(storage[word]) {
          found.append(start..<(start + word.count))
        }
      }
    }
    return found
  }

  /// Word boundaries of `text[context]`, relative to its start, in order: runs of ASCII
  /// letters and digits are words on their own (2025, RCEP); Chinese goes to ICU.
  private func boundaries(of text: [UInt32], in context: Range<Int>) -> [Int]? {
    let piece = text[context]
    if piece.allSatisfy({ $0 < 0x80 }) {
      var boundaries = [0]
      for index in (context.lowerBound + 1)..<max(context.lowerBound + 1, context.upperBound)
      where Self.isAlphanumeric(text[index]) != Self.isAlphanumeric(text[index - 1]) {
        boundaries.append(index - context.lowerBound)
      }
      if !piece.isEmpty { boundaries.append(piece.count) }
      return boundaries
    }
    // ICU counts in UTF-16 units; map its offsets back to scalars.
    var units: [UInt16] = []
    var scalarAt: [Int] = []
    for (offset, value) in piece.enumerated() {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for unit in scalar.utf16 {
        units.append(unit)
        scalarAt.append(offset)
      }
    }
    scalarAt.append(piece.count)
    return ICU.wordBoundaries(units)?.map { scalarAt[min($0, scalarAt.count - 1)] }
  }

  private static func isAlphanumeric(_ unit: UInt32) -> Bool {
    (0x30...0x39).contains(unit) || (0x61...0x7A).contains(unit) || (0x41...0x5A).contains(unit)
  }
}
