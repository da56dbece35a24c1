internal import CSQLite

/// A prepared SQLite statement, run again and again with new values; finalized in
/// `deinit`. It keeps its database open.
package final class SQLiteStatement {
  private let handle: OpaquePointer
  private let database: SQLiteDatabase
  private let sql: String

  init(handle: OpaquePointer, database: SQLiteDatabase, sql: String) {
    self.handle = handle
    self.database = database
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  /// Binds `values` to the parameters in order and runs the statement to its end
  /// (an insert, an update).
  /// - Throws: `SQLiteError` with SQLite's message (a constraint broken, a full disk).
  package func run(_ values: [SQLiteValue]) throws {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .integer(let number): code = sqlite3_bind_int64(handle, index, Int64(number))
      case .real(let number): code = sqlite3_bind_double(handle, index, number)
      case .text(let string): code = bind(string, at: index)
      case .null: code = sqlite3_bind_null(handle, index)
      }
      guard code == SQLITE_OK else { throw database.error(code, "bind \(sql.prefix(40))") }
    }
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE || code == SQLITE_ROW else {
      throw database.error(code, "run \(sql.prefix(40))")
    }
    sqlite3_reset(handle)
  }

  /// Binds text by its UTF-8 bytes and length (a NUL inside is kept), copied by SQLite.
  private func bind(_ string: String, at index: Int32) -> Int32 {
    var string = string
    return string.withUTF8 { bytes in
      guard let base = bytes.baseAddress, !bytes.isEmpty else {
        return sqlite3_bind_text(handle, index, "", 0, pq_sqlite_transient())
      }
      return sqlite3_bind_text(
        handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
        Int32(bytes.count), pq_sqlite_transient())
    }
  }

  /// Runs the statement and returns the first column of every row as an integer (a
  /// count, a pragma's answer).
  /// - Throws: `SQLiteError` with SQLite's message.
  package func integers() throws -> [Int] {
    sqlite3_reset(handle)
    var out: [Int] = []
    while true {
      let code = sqlite3_step(handle)
      if code == SQLITE_DONE { break }
      guard code == SQLITE_ROW else { throw database.error(code, "query \(sql.prefix(40))") }
      out.append(Int(sqlite3_column_int64(handle, 0)))
    }
    sqlite3_reset(handle)
    return out
  }
}
