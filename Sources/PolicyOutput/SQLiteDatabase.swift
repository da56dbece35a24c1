internal import CSQLite

/// An open SQLite database file: the one owner of its connection, closed in `deinit`
/// (or by `close()`, which reports a failure). Not shared between threads.
package final class SQLiteDatabase {
  /// The file it was opened from.
  package let path: String
  private var handle: OpaquePointer?

  /// Opens (or creates) the database at `path` for writing.
  /// - Throws: `SQLiteError` naming the file.
  package init(path: String) throws {
    self.path = path
    var opened: OpaquePointer?
    let code = sqlite3_open_v2(
      path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
    handle = opened
    guard code == SQLITE_OK else {
      let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(opened)
      handle = nil
      throw SQLiteError(file: path, operation: "open", code: code, message: message)
    }
  }

  deinit {
    if let handle { sqlite3_close_v2(handle) }
  }

  /// Runs one or more SQL statements that return no rows.
  /// - Throws: `SQLiteError` with SQLite's message.
  package func execute(_ sql: String) throws {
    let code = sqlite3_exec(try connection(), sql, nil, nil, nil)
    guard code == SQLITE_OK else { throw error(code, "execute \(sql.prefix(60))") }
  }

  /// A prepared statement for `sql`.
  /// - Throws: `SQLiteError` with SQLite's message.
  package func prepare(_ sql: String) throws -> SQLiteStatement {
    var statement: OpaquePointer?
    let code = sqlite3_prepare_v2(try connection(), sql, -1, &statement, nil)
    guard code == SQLITE_OK, let statement else {
      sqlite3_finalize(statement)
      throw error(code, "prepare \(sql.prefix(60))")
    }
    return SQLiteStatement(handle: statement, database: self, sql: sql)
  }

  /// Closes the connection; statements must be finalized first.
  /// - Throws: `SQLiteError` when SQLite cannot close it.
  package func close() throws {
    guard let handle else { return }
    let code = sqlite3_close(handle)
    guard code == SQLITE_OK else { throw error(code, "close") }
    self.handle = nil
  }

  /// The open connection.
  func connection() throws -> OpaquePointer {
    guard let handle else {
      throw SQLiteError(
        file: path, operation: "use", code: SQLITE_MISUSE, message: "the database is closed")
    }
    return handle
  }

  /// An error for result `code` with the connection's message.
  func error(_ code: Int32, _ operation: String) -> SQLiteError {
    let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "the database is closed"
    return SQLiteError(file: path, operation: operation, code: code, message: message)
  }
}
