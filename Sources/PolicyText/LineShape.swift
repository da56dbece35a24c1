import PolicyBytes

/// What a cleaned line looks like to the paragraph joiner: whether it closes a
/// paragraph, opens one, or stands alone as a title, date, document number or heading.
package struct LineShape {
  package let first: UInt32
  package let last: UInt32
  /// A page number standing alone: "— 3 —", "- 3 -", "第 3 页", "第3页 共12页".
  let isPageNumber: Bool
  /// Whether the line ends a paragraph by its punctuation (see `LineScalars.endsSentence`).
  let endsSentence: Bool
  /// Whether the line ends with a date (see `LineScalars.endsWithDate`).
  let endsWithDate: Bool
  /// Whether the line records a law's passing or revision (see `LineScalars.isEnactmentRecord`).
  let isEnactmentRecord: Bool
  /// Whether the line carries a URL or a bracketed label (see `LineScalars.isRecordLine`).
  let isRecordLine: Bool
  /// Whether the line is a document number (see `LineScalars.isDocumentNumber`).
  let isDocumentNumber: Bool
  /// Whether the line ends like a document title (see `LineScalars.endsLikeTitle`).
  let endsLikeTitle: Bool
  /// Whether the line is a heading and nothing else (see `LineScalars.isStandaloneHeading`).
  let isStandaloneHeading: Bool
  /// Whether the line is short (at most 40 scalars) and holds no sentence punctuation
  /// (。！？；：… or a comma), as a title does.
  let isShortUnpunctuated: Bool
  /// Whether the line opens with something that always starts a paragraph (see
  /// `LineScalars.opensParagraph`).
  let opensParagraph: Bool
  /// Whether the line opens with a parenthesised year (see `LineScalars.opensWithYear`).
  package let opensWithYear: Bool

  /// 印发, 发布, 通过, 公布 after a date (a date line may end with one).
  package static let datePublishingWords = ["印发", "发布", "通过", "公布"]

  /// The first and the last `endLength` scalars are all that is read of a long line.
  private static let endLength = 24

  /// The shape of `line`. Every judgement is made here, once, from the line's scalars
  /// decoded into `scratch` (storage reused from one line to the next, so that no line
  /// needs an array of its own).
  package init(
    _ line: CleanLine, segments: SegmentList, in bytes: UnsafeBufferPointer<UInt8>,
    scratch: inout [UInt32]
  ) {
    let first = segments.firstScalar(of: line, in: bytes)
    let last = segments.lastScalar(of: line, in: bytes)
    var marker: HeadingMarker? = nil
    if let firstIndex = line.segments.first {
      let range = segments[firstIndex]
      marker = HeadingMarker.match(in: bytes, at: range.lowerBound, end: range.upperBound)
      // 第二， may open a line wrapped mid-sentence: only the paragraph reader, which sees
      // whether the points run as a list, takes it for an item.
      if marker?.kind == .ordinalPoint { marker = nil }
    }
    // Long lines are only ever judged by their ends, and by their last parenthetical group
    // when they end in a parenthesis: a line of any length may end in a group whose
    // opening is far back, read backwards up to it. All their scalars are read only when a
    // colon may start a URL in them (rare). A line decodes to at most one scalar per byte.
    let endsInParenthesis = last == .scalar("）") || last == 0x29
    let readsAll =
      line.scalarCount <= 80 || endsInParenthesis && segments.holds(0x3A, in: line, bytes)
    let ends = 2 * Self.endLength
    let capacity =
      readsAll
      ? segments.byteCount(of: line) : ends + (endsInParenthesis ? segments.byteCount(of: line) : 0)
    if scratch.count < capacity {
      scratch = Array(repeating: 0, count: max(capacity, 2 * scratch.count))
    }
    // The judgements are made inside the closure: the scalars are read through pointers
    // into `scratch` that hold only while it runs.
    let judged = scratch.withUnsafeMutableBufferPointer { buffer -> LineScalars.Judgements in
      let buffer = UnsafeMutableBufferPointer(rebasing: buffer[0..<capacity])
      if readsAll {
        let count = segments.decode(line, in: bytes, into: buffer)
        let all = UnsafeBufferPointer(rebasing: buffer[0..<count])
        let open = endsInParenthesis ? all.lastIndex(where: LineScalars.isOpeningParenthesis) : nil
        return LineScalars(
          all: all, head: all.prefix(Self.endLength), tail: all.suffix(Self.endLength),
          closingGroup: open.map { all[$0...] },
          first: first, last: last, marker: marker, scalarCount: line.scalarCount
        ).judgements
      }
      let headCount = segments.decode(
        line, in: bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<Self.endLength]))
      // (Indices in a rebased buffer start at 0.)
      let tailStart =
        Self.endLength
        + segments.decodeLast(
          line, in: bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[Self.endLength..<ends])
        )
      var closingGroup: Slice<UnsafeBufferPointer<UInt32>>? = nil
      if endsInParenthesis {
        let groupStart =
          ends
          + segments.decodeLast(
            line, in: bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[ends...]),
            through: LineScalars.isOpeningParenthesis)
        if groupStart < capacity && LineScalars.isOpeningParenthesis(buffer[groupStart]) {
          closingGroup = UnsafeBufferPointer(buffer)[groupStart...]
        }
      }
      let whole = UnsafeBufferPointer(buffer)
      return LineScalars(
        all: UnsafeBufferPointer(rebasing: whole[0..<0]), head: whole[0..<headCount],
        tail: whole[tailStart..<ends],
        closingGroup: closingGroup, first: first, last: last, marker: marker,
        scalarCount: line.scalarCount
      ).judgements
    }
    self.first = first
    self.last = last
    isPageNumber = judged.isPageNumber
    endsSentence = judged.endsSentence
    endsWithDate = judged.endsWithDate
    isEnactmentRecord = judged.isEnactmentRecord
    isRecordLine = judged.isRecordLine
    isDocumentNumber = judged.isDocumentNumber
    endsLikeTitle = judged.endsLikeTitle
    isStandaloneHeading = judged.isStandaloneHeading
    isShortUnpunctuated = line.scalarCount <= 40 && !judged.holdsSentencePunctuation
    opensParagraph = judged.opensParagraph
    opensWithYear = judged.opensWithYear
  }
}
