import Foundation

/// The word layer of ranking (词): tells which occurrences of a query term in a unit stand
/// as words and which lie across or inside other words — 电力 in 电力行业 is a word, in
/// 加大用电力度 it straddles 用电 and 力度. Matching never depends on it (the bigram layer
/// finds every occurrence); ranking does: a unit whose hits are words ranks above one
/// whose hits are accidents of adjacent characters.
///
/// Words come from the policy lexicon (`dictionaries/lexicon.txt`) and the department
/// names, matched over the folded text, long terms and the terms nested in them alike
/// (固废 in 大宗工业固废 is a word); where the lexicon is silent, from ICU's
/// dictionary-based word break on the text around the occurrence.
struct WordLayer: Sendable {
  /// Lexicon terms and department names, folded, as Unicode scalars, by their first
  /// scalar: a position is checked against the few words that start with its character,
  /// without copying or hashing the text.
  private let wordsByFirstScalar: [UInt32: [[UInt32]]]
  private let longest: Int
  /// Characters of context on each side given to ICU.
  static let window = 8

  /// The words of `dictionaries`: its lexicon and department names.
  init(dictionaries: PolicyDictionaries) {
    self.init(words: dictionaries.lexicon + dictionaries.departments.keys.map(PolicyDictionaries.fold))
  }

  /// Folded words.
  init<Words: Sequence<String>>(words: Words) {
    self.init(scalarWords: words.map(Self.scalars))
  }

  /// Folded words as scalars; those shorter than two characters are left out.
  init(scalarWords: [[UInt32]]) {
    let scalars = Set(scalarWords.filter { $0.count >= 2 })
    wordsByFirstScalar = Dictionary(grouping: scalars, by: { $0[0] })
    longest = scalars.map(\.count).max() ?? 0
  }

  /// The bundled lexicon and department names (names and aliases), read on first use:
  /// every search ranks with them, so the lists are read as bytes, each folded as a whole.
  static let bundled: WordLayer = {
    guard let directory = PolicyDictionaries.bundledDirectory else { return WordLayer(scalarWords: []) }
    var words: [[UInt32]] = []
    // lexicon.txt: a term per line; departments.tsv: the name, then aliases split by |.
    for (name, columns) in [("lexicon.txt", 1), ("departments.tsv", 2)] {
      guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
      let folded = Array(data).withUnsafeBufferPointer { TextFolder.fold($0).utf8 }
      folded.withUnsafeBufferPointer { bytes in
        var word: [UInt32] = []
        var column = 0
        var index = 0
        var lineStart = true
        var comment = false
        while index < bytes.count {
          let byte = bytes[index]
          if lineStart { comment = byte == UInt8(ascii: "#") }
          lineStart = byte == 0x0A
          let separator = byte == 0x0A || byte == 0x09 || byte == UInt8(ascii: "|")
          if separator || byte == 0x0D || byte == 0x20 {
            if !comment && column < columns && !word.isEmpty { words.append(word) }
            word.removeAll(keepingCapacity: true)
            if byte == 0x09 { column += 1 }
            if byte == 0x0A { column = 0 }
            index += 1
            continue
          }
          let (value, length) = UTF8Scalars.scalar(in: bytes, at: index)
          if !comment && column < columns { word.append(value) }
          index += length
        }
        if !comment && column < columns && !word.isEmpty { words.append(word) }
      }
    }
    return WordLayer(scalarWords: words)
  }()

  /// Whether `term` (folded scalars) is a word of the lexicon.
  private func isListed(_ term: [UInt32]) -> Bool {
    guard let first = term.first, let candidates = wordsByFirstScalar[first] else { return false }
    return candidates.contains(term)
  }

  /// The scalars of a (folded) string.
  static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  /// Of the occurrences of `term` in `text` (both folded scalars; overlapping occurrences
  /// counted), how many there are and how many stand as words.
  func occurrences(of term: [UInt32], in text: [UInt32]) -> (total: Int, asWords: Int) {
    guard !term.isEmpty, term.count <= text.count else { return (0, 0) }
    let termIsWord = isListed(term)
    var total = 0
    var asWords = 0
    var start = 0
    while start + term.count <= text.count {
      if text[start] == term[0] && text[start..<(start + term.count)].elementsEqual(term) {
        total += 1
        if isWord(start..<(start + term.count), in: text, termIsWord: termIsWord) { asWords += 1 }
      }
      start += 1
    }
    return (total, asWords)
  }

  /// Whether the occurrence at `range` stands as a word.
  private func isWord(_ range: Range<Int>, in text: [UInt32], termIsWord: Bool) -> Bool {
    var container: Range<Int>?
    for word in lexiconWords(overlapping: range, in: text) {
      if word == range { return true }
      if word.lowerBound <= range.lowerBound && range.upperBound <= word.upperBound {
        if termIsWord { return true }  // a term nested in a longer one
        container = container ?? word
      } else if !(range.lowerBound <= word.lowerBound && word.upperBound <= range.upperBound) {
        return false  // straddles the edge of a word
      }
    }
    if termIsWord { return true }
    // Inside a lexicon word (工厂 in 绿色工厂): split that word; else split the text around it.
    let context = container ?? max(0, range.lowerBound - Self.window)..<min(text.count, range.upperBound + Self.window)
    guard let boundaries = boundaries(of: text, in: context) else { return true }
    return SortedSearch.position(of: range.lowerBound - context.lowerBound, in: boundaries, by: { $0 }) != nil
      && SortedSearch.position(of: range.upperBound - context.lowerBound, in: boundaries, by: { $0 }) != nil
  }

  /// The lexicon words that occur in `text` overlapping `range`.
  private func lexiconWords(overlapping range: Range<Int>, in text: [UInt32]) -> [Range<Int>] {
    guard longest >= 2 else { return [] }
    var found: [Range<Int>] = []
    for start in max(0, range.lowerBound - longest + 1)..<range.upperBound {
      guard let candidates = wordsByFirstScalar[text[start]] else { continue }
      for word in candidates where start + word.count > range.lowerBound && start + word.count <= text.count {
        if text[start..<(start + word.count)].elementsEqual(word) { found.append(start..<(start + word.count)) }
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
