/// One document as text reuse sees it (文本复用): its letters — the folded characters with
/// whitespace and punctuation left out, so that a passage copied with other punctuation or
/// line breaks is still one passage — and where each of its parts starts among them.
public struct ReuseText: Sendable {
  /// A part of the document (a measure, a section's own text, the front matter) and the
  /// letter it starts at: what a passage's place is reported by.
  public struct Anchor: Sendable, Equatable {
    /// The first letter of the part.
    public var letter: Int
    /// The part's id (`policyq extract`'s: "<doc>#m5").
    public var part: String
    /// The 1-based line of the source file the part starts on.
    public var line: Int

    public init(letter: Int, part: String, line: Int) {
      self.letter = letter
      self.part = part
      self.line = line
    }
  }

  /// The document's id.
  public var id: String
  /// Its title.
  public var title: String
  /// The year it was written or issued, if known.
  public var year: Int?
  /// Its administrative level, 0 for the highest (national) and larger for lower ones; nil
  /// when unknown.
  public var levelRank: Int?
  /// The letters: folded scalars, whitespace and punctuation left out.
  public private(set) var letters: [UInt32] = []
  /// Where each part starts, in order.
  public private(set) var anchors: [Anchor] = []
  /// The letters whose written form folding changed (著 read as 着), as written.
  private var asWritten: [Int: UInt32] = [:]

  public init(id: String, title: String, year: Int?, levelRank: Int?) {
    self.id = id
    self.title = title
    self.year = year
    self.levelRank = levelRank
  }

  /// Appends part `part` (on source line `line`): `text` as written and `folded`, its
  /// folded form (Traditional → Simplified, full-width → half-width).
  public mutating func append(part: String, line: Int, text: String, folded: String) {
    // Parts are apart in the document (the front and back matter come first): a mark
    // above every scalar ends every run at the border.
    if !letters.isEmpty { letters.append(Self.border | UInt32(truncatingIfNeeded: anchors.count)) }
    anchors.append(Anchor(letter: letters.count, part: part, line: line))
    let start = letters.count
    for scalar in folded.unicodeScalars where Self.isLetter(scalar) {
      letters.append(scalar.value)
    }
    // Folding keeps one scalar for one in nearly all text: the letters as written are
    // then known where they differ; where it does not, the folded form is shown.
    let written = text.unicodeScalars.filter(Self.isLetter)
    guard written.count == letters.count - start else { return }
    for (offset, scalar) in written.enumerated() where scalar.value != letters[start + offset] {
      asWritten[start + offset] = scalar.value
    }
  }

  /// The anchor of the part that holds letter `letter`.
  public func anchor(at letter: Int) -> Anchor? {
    var low = 0
    var high = anchors.count
    while low < high {
      let middle = (low + high) / 2
      if anchors[middle].letter <= letter { low = middle + 1 } else { high = middle }
    }
    return low == 0 ? nil : anchors[low - 1]
  }

  /// Letters `range` as a string, as written.
  public func text(_ range: Range<Int>) -> String {
    var scalars = String.UnicodeScalarView()
    for index in range.clamped(to: 0..<letters.count) {
      if let scalar = Unicode.Scalar(asWritten[index] ?? letters[index]) { scalars.append(scalar) }
    }
    return String(scalars)
  }

  /// The border between two parts (with the part's number in the low bits): above every
  /// scalar; no run of shared letters goes over it.
  static let border: UInt32 = 0x8000_0000

  /// Whether text reuse compares `scalar`: letters, ideographs and digits; not
  /// whitespace, punctuation or symbols.
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}
