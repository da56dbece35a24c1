import PolicyText

/// The printed lines of every page of a PDF, read under the container limits: a PDF
/// with more pages than the limits allow, or whose text layer would pass the unpacking
/// limit (a PDF bomb), is refused before or while its pages are read.
struct PDFPages {
  /// The lines of each page, in poppler's reading order.
  var lines: [[PDFLine]] = []
  /// The height of each page, in points.
  var heights: [Double] = []
  /// Whether the document has no text but draws images (a scan).
  var isScan = false
  /// The pages (1-based) read by OCR: those without text that draw an image, with `ocr`.
  var pagesReadByOCR: [Int] = []
  /// The pages (1-based) without text that draw an image, left unread (no `ocr`) in a
  /// document that has text elsewhere (a scanned page among printed ones).
  var scannedPagesUnread: [Int] = []

  /// Reads the pages of the PDF in `bytes`; with `ocr`, a scan's pages by OCR.
  /// - Throws: `TextError.malformedContainer` naming `path`: encrypted, damaged, too many
  ///   pages, too much text, OCR not possible, poppler-glib not installed.
  init(bytes: [UInt8], path: String, limits: ContainerLimits, ocr: Bool = false) throws {
    let document: PDFDocument
    do {
      document = try PDFDocument(bytes: bytes)
    } catch .encrypted {
      throw TextError.malformedContainer(
        path: path, reason: "an encrypted PDF (it needs a password to be opened); not read")
    } catch .damaged(let message) {
      let detail = message.isEmpty ? "" : " (poppler: \(message))"
      throw TextError.malformedContainer(
        path: path, reason: "a damaged or truncated PDF\(detail); not read")
    } catch .noLibrary(let message) {
      throw TextError.malformedContainer(path: path, reason: "\(message); not read")
    }
    let pageCount = document.pageCount
    let maximumPages = limits.maximumPages
    if pageCount > maximumPages {
      throw TextError.malformedContainer(
        path: path,
        reason:
          "the PDF has \(pageCount) pages, over the limit of \(maximumPages) for this file (a PDF bomb?); not read. If the file is genuine, raise the limit with --max-unpacked-mib N (\(ContainerLimits.pagesPerMiB) pages per MiB)"
      )
    }
    if pageCount == 0 {
      throw TextError.malformedContainer(path: path, reason: "a PDF without pages; not read")
    }
    var total = 0
    // The columns of a table running to the foot of the page before.
    var openTable: [ClosedRange<Double>]?
    for index in 0..<pageCount {
      guard let layer = document.textLayer(ofPage: index) else {
        throw TextError.malformedContainer(
          path: path, reason: "page \(index + 1) of the PDF cannot be read (damaged); not read")
      }
      total += layer.utf8.count
      if total > limits.maximumUnpackedBytes {
        throw TextError.malformedContainer(
          path: path,
          reason:
            "the PDF's text passes the limit of \(limits.maximumUnpackedBytes >> 20) MiB for this file by page \(index + 1) (a PDF bomb?); not read. If the file is genuine, give the limit with --max-unpacked-mib N"
        )
      }
      lines.append(layer.lines(openTable: &openTable))
      heights.append(layer.height)
    }
    let scanned = lines.indices.filter { lines[$0].isEmpty && document.imageCount(onPage: $0) > 0 }
    if ocr && !scanned.isEmpty {
      let read = try OCRPages.lines(of: document, pages: scanned, path: path)
      for (index, page) in zip(scanned, read) { lines[index] = page }
      pagesReadByOCR = scanned.map { $0 + 1 }
    } else if lines.allSatisfy(\.isEmpty) {
      isScan = !scanned.isEmpty
    } else {
      scannedPagesUnread = scanned.map { $0 + 1 }
    }
  }
}
