import ArgumentParser
import Foundation
import PolicyBytes
import PolicyExtraction
import PolicyIndex
import PolicyKit
import PolicyOutput

/// A file that could not be read, as its error says it.
private struct DocumentFailure: Error, Sendable {
  var message: String
}

extension ExportCommand {
  /// `--opensearch DIR`: the units of the files given, parsed one at a time as `policyq
  /// index` parses them, or of the index given, read straight from it; exit 1 when some
  /// files failed, 2 when the index or DIR is unusable.
  func exportOpenSearch(to directory: String) throws {
    var out = StandardOutput()
    var err = StandardError()
    let export: OpenSearchExport
    do {
      export = try OpenSearchExport(
        directory: directory, bulkBytes: Int((bulkMiB * 1_048_576).rounded()))
    } catch let error as OpenSearchExportError {
      print(error, to: &err)
      throw ExitCode(2)
    }
    var failures = 0
    do {
      /// Writes one document's units, naming a repeated text.
      func add(_ units: DocumentUnits) throws {
        for warning in units.warnings { print(warning, to: &err) }
        if let first = try export.add(units) {
          print(
            "\(units.document.path): warning: the same text as \(first); exported once",
            to: &err)
        }
      }
      if let index {
        try DocumentUnits.forEach(in: try InvertedIndex.open(URL(fileURLWithPath: index)), add)
      } else {
        var parser = PolicyParser(dictionaries: try reading.loadDictionaries())
        // Units keep no references, as in `policyq index`.
        parser.readsReferences = false
        let reader = reading.reader
        let (files, problems) = InputOptions.files(of: paths, reportingTo: &err)
        failures = problems
        // Files are read, parsed and cut into units on `--jobs` threads, handed over in
        // their order (a failure in its place, by name).
        let pipeline = OrderedPipeline(
          count: files.count, workers: jobs.count, depth: 8 * jobs.count
        ) { [parser] number -> Result<DocumentUnits, DocumentFailure> in
          do {
            let parsed = parser.parse(try reader.read(contentsOf: files[number]))
            return .success(DocumentUnits(parsed: parsed, path: files[number]))
          } catch {
            return .failure(DocumentFailure(message: "\(error)"))
          }
        }
        defer { pipeline.cancel() }
        while let outcome = pipeline.next() {
          switch outcome {
          case .success(let units): try add(units)
          case .failure(let failure):
            failures += 1
            print(failure.message, to: &err)
          }
        }
      }
      let counts = try export.finish()
      print(
        "\(directory): \(counts.documents) documents, \(counts.units) units in "
          + "\(counts.bulkFiles) bulk files (\(counts.bulkBytes) bytes), "
          + "\(OpenSearchExport.templateName), \(OpenSearchExport.loadScriptName)",
        to: &out)
    } catch let error as IndexError {
      export.abandon()
      print(error, to: &err)
      throw ExitCode(2)
    } catch let error as OpenSearchExportError {
      export.abandon()
      print(error, to: &err)
      throw ExitCode(2)
    } catch {
      export.abandon()
      throw error
    }
    if failures > 0 { throw ExitCode(1) }
  }
}
