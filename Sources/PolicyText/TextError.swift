/// Why a file could not be read as text.
public enum TextError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be opened or read.
  case unreadable(path: String, reason: String)
  /// The file has no bytes, or nothing but whitespace.
  case emptyFile(path: String)
  /// The bytes are not text in any encoding policyq reads (binary data, or an encoding
  /// detected with too little confidence).
  case notText(path: String, reason: String)
  /// A container format that is broken or not what its name says (a .docx that is not
  /// a zip archive, or has no word/document.xml).
  case malformedContainer(path: String, reason: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .unreadable(let path, _), .emptyFile(let path), .notText(let path, _),
      .malformedContainer(let path, _):
      return path
    }
  }

  /// "path: error: problem".
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "\(path): error: cannot read the file: \(reason)"
    case .emptyFile(let path):
      return "\(path): error: the file is empty (no text to read)"
    case .notText(let path, let reason):
      return "\(path): error: not a text file: \(reason)"
    case .malformedContainer(let path, let reason):
      return "\(path): error: \(reason)"
    }
  }
}
