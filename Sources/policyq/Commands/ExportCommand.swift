import ArgumentParser
import Foundation
import PolicyExtraction
import PolicyIndex
import PolicyKit
import PolicyOutput

/// `policyq export`: documents into one SQLite database.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export documents into one SQLite database, with keys, views and full-text search.",
    discussion: """
      Reads and parses the files given (or, with --index, the files an index holds) as \
      `policyq extract` does, and writes tables documents, sections, measures, \
      responsibilities, target_sentences, targets, references and diagnostics, keyed by \
      the ids of `policyq extract`, with views measures_with_document and \
      targets_with_measure_and_document and a full-text table measure_fts. The database \
      is written into OUT.partial-PID beside OUT and renamed over OUT at the end: an \
      interrupted or failed run leaves OUT as it was. The schema is in \
      docs/sqlite-schema.md.
      """)

  @Option(
    name: .customLong("sqlite"),
    help: ArgumentHelp("The SQLite database to write (replaced whole).", valueName: "out.db"))
  var output: String

  @Argument(help: InputOptions.pathsHelp)
  var paths: [String] = []

  @Option(
    name: .customLong("index"),
    help: ArgumentHelp(
      "Export the files this index holds (read and parsed again) instead of paths.",
      valueName: "dir"))
  var index: String?

  @OptionGroup var reading: ReadingOptions

  @OptionGroup var jobs: JobsOption

  func validate() throws {
    if paths.isEmpty && index == nil {
      throw ValidationError("Give files or directories to export, or --index DIR.")
    }
    if !paths.isEmpty && index != nil {
      throw ValidationError("Give either paths or --index, not both.")
    }
  }

  func run() throws {
    let parser = PolicyParser(dictionaries: try reading.loadDictionaries())
    var out = StandardOutput()
    var err = StandardError()
    let files: [String]
    let problems: Int
    if let index {
      do {
        files = try InvertedIndex.open(URL(fileURLWithPath: index)).sourcePaths()
      } catch let error as IndexError {
        print(error, to: &err)
        throw ExitCode(2)
      }
      problems = 0
    } else {
      (files, problems) = InputOptions.files(of: paths, reportingTo: &err)
    }
    let batch = DocumentBatch(
      files: files, reader: reading.reader, parser: parser, jobs: jobs.count,
      reportingTo: &err)
    let (counts, skipped) = try SQLiteExport.write(batch.documents, to: output)
    for (file, first) in skipped {
      print("\(file): warning: the same text as \(first); exported once", to: &err)
    }
    print(
      "\(output): \(counts.documents) documents, \(counts.sections) sections, "
        + "\(counts.measures) measures, \(counts.responsibilities) responsibilities, "
        + "\(counts.targets) targets, \(counts.references) references",
      to: &out)
    if problems + batch.failures > 0 { throw ExitCode(1) }
  }
}
