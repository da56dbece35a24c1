import Foundation
import ZIPFoundation

/// .docx files made in memory for tests.
public enum TestDocx {
  /// A .docx with a content-types part and, unless nil, `documentXML` as
  /// `word/document.xml` (deflated).
  public static func make(documentXML: String?) throws -> [UInt8] {
    try make(documentPart: documentXML.map { Data($0.utf8) })
  }

  /// A .docx whose `word/document.xml` is `documentPart`'s bytes (deflated), unless nil.
  public static func make(documentPart: Data?) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    let types = Data(
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
        .utf8)
    try archive.addEntry(
      with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(types.count)
    ) { position, size in
      types.subdata(in: Int(position)..<(Int(position) + size))
    }
    if let documentPart {
      try archive.addEntry(
        with: "word/document.xml", type: .file, uncompressedSize: Int64(documentPart.count),
        compressionMethod: .deflate
      ) { position, size in
        documentPart.subdata(in: Int(position)..<(Int(position) + size))
      }
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return Array(data)
  }

  /// A zip archive of `parts` (name → text), each deflated, in name order (an OFD).
  public static func zip(_ parts: [String: String]) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<(Int(position) + size))
      }
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return Array(data)
  }

  /// The text of a `word/document.xml` whose body is `paragraphs` paragraphs of `text`.
  public static func documentXML(repeating text: String, paragraphs: Int) -> String {
    let paragraph = "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>"
    return
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      + String(repeating: paragraph, count: paragraphs) + "</w:body></w:document>"
  }
}
