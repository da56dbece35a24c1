import PolicyBytes
import PolicyText

/// Reads a PDF's text layer through poppler: the printed lines of every page, running
/// headers, footers and page numbers dropped, lines joined into paragraphs by their
/// geometry, one paragraph per line. The offsets point into the text layer as written
/// one printed line per line, a form feed before each page after the first (as
/// `pdftotext` writes it), and each of its lines knows its page.
struct PDFReader {
  /// The name given to the text layer as the part the offsets point into.
  static let layerPart = "text layer"

  /// How much the file may unpack to: the text layer's bytes, and its pages.
  var limits = ContainerLimits.standard
  /// Whether a scan (no text layer) is read by OCR.
  var ocr = false

  /// Page numbers as a diagnostic lists them: "1, 3, 4".
  static func pageList(_ pages: [Int]) -> String {
    pages.map(String.init).joined(separator: ", ")
  }

  package func read(_ bytes: [UInt8], path: String) throws -> RawText {
    let pages = try PDFPages(bytes: bytes, path: path, limits: limits, ocr: ocr)
    var raw = try Self.rawText(
      pages: pages.lines, heights: pages.heights, path: path, hasImages: pages.isScan)
    if !pages.pagesReadByOCR.isEmpty {
      raw.decoded.diagnostics.append(
        Diagnostic(
          severity: .note, file: path,
          message:
            "no text layer (a scan): \(pages.pagesReadByOCR.count) page(s) were read by OCR (tesseract, chi_sim): page \(Self.pageList(pages.pagesReadByOCR)); check the text against the page"
        ))
    }
    if !pages.scannedPagesUnread.isEmpty {
      raw.decoded.diagnostics.append(
        Diagnostic(
          severity: .warning, file: path,
          message:
            "page \(Self.pageList(pages.scannedPagesUnread)) has no text layer, only an image (a scanned page?); its text is missing: --ocr reads it"
        ))
    }
    return raw
  }

  /// The raw text of a paged document whose printed lines are `pages`.
  /// - Parameter hasImages: whether the document draws images (a scan, when it has no text).
  /// - Throws: `TextError` naming `path` when there is no text.
  static func rawText(
    pages: [[PDFLine]], heights: [Double], path: String, hasImages: Bool
  ) throws -> RawText {
    guard pages.contains(where: { !$0.isEmpty }) else {
      if hasImages {
        throw TextError.malformedContainer(
          path: path,
          reason:
            "has no text layer (a scan); it needs OCR: give --ocr (tesseract with chi_sim, Debian tesseract-ocr-chi-sim)"
        )
      }
      throw TextError.emptyFile(path: path)
    }
    let pages = PDFTableRowJoiner.joined(pages)
    let running = PDFRunningLines.flags(pages: pages, heights: heights)
    var layer: [UInt8] = []
    var pageLines = PageLines()
    var body: [PDFLine] = []
    var bodyStarts: [Int] = []
    for (page, lines) in pages.enumerated() {
      for (index, line) in lines.enumerated() {
        if page > 0 && index == 0 { layer.append(0x0C) }
        let text = line.text
        if !running[page][index] {
          var placed = line
          placed.page = page
          placed.lineOnPage = index + 1
          body.append(placed)
          bodyStarts.append(layer.count)
        }
        layer += text
        layer.append(0x0A)
        pageLines.append(page: page + 1, lineOnPage: index + 1)
      }
    }
    let paragraphs = PDFParagraphs(lines: body.filter { $0.table == nil })
    var starts = paragraphs.starts(of: body)
    let tables = PDFTableNumbers(body: body)
    var tableRows: [TableRowLayout] = []
    var output: [UInt8] = []
    var map = OffsetMap.Builder()
    for (index, line) in body.enumerated() {
      let text = line.text
      let source = bodyStarts[index]
      // A table row is a paragraph of its own.
      if let place = line.table, let table = tables.numbers[index] {
        starts[index] = true
        if index + 1 < starts.count { starts[index + 1] = true }
        tableRows.append(
          TableRowLayout(
            table: table, sourceRange: source..<(source + text.count), columns: place.columns,
            spans: place.spans, continued: []))
      }
      if starts[index] {
        if !output.isEmpty {
          output.append(0x0A)
          map.append(targetLength: 1, sourceStart: source, sourceLength: 0)
        }
      } else if let last = output.last, let first = text.first, isLatin(last) && isLatin(first) {
        output.append(0x20)
        map.append(targetLength: 1, sourceStart: source, sourceLength: 0)
      }
      output += text
      map.appendVerbatim(length: text.count, sourceStart: source)
    }
    output.append(0x0A)
    map.append(targetLength: 1, sourceStart: layer.count, sourceLength: 0)
    let decoded = DecodedText(utf8: output, map: map.map, encoding: .utf8)
    var raw = RawText(decoded: decoded, layout: .paragraphs, sourceBytes: layer, part: layerPart)
    raw.pageLines = pageLines
    raw.tableRows = tableRows
    return raw
  }

  /// Letters and digits of Latin script, which need a space where a line break parted words.
  static func isLatin(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
  }
}
