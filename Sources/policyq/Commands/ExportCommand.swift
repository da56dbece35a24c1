import ArgumentParser
import Foundation
import PolicyExtraction
import PolicyIndex
import PolicyKit
import PolicyOutput

/// `policyq export`: documents into one SQLite database, or units into OpenSearch bulk files.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Export documents into one SQLite database, or search units into OpenSearch bulk files.",
    discussion: """
      With --sqlite: reads and parses the files given (or, with --index, the files an index \
      holds) as `policyq extract` does, and writes tables documents, sections, measures, \
      responsibilities, target_sentences, targets, references and diagnostics, keyed by \
      the ids of `policyq extract`, with views measures_with_document and \
      targets_with_measure_and_document and a full-text table measure_fts. The database \
      is written into OUT.partial-PID beside OUT and renamed over OUT at the end: an \
      interrupted or failed run leaves OUT as it was. The schema is in \
      docs/sqlite-schema.md.

      With --opensearch DIR: writes the search units of the files (as `policyq index` cuts \
      them; with --index, the units read straight from the index) as NDJSON _bulk files \
      bulk-0001.ndjson … of at most --bulk-mib MiB, with template.json (the index \
      template: analysis-icu normaliser, Traditional→Simplified, bigrams and unigrams, \
      keyword fields for every filter of `policyq search`) and load.sh (the curl commands; \
      not run by policyq). DIR is written as DIR.partial-PID and renamed at the end; an \
      existing DIR is replaced only if it is empty or an earlier export. The fields are in \
      docs/opensearch-bulk.schema.json; `policyq search --print-opensearch QUERY` prints a \
      query as the matching query DSL.
      """)

  @Option(
    name: .customLong("sqlite"),
    help: ArgumentHelp("The SQLite database to write (replaced whole).", valueName: "out.db"))
  var output: String?

  @Option(
    name: .customLong("opensearch"),
    help: ArgumentHelp(
      "The directory to write OpenSearch bulk files, template.json and load.sh into (replaced whole).",
      valueName: "dir"))
  var openSearch: String?

  @Option(
    name: .customLong("bulk-mib"),
    help: ArgumentHelp(
      "With --opensearch: the most one bulk file holds, in MiB (a larger unit gets a file of its own).",
      valueName: "MiB"))
  var bulkMiB = 50.0

  @Argument(help: InputOptions.pathsHelp)
  var paths: [String] = []

  @Option(
    name: .customLong("index"),
    help: ArgumentHelp(
      "Export the files this index holds (--sqlite: read and parsed again; --opensearch: the units as the index holds them) instead of paths.",
      valueName: "dir"))
  var index: String?

  @OptionGroup var reading: ReadingOptions

  @OptionGroup var jobs: JobsOption

  func validate() throws {
    if (output == nil) == (openSearch == nil) {
      throw ValidationError("Give exactly one of --sqlite OUT.db and --opensearch DIR.")
    }
    if paths.isEmpty && index == nil {
      throw ValidationError("Give files or directories to export, or --index DIR.")
    }
    if !paths.isEmpty && index != nil {
      throw ValidationError("Give either paths or --index, not both.")
    }
    if !(bulkMiB > 0 && bulkMiB <= 1_048_576) {
      throw ValidationError("--bulk-mib: more than 0 and at most 1048576 (got \(bulkMiB))")
    }
  }

  func run() throws {
    if let openSearch {
      try exportOpenSearch(to: openSearch)
      return
    }
    guard let output else { return }
    let parser = PolicyParser(dictionaries: try reading.loadDictionaries())
    var out = StandardOutput()
    var err = StandardError()
    let files: [String]
    let problems: Int
    if let index {
      files = try InputOptions.files(ofIndex: URL(fileURLWithPath: index), reportingTo: &err)
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
