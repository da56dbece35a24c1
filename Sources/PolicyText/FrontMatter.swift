import PolicyBytes

/// The YAML front matter of a Markdown document ("---" lines around "标题: …", "文号: …",
/// "发布单位: …") and the editor's note quoted after it ("> 本文正文由脚本自…提取"): fields
/// about the document, not its text. The cleaner starts the text after them; the parser
/// reads the fields as metadata.
public struct FrontMatter: Sendable, Equatable {
  /// One "key: value" line.
  public struct Field: Sendable, Equatable {
    /// The name before the first ":" ("标题", "文号"), without surrounding blanks.
    public var key: String
    /// The value without surrounding blanks and quotes; empty when none was given.
    public var value: String
    /// Where the value stands: in the decoded text while reading, then in the source
    /// file (`DocumentReader` maps it).
    public var range: Range<Int>
  }

  /// The fields in the order of their lines; lines without a ":" or a name are left out.
  public var fields: [Field]
  /// Where the document's own text starts in the decoded text: after the closing "---"
  /// and the blockquote lines that directly follow it.
  public var textStart: Int

  /// The value of the first field named by one of `keys`, when it has one ("-" counts as
  /// none, as some repositories write it).
  public func value(_ keys: String...) -> Field? {
    for key in keys {
      if let field = fields.first(where: { $0.key == key }), !field.value.isEmpty,
        field.value != "-"
      {
        return field
      }
    }
    return nil
  }

  /// Reads front matter at the start of `bytes` (after an optional byte-order mark), or
  /// nil when the text does not open with a "---" line closed by another within the
  /// first 100 lines.
  package static func read(_ bytes: [UInt8]) -> FrontMatter? {
    var lines: [(start: Int, end: Int, next: Int)] = []
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count && lines.count < 200 {
      var end = start
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      let next = min(bytes.count, end + 1)
      var trimmed = end
      while trimmed > start
        && (bytes[trimmed - 1] == 0x0D || bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09)
      {
        trimmed -= 1
      }
      lines.append((start, trimmed, next))
      start = next
    }
    func isRule(_ line: (start: Int, end: Int, next: Int)) -> Bool {
      line.end - line.start == 3 && bytes[line.start] == 0x2D && bytes[line.start + 1] == 0x2D
        && bytes[line.start + 2] == 0x2D
    }
    guard let first = lines.first, isRule(first),
      let closing = lines.indices.dropFirst().prefix(100).first(where: { isRule(lines[$0]) })
    else { return nil }
    var fields: [Field] = []
    for line in lines[1..<closing] {
      guard let colon = (line.start..<line.end).first(where: { bytes[$0] == 0x3A }) else {
        continue
      }
      let key = String(decoding: bytes[line.start..<colon], as: UTF8.self).trimmingScalars {
        $0 == " " || $0 == "\t"
      }
      guard !key.isEmpty else { continue }
      var valueStart = colon + 1
      var valueEnd = line.end
      while valueStart < valueEnd && (bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09) {
        valueStart += 1
      }
      if valueEnd - valueStart >= 2, bytes[valueStart] == 0x22 || bytes[valueStart] == 0x27,
        bytes[valueEnd - 1] == bytes[valueStart]
      {
        valueStart += 1
        valueEnd -= 1
      }
      fields.append(
        Field(
          key: key, value: String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self),
          range: valueStart..<valueEnd))
    }
    // The editor's note: blockquote lines (and blank lines) right after the front matter.
    var textStart = lines[closing].next
    var index = closing + 1
    while index < lines.count {
      let line = lines[index]
      guard line.end == line.start || bytes[line.start] == 0x3E else { break }
      if line.end > line.start { textStart = line.next }
      index += 1
    }
    return FrontMatter(fields: fields, textStart: textStart)
  }
}
