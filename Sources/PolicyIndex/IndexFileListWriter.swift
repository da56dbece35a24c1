import Foundation

/// Writes `files.json` (`IndexFileList`) as the files are indexed: each file's entry is
/// encoded when it is added and goes to a temporary file, so that a build's memory does
/// not grow with the number of files; `finish` writes the failures and then the entries.
/// The bytes are those `JSONEncoder` (keys sorted) gives for the whole list at once.
final class IndexFileListWriter {
  private let path: String
  private let entries: BufferedFileWriter
  private let budget: WriteBudget?
  private let encoder = JSONEncoder()
  private var failures: [IndexManifest.Failure] = []
  private(set) var fileCount = 0

  /// A writer of the list at `path`, its writes counted against `budget` if given.
  init(path: String, budget: WriteBudget?) throws {
    self.path = path
    self.budget = budget
    entries = try BufferedFileWriter(path: path + ".files.tmp", temporary: true, budget: budget)
    encoder.outputFormatting = [.sortedKeys]
  }

  func add(_ file: IndexManifest.File) throws {
    if fileCount > 0 { try entries.write(Array(",".utf8)) }
    try entries.write(Array(try encoder.encode(file)))
    fileCount += 1
  }

  func add(_ failure: IndexManifest.Failure) { failures.append(failure) }

  /// Writes `files.json` and removes the temporary file.
  func finish() throws {
    try entries.closeTemporary()
    defer { try? FileManager.default.removeItem(atPath: entries.path) }
    let out = try BufferedFileWriter(path: path, budget: budget)
    var head = Array(#"{"failures":["#.utf8)
    for (index, failure) in failures.enumerated() {
      if index > 0 { head += Array(",".utf8) }
      head += Array(try encoder.encode(failure))
    }
    head += Array(#"],"files":["#.utf8)
    try out.write(head)
    try out.appendContents(ofFile: entries.path)
    try out.write(Array("]}".utf8))
    _ = try out.close()
  }
}
