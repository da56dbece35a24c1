import PolicyBytes

/// The units quantitative targets are written with (`dictionaries/units.tsv`): what may
/// follow a number — 30万亩, 1.2亿千瓦, 18家, 50%, 3年一遇 — read from the folded text.
///
/// A unit may be scaled: a scale (万, 亿, 万亿) with the unit after it (万千瓦时, 亿千瓦,
/// 万亿元, 千公顷) or alone (10万). The value keeps the number as written and the unit its
/// scale (30 万亩, never 300000 亩), as a reader writes them.
package struct TargetUnits: Sendable {
  /// What a unit measures, the `kind` column of `units.tsv`.
  package enum Kind: String, Sendable {
    /// A measure word for things counted (家, 个, 座): Chinese numerals may carry it (两家).
    case count
    /// A physical or money unit (公里, 千瓦时, 吨标准煤, 年一遇).
    case quantity
    /// A share or a change of one (%, ‰, 个百分点).
    case share
    /// A number word that scales the unit after it (万, 亿, 万亿).
    case scale
  }

  /// A unit found after a number.
  package struct Match {
    /// The unit as written (folded), its scale included ("万千瓦时").
    package var text: String
    /// The kind of the unit proper (a scale alone is `.scale`).
    package var kind: Kind
    /// Its length in scalars.
    package var length: Int
  }

  /// The listed units and scales, in folded form, and their kinds.
  private let words: [String]
  private let kinds: [Kind]
  /// Their length in scalars.
  private let lengths: [Int]
  /// The words by first scalar, longest first.
  private let index: FirstScalarIndex

  /// - Parameter rows: units (folded) with their kinds.
  package init(_ rows: [(unit: String, kind: Kind)]) {
    words = rows.map(\.unit)
    kinds = rows.map(\.kind)
    lengths = words.map { $0.unicodeScalars.count }
    index = FirstScalarIndex(words, longestFirst: true)
  }

  package var isEmpty: Bool { words.isEmpty }

  /// The unit written at scalar `position` of `run`: a scale and the unit after it, a
  /// unit alone, or a scale alone; nil when none stands there.
  package func unit(in run: FoldedRun, at position: Int) -> Match? {
    guard let first = word(in: run, at: position) else { return nil }
    guard kinds[first] == .scale else {
      return Match(text: words[first], kind: kinds[first], length: lengths[first])
    }
    let after = position + lengths[first]
    if let unit = word(in: run, at: after), kinds[unit] != .scale {
      return Match(
        text: words[first] + words[unit], kind: kinds[unit], length: lengths[first] + lengths[unit])
    }
    return Match(text: words[first], kind: .scale, length: lengths[first])
  }

  /// The longest listed word at scalar `position` of `run`.
  private func word(in run: FoldedRun, at position: Int) -> Int? {
    guard position < run.count, let candidates = index.candidates(startingWith: run[position].value)
    else { return nil }
    let rest = run.byteRange(position..<run.count)
    return candidates.first { ByteSearch.hasPrefix(index.words[$0], in: run.folded, rest) }
  }
}
