import Foundation
import ZIPFoundation

/// Reads a Word .docx: the paragraphs and table rows of `word/document.xml`. Each
/// paragraph becomes a line; each table row one line with its cells separated by tabs.
struct DOCXReader {
  static let documentPart = "word/document.xml"
  private static let tab: [UInt8] = [0x09]
  /// What a break inside a line becomes (a soft break, or between the paragraphs of one
  /// table cell): an ideographic space, which the stray-space rule keeps.
  private static let lineBreakInLine: [UInt8] = Array("\u{3000}".utf8)

  func read(_ bytes: [UInt8], path: String) throws -> RawText {
    let archive: Archive
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw TextError.malformedContainer(path: path, reason: "not a .docx file (not a zip archive)")
    }
    guard let entry = archive[Self.documentPart] else {
      throw TextError.malformedContainer(
        path: path, reason: "not a .docx file (no \(Self.documentPart) inside)")
    }
    var xml = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
    } catch {
      throw TextError.malformedContainer(
        path: path, reason: "\(Self.documentPart) cannot be unpacked: \(error)")
    }
    let partBytes = Array(xml)
    let partPath = "\(path)!\(Self.documentPart)"
    let decoded = try TextDecoder().decode(partBytes, path: partPath, declaredEncoding: .utf8)
    var builder = MarkupTextBuilder(markup: decoded.utf8, collapsesWhitespace: false)
    var inText = 0
    var skipped = 0
    var cellDepth = 0
    let wellFormed = XMLSource.parse(decoded.utf8, as: .xml) { event in
      switch event {
      case .start(let name, _, let position):
        switch name {
        case "w:t": inText += 1
        // Deleted text, field codes, and the copy Word keeps of a text box for old readers.
        case "w:delText", "w:instrText", "w:del", "mc:Fallback": skipped += 1
        case "w:tc": cellDepth += 1
        case "w:tab": if skipped == 0 { builder.appendSeparator(Self.tab, at: position) }
        case "w:br", "w:cr": if skipped == 0 { builder.appendSeparator(Self.lineBreakInLine, at: position) }
        default: break
        }
        builder.advance(to: position)
      case .end(let name, let position):
        switch name {
        case "w:t": inText = max(0, inText - 1)
        case "w:delText", "w:instrText", "w:del", "mc:Fallback": skipped = max(0, skipped - 1)
        case "w:p":
          if cellDepth > 0 {
            builder.appendSeparator(Self.lineBreakInLine, at: position)
          } else {
            builder.appendLineBreak(at: position)
          }
        case "w:tc":
          cellDepth = max(0, cellDepth - 1)
          builder.appendCellSeparator(at: position)
        case "w:tr": builder.appendLineBreak(at: position)
        default: break
        }
        builder.advance(to: position)
      case .text(let chunk, let start, let end):
        if inText > 0 && skipped == 0 { builder.appendText(chunk, start: start, end: end) }
        else { builder.advance(to: end) }
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
    return RawText(decoded: text, layout: .paragraphs, sourceBytes: partBytes, part: Self.documentPart)
  }
}
