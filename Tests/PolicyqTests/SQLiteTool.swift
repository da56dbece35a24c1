import Foundation

/// The system's `sqlite3` shell, to open what `policyq export --sqlite` wrote as a user
/// would (installed by .ci/run; the tests that need it are skipped without it).
enum SQLiteTool {
  static let path = "/usr/bin/sqlite3"

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// Runs `sql` on `database` and returns its output lines (one row each, `|` between
  /// columns), with the status and standard error.
  static func query(_ database: String, _ sql: String) throws -> (
    lines: [String], status: Int32, error: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["-bail", database, sql]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let lines = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
    return (lines, process.terminationStatus, String(decoding: err, as: UTF8.self))
  }

  /// The number of rows of `table`.
  static func count(_ database: String, _ table: String) throws -> Int? {
    try query(database, "SELECT count(*) FROM \"\(table)\";").lines.first.flatMap { Int($0) }
  }
}
