import Foundation
import PolicyBytes
import PolicyText

/// Reads files of any supported format into `PolicyText`: plain text and Markdown in
/// any encoding ICU converts, HTML through libxml2, .docx and OFD through zlib and
/// libxml2, and PDF through poppler.
public struct DocumentReader: Sendable {
  /// How much a container (.docx, PDF, OFD) may unpack to.
  public var containerLimits: ContainerLimits

  /// Whether a PDF without a text layer (a scan) is read by OCR (tesseract, chi_sim).
  public var ocr: Bool

  /// A reader; it keeps no state, so one reads any number of files.
  public init(containerLimits: ContainerLimits = .standard, ocr: Bool = false) {
    self.containerLimits = containerLimits
    self.ocr = ocr
  }

  /// Reads the file at `path` ("-" reads standard input).
  /// - Throws: `TextError` naming the file.
  public func read(contentsOf path: String) throws -> PolicyText {
    let bytes: [UInt8]
    if path == "-" {
      switch FileBytes.standardInput() {
      case .success(let read): bytes = read
      case .failure(let failure):
        throw TextError.unreadable(path: "standard input", reason: failure.reason)
      }
    } else {
      bytes = try Self.bytes(ofFile: path)
    }
    let format =
      path == "-" ? nil : SourceFormat(path: path)
    return try read(bytes: bytes, path: path, format: format)
  }

  /// The bytes of the file at `path`: a regular file (a link to one included), found by
  /// its bytes when a name in `path` is shown in another form (`NativePath`).
  /// - Throws: `TextError.unreadable` naming the file and why (missing, a directory, not a
  ///   regular file, permission denied, the system's word for an I/O error).
  package static func bytes(ofFile path: String) throws -> [UInt8] {
    var result = FileBytes.contents(atPath: path)
    if case .failure(let failure) = result, failure.isMissing {
      let native = NativePath.bytes(of: path)
      if native != Array(path.utf8) { result = FileBytes.contents(atPathBytes: native) }
    }
    switch result {
    case .success(let bytes): return bytes
    case .failure(let failure): throw TextError.unreadable(path: path, reason: failure.reason)
    }
  }

  /// Reads `bytes` as the contents of a file at `path`.
  /// - Parameter format: the format, or nil to tell it from the bytes.
  /// - Throws: `TextError` naming `path`.
  public func read(bytes: [UInt8], path: String, format: SourceFormat? = nil) throws -> PolicyText {
    if bytes.isEmpty { throw TextError.emptyFile(path: path) }
    let format = format ?? SourceFormat(sniffing: bytes)
    let raw: RawText
    var frontMatter: FrontMatter? = nil
    switch format {
    case .plainText, .markdown:
      let decoded = try TextDecoder().decode(bytes, path: path)
      raw = RawText(decoded: decoded, layout: .wrappedLines, sourceBytes: bytes)
      if format == .markdown, var found = FrontMatter.read(decoded.utf8) {
        for index in found.fields.indices {
          found.fields[index].range = decoded.map.sourceRange(for: found.fields[index].range)
        }
        frontMatter = found
      }
    case .html:
      raw = try HTMLReader().read(bytes, path: path)
    case .docx:
      raw = try DOCXReader(limits: containerLimits).read(bytes, path: path)
    case .pdf:
      raw = try PDFReader(limits: containerLimits, ocr: ocr).read(bytes, path: path)
    case .ofd:
      raw = try OFDReader(limits: containerLimits).read(bytes, path: path)
    case .doc, .wps, .rtf:
      raw = try LibreOfficeConverter(limits: containerLimits).read(
        bytes, path: path, format: format)
    }
    let cleaner = TextCleaner(
      layout: raw.layout, isMarkdown: format == .markdown, textStart: frontMatter?.textStart ?? 0)
    let cleaned = cleaner.clean(raw.decoded.utf8)
    if cleaned.utf8.isEmpty { throw TextError.emptyFile(path: path) }
    let descriptor = SourceDescriptor(
      path: path, format: format, encoding: raw.decoded.encoding.description,
      byteCount: bytes.count, part: raw.part)
    return PolicyText(
      source: descriptor, utf8: cleaned.utf8,
      sourceMap: cleaned.map.composed(with: raw.decoded.map),
      cleaning: cleaned.report, diagnostics: raw.decoded.diagnostics, frontMatter: frontMatter,
      tableRows: raw.tableRows,
      lines: LineIndex(raw.sourceBytes, encoding: raw.sourceEncoding), pageLines: raw.pageLines)
  }
}

/// A reader's output before cleaning: text whose map points into `sourceBytes`.
struct RawText {
  package var decoded: DecodedText
  package var layout: LineLayout
  /// The bytes the map points into: the file, or a part of a container.
  package var sourceBytes: [UInt8]
  /// The encoding of `sourceBytes`, for counting lines in them.
  var sourceEncoding: TextEncoding
  /// The container part `sourceBytes` is, if any.
  package var part: String?
  /// The grid of each table row the reader wrote as a line (HTML and .docx).
  package var tableRows: [TableRowLayout] = []
  /// The page of each line of `sourceBytes`, for a paged format (PDF, OFD).
  package var pageLines: PageLines?

  package init(decoded: DecodedText, layout: LineLayout, sourceBytes: [UInt8], part: String? = nil)
  {
    self.decoded = decoded
    self.layout = layout
    self.sourceBytes = sourceBytes
    self.sourceEncoding = decoded.encoding
    self.part = part
  }
}
