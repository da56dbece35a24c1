import Foundation

/// Small PDF files written by hand for the reader's error tests: pages with a line of
/// Latin text (Helvetica), pages that only draw an image (a scan), an /Encrypt dictionary,
/// or thousands of pages. The cross-reference table is computed, so poppler reads them
/// without repairing.
public enum TestPDF {
  /// What a page holds.
  public enum Page {
    /// A line of ASCII text at the top.
    case text(String)
    /// A gray 8 × 8 image scaled over the page, and no text.
    case image
    /// A JPEG (RGB, `width` × `height` pixels) over the whole page, and no text: a scan.
    case jpeg([UInt8], width: Int, height: Int)
  }

  /// A PDF of `pages`; with `encrypted`, an /Encrypt dictionary whose user password is
  /// not the empty one (poppler asks for a password).
  public static func make(pages: [Page], encrypted: Bool = false) -> [UInt8] {
    var objects: [String] = []
    // 1: catalog, 2: pages, 3: font, 4: image; then a page and its content per page.
    let pageObjects = pages.indices.map { 5 + 2 * $0 }
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    let kids = pageObjects.map { "\($0) 0 R" }.joined(separator: " ")
    objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    let pixels = String(repeating: "\u{80}", count: 64)
    objects.append(
      "<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n\(pixels)\nendstream"
    )
    // Scanned pages' images come after the pages.
    var scans: [String] = []
    for (index, page) in pages.enumerated() {
      let content: String
      var image = "4 0 R"
      switch page {
      case .text(let line): content = "BT /F1 12 Tf 72 720 Td (\(line)) Tj ET"
      case .image: content = "q 595 0 0 842 0 0 cm /Im1 Do Q"
      case .jpeg(let bytes, let width, let height):
        content = "q 595 0 0 842 0 0 cm /Im1 Do Q"
        image = "\(5 + 2 * pages.count + scans.count) 0 R"
        let data = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        scans.append(
          "<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length \(bytes.count) >>\nstream\n\(data)\nendstream"
        )
      }
      objects.append(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 \(image) >> >> /Contents \(pageObjects[index] + 1) 0 R >>"
      )
      objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
    }
    objects += scans
    if encrypted {
      let filler = String(repeating: "7", count: 64)
      objects.append(
        "<< /Filter /Standard /V 1 /R 2 /O <\(filler)> /U <\(filler)> /P -4 >>")
    }
    var out = Array("%PDF-1.4\n".utf8)
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(out.count)
      // The image's bytes are Latin-1 0x80s, written as single bytes.
      out += bytes("\(index + 1) 0 obj\n\(object)\nendobj\n")
    }
    let xref = out.count
    out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
    for offset in offsets { out += Array(String(format: "%010d 00000 n \n", offset).utf8) }
    let encrypt =
      encrypted
      ? " /Encrypt \(objects.count) 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
      : ""
    out += Array(
      "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(encrypt) >>\nstartxref\n\(xref)\n%%EOF\n"
        .utf8)
    return out
  }

  /// The bytes of `text`, each scalar below 256 as one byte (PDF's bytes are Latin-1 here).
  private static func bytes(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
  }
}
