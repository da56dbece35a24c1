import Foundation
import PolicyBytes
import PolicyText

/// Reads a Word .docx: the paragraphs and table rows of `word/document.xml`. Each
/// paragraph becomes a line; each table row one line with its cells separated by tabs.
struct DOCXReader {
  static let documentPart = "word/document.xml"
  private static let tab: [UInt8] = [0x09]
  /// What a break inside a line becomes (a soft break, or between the paragraphs of one
  /// table cell): an ideographic space, which the stray-space rule keeps.
  private static let lineBreakInLine: [UInt8] = Array("\u{3000}".utf8)

  /// How much the archive's parts may unpack to.
  var limits = ContainerLimits.standard

  package func read(_ bytes: [UInt8], path: String) throws -> RawText {
    let partBytes = try documentPart(of: bytes, path: path)
    let partPath = "\(path)!\(Self.documentPart)"
    let decoded = try TextDecoder().decode(partBytes, path: partPath, declaredEncoding: .utf8)
    var builder = MarkupTextBuilder(markup: decoded.utf8, collapsesWhitespace: false)
    var inText = 0
    var skipped = 0
    var cellDepth = 0
    // The grids of the open tables, innermost last, and the rows of the closed ones.
    var tables: [TableGrid] = []
    var tableCount = 0
    var layouts: [TableRowLayout] = []
    // The cell whose properties are being read: its span and whether it continues a
    // vertical merge; it takes its place on the grid once they are read.
    var pendingCell: (span: Int, continuesAbove: Bool)?
    func placePendingCell() {
      guard let cell = pendingCell, !tables.isEmpty else { return }
      pendingCell = nil
      tables[tables.count - 1].startCell(
        span: cell.span, rowSpan: 1, outputLength: builder.utf8.count,
        continuesAbove: cell.continuesAbove)
    }
    let wellFormed = XMLSource.parse(decoded.utf8, as: .xml) { event in
      switch event {
      case .start(let name, let attributes, let position):
        switch name {
        case "w:t": inText += 1
        // Deleted text, field codes, and the copy Word keeps of a text box for old readers.
        case "w:delText", "w:instrText", "w:del", "mc:Fallback": skipped += 1
        case "w:tbl":
          tables.append(TableGrid(table: tableCount))
          tableCount += 1
        case "w:tr": tables.indices.last.map { tables[$0].startRow(at: position) }
        case "w:tc":
          cellDepth += 1
          pendingCell = (1, false)
        case "w:gridSpan": pendingCell?.span = HTMLReader.number("w:val", in: attributes)
        // A w:vMerge without "restart" continues the cell above.
        case "w:vMerge":
          if !attributes.containsBytes("restart") { pendingCell?.continuesAbove = true }
        case "w:p": placePendingCell()
        case "w:tab": if skipped == 0 { builder.appendSeparator(Self.tab, at: position) }
        case "w:br", "w:cr":
          if skipped == 0 { builder.appendSeparator(Self.lineBreakInLine, at: position) }
        default: break
        }
        builder.advance(to: position)
      case .end(let name, let position):
        switch name {
        case "w:t": inText = max(0, inText - 1)
        case "w:delText", "w:instrText", "w:del", "mc:Fallback": skipped = max(0, skipped - 1)
        case "w:tcPr": placePendingCell()
        case "w:p":
          if cellDepth > 0 {
            builder.appendSeparator(Self.lineBreakInLine, at: position)
          } else {
            builder.appendLineBreak(at: position)
          }
        case "w:tc":
          placePendingCell()
          cellDepth = max(0, cellDepth - 1)
          tables.indices.last.map { tables[$0].endCell(outputLength: builder.utf8.count) }
          builder.appendCellSeparator(at: position)
        case "w:tr":
          tables.indices.last.map { tables[$0].endRow(at: position) }
          builder.appendLineBreak(at: position)
        case "w:tbl":
          if let grid = tables.popLast() { layouts += grid.rows }
        default: break
        }
        builder.advance(to: position)
      case .text(let chunk, let start, let end):
        if inText > 0 && skipped == 0 {
          builder.appendText(chunk, start: start, end: end)
        } else {
          builder.advance(to: end)
        }
      }
    }
    var diagnostics = decoded.diagnostics
    if !wellFormed {
      diagnostics.append(
        Diagnostic(
          severity: .warning, file: path,
          message: "\(Self.documentPart) is not well-formed XML; its text was recovered"))
    }
    if builder.utf8.isEmpty { throw TextError.emptyFile(path: path) }
    let text = DecodedText(
      utf8: builder.utf8, map: builder.map.map.composed(with: decoded.map),
      encoding: decoded.encoding, diagnostics: diagnostics)
    var raw = RawText(
      decoded: text, layout: .paragraphs, sourceBytes: partBytes, part: Self.documentPart)
    raw.tableRows = layouts.map { row in
      var row = row
      row.sourceRange = decoded.map.sourceRange(for: row.sourceRange)
      return row
    }
    return raw
  }

  /// The unpacked bytes of `word/document.xml`.
  /// - Throws: `TextError.malformedContainer` naming the file: not a zip archive, a damaged
  ///   one, no document part, or a part that would unpack past the limits.
  private func documentPart(of bytes: [UInt8], path: String) throws -> [UInt8] {
    do {
      let archive = try ZipArchive(bytes)
      guard let member = archive.member(named: Self.documentPart) else {
        throw TextError.malformedContainer(
          path: path, reason: "not a .docx file (no \(Self.documentPart) inside)")
      }
      return try archive.contents(of: member, within: limits)
    } catch let damage as ZipArchive.Damage {
      throw TextError.malformedContainer(
        path: path,
        reason: damage.isNotAnArchive
          ? "not a .docx file (not a zip archive)" : "a damaged .docx: \(damage.reason)")
    } catch let exceeded as ContainerLimits.Exceeded {
      let mebibytes = exceeded.limit >> 20
      let size = exceeded.size.map { "\($0 >> 20) MiB, over" } ?? "more than"
      throw TextError.malformedContainer(
        path: path,
        reason:
          "\(exceeded.part) would unpack to \(size) the limit of \(mebibytes) MiB for this file (a zip bomb?); not read. If the file is genuine, give the limit with --max-unpacked-mib N (which also lifts the ratio to its packed size)"
      )
    }
  }
}
