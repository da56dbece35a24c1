/// A problem met while reading or parsing a document that did not stop the work: it is
/// reported with the result instead of being thrown.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Codable {
    case note
    case warning
    case error
  }

  /// How serious the problem is.
  public var severity: Severity
  /// The file the problem is in.
  public var file: String
  /// The 1-based line in the source file, when there is one.
  public var line: Int?
  /// What is wrong, in a sentence.
  public var message: String

  /// A diagnostic of `severity` about `file`, at its 1-based `line` when there is one.
  public init(severity: Severity, file: String, line: Int? = nil, message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.message = message
  }

  /// "file:line: warning: message".
  public var description: String {
    let place = line.map { "\(file):\($0)" } ?? file
    return "\(place): \(severity.rawValue): \(message)"
  }
}
