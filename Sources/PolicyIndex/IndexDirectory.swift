import Foundation
import PolicyBytes
import PolicyReaders

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The layout of an index directory: generations `gen-…/` holding `units.bin`,
/// `postings.bin` and `manifest.json`, and a `CURRENT` file naming the live one. A new
/// generation goes live by an atomic rename of `CURRENT`, so a crash while indexing leaves
/// the previous index intact. `lock` keeps two writers apart.
package struct IndexDirectory {
  package let url: URL
  package static let current = "CURRENT"
  package static let units = "units.bin"
  package static let postings = "postings.bin"
  package static let manifest = "manifest.json"
  package static let files = "files.json.zst"

  /// The live generation, if any.
  package func liveGeneration() throws -> URL? {
    let currentURL = url.appendingPathComponent(Self.current)
    let bytes: [UInt8]
    switch FileBytes.contents(atPath: currentURL.path) {
    case .success(let read): bytes = read
    case .failure(let failure):
      if failure.isMissing { return nil }
      throw IndexError.corrupt(file: currentURL.path, reason: "cannot be read")
    }
    // The name without surrounding white space (trimmed on bytes, with indices: this runs
    // at the start of every search, where generic collection wrappers cost their first use).
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
    var start = 0
    var end = bytes.count
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    let name = String(decoding: bytes[start..<end], as: UTF8.self)
    guard name.hasPrefix("gen-"), !name.contains("/") else {
      throw IndexError.foreign(directory: url.path, reason: "CURRENT does not name a generation")
    }
    return url.appendingPathComponent(name)
  }

  /// A new, empty generation directory.
  func makeGeneration() throws -> URL {
    let name =
      "gen-\(Int(Date().timeIntervalSince1970 * 1000))-\(UInt32.random(in: 0...UInt32.max))"
    let generation = url.appendingPathComponent(name)
    do {
      try FileManager.default.createDirectory(at: generation, withIntermediateDirectories: true)
    } catch {
      throw IndexError.unwritable(directory: url.path, reason: "\(error.localizedDescription)")
    }
    return generation
  }

  /// Makes `generation` live: writes CURRENT.tmp, syncs it and renames it over CURRENT.
  func commit(_ generation: URL) throws {
    let temporary = url.appendingPathComponent(Self.current + ".tmp")
    let name = generation.lastPathComponent + "\n"
    let writer = try BufferedFileWriter(path: temporary.path)
    try writer.write(Array(name.utf8))
    _ = try writer.close()
    guard rename(temporary.path, url.appendingPathComponent(Self.current).path) == 0 else {
      throw IndexError.unwritable(
        directory: url.path, reason: "cannot replace CURRENT (errno \(errno))")
    }
    let descriptor = open(url.path, O_RDONLY)
    if descriptor >= 0 {
      fsync(descriptor)
      close(descriptor)
    }
  }

  /// Removes generations other than the live one (left by interrupted runs or replaced).
  func removeStaleGenerations(keeping live: URL?) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    for name in names where name.hasPrefix("gen-") && name != live?.lastPathComponent {
      try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }
  }

  /// Takes the writer's lock, or throws `IndexError.locked`. Released when the process ends
  /// or `unlock` is called.
  package func lock() throws -> Int32 {
    let path = url.appendingPathComponent("lock").path
    let descriptor = open(path, O_CREAT | O_RDWR, 0o644)
    guard descriptor >= 0 else {
      throw IndexError.unwritable(directory: url.path, reason: "cannot create the lock file")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw IndexError.locked(directory: url.path)
    }
    return descriptor
  }

  package func unlock(_ descriptor: Int32) {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
  package init(url: URL) {
    self.url = url
  }
}
