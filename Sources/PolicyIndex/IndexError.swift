/// Why an index could not be built, opened or read.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
  /// There is no index in the directory.
  case missing(directory: String)
  /// The directory holds something that is not a policyq index, or an index of another
  /// format version.
  case foreign(directory: String, reason: String)
  /// An index file is truncated or damaged.
  case corrupt(file: String, reason: String)
  /// Another policyq is writing this index.
  case locked(directory: String)
  /// The index could not be written (the reason in the system's words: "no space left on
  /// device"); the previous index stays live.
  case unwritable(directory: String, reason: String)
  /// A query that cannot be run.
  case badQuery(String)

  /// The error as one line for the command line, "PATH: error: …" (a bad query names no
  /// path), with the command that mends it where there is one.
  public var description: String {
    switch self {
    case .missing(let directory):
      return
        "\(directory): error: no policyq index here (build one with `policyq index PATH… --index \(directory)`)"
    case .foreign(let directory, let reason):
      return "\(directory): error: not a policyq index this version reads: \(reason)"
    case .corrupt(let file, let reason):
      return "\(file): error: the index is damaged (\(reason)); rebuild it with `policyq index`"
    case .locked(let directory):
      return "\(directory): error: another `policyq index` is writing this index"
    case .unwritable(let directory, let reason):
      return
        "\(directory): error: cannot write the index: \(reason); the previous index is unchanged"
    case .badQuery(let reason):
      return "error: query: \(reason)"
    }
  }
}
