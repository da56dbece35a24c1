/// An error from SQLite while writing a database: the file, what was being done, and
/// SQLite's own message (`sqlite3_errmsg`).
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
  /// The database file.
  public var file: String
  /// What was being done ("open", "insert into measures", …).
  public var operation: String
  /// SQLite's result code.
  public var code: Int32
  /// SQLite's message.
  public var message: String

  /// Makes an error.
  public init(file: String, operation: String, code: Int32, message: String) {
    self.file = file
    self.operation = operation
    self.code = code
    self.message = message
  }

  /// `file: error: sqlite: operation: message (code)`.
  public var description: String {
    "\(file): error: sqlite: \(operation): \(message) (code \(code))"
  }
}
