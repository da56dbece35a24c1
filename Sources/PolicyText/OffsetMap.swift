import PolicyBytes

/// Maps byte offsets in a derived UTF-8 text back to byte ranges in the text it was made
/// from (the source file, or an earlier stage of processing).
///
/// The map is a sorted list of pieces. A piece covers `count` units of the derived text,
/// each `targetUnit` bytes long, that came from `count` consecutive units of the source,
/// each `sourceUnit` bytes long. Text copied verbatim is one piece with both units 1;
/// a run of GB18030 ideographs decoded to UTF-8 is one piece with units 3 and 2; a
/// character the cleaner inserted has `sourceUnit` 0. So a whole document usually needs
/// a few pieces per line, and every character of the derived text maps to the source
/// bytes it came from.
public struct OffsetMap: Sendable, Equatable {
  /// A run of derived text with a uniform correspondence to the source.
  public struct Piece: Sendable, Equatable {
    /// Where the run starts in the derived text.
    public var targetStart: Int
    /// Where the run starts in the source.
    public var sourceStart: Int
    /// Number of units in the run.
    public var count: Int
    /// Bytes per unit in the derived text.
    public var targetUnit: Int
    /// Bytes per unit in the source (0 for inserted text).
    public var sourceUnit: Int

    /// The end of the run in the derived text.
    public var targetEnd: Int { targetStart + count * targetUnit }
    /// The end of the run in the source.
    public var sourceEnd: Int { sourceStart + count * sourceUnit }
  }

  /// The pieces, sorted by `targetStart` and covering the derived text without gaps.
  public private(set) var pieces: [Piece]

  /// The length of the derived text in bytes.
  public var targetLength: Int { pieces.last?.targetEnd ?? 0 }

  /// Creates a map from pieces already sorted and contiguous in the derived text.
  package init(pieces: [Piece]) {
    self.pieces = pieces
  }

  /// A map for text copied verbatim from `sourceStart` on.
  public static func identity(length: Int, sourceStart: Int = 0) -> OffsetMap {
    var builder = Builder()
    builder.appendVerbatim(length: length, sourceStart: sourceStart)
    return builder.map
  }

  /// The source bytes behind the derived byte at `offset`.
  ///
  /// An offset at or past the end maps to the empty range at the end of the last piece.
  /// - Complexity: O(log n) in the number of pieces.
  public func sourceRange(at offset: Int) -> Range<Int> {
    guard let index = pieceIndex(containing: offset) else {
      let end = pieces.last?.sourceEnd ?? 0
      return end..<end
    }
    let piece = pieces[index]
    let unit = (offset - piece.targetStart) / piece.targetUnit
    let start = piece.sourceStart + unit * piece.sourceUnit
    return start..<(start + piece.sourceUnit)
  }

  /// The source bytes behind the derived range `range`: from the start of its first
  /// byte's source to the end of its last byte's source.
  /// - Complexity: O(log n) in the number of pieces.
  public func sourceRange(for range: Range<Int>) -> Range<Int> {
    let first = sourceRange(at: range.lowerBound)
    if range.isEmpty { return first.lowerBound..<first.lowerBound }
    let last = sourceRange(at: range.upperBound - 1)
    return first.lowerBound..<max(first.lowerBound, last.upperBound)
  }

  /// The map from this map's derived text to `inner`'s source, where `inner` maps this
  /// map's source onward (derived → middle → source).
  public func composed(with inner: OffsetMap) -> OffsetMap {
    var builder = Builder()
    for piece in pieces {
      if piece.targetUnit == piece.sourceUnit && piece.sourceUnit == 1 {
        appendVerbatimPiece(piece, through: inner, to: &builder)
      } else {
        for unit in 0..<piece.count {
          let sourceStart = piece.sourceStart + unit * piece.sourceUnit
          let range = inner.sourceRange(for: sourceStart..<(sourceStart + piece.sourceUnit))
          builder.append(
            targetLength: piece.targetUnit, sourceStart: range.lowerBound,
            sourceLength: range.count)
        }
      }
    }
    return builder.map
  }

  /// Appends a verbatim piece of this map, split along the pieces of `inner` it spans.
  private func appendVerbatimPiece(
    _ piece: Piece, through inner: OffsetMap, to builder: inout Builder
  ) {
    var middle = piece.sourceStart
    let middleEnd = piece.sourceEnd
    guard var index = inner.pieceIndex(containing: middle) else {
      builder.append(
        targetLength: piece.count, sourceStart: inner.sourceRange(at: middle).lowerBound,
        sourceLength: 0)
      return
    }
    while middle < middleEnd && index < inner.pieces.count {
      let innerPiece = inner.pieces[index]
      let overlapEnd = min(middleEnd, innerPiece.targetEnd)
      let offsetInPiece = middle - innerPiece.targetStart
      if offsetInPiece % innerPiece.targetUnit == 0
        && (overlapEnd - middle) % innerPiece.targetUnit == 0
      {
        let units = (overlapEnd - middle) / innerPiece.targetUnit
        let sourceStart =
          innerPiece.sourceStart + offsetInPiece / innerPiece.targetUnit * innerPiece.sourceUnit
        builder.append(
          units: units, targetUnit: innerPiece.targetUnit, sourceStart: sourceStart,
          sourceUnit: innerPiece.sourceUnit)
      } else {
        let range = inner.sourceRange(for: middle..<overlapEnd)
        builder.append(
          targetLength: overlapEnd - middle, sourceStart: range.lowerBound,
          sourceLength: range.count)
      }
      middle = overlapEnd
      index += 1
    }
  }

  /// The derived offset where source byte `offset` went: the start of the derived unit
  /// made from the source unit that holds it; for a source byte nothing came from (a
  /// character folding deleted), the start of what came next. For maps that keep the
  /// source's order, as folding's does.
  /// - Complexity: O(log n) in the number of pieces.
  package func targetOffset(ofSource offset: Int) -> Int {
    // The first piece that ends after `offset` in the source.
    let index = SortedSearch.lowerBound(offset + 1, in: pieces) { $0.sourceEnd }
    guard index < pieces.count else { return targetLength }
    let piece = pieces[index]
    guard piece.sourceUnit > 0, offset > piece.sourceStart else { return piece.targetStart }
    return piece.targetStart + (offset - piece.sourceStart) / piece.sourceUnit * piece.targetUnit
  }

  /// The index of the piece that covers derived byte `offset`, if any.
  func pieceIndex(containing offset: Int) -> Int? {
    let index = SortedSearch.lowerBound(offset + 1, in: pieces) { $0.targetEnd }
    guard index < pieces.count, pieces[index].targetStart <= offset else { return nil }
    return index
  }
}

extension OffsetMap {
  /// Builds a map piece by piece while the derived text is written, merging runs.
  package struct Builder {
    package private(set) var map = OffsetMap(pieces: [])
    private var targetEnd = 0

    /// Records `length` derived bytes copied verbatim from `sourceStart`.
    package mutating func appendVerbatim(length: Int, sourceStart: Int) {
      guard length > 0 else { return }
      append(units: length, targetUnit: 1, sourceStart: sourceStart, sourceUnit: 1)
    }

    /// Records one derived unit of `targetLength` bytes made from `sourceLength` bytes.
    package mutating func append(targetLength: Int, sourceStart: Int, sourceLength: Int) {
      guard targetLength > 0 else { return }
      if targetLength == sourceLength {
        appendVerbatim(length: targetLength, sourceStart: sourceStart)
      } else {
        append(
          units: 1, targetUnit: targetLength, sourceStart: sourceStart, sourceUnit: sourceLength)
      }
    }

    /// Records `units` derived units of `targetUnit` bytes, each made from `sourceUnit`
    /// consecutive source bytes starting at `sourceStart`.
    package mutating func append(units: Int, targetUnit: Int, sourceStart: Int, sourceUnit: Int) {
      guard units > 0 else { return }
      if let last = map.pieces.last, last.targetUnit == targetUnit, last.sourceUnit == sourceUnit,
        last.sourceEnd == sourceStart, sourceUnit > 0
      {
        map.pieces[map.pieces.count - 1].count += units
      } else {
        map.pieces.append(
          Piece(
            targetStart: targetEnd, sourceStart: sourceStart, count: units,
            targetUnit: targetUnit, sourceUnit: sourceUnit))
      }
      targetEnd += units * targetUnit
    }
    package init() {}
  }
}
