import Foundation
import PolicyText

/// Reads the pages of a scanned PDF (no text layer) by OCR: each page rendered by poppler
/// at 300 dpi and read by tesseract with its Simplified Chinese model (`chi_sim`, Debian
/// tesseract-ocr-chi-sim), whose TSV output gives every word's box; the words of each of
/// tesseract's lines become one printed line, in points, for the PDF layout.
struct OCRPages {
  /// The resolution pages are rendered at.
  static let dotsPerInch = 300.0
  /// How long tesseract may take for one page, in seconds.
  static let secondsPerPage = 120

  /// tesseract's command on PATH, if installed.
  static var tesseract: ExternalCommand? {
    ExternalCommand(displayName: "tesseract", names: ["tesseract"])
  }

  /// The printed lines of each of `pages` (0-based) of `document`.
  /// - Throws: `TextError.malformedContainer` naming `path` when tesseract or its chi_sim
  ///   model is missing, or a page cannot be rendered or read.
  static func lines(of document: PDFDocument, pages indices: [Int], path: String) throws
    -> [[PDFLine]]
  {
    guard let tesseract else {
      throw TextError.malformedContainer(
        path: path,
        reason:
          "has no text layer (a scan), and --ocr needs tesseract, which is not installed (Debian: apt-get install tesseract-ocr-chi-sim)"
      )
    }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "policyq-ocr-\(getpid())-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    var pages: [[PDFLine]] = []
    for index in indices {
      let image = work.appendingPathComponent("page-\(index + 1).png").path
      guard document.renderPNG(ofPage: index, dotsPerInch: dotsPerInch, to: image) else {
        throw TextError.malformedContainer(
          path: path, reason: "page \(index + 1) of the scan cannot be rendered for OCR; not read")
      }
      let read = try tesseract.run(
        [image, "stdout", "-l", "chi_sim", "tsv"], seconds: secondsPerPage, for: path,
        doing: "to read a page of this scan")
      guard read.status == 0 else {
        throw TextError.malformedContainer(
          path: path,
          reason:
            "tesseract could not read a page of this scan (exit \(read.status); is its chi_sim model installed? Debian: tesseract-ocr-chi-sim); not read"
        )
      }
      let tsv = String(decoding: read.output, as: UTF8.self)
      pages.append(lines(fromTSV: tsv))
    }
    return pages
  }

  /// Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height,
  /// confidence, text; the words (level 5) of each line joined into one line.
  static func lines(fromTSV tsv: String) -> [PDFLine] {
    let scale = 72 / dotsPerInch
    var order: [String] = []
    var words: [String: [(box: PDFBox, text: String)]] = [:]
    for row in tsv.split(separator: "\n").dropFirst() {
      let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
      guard columns.count >= 12, columns[0] == "5",
        let left = Double(columns[6]), let top = Double(columns[7]),
        let width = Double(columns[8]), let height = Double(columns[9])
      else { continue }
      let text = columns[11...].joined(separator: "\t").trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { continue }
      let key = columns[1...4].joined(separator: ".")
      if words[key] == nil { order.append(key) }
      let box = PDFBox(
        x1: left * scale, y1: top * scale, x2: (left + width) * scale, y2: (top + height) * scale)
      words[key, default: []].append((box, text))
    }
    return order.compactMap { key in
      let parts = words[key] ?? []
      let top = parts.map(\.box.y1).min() ?? 0
      let bottom = parts.map(\.box.y2).max() ?? 0
      var line = PDFLine()
      for (index, part) in parts.enumerated() {
        if index > 0 { line.append([0x20], box: nil, isSpace: true) }
        let scalars = Array(part.text.unicodeScalars)
        let step = part.box.width / Double(max(scalars.count, 1))
        for (offset, scalar) in scalars.enumerated() {
          let x = part.box.x1 + Double(offset) * step
          let box = PDFBox(x1: x, y1: top, x2: x + step, y2: bottom)
          line.append(ArraySlice(Array(String(scalar).utf8)), box: box, isSpace: scalar == " ")
        }
      }
      return line.hasText ? line : nil
    }
  }
}
