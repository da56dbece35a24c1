import ArgumentParser
import Foundation
import PolicyExtraction
import PolicyKit
import PolicyReaders
import PolicyText

/// The files a command reads.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Files or directories to read (.txt, .md, .html, .docx, in UTF-8, GB18030/GBK, Big5 or UTF-16); '-' reads standard input.",
      valueName: "path"))
  var paths: [String]

  @Option(
    help: ArgumentHelp(
      "A directory of dictionaries to use instead of the bundled ones.", valueName: "dir"))
  var dictionaries: String?

  @Option(
    name: .customLong("max-unpacked-mib"),
    help: ArgumentHelp(
      "The most a .docx's document part may unpack to, in MiB (a zip bomb is refused); also 200 times its packed size above 8 MiB.",
      valueName: "MiB"))
  var maxUnpackedMiB: Int = ContainerLimits.standard.maximumUnpackedBytes >> 20

  /// A reader within the limits given.
  var reader: DocumentReader {
    var limits = ContainerLimits.standard
    // Raising the cap says the files are trusted: the ratio no longer applies either.
    if maxUnpackedMiB > limits.maximumUnpackedBytes >> 20 { limits.maximumRatio = .max }
    limits.maximumUnpackedBytes = maxUnpackedMiB << 20
    return DocumentReader(containerLimits: limits)
  }

  func validate() throws {
    if maxUnpackedMiB < 1 || maxUnpackedMiB > 1 << 20 {
      throw ValidationError("--max-unpacked-mib: from 1 to 1048576 (got \(maxUnpackedMiB))")
    }
    if paths.isEmpty { throw ValidationError("Give at least one file, or '-' for standard input.") }
    if let dictionaries, !isDirectory(dictionaries) {
      throw ValidationError("--dictionaries: no such directory: \(dictionaries)")
    }
  }

  /// The files to read: the paths given, with directories replaced by the supported files
  /// under them, in sorted order. Each directory is walked once; one that cannot be opened
  /// (at any depth) or holds no file policyq reads is reported to `err` as an error naming
  /// it, and counted in `problems`.
  func files(reportingTo err: inout StandardError) -> (files: [String], problems: Int) {
    var files: [String] = []
    var problems = 0
    for path in paths {
      guard path != "-", isDirectory(path) else {
        files.append(path)
        continue
      }
      let listing = DirectoryListing(directory: path)
      for unreadable in listing.unreadable {
        print(
          "\(unreadable.path): error: cannot open the directory: \(unreadable.reason); its files are not read",
          to: &err)
      }
      problems += listing.unreadable.count
      let found = listing.relativePaths.filter { SourceFormat(path: $0) != nil }.sorted()
      if found.isEmpty && listing.unreadable.isEmpty {
        print("\(path): error: no .txt, .md, .html or .docx file in this directory", to: &err)
        problems += 1
      }
      files += found.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
    }
    return (files, problems)
  }

  /// Whether one file, not a directory, was given: JSON is then one object, not an array.
  var isSingleFile: Bool { paths.count == 1 && !isDirectory(paths[0]) }

  private func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The dictionaries to parse with.
  func loadDictionaries() throws -> PolicyDictionaries {
    try Self.dictionaries(at: dictionaries)
  }

  /// The dictionaries in `directory`, or the bundled ones when it is nil; a damaged list
  /// is an error (exit 2): nothing is read with the wrong word lists.
  static func dictionaries(at directory: String?) throws -> PolicyDictionaries {
    guard let directory else { return .bundled }
    var err = StandardError()
    do {
      let loaded = try PolicyDictionaries(directory: URL(fileURLWithPath: directory))
      for warning in loaded.warnings { print(warning, to: &err) }
      return loaded
    } catch let error as TextError {
      print(error, to: &err)
      throw ExitCode(2)
    }
  }
}
