/// Why `policyq export --opensearch` could not write its directory: the file at fault
/// and the reason ("DIR: error: exists and is not an export of policyq …").
public struct OpenSearchExportError: Error, Sendable, CustomStringConvertible {
  /// The file or directory at fault.
  public var file: String
  /// What went wrong, as the system or the check says it.
  public var reason: String

  /// `file: error: reason`.
  public var description: String { "\(file): error: \(reason)" }
}
