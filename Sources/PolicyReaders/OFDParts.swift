import PolicyBytes

/// Reads the XML parts of an OFD with libxml2's SAX parser: the document root OFD.xml
/// names, the page list of Document.xml, and the text of a page's Content.xml.
enum OFDParts {
  /// Points per millimetre: OFD positions are in millimetres, the layout works in points.
  static let pointsPerMillimetre = 72 / 25.4

  /// The text of the first DocRoot element of OFD.xml.
  static func documentRoot(_ xml: [UInt8]) -> String? {
    var inRoot = false
    var root = ""
    _ = XMLSource.parse(xml, as: .xml) { event in
      switch event {
      case .start(let name, _, _): inRoot = localName(name) == "DocRoot" && root.isEmpty
      case .end: inRoot = false
      case .text(let chunk, _, _):
        if inRoot { root += String(decoding: chunk, as: UTF8.self) }
      }
    }
    let trimmed = root.trimmingScalars(where: {
      $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r"
    })
    return trimmed.isEmpty ? nil : trimmed
  }

  /// The BaseLoc of each Page of Document.xml, in order.
  static func pageLocations(_ xml: [UInt8]) -> [String] {
    var locations: [String] = []
    _ = XMLSource.parse(xml, as: .xml) { event in
      if case .start(let name, let attributes, _) = event, localName(name) == "Page",
        let location = value(of: "BaseLoc", in: attributes)
      {
        locations.append(location)
      }
    }
    return locations
  }

  /// A page: its size and each TextCode as a fragment of a line, in points.
  struct Page {
    /// The page's width and height.
    var width = 595.0
    var height = 842.0
    /// The text of each TextCode, with its characters' boxes.
    var fragments: [PDFLine] = []
    /// Whether the page draws an image.
    var hasImages = false
  }

  /// One TextCode: its object's Boundary and font size, its origin and advances, its text.
  private struct Code {
    var boundary: [Double]
    var size: Double
    var x: Double
    var y: Double
    var deltas: [Double]
    var text: String
  }

  /// The text of a page's Content.xml.
  static func page(_ xml: [UInt8]) -> Page {
    var page = Page()
    var codes: [Code] = []
    var boundary: [Double] = []
    var size = 0.0
    var open: Code?
    _ = XMLSource.parse(xml, as: .xml) { event in
      switch event {
      case .start(let name, let attributes, _):
        switch localName(name) {
        case "TextObject":
          boundary = numbers(value(of: "Boundary", in: attributes) ?? "")
          size =
            Double(value(of: "Size", in: attributes) ?? "")
            ?? (boundary.count == 4 ? boundary[3] : 3.5)
        case "TextCode":
          open = Code(
            boundary: boundary, size: size, x: Double(value(of: "X", in: attributes) ?? "") ?? 0,
            y: Double(value(of: "Y", in: attributes) ?? "") ?? 0,
            deltas: deltas(value(of: "DeltaX", in: attributes) ?? ""), text: "")
        case "ImageObject": page.hasImages = true
        default: break
        }
      case .end(let name, _):
        if localName(name) == "TextCode", let code = open {
          codes.append(code)
          open = nil
        }
      case .text(let chunk, _, _):
        open?.text += String(decoding: chunk, as: UTF8.self)
      }
    }
    page.fragments = mergedUnplaced(codes).compactMap(fragment)
    if let box = physicalBox(xml), box.count == 4 {
      page.width = box[2] * pointsPerMillimetre
      page.height = box[3] * pointsPerMillimetre
    }
    return page
  }

  /// Codes in a row that share one Boundary and all start at X 0 say nothing of where
  /// each stands within it (some writers, easyofd among them, give every run of a line
  /// its line's box): they are one run, in document order, spread over the box.
  private static func mergedUnplaced(_ codes: [Code]) -> [Code] {
    var result: [Code] = []
    for code in codes {
      if var last = result.last, last.boundary == code.boundary, last.boundary.count == 4,
        last.x == 0, code.x == 0
      {
        last.text += code.text
        let count = max(last.text.unicodeScalars.count, 1)
        last.deltas = Array(repeating: last.boundary[2] / Double(count), count: count)
        result[result.count - 1] = last
      } else {
        result.append(code)
      }
    }
    return result
  }

  /// A code as a fragment of a line, each character boxed, in points.
  private static func fragment(_ code: Code) -> PDFLine? {
    let scale = pointsPerMillimetre
    let left = (code.boundary.first ?? 0) + code.x
    let baseline = (code.boundary.count > 1 ? code.boundary[1] : 0) + code.y
    var fragment = PDFLine()
    var x = left
    let utf8 = Array(code.text.utf8)
    var index = 0
    var character = 0
    while index < utf8.count {
      let byte = utf8[index]
      let length = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      let end = min(index + length, utf8.count)
      let advance = character < code.deltas.count ? code.deltas[character] : code.size
      let box = PDFBox(
        x1: x * scale, y1: (baseline - code.size) * scale,
        x2: (x + min(advance, code.size)) * scale, y2: baseline * scale)
      fragment.append(utf8[index..<end], box: box, isSpace: byte == 0x20 || byte == 0x09)
      x += advance
      character += 1
      index = end
    }
    return fragment.hasText ? fragment : nil
  }

  /// The first PhysicalBox of a part ("0 0 210 297"), as numbers.
  private static func physicalBox(_ xml: [UInt8]) -> [Double]? {
    var inBox = false
    var found: String?
    _ = XMLSource.parse(xml, as: .xml) { event in
      switch event {
      case .start(let name, _, _): inBox = localName(name) == "PhysicalBox" && found == nil
      case .end: inBox = false
      case .text(let chunk, _, _):
        if inBox { found = (found ?? "") + String(decoding: chunk, as: UTF8.self) }
      }
    }
    return found.map(numbers)
  }

  /// An element's name without its namespace prefix ("ofd:Page" → "Page").
  private static func localName(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
  }

  /// The value of attribute `key` in the shim's "key=value key=value" list (values may
  /// hold spaces; a word with "=" starts the next attribute).
  static func value(of key: String, in attributes: String) -> String? {
    var current: String?
    var words: [Substring] = []
    for word in attributes.split(separator: " ") {
      if let equals = word.firstIndex(of: "=") {
        if current == key { break }
        current = String(word[..<equals])
        words = [word[word.index(after: equals)...]]
      } else {
        words.append(word)
      }
    }
    return current == key ? words.joined(separator: " ") : nil
  }

  /// Numbers separated by spaces.
  private static func numbers(_ text: String) -> [Double] {
    text.split(separator: " ").compactMap { Double($0) }
  }

  /// A DeltaX list: numbers, where "g N d" stands for N times d.
  static func deltas(_ text: String) -> [Double] {
    var result: [Double] = []
    var words = text.split(separator: " ")[...]
    while let word = words.popFirst() {
      if word == "g", let count = words.popFirst().flatMap({ Int($0) }),
        let delta = words.popFirst().flatMap({ Double($0) })
      {
        result += Array(repeating: delta, count: min(max(count, 0), 100_000))
      } else if let delta = Double(word) {
        result.append(delta)
      }
    }
    return result
  }
}
