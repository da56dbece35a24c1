/// Where a document's text came from.
public struct SourceDescriptor: Sendable, Equatable, Codable {
  /// The path given for the file ("-" for standard input).
  public var path: String
  /// The format the file was read as.
  public var format: SourceFormat
  /// The encoding the text was read in (for .docx, that of word/document.xml).
  public var encoding: String
  /// The size of the file in bytes.
  public var byteCount: Int
  /// The part of a container the offsets point into ("word/document.xml" for .docx);
  /// nil when they point into the file itself.
  public var part: String?
  package init(path: String, format: SourceFormat, encoding: String, byteCount: Int, part: String?)
  {
    self.path = path
    self.format = format
    self.encoding = encoding
    self.byteCount = byteCount
    self.part = part
  }
}

/// A place in a source file: its bytes and the line and column they start at.
public struct SourceSpan: Sendable, Equatable, Codable {
  /// Byte offsets in the source file (or in `SourceDescriptor.part`).
  public var byteRange: Range<Int>
  /// 1-based line of the first byte.
  public var line: Int
  /// 1-based column of the first byte, counted in bytes.
  public var column: Int
  /// The 1-based page of the first byte, for a paged source (PDF, OFD); nil otherwise.
  public var page: Int? = nil
  /// The 1-based line on `page` of the first byte (the printed line, running headers
  /// counted); nil when the source has no pages.
  public var pageLine: Int? = nil
}
