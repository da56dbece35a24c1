import ArgumentParser
import Foundation
import PolicyIndex
import PolicyKit

#if canImport(Glibc)
import Glibc
#endif

/// `policyq index`: builds or updates a search index.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Build or update the search index of a corpus.",
    discussion: """
      Reads and parses every file under the paths given and writes an index of its \
      measures, sections, targets and documents. Run it again on a changed corpus and only \
      added or changed files are parsed; files no longer given are removed. A new index \
      replaces the old one atomically: an interrupted run leaves the previous index intact.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var location: IndexLocation

  @Flag(help: "Check every byte of the index against its checksums after building.")
  var verify = false

  func run() throws {
    var err = StandardError()
    var out = StandardOutput()
    // The paths given are the whole corpus: indexing would drop every document of the
    // index that a mistyped path leaves out, so a missing path stops it before anything changes.
    // An index is of files: standard input ('-', which the other commands read) has no
    // path to find it again by.
    if input.paths.contains("-") {
      print(
        "-: error: policyq index reads files and directories, not standard input; the index is left unchanged",
        to: &err)
      throw ExitCode(2)
    }
    let missing = input.paths.filter { !FileManager.default.fileExists(atPath: $0) }
    for path in missing {
      print("\(path): error: no such file or directory; the index is left unchanged", to: &err)
    }
    if !missing.isEmpty { throw ExitCode(2) }
    // A directory that cannot be read would drop its documents from the index too.
    let (files, problems) = input.files(reportingTo: &err)
    if problems > 0 { throw ExitCode(2) }
    let directory = location.forWriting
    var builder = IndexBuilder(directory: directory, dictionaries: try input.loadDictionaries())
    builder.reader = input.reader
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
      print(error, to: &err)
      throw ExitCode(2)
    }
  }
}
