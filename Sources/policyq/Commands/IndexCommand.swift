import ArgumentParser
import Foundation
import PolicyIndex
import PolicyKit
import PolicyReaders

#if canImport(Glibc)
import Glibc
#endif

/// `policyq index`: builds or updates a search index, or checks one.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Build or update the search index of a corpus.",
    discussion: """
      Reads and parses every file under the paths given and writes an index of its \
      measures, sections, targets and documents. Run it again on a changed corpus and only \
      added or changed files are parsed; files no longer given are removed. A file is \
      taken as unchanged when its size and modification time are (with --rehash, only when \
      its content is). A new index replaces the old one atomically: an interrupted or \
      failed run leaves the previous index intact. `policyq index --verify` with no paths \
      checks the existing index without rebuilding it.
      """)

  // The paths of `InputOptions`, declared here because `index --verify` takes no path,
  // which `InputOptions` requires.
  @Argument(
    help: ArgumentHelp(
      "Files or directories to read (.txt, .md, .html, .docx, .pdf, .ofd, and .doc/.wps/.rtf through LibreOffice; text in UTF-8, GB18030/GBK, Big5 or UTF-16).",
      valueName: "path"))
  var paths: [String] = []

  @OptionGroup var reading: ReadingOptions

  @OptionGroup var location: IndexLocation

  @OptionGroup var jobs: JobsOption

  @Flag(
    help:
      "Check every byte of the index against its checksums (after building; alone, without building)."
  )
  var verify = false

  @Flag(
    help:
      "Compare the content of files unchanged in size and modification time with the index (reads every file)."
  )
  var rehash = false

  func validate() throws {
    if paths.isEmpty && !verify {
      throw ValidationError(
        "Give at least one file or directory to index, or --verify alone to check the index.")
    }
  }

  func run() throws {
    var err = StandardError()
    var out = StandardOutput()
    let directory = location.forWriting
    if paths.isEmpty {
      do {
        let index = try InvertedIndex.open(directory)
        try index.verify()
        print(
          "\(directory.path): the index is whole: \(index.documentCount) documents, \(index.unitCount) units",
          to: &out)
        return
      } catch let error as IndexError {
        print(error, to: &err)
        throw ExitCode(2)
      }
    }
    // The paths given are the whole corpus: indexing would drop every document of the
    // index that a mistyped path leaves out, so a missing path stops it before anything changes.
    // An index is of files: standard input ('-', which the other commands read) has no
    // path to find it again by.
    if paths.contains("-") {
      print(
        "-: error: policyq index reads files and directories, not standard input; the index is left unchanged",
        to: &err)
      throw ExitCode(2)
    }
    // (A path shown in another form than its bytes exists too: `FileIdentity` finds it.)
    let missing = paths.filter {
      !FileManager.default.fileExists(atPath: $0) && FileIdentity(path: $0) == nil
    }
    for path in missing {
      print("\(path): error: no such file or directory; the index is left unchanged", to: &err)
    }
    if !missing.isEmpty { throw ExitCode(2) }
    // A directory that cannot be read would drop its documents from the index too.
    let (files, problems) = InputOptions.files(of: paths, reportingTo: &err)
    if problems > 0 { throw ExitCode(2) }
    var builder = IndexBuilder(directory: directory, dictionaries: try reading.loadDictionaries())
    builder.reader = reading.reader
    builder.rehash = rehash
    builder.jobs = jobs.count
    let interactive = isatty(2) == 1
    do {
      let summary = try builder.build(files: files) { progress in
        guard interactive else { return }
        let megabytes = Double(progress.bytesDone) / 1_000_000
        let rate = progress.seconds > 0 ? megabytes / progress.seconds : 0
        err.write(
          String(
            format: "\rindexing: %d/%d files, %.1f MB, %.1f MB/s   ", progress.filesDone,
            progress.filesTotal, megabytes, rate))
      }
      if interactive { err.write("\n") }
      for warning in summary.warnings { print(warning, to: &err) }
      for failure in summary.failures { print(failure.error, to: &err) }
      if verify { try InvertedIndex.open(directory).verify() }
      let megabytes = Double(summary.sourceBytes) / 1_000_000
      print(
        String(
          format:
            "indexed %d documents (%d parsed, %d unchanged, %d removed, %d failed): %d units, %.1f MB in %.1f s (%.1f MB/s); index %.1f MB in %@",
          summary.documents, summary.parsed, summary.reused, summary.removed,
          summary.failures.count, summary.units, megabytes,
          summary.seconds, summary.seconds > 0 ? megabytes / summary.seconds : 0,
          Double(summary.indexBytes) / 1_000_000,
          directory.path), to: &out)
      if !summary.failures.isEmpty { throw ExitCode(1) }
    } catch let error as IndexError {
      if interactive { err.write("\n") }
      print(error, to: &err)
      throw ExitCode(2)
    }
  }
}
