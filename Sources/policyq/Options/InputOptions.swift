import ArgumentParser
import Foundation
import PolicyBytes
import PolicyExtraction
import PolicyKit
import PolicyReaders
import PolicyText

/// The files a command reads.
struct InputOptions: ParsableArguments {
  /// The help of the paths argument, for the commands that declare their own (`index`,
  /// `export`, `refs` also run without paths).
  static let pathsHelp = ArgumentHelp(
    "Files or directories to read (.txt, .md, .html, .docx, .pdf, .ofd, and .doc/.wps/.rtf through LibreOffice; text in UTF-8, GB18030/GBK, Big5 or UTF-16); '-' reads standard input.",
    valueName: "path")

  @Argument(help: pathsHelp)
  var paths: [String]

  @OptionGroup var reading: ReadingOptions

  /// A reader within the limits given.
  var reader: DocumentReader { reading.reader }

  func validate() throws {
    if paths.isEmpty { throw ValidationError("Give at least one file, or '-' for standard input.") }
  }

  /// The files to read: the paths given, with directories replaced by the supported files
  /// under them, in sorted order, each file once (the first path that reaches it: `d` and
  /// `d/a.txt`, or a link and its target, are one file). Each directory is walked once;
  /// one that cannot be opened (at any depth) or holds no file policyq reads is reported
  /// to `err` as an error naming it, and counted in `problems`. Special files under a
  /// directory (FIFOs, sockets, devices) are passed over with a warning naming them.
  func files(reportingTo err: inout StandardError) -> (files: [String], problems: Int) {
    Self.files(of: paths, reportingTo: &err)
  }

  /// The files to read for `paths`, as `files(reportingTo:)` gives them.
  static func files(of paths: [String], reportingTo err: inout StandardError) -> (
    files: [String], problems: Int
  ) {
    var files: [String] = []
    var problems = 0
    // A directory given twice (`d d/`) is walked once.
    for path in FileIdentity.firstOfEach(paths) {
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
      let join = { (relative: String) in
        path.hasSuffix("/") ? path + relative : path + "/" + relative
      }
      for skipped in listing.skipped {
        print("\(join(skipped.relativePath)): warning: \(skipped.reason); not read", to: &err)
      }
      let found = listing.relativePaths.filter { SourceFormat(path: $0) != nil }.sorted()
      if found.isEmpty && listing.unreadable.isEmpty {
        print(
          "\(path): error: no .txt, .md, .html, .docx, .pdf or .ofd file in this directory",
          to: &err)
        problems += 1
      }
      files += found.map(join)
    }
    return (FileIdentity.firstOfEach(files), problems)
  }

  /// The files the index in `directory` was built from (`InvertedIndex.sourcePaths()`),
  /// for the commands that read them again (`export --index`, `refs`).
  /// - Throws: `ExitCode(2)` when the index is missing or damaged, having said why to `err`.
  static func files(ofIndex directory: URL, reportingTo err: inout StandardError) throws
    -> [String]
  {
    do {
      return try InvertedIndex.open(directory).sourcePaths()
    } catch let error as IndexError {
      print(error, to: &err)
      throw ExitCode(2)
    }
  }

  /// Whether one file, not a directory, was given: JSON is then one object, not an array.
  var isSingleFile: Bool { paths.count == 1 && !Self.isDirectory(paths[0]) }

  /// Whether `path` is a directory (or a link to one), found by its bytes when a name in
  /// it is shown in another form.
  private static func isDirectory(_ path: String) -> Bool {
    FileKind.ofFile(atPath: NativePath.bytes(of: path)) == .directory
  }

  /// The dictionaries to parse with.
  func loadDictionaries() throws -> PolicyDictionaries {
    try reading.loadDictionaries()
  }
}
