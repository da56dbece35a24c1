/// Finds the running headers, footers and page numbers of a paged document (页眉, 页脚,
/// 页码): lines in the top or bottom tenth of a page that are a page number ("— 3 —",
/// "- 3 -", "第3页", "3", "3/12"), or whose text, digits aside, comes back in that band on
/// at least half of the pages (two at least).
struct PDFRunningLines {
  /// The share of the page height, at the top and at the bottom, where running lines sit.
  static let band = 0.1

  /// For each page, for each of its lines, whether it is a running line.
  static func flags(pages: [[PDFLine]], heights: [Double]) -> [[Bool]] {
    var keyPages: [[UInt8]: Set<Int>] = [:]
    var inBand: [[Bool]] = []
    for (page, lines) in pages.enumerated() {
      let height = page < heights.count ? heights[page] : 842
      let flags = lines.map { line in
        line.box.y2 <= height * band || line.box.y1 >= height * (1 - band)
      }
      inBand.append(flags)
      for (line, isInBand) in zip(lines, flags) where isInBand {
        keyPages[key(of: line.utf8), default: []].insert(page)
      }
    }
    let needed = max(2, (pages.count + 1) / 2)
    return pages.enumerated().map { page, lines in
      lines.enumerated().map { index, line in
        if isPageNumber(line.utf8) && (inBand[page][index] || index == lines.count - 1) {
          return true
        }
        guard inBand[page][index], pages.count >= 2 else { return false }
        return (keyPages[key(of: line.utf8)]?.count ?? 0) >= needed
      }
    }
  }

  /// The text without digits and spaces, so that "政策文件 3" and "政策文件 4" are one.
  private static func key(of utf8: [UInt8]) -> [UInt8] {
    utf8.filter { !($0 >= 0x30 && $0 <= 0x39) && $0 != 0x20 }
  }

  /// Whether a line is only a page number: digits between dashes, "第N页" (with "共M页"),
  /// or "N/M".
  static func isPageNumber(_ utf8: [UInt8]) -> Bool {
    let scalars = String(decoding: utf8, as: UTF8.self).unicodeScalars.filter {
      $0 != " " && $0 != "\u{3000}"
    }
    let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－", "―", "─", "·"]
    var body = Substring.UnicodeScalarView(scalars)
    while let first = body.first, dashes.contains(first) { body.removeFirst() }
    while let last = body.last, dashes.contains(last) { body.removeLast() }
    let text = String(body)
    if text.isEmpty || text.count > 12 { return false }
    func isDigits(_ part: Substring) -> Bool {
      !part.isEmpty && part.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    }
    if isDigits(Substring(text)) { return true }
    let halves = text.split(separator: "/", omittingEmptySubsequences: false)
    if halves.count == 2, isDigits(halves[0]), isDigits(halves[1]) { return true }
    if text.hasPrefix("第"), text.hasSuffix("页") {
      let inner = text.dropFirst().dropLast()
      let parts = inner.split(separator: "页")
      if parts.count == 1 { return isDigits(parts[0]) }
      if parts.count == 2, isDigits(parts[0]), parts[1].hasPrefix("共") {
        return isDigits(parts[1].dropFirst())
      }
    }
    if text.hasPrefix("共"), text.hasSuffix("页") { return false }
    return false
  }
}
