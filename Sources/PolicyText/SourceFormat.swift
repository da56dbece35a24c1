/// The file formats policyq reads.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
  case plainText = "text"
  case markdown
  case html
  case docx
  /// PDF: the text layer, read through poppler.
  case pdf
  /// OFD (GB/T 33190-2016): a zip of XML pages.
  case ofd
  /// Word 97–2003 .doc, converted to .docx by LibreOffice.
  case doc
  /// WPS Office .wps, converted to .docx by LibreOffice.
  case wps
  /// Rich Text Format, converted to .docx by LibreOffice.
  case rtf

  /// The format a file name's extension says, or nil for an unknown extension.
  public init?(pathExtension: String) {
    switch pathExtension.lowercased() {
    case "txt", "text": self = .plainText
    case "md", "markdown": self = .markdown
    case "html", "htm", "xhtml", "shtml": self = .html
    case "docx": self = .docx
    case "pdf": self = .pdf
    case "ofd": self = .ofd
    case "doc": self = .doc
    case "wps": self = .wps
    case "rtf": self = .rtf
    default: return nil
    }
  }

  /// The format the extension of the file name at the end of `path` says (`a/b.HTML` →
  /// .html), or nil; read from the string, without building a URL.
  public init?(path: String) {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    self.init(pathExtension: String(name[name.index(after: dot)...]))
  }

  /// The format the first bytes of a file suggest: "%PDF-" is a PDF, a zip archive with
  /// an OFD.xml and no word/ part an OFD, another zip archive a .docx, an OLE2 compound
  /// file a .doc, "{\\rtf" RTF, markup that opens with a tag HTML, anything else plain text.
  public init(sniffing bytes: [UInt8]) {
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      self = .doc
      return
    }
    if bytes.starts(with: Array("{\\rtf".utf8)) {
      self = .rtf
      return
    }
    if bytes.starts(with: Array("%PDF-".utf8)) {
      self = .pdf
      return
    }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      let isOFD =
        bytes.firstRange(of: Array("OFD.xml".utf8)) != nil
        && bytes.firstRange(of: Array("word/".utf8)) == nil
      self = isOFD ? .ofd : .docx
      return
    }
    let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
    let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body")
      || (trimmed.hasPrefix("<")
        && (head.contains("<p") || head.contains("<div") || head.contains("<table")))
    {
      self = .html
    } else {
      self = .plainText
    }
  }

  /// Whether files of this format are converted to .docx by LibreOffice before reading.
  public var isConvertedByLibreOffice: Bool { self == .doc || self == .wps || self == .rtf }
}
