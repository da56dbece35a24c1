import PolicyBytes
import PolicyModel
import PolicyText

/// Cuts a unit whose folded text is longer than `IndexLimits.unitScalars` into pieces of
/// at most that many scalars, each a unit of its own: the first keeps the unit's id and
/// heading, the others are `<id>~2`, `<id>~3`… with no heading in their text. A cut falls
/// just after the last sentence end (。！？；or a line break) in the last quarter of a
/// piece, else where the piece is full. Each piece has the departments named in it.
///
/// A file that is one line of 200 MB becomes pieces of 64 Ki characters: positions, the
/// postings buffered per unit, and what a search reads and scans per hit stay bounded.
enum UnitPieces {
  /// How far back from a full piece a cut looks for a sentence end, in bytes.
  static func sentenceWindow(limit: Int) -> Int { max(1, limit / 4) }

  /// `unit` as it is when it fits `limit`, else its pieces, in order.
  /// - Complexity: O(n) in the unit's text.
  static func pieces(
    of unit: UnitDraft, in document: PolicyDocument, limit: Int = IndexLimits.unitScalars
  ) -> [UnitDraft] {
    let text = document.text
    let bytes = text.utf8
    let folded = text.foldedUTF8
    let spans = unit.spans.map { span -> Range<Int> in
      let lower = max(0, min(span.start, bytes.count))
      return lower..<max(lower, min(span.end, bytes.count))
    }
    /// Where source byte `offset` lands in the folded text.
    func foldedOffset(_ offset: Int) -> Int {
      text.foldedMap.targetOffset(ofSource: offset)
    }
    var total = max(0, spans.count - 1)
    for span in spans {
      total += UTF8Scalars.count(
        in: folded, range: foldedOffset(span.lowerBound)..<foldedOffset(span.upperBound))
      if total > limit { break }
    }
    guard total > limit else { return [unit] }

    var pieces: [[TextSpan]] = [[]]
    var used = 0
    for span in spans {
      var start = span.lowerBound
      while start < span.upperBound {
        let join = pieces[pieces.count - 1].isEmpty ? 0 : 1
        let budget = limit - used - join
        // Walk the folded text for `budget` scalars.
        var at = foldedOffset(start)
        let end = foldedOffset(span.upperBound)
        var counted = 0
        while at < end && counted < budget {
          at += 1
          while at < end && folded[at] & 0xC0 == 0x80 { at += 1 }
          counted += 1
        }
        if at >= end {
          pieces[pieces.count - 1].append(TextSpan(start, span.upperBound))
          used += join + counted
          break
        }
        // The source character behind the first folded scalar left out starts the next piece.
        var cut = max(start, min(span.upperBound, text.foldedMap.sourceRange(at: at).lowerBound))
        cut =
          sentenceEnd(in: bytes, from: start, before: cut, window: sentenceWindow(limit: limit))
          ?? cut
        if cut > start {
          pieces[pieces.count - 1].append(TextSpan(start, cut))
          start = cut
        } else if pieces[pieces.count - 1].isEmpty {
          // One character folds to more than `limit` scalars: it cannot be cut.
          var next = start + 1
          while next < span.upperBound && bytes[next] & 0xC0 == 0x80 { next += 1 }
          pieces[pieces.count - 1].append(TextSpan(start, next))
          start = next
        }
        pieces.append([])
        used = 0
      }
    }
    if pieces[pieces.count - 1].isEmpty { pieces.removeLast() }
    return made(pieces, of: unit, in: document, limit: limit)
  }

  /// The end (exclusive) of the last sentence end in `bytes[max(start, cut - window)..<cut]`,
  /// if one lies there.
  private static func sentenceEnd(in bytes: [UInt8], from start: Int, before cut: Int, window: Int)
    -> Int?
  {
    var index = cut - 1
    let floor = max(start, cut - window)
    while index >= floor {
      let byte = bytes[index]
      if byte == 0x0A { return index + 1 }
      // 。 E3 80 82; ！ EF BC 81; ？ EF BC 9F; ；EF BC 9B: found at their last byte.
      if index - 2 >= floor {
        let lead = (bytes[index - 2], bytes[index - 1])
        if (lead == (0xE3, 0x80) && byte == 0x82)
          || (lead == (0xEF, 0xBC) && (byte == 0x81 || byte == 0x9F || byte == 0x9B))
        {
          return index + 1
        }
      }
      index -= 1
    }
    return nil
  }

  /// The units of `pieces` (spans of `unit`'s text), each with the departments named in it.
  private static func made(
    _ pieces: [[TextSpan]], of unit: UnitDraft, in document: PolicyDocument, limit: Int
  ) -> [UnitDraft] {
    let starts = pieces.map { $0.first?.start ?? 0 }
    var departments: [[UnitDepartment]] = Array(repeating: [], count: pieces.count)
    var departmentStarts: [[Int]] = Array(repeating: [], count: pieces.count)
    for (index, department) in unit.fields.departments.enumerated() {
      let named = index < unit.departmentStarts.count ? unit.departmentStarts[index] : 0
      // The last piece that starts at or before the name (the first for a name before all).
      let piece = max(0, SortedSearch.lowerBound(named + 1, in: starts) { $0 } - 1)
      departments[piece].append(department)
      departmentStarts[piece].append(named)
    }
    let heading = String(String.UnicodeScalarView(unit.fields.heading.unicodeScalars.prefix(limit)))
    var made: [UnitDraft] = []
    made.reserveCapacity(pieces.count)
    for (number, spans) in pieces.enumerated() {
      var fields = unit.fields
      fields.id = number == 0 ? unit.fields.id : "\(unit.fields.id)~\(number + 1)"
      fields.heading = heading
      fields.departments = departments[number]
      if number > 0 {
        fields.headingLength = 0
        fields.textStart = starts[number]
        fields.place(at: document.sourceSpan(of: TextSpan(starts[number], starts[number])))
      }
      made.append(
        UnitDraft(fields: fields, spans: spans, departmentStarts: departmentStarts[number]))
    }
    // The first piece's heading cannot be longer than its text.
    if let first = made.first {
      let length = first.spans.reduce(max(0, first.spans.count - 1)) { sum, span in
        sum
          + UTF8Scalars.count(
            in: document.text.foldedUTF8,
            range: document.text.foldedMap.targetOffset(
              ofSource: span.start)..<document.text.foldedMap.targetOffset(ofSource: span.end))
      }
      made[0].fields.headingLength = min(first.fields.headingLength, length)
    }
    return made
  }
}
