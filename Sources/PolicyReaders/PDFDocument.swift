internal import CPopplerShim

/// An open PDF, read through poppler-glib: the sole caller of the poppler shim. A C handle,
/// so a class, freed in `deinit` and never shared between threads.
final class PDFDocument {
  /// Why poppler could not open a PDF.
  enum OpenFailure: Error {
    /// It needs a password.
    case encrypted
    /// It is damaged, truncated or not a PDF; poppler's message.
    case damaged(String)
    /// poppler-glib is not installed; what to install.
    case noLibrary(String)
  }

  private let handle: OpaquePointer

  /// Opens the PDF in `bytes`.
  /// - Throws: `OpenFailure`.
  init(bytes: [UInt8]) throws(OpenFailure) {
    var opened: OpaquePointer?
    var message = [CChar](repeating: 0, count: 512)
    let code = bytes.withUnsafeBufferPointer { buffer in
      message.withUnsafeMutableBufferPointer { text in
        pq_pdf_open(
          buffer.baseAddress, Int64(buffer.count), &opened, text.baseAddress, Int32(text.count))
      }
    }
    guard code == 0, let opened else {
      if code == 1 { throw .encrypted }
      let text = String(
        decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw code == 3 ? .noLibrary(text) : .damaged(text)
    }
    handle = opened
  }

  deinit { pq_pdf_close(handle) }

  /// The number of pages.
  var pageCount: Int { Int(pq_pdf_page_count(handle)) }

  /// The text layer of page `index` (0-based), or nil when poppler cannot read the page.
  func textLayer(ofPage index: Int) -> PDFTextLayer? {
    var width = 0.0
    var height = 0.0
    var utf8: UnsafeMutablePointer<UInt8>?
    var length: Int64 = 0
    var boxes: UnsafeMutablePointer<Double>?
    var boxCount: Int64 = 0
    guard
      pq_pdf_page_text(
        handle, Int32(index), &width, &height, &utf8, &length, &boxes, &boxCount) == 0
    else { return nil }
    defer {
      pq_pdf_free(utf8)
      pq_pdf_free(boxes)
    }
    let text = utf8.map { Array(UnsafeBufferPointer(start: $0, count: Int(length))) } ?? []
    let values = boxes.map { Array(UnsafeBufferPointer(start: $0, count: Int(boxCount) * 4)) } ?? []
    return PDFTextLayer(width: width, height: height, utf8: text, boxValues: values)
  }

  /// Renders page `index` (0-based) at `dotsPerInch` to a PNG file at `path`; whether it
  /// was written.
  func renderPNG(ofPage index: Int, dotsPerInch: Double, to path: String) -> Bool {
    pq_pdf_render_page_png(handle, Int32(index), dotsPerInch / 72, path) == 0
  }

  /// The number of images drawn on page `index` (0-based).
  func imageCount(onPage index: Int) -> Int { Int(pq_pdf_page_image_count(handle, Int32(index))) }
}
