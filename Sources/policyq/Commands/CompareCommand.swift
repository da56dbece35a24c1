import ArgumentParser
import Foundation
import PolicyCompare
import PolicyExtraction
import PolicyIndex
import PolicyKit
import PolicyModel
import PolicyOutput
import PolicyReaders
import PolicyText

/// `policyq compare`: a lower-level plan against the upper-level plan it implements.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare a lower-level plan with the upper-level plan it implements.",
    discussion: """
      Aligns the measures of LOWER with those of UPPER (carried over, rewritten, \
      lower-only, upper-only, with the passages they share), pairs their targets by \
      indicator and says which side is stronger, and shows who leads aligned measures. \
      Measures align on shared passages and on the evidence of rewording (headings, \
      words weighted by rarity, policy terms, departments, indicators); each pair says \
      why. With --index DIR --upper FILE, compares every document of a lower level in the \
      index with UPPER, weighing words by their frequency in the index; --format html \
      (or --table map with csv or json) draws the implementation map: UPPER's measures \
      and targets against the documents that cite it or take up its measures (30% by \
      strong links, or 30% by any links when on its subject).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

  @Argument(
    help: ArgumentHelp(
      "LOWER and UPPER files (or only LOWER files with --upper).", valueName: "file"))
  var files: [String] = []

  @Option(
    help: ArgumentHelp(
      "The upper-level plan to compare every lower document with.", valueName: "file"))
  var upper: String?

  @Option(
    name: .customLong("index"),
    help: ArgumentHelp(
      "An index whose lower-level documents to compare with --upper.", valueName: "dir"))
  var index: String?

  @OptionGroup var reading: ReadingOptions

  @Option(help: "Output format: text, json, csv or html.")
  var format: Format = .text

  @Option(
    help:
      "With --format csv: targets or measures. With --upper: map (csv or json) for the implementation map."
  )
  var table: String = "targets"

  @Option(
    help: ArgumentHelp(
      "Write the evidence of every scored pair of measures to this file (TSV), for calibration.",
      visibility: .hidden))
  var scoresOut: String?

  func validate() throws {
    if upper == nil && files.count != 2 {
      throw ValidationError(
        "Give LOWER and UPPER, or --upper FILE with lower files or --index DIR.")
    }
    if index != nil && upper == nil { throw ValidationError("--index goes with --upper.") }
    if upper != nil && files.isEmpty && index == nil {
      throw ValidationError("--upper needs lower files or --index DIR.")
    }
    if !["targets", "measures", "map"].contains(table) {
      throw ValidationError("--table: targets, measures or map")
    }
    if table == "map" && (upper == nil || ![.csv, .json, .html].contains(format)) {
      throw ValidationError("--table map goes with --upper and --format csv, json or html")
    }
  }

  func run() throws {
    var out = StandardOutput()
    var err = StandardError()
    let reader = reading.reader
    let parser = PolicyParser(dictionaries: try reading.loadDictionaries())
    func parse(_ path: String) throws -> PolicyDocument {
      parser.parse(try reader.read(contentsOf: path))
    }
    var lowers: [String] = files
    let upperPath = upper ?? files[1]
    if upper == nil { lowers = [files[0]] }
    do {
      let upperDocument = try parse(upperPath)
      var openedIndex: InvertedIndex?
      if let index {
        let opened = try InvertedIndex.open(URL(fileURLWithPath: index))
        openedIndex = opened
        let upperLevel = upperDocument.metadata.level
        if upperLevel == nil {
          print(
            "\(upperPath): warning: no administrative level found; every other document is compared",
            to: &err)
        }
        lowers += try (0..<opened.documentCount).map { try opened.document($0) }
          .filter { document in
            guard document.id != upperDocument.id else { return false }
            guard let upperLevel else { return true }
            return document.level.flatMap(AdministrativeLevel.init(rawValue:)).map {
              $0 > upperLevel
            } ?? false
          }
          .map(\.path)
        if lowers.isEmpty {
          print(
            "\(index): warning: no document of a level below \(upperPath)'s (\(upperLevel?.rawValue ?? "none")); nothing compared",
            to: &err)
          throw ExitCode(1)
        }
      }
      // With --upper, the comparisons are a list, however many there are.
      let isBatch = upper != nil
      // The implementation map: --table map, or an HTML page of an index's documents.
      let isMap = upper != nil && (table == "map" || (format == .html && index != nil))
      var mapped: [DocumentComparison] = []
      if format == .html && lowers.count > 1 && !isMap {
        print(
          "compare: error: --format html shows one comparison; \(lowers.count) lower documents were given (use json or csv)",
          to: &err)
        throw ExitCode(64)
      }
      var failures = 0
      var written = 0
      // Several comparisons: JSON as one array, CSV under one header.
      if format == .json && isBatch && !isMap { out.write("[\n") }
      for path in lowers {
        do {
          let lowerDocument = try parse(path)
          // With an index, bigrams weigh by their frequency in its corpus.
          let background =
            try openedIndex.map {
              try IndexBigramFrequencies.background($0, for: [lowerDocument, upperDocument])
            } ?? .bundled
          let comparison = DocumentComparison(
            lower: lowerDocument, upper: upperDocument, dictionaries: parser.dictionaries,
            background: background)
          if let scoresOut {
            try ComparisonOutput.scoresTSV(comparison).write(
              toFile: scoresOut, atomically: true, encoding: .utf8)
          }
          for note in ComparisonOutput.limitNotes(comparison) {
            print("\(path): warning: compared with \(upperPath): \(note)", to: &err)
          }
          if isMap {
            mapped.append(comparison)
            continue
          }
          switch format {
          case .text: out.write(ComparisonOutput.text(comparison) + (isBatch ? "\n" : ""))
          case .json: out.write((written > 0 ? ",\n" : "") + ComparisonOutput.json(comparison))
          case .csv: out.write(ComparisonOutput.csv(comparison, table: table, header: written == 0))
          case .html: out.write(ComparisonHTML.render(comparison))
          }
          written += 1
        } catch {
          failures += 1
          print(error, to: &err)
        }
      }
      if format == .json && isBatch && !isMap { out.write("]\n") }
      if isMap {
        let map = ImplementationMap(upper: upperDocument, comparisons: mapped)
        switch format {
        case .csv: out.write(ImplementationMapOutput.csv(map))
        case .json: out.write(ImplementationMapOutput.json(map))
        default: out.write(ImplementationMapHTML.render(map))
        }
        if map.columns.isEmpty {
          print(
            "\(upperPath): warning: no compared document cites it or takes up its measures (\(Int(ImplementationMap.strongCoverageThreshold * 100))% by strong links, or \(Int(ImplementationMap.coverageThreshold * 100))% on its subject)",
            to: &err)
        }
      }
      if failures > 0 { throw ExitCode(1) }
    } catch let error as IndexError {
      print(error, to: &err)
      throw ExitCode(2)
    } catch let error as TextError {
      // The upper plan could not be read: nothing to compare with.
      print(error, to: &err)
      throw ExitCode(1)
    }
  }
}
