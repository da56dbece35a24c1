import Foundation
import PolicyBytes
import PolicyReaders

/// A policyq index opened for searching: its documents, its units and their bigram
/// postings, memory-mapped.
public struct InvertedIndex: Sendable {
  /// The index directory it was opened from (the one holding `CURRENT`).
  public let directory: URL
  /// The generation opened (the one `CURRENT` named then).
  package let generation: URL
  package let manifest: IndexManifest
  package let units: UnitsFile.Reader
  package let postings: PostingsFile

  /// The number of documents.
  public var documentCount: Int { units.documentCount }
  /// Document `index`, decoded.
  /// - Throws: `IndexError.corrupt` naming `units.bin` when its record is damaged.
  /// - Complexity: O(r) in the bytes of the document's record (checked, then decoded).
  public func document(_ index: Int) throws -> IndexedDocument { try units.document(index) }
  /// The number of search units.
  public var unitCount: Int { units.unitCount }
  /// The files that failed when the index was built, with why.
  /// - Complexity: O(f) in the size of `files.json.zst`, read and decoded on every access.
  public var failures: [(path: String, error: String)] {
    ((try? fileList())?.failures ?? []).map { ($0.path, $0.error) }
  }

  /// The average unit length in scalars.
  package var averageUnitLength: Double { manifest.averageUnitLength }

  /// The paths of the files the index was built from, as they were given to `policyq
  /// index`: those indexed, in the order of `files.json.zst`, then those that failed (read
  /// again, they fail again with the reader's error naming them, or are read if they were
  /// fixed since).
  /// - Throws: `IndexError.corrupt` naming `files.json.zst` when it is missing or unreadable.
  /// - Complexity: O(f) in the size of `files.json.zst`.
  package func sourcePaths() throws -> [String] {
    let list = try fileList()
    return list.files.map(\.path) + list.failures.map(\.path)
  }

  /// The files indexed, read from `files.json.zst` of the generation opened.
  package func fileList() throws -> IndexFileList {
    let url = generation.appendingPathComponent(IndexDirectory.files)
    guard case .success(let bytes) = FileBytes.contents(atPath: url.path) else {
      throw IndexError.corrupt(file: url.path, reason: "missing")
    }
    // The list is read whole, so it is checked whole, against the manifest's length and
    // checksum.
    if let expected = manifest.checksums[IndexDirectory.files]?.first.flatMap(Int.init),
      expected != bytes.count
    {
      throw IndexError.corrupt(
        file: url.path,
        reason: "\(bytes.count) bytes where the manifest says \(expected) (truncated?)")
    }
    let sum = bytes.withUnsafeBufferPointer { Checksum.hex(Checksum.words($0)) }
    guard manifest.checksums[IndexDirectory.files]?.last == sum else {
      throw IndexError.corrupt(file: url.path, reason: "checksum mismatch")
    }
    let json: [UInt8]
    do {
      json = try bytes.withUnsafeBufferPointer {
        try Zstandard.decompressFrames($0, limit: IndexLimits.fileListBytes)
      }
    } catch Zstandard.Failure.noMemory {
      throw IndexError.corrupt(file: url.path, reason: "no memory to read it")
    } catch {
      throw IndexError.corrupt(file: url.path, reason: "not a readable file list")
    }
    guard let list = IndexFileList(json: json) else {
      throw IndexError.corrupt(file: url.path, reason: "not a readable file list")
    }
    return list
  }

  /// Opens the live generation of the index in `directory`. A generation replaced (and
  /// removed) by `policyq index` while it was being opened is not an error: the one
  /// `CURRENT` names now is opened instead.
  /// - Throws: `IndexError.missing`, `.foreign` or `.corrupt` with the file at fault.
  /// - Complexity: O(d + u + k) for d documents, u units and k bigram keys, with small
  ///   constants: the files' tables are checked block by block as queries read them, and
  ///   only their arrays of block checksums (4 bytes per 2,048 units or documents, half a
  ///   byte per key) when the index is opened; records and posting lists are mapped, not
  ///   read.
  public static func open(_ directory: URL) throws -> InvertedIndex {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
      throw IndexError.missing(directory: directory.path)
    }
    guard isDirectory.boolValue else {
      throw IndexError.foreign(directory: directory.path, reason: "it is a file, not a directory")
    }
    let layout = IndexDirectory(url: directory)
    var attempts = 0
    while true {
      guard let generation = try layout.liveGeneration() else {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        if contents.filter({ $0 != "lock" }).isEmpty {
          throw IndexError.missing(directory: directory.path)
        }
        throw IndexError.foreign(directory: directory.path, reason: "no CURRENT file")
      }
      do {
        return try open(generation, of: directory)
      } catch let error as IndexError {
        // A writer made another generation live and removed this one meanwhile: open that
        // one (a few times at most: each try needs a whole new build to fail).
        attempts += 1
        guard attempts < 8, let live = try? layout.liveGeneration(), live != generation else {
          throw error
        }
      }
    }
  }

  /// Opens `generation` of the index in `directory`.
  private static func open(_ generation: URL, of directory: URL) throws -> InvertedIndex {
    let manifestURL = generation.appendingPathComponent(IndexDirectory.manifest)
    guard case .success(let bytes) = FileBytes.contents(atPath: manifestURL.path) else {
      throw IndexError.corrupt(file: manifestURL.path, reason: "missing")
    }
    guard let manifest = IndexManifest(json: bytes) else {
      throw IndexError.corrupt(file: manifestURL.path, reason: "not a readable manifest")
    }
    guard manifest.format == IndexManifest.format else {
      throw IndexError.foreign(directory: directory.path, reason: "format \(manifest.format)")
    }
    guard manifest.version == IndexManifest.version else {
      throw IndexError.foreign(
        directory: directory.path,
        reason: "format version \(manifest.version); this policyq reads \(IndexManifest.version) "
          + "(run `policyq index` on the same files to rebuild it)")
    }
    for name in [IndexDirectory.units, IndexDirectory.postings] {
      let url = generation.appendingPathComponent(name)
      guard let size = FileStatus(path: url.path)?.size else {
        throw IndexError.corrupt(file: url.path, reason: "missing")
      }
      if let expected = manifest.checksums[name]?.first.flatMap(Int.init), expected != size {
        throw IndexError.corrupt(
          file: url.path, reason: "\(size) bytes where the manifest says \(expected) (truncated?)")
      }
    }
    let units = try UnitsFile.Reader(
      path: generation.appendingPathComponent(IndexDirectory.units).path)
    let postings = try PostingsFile(
      path: generation.appendingPathComponent(IndexDirectory.postings).path,
      unitCount: units.unitCount)
    guard units.unitCount == manifest.unitCount, units.documentCount == manifest.documentCount
    else {
      throw IndexError.corrupt(file: units.path, reason: "counts differ from the manifest")
    }
    return InvertedIndex(
      directory: directory, generation: generation, manifest: manifest, units: units,
      postings: postings)
  }

  /// Checks every byte of the index files against the manifest's checksums, every block
  /// of the tables, every document and unit record against its own checksum, decodes
  /// every posting list whole (its units and positions), and reads the file list.
  /// - Throws: `IndexError.corrupt` naming the damaged file.
  /// - Complexity: O(n) in the bytes of `units.bin`, `postings.bin` and `files.json.zst`.
  public func verify() throws {
    _ = try fileList()
    try units.checkTables()
    try postings.verifyAll()
    for index in 0..<documentCount { _ = try document(index) }
    for index in 0..<unitCount { _ = try unit(index) }
    for name in [IndexDirectory.units, IndexDirectory.postings] {
      let url = generation.appendingPathComponent(name)
      let mapped = try MappedFile(path: url.path)
      let sum = withExtendedLifetime(mapped) { Checksum.hex(Checksum.words(mapped.bytes)) }
      guard manifest.checksums[name]?.last == sum else {
        throw IndexError.corrupt(file: url.path, reason: "checksum mismatch")
      }
    }
  }

  /// Unit `index`, decoded.
  /// - Complexity: O(r) in the bytes of the unit's record, its text included.
  public func unit(_ index: Int) throws -> SearchUnit { try units.unit(index) }
}

extension InvertedIndex {
  /// Whether the index holds exactly `files`, unchanged in size and modification time.
  /// - Complexity: O(f) in the size of `files.json.zst`, plus one `stat` per file, stopping at
  ///   the first that differs.
  public func isCurrent(for files: [String]) -> Bool {
    guard let list = try? fileList(), list.files.count == files.count, list.failures.isEmpty else {
      return false
    }
    for (record, path) in zip(list.files, files) {
      guard record.path == path, let status = FileStatus(path: path) else { return false }
      if status.size != record.size || status.modified != record.modified { return false }
    }
    return true
  }
}
