import Foundation
import PolicyIndex

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `policyq export --opensearch DIR`: units into `_bulk` files for OpenSearch, with the
/// index template and a `load.sh` that shows how to load them. Everything is written into
/// `DIR.partial-PID` beside `DIR` and renamed to `DIR` at the end: a failed or killed run
/// leaves `DIR` as it was. An existing `DIR` is replaced only when it is empty or an
/// earlier export (it holds `template.json`).
package final class OpenSearchExport {
  /// What an export wrote.
  package struct Counts: Sendable, Equatable {
    /// Documents written (a second file with the same text is not).
    package var documents = 0
    /// Units written: one action line and one document line each.
    package var units = 0
    /// `bulk-NNNN.ndjson` files.
    package var bulkFiles = 0
    /// Bytes of the bulk files together.
    package var bulkBytes = 0
  }

  /// The template's file name in `DIR`.
  package static let templateName = "template.json"
  /// The load script's file name in `DIR`.
  package static let loadScriptName = "load.sh"

  private let directory: String
  private let partial: String
  private let bulkLimit: Int
  private var counts = Counts()
  private var handle: FileHandle?
  private var currentPath = ""
  private var currentBytes = 0
  private var buffer: [UInt8] = []
  /// The file of each document id written, so that a repeated text is named and skipped.
  private var written: [String: String] = [:]

  /// Starts an export into `directory`, with bulk files of at most `bulkBytes` bytes (a
  /// unit larger than that gets a file of its own).
  /// - Throws: `OpenSearchExportError` when `directory` exists and is neither empty nor an
  ///   earlier export, or when the temporary directory cannot be made.
  package init(directory given: String, bulkBytes: Int) throws {
    // `out/` is `out`: the temporary directory goes beside it, not inside.
    var directory = given
    while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
    self.directory = directory
    bulkLimit = max(1, bulkBytes)
    partial = PartialOutput.path(for: directory)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      guard isDirectory.boolValue, names.isEmpty || names.contains(Self.templateName) else {
        throw OpenSearchExportError(
          file: directory,
          reason: "exists and is not an export of policyq (no \(Self.templateName)); "
            + "not replaced")
      }
    }
    PartialOutput.removeStale(of: directory)
    do {
      try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: false)
    } catch {
      throw OpenSearchExportError(file: partial, reason: Self.reason(error))
    }
  }

  /// Writes the units of `units`; returns the file first written with the same text
  /// (same document id) instead, when there is one: that document is not written again.
  /// - Throws: `OpenSearchExportError` naming the bulk file on a failed write.
  package func add(_ units: DocumentUnits) throws -> String? {
    if let first = written[units.document.id] { return first }
    written[units.document.id] = units.document.path
    counts.documents += 1
    for unit in units.units {
      let lines = Array(OpenSearchBulkLine.lines(of: unit, in: units.document).utf8)
      if handle == nil || (currentBytes > 0 && currentBytes + lines.count > bulkLimit) {
        try startFile()
      }
      buffer += lines
      currentBytes += lines.count
      counts.units += 1
      counts.bulkBytes += lines.count
      if buffer.count >= 1 << 20 { try flush() }
    }
    return nil
  }

  /// Writes the template and `load.sh`, closes the last bulk file and renames the whole
  /// directory to `DIR`.
  /// - Throws: `OpenSearchExportError` naming the file at fault; `DIR` is then as it was.
  package func finish() throws -> Counts {
    try closeFile()
    try write(OpenSearchTemplate.json(), to: Self.templateName)
    try write(OpenSearchLoadScript.text(bulkFiles: counts.bulkFiles), to: Self.loadScriptName)
    _ = chmod(partial + "/" + Self.loadScriptName, 0o755)
    let old = directory + ".old-\(getpid())"
    let hadOld = FileManager.default.fileExists(atPath: directory)
    if hadOld, rename(directory, old) != 0 {
      throw OpenSearchExportError(
        file: directory, reason: "rename to \(old): \(String(cString: strerror(errno)))")
    }
    guard rename(partial, directory) == 0 else {
      let reason = String(cString: strerror(errno))
      if hadOld { rename(old, directory) }
      throw OpenSearchExportError(file: directory, reason: "rename \(partial): \(reason)")
    }
    PartialOutput.syncParent(of: directory)
    if hadOld { try? FileManager.default.removeItem(atPath: old) }
    return counts
  }

  /// Removes the temporary directory of a run that failed.
  package func abandon() {
    try? handle?.close()
    handle = nil
    try? FileManager.default.removeItem(atPath: partial)
  }

  private func startFile() throws {
    try closeFile()
    counts.bulkFiles += 1
    let name = "bulk-" + String(format: "%04d", counts.bulkFiles) + ".ndjson"
    currentPath = partial + "/" + name
    currentBytes = 0
    guard FileManager.default.createFile(atPath: currentPath, contents: nil),
      let opened = FileHandle(forWritingAtPath: currentPath)
    else {
      throw OpenSearchExportError(file: currentPath, reason: String(cString: strerror(errno)))
    }
    handle = opened
  }

  private func flush() throws {
    guard let handle, !buffer.isEmpty else { return }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      throw OpenSearchExportError(file: currentPath, reason: Self.reason(error))
    }
    buffer.removeAll(keepingCapacity: true)
  }

  private func closeFile() throws {
    guard let handle else { return }
    try flush()
    do {
      try handle.synchronize()
      try handle.close()
    } catch {
      throw OpenSearchExportError(file: currentPath, reason: Self.reason(error))
    }
    self.handle = nil
  }

  private func write(_ text: String, to name: String) throws {
    let path = partial + "/" + name
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw OpenSearchExportError(file: path, reason: Self.reason(error))
    }
  }

  private static func reason(_ error: Error) -> String {
    (error as NSError).localizedFailureReason ?? error.localizedDescription
  }
}
