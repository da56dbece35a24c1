import PolicyText

/// Writes the text of a markup document as lines while a SAX parse runs, mapping every
/// byte written to the bytes of the markup it came from.
struct MarkupTextBuilder {
  /// The markup being parsed, as UTF-8.
  package let markup: [UInt8]
  /// Whether runs of whitespace collapse to one space, as HTML renders them.
  let collapsesWhitespace: Bool

  package private(set) var utf8: [UInt8] = []
  package private(set) var map = OffsetMap.Builder()
  /// Where the parser stood after the last event.
  private var lastPosition = 0
  /// A collapsed run of whitespace not yet written, and where it was.
  private var pendingSpace: Int?
  /// A cell separator or word space not yet written, and where it was.
  private var pendingSeparator: (bytes: [UInt8], position: Int)?

  package init(markup: [UInt8], collapsesWhitespace: Bool) {
    self.markup = markup
    self.collapsesWhitespace = collapsesWhitespace
  }

  /// Notes where the parser stands after an event that writes nothing.
  package mutating func advance(to position: Int) {
    if position >= 0 { lastPosition = position }
  }

  /// Writes character data reported at `start..<end` (see `XMLSource.Event.text`).
  mutating func appendText(_ chunk: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
    defer { advance(to: end) }
    guard !chunk.isEmpty else { return }
    if let located = locate(chunk, start: start, end: end) {
      var index = 0
      while index < chunk.count {
        let byte = chunk[index]
        if collapsesWhitespace && Self.isWhitespace(byte) {
          if pendingSpace == nil { pendingSpace = located + index }
          index += 1
          continue
        }
        var runEnd = index + 1
        while runEnd < chunk.count && !(collapsesWhitespace && Self.isWhitespace(chunk[runEnd])) {
          runEnd += 1
        }
        flushPendingSpace()
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[index..<runEnd]))
        map.appendVerbatim(length: runEnd - index, sourceStart: located + index)
        index = runEnd
      }
    } else {
      // Entity-decoded text: the whole chunk maps to the markup it was read from.
      let windowStart = min(lastPosition, max(0, end))
      let windowEnd = max(windowStart, end)
      let text = collapsesWhitespace ? collapsed(chunk) : Array(chunk)
      guard !text.isEmpty else { return }
      if text == [0x20] {
        if pendingSpace == nil { pendingSpace = windowStart }
        return
      }
      flushPendingSpace()
      utf8.append(contentsOf: text)
      map.append(
        targetLength: text.count, sourceStart: windowStart, sourceLength: windowEnd - windowStart)
    }
  }

  /// Ends the current line, unless nothing has been written since the last one.
  mutating func appendLineBreak(at position: Int) {
    pendingSpace = nil
    pendingSeparator = nil
    advance(to: position)
    guard let last = utf8.last, last != 0x0A else { return }
    utf8.append(0x0A)
    map.append(targetLength: 1, sourceStart: max(0, position), sourceLength: 0)
  }

  /// Separates two table cells on one line (written only if text follows on the line).
  mutating func appendCellSeparator(at position: Int) {
    advance(to: position)
    guard let last = utf8.last, last != 0x0A else { return }
    pendingSeparator = ([0x09], max(0, position))
  }

  /// Separates two runs of text on one line with `separator` (Word's tabs, and the
  /// paragraphs of one table cell), unless a cell separator is already pending.
  mutating func appendSeparator(_ separator: [UInt8], at position: Int) {
    advance(to: position)
    guard let last = utf8.last, last != 0x0A else { return }
    if pendingSeparator == nil { pendingSeparator = (separator, max(0, position)) }
  }

  private mutating func flushPendingSpace() {
    defer {
      pendingSpace = nil
      pendingSeparator = nil
    }
    guard let last = utf8.last, last != 0x0A else { return }
    if let (bytes, position) = pendingSeparator {
      utf8.append(contentsOf: bytes)
      map.append(targetLength: bytes.count, sourceStart: position, sourceLength: 0)
    } else if let position = pendingSpace, last != 0x20 {
      utf8.append(0x20)
      map.append(targetLength: 1, sourceStart: position, sourceLength: 1)
    }
  }

  /// Where `chunk` sits in the markup: at `start` when libxml2 said so, else just before
  /// `end` when the bytes there are the same; nil when the chunk was decoded from
  /// entities.
  private func locate(_ chunk: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int? {
    let candidate = start >= 0 ? start : end - chunk.count
    guard candidate >= 0, candidate + chunk.count <= markup.count else { return nil }
    for index in 0..<chunk.count where markup[candidate + index] != chunk[index] { return nil }
    return candidate
  }

  private func collapsed(_ chunk: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    var inSpace = false
    for byte in chunk {
      if Self.isWhitespace(byte) {
        if !inSpace { out.append(0x20) }
        inSpace = true
      } else {
        out.append(byte)
        inSpace = false
      }
    }
    return out
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
}
