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
