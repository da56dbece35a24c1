/// A printed line of a PDF page: its text and where it stands.
struct PDFLine {
  /// The text, UTF-8, without leading or trailing spaces.
  var utf8: [UInt8] = []
  /// The union of the boxes of its characters other than spaces.
  var box = PDFBox(x1: .infinity, y1: .infinity, x2: -.infinity, y2: -.infinity)
  /// The widths of its characters other than spaces, for the size of one character.
  private var widths: [Double] = []
  /// The 0-based page it is on (set by the reader).
  var page = 0
  /// Its 1-based number among the lines of its page (set by the reader).
  var lineOnPage = 0
  /// The column of its page: 0 on a page of one column and for text across both columns,
  /// 1 for the left column, 2 for the right.
  var column = 0
  /// Where it stands on a table's grid, when it is a row of a table (`PDFTableRows`).
  var table: PDFTablePlace?

  /// The characters added, in order, to split the line where two columns ran together.
  private(set) var characters: [(bytes: ArraySlice<UInt8>, box: PDFBox?, isSpace: Bool)] = []

  /// Whether anything but spaces was added.
  var hasText: Bool { !widths.isEmpty }

  /// A space not yet written: its box, decided on when the next character comes.
  private var pendingSpace: PDFBox?
  /// Whether a space is pending (one whose box is unknown counts as wide).
  private var hasPendingSpace = false
  /// Whether the last character written is outside ASCII (Chinese, full-width punctuation).
  private var lastIsWide = false

  /// Adds a character: its UTF-8 bytes and box. A space between two characters is kept
  /// unless it sits beside Chinese and is narrow (under 0.45 of the line's height):
  /// poppler puts one wherever the font or the spacing changes ("4. 推动", "云 HIS"),
  /// while a wide gap is a real separator ("第一条　总则").
  mutating func append(_ bytes: ArraySlice<UInt8>, box character: PDFBox?, isSpace: Bool) {
    characters.append((bytes, character, isSpace))
    if isSpace {
      if !utf8.isEmpty && !hasPendingSpace {
        hasPendingSpace = true
        pendingSpace = character
      }
      return
    }
    let isWide = (bytes.first ?? 0) >= 0x80
    if hasPendingSpace {
      let height = max(character?.height ?? 0, box.height.isFinite ? box.height : 0)
      let narrow = pendingSpace.map { $0.width < 0.45 * height } ?? false
      if !(narrow && (isWide || lastIsWide)) { utf8.append(0x20) }
      hasPendingSpace = false
      pendingSpace = nil
    }
    lastIsWide = isWide
    utf8 += bytes
    guard let character else {
      widths.append(0)
      return
    }
    box.x1 = min(box.x1, character.x1)
    box.y1 = min(box.y1, character.y1)
    box.x2 = max(box.x2, character.x2)
    box.y2 = max(box.y2, character.y2)
    widths.append(character.width)
  }

  /// Appends `other`, a fragment of the same printed line to the right of this one, with
  /// a space between when the gap between them is wider than a narrow space.
  mutating func merge(_ other: PDFLine) {
    guard other.hasText else { return }
    if hasText {
      let gap = other.box.x1 - box.x2
      if gap > 0.45 * max(box.height, other.box.height) { utf8.append(0x20) }
    }
    utf8 += other.utf8
    box.x1 = min(box.x1, other.box.x1)
    box.y1 = min(box.y1, other.box.y1)
    box.x2 = max(box.x2, other.box.x2)
    box.y2 = max(box.y2, other.box.y2)
    widths += other.widths
    lastIsWide = other.lastIsWide
    characters += other.characters
  }

  /// The line split in two at the widest gap between characters near `x` (a gutter), if
  /// there is a gap there of at least a fifth of the line's height.
  func split(near x: Double) -> (left: PDFLine, right: PDFLine)? {
    let height = box.height
    var best: (index: Int, gap: Double)?
    var previous: (index: Int, box: PDFBox)?
    for (index, character) in characters.enumerated() {
      guard !character.isSpace, let current = character.box else { continue }
      if let previous, previous.box.x2 <= x + height, current.x1 >= x - height {
        let gap = current.x1 - previous.box.x2
        if gap >= 0.2 * height && gap > (best?.gap ?? 0) { best = (index, gap) }
      }
      previous = (index, current)
    }
    guard let best else { return nil }
    var left = PDFLine()
    var right = PDFLine()
    for character in characters[..<best.index] {
      left.append(character.bytes, box: character.box, isSpace: character.isSpace)
    }
    for character in characters[best.index...] {
      right.append(character.bytes, box: character.box, isSpace: character.isSpace)
    }
    return left.hasText && right.hasText ? (left, right) : nil
  }

  /// The share of the shorter of the two lines' heights that their heights overlap.
  func verticalOverlap(with other: PDFLine) -> Double {
    let overlap = min(box.y2, other.box.y2) - max(box.y1, other.box.y1)
    let height = min(box.height, other.box.height)
    return height > 0 ? overlap / height : 0
  }

  /// Whether `other` stands on the same baseline: their middles are apart by less than a
  /// third of the lower one's height (a tall line box does not take in a small header).
  func isOnSameBaseline(as other: PDFLine) -> Bool {
    let middle = (box.y1 + box.y2) / 2
    let otherMiddle = (other.box.y1 + other.box.y2) / 2
    return abs(middle - otherMiddle) < min(box.height, other.box.height) / 3
  }

  /// The text (without leading or trailing spaces: a pending space is never written).
  var text: [UInt8] { utf8 }

  /// The width of one full-width character of the line: the widest of the middle half of
  /// its character widths (Latin letters and digits are narrower), or its height.
  var em: Double {
    let sorted = widths.filter { $0 > 0 }.sorted()
    guard !sorted.isEmpty else { return max(box.height, 1) }
    return max(sorted[(sorted.count * 3) / 4], 1)
  }
}
