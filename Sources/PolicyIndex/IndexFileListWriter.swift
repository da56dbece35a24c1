import Foundation
import PolicyBytes

/// Writes `files.json.zst` (`IndexFileList`) as the files are indexed: each file's entry
/// is encoded when it is added and goes to a temporary file, so that a build's memory does
/// not grow with the number of files; `finish` writes the failures and then the entries,
/// compressed. The JSON is that `JSONEncoder` (keys sorted) gives for the whole list at
/// once, in Zstandard frames of `frameBytes` each, laid end to end: `zstd -dc` reads the
/// file back whole. Its paths, hashes and document ids take a sixth of their bytes (13.5 MB
/// of JSON for 60,000 files, 1.3% of an index of 1 GB, in 2.4 MB).
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

  /// Bytes of JSON per Zstandard frame: memory stays small, and a frame holds enough
  /// entries for their paths to share prefixes.
  static let frameBytes = 1 << 20
  /// The Zstandard level: the list is a small part of a build's work.
  static let compressionLevel: Int32 = 6

  /// Writes `files.json.zst` and removes the temporary file; returns its length and
  /// checksum (`Checksum.words`), which the manifest keeps.
  func finish() throws -> (length: Int, checksum: UInt64) {
    try entries.closeTemporary()
    defer { try? FileManager.default.removeItem(atPath: entries.path) }
    guard let compressor = Zstandard.Compressor(dictionary: [], level: Self.compressionLevel)
    else {
      throw IndexError.unwritable(directory: path, reason: "no memory to compress the file list")
    }
    let out = try BufferedFileWriter(path: path, budget: budget)
    var pending = Array(#"{"failures":["#.utf8)
    for (index, failure) in failures.enumerated() {
      if index > 0 { pending += Array(",".utf8) }
      pending += Array(try encoder.encode(failure))
    }
    pending += Array(#"],"files":["#.utf8)
    var jsonBytes = 0
    /// Writes `pending` as frames, all of it when `all`, else while a whole frame is there.
    func writeFrames(all: Bool) throws {
      var start = 0
      while pending.count - start >= Self.frameBytes || (all && start < pending.count) {
        let end = min(pending.count, start + Self.frameBytes)
        jsonBytes += end - start
        // What the reader refuses is not written.
        guard jsonBytes <= IndexLimits.fileListBytes else {
          throw IndexError.unwritable(
            directory: path,
            reason: "a file list of more than \(IndexLimits.fileListBytes) bytes of JSON")
        }
        guard
          let frame = pending.withUnsafeBufferPointer({
            compressor.compress(UnsafeBufferPointer(rebasing: $0[start..<end]))
          })
        else {
          throw IndexError.unwritable(
            directory: path, reason: "no memory to compress the file list")
        }
        try out.write(frame)
        start = end
      }
      pending.removeFirst(start)
    }
    guard let saved = FileHandle(forReadingAtPath: entries.path) else {
      throw IndexError.unwritable(directory: path, reason: "its list of files was removed")
    }
    defer { try? saved.close() }
    while let piece = try saved.read(upToCount: Self.frameBytes), !piece.isEmpty {
      pending += piece
      try writeFrames(all: false)
    }
    pending += Array("]}".utf8)
    try writeFrames(all: true)
    let length = out.length
    return (length, try out.close())
  }
}
