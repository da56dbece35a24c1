import ArgumentParser
import Foundation
import PolicyExtraction
import PolicyKit
import PolicyReaders
import PolicyText

/// How files are read and parsed: the dictionaries, and how much a container may unpack
/// to. Every command that reads files takes these.
struct ReadingOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A directory of dictionaries to use instead of the bundled ones.", valueName: "dir"))
  var dictionaries: String?

  @Option(
    name: .customLong("max-unpacked-mib"),
    help: ArgumentHelp(
      "The most a .docx's document part (or a PDF's text) may unpack to, in MiB (a zip or PDF bomb is refused); a PDF may have 64 pages per MiB. Without it: 256 MiB, and 200 times its packed size above 8 MiB.",
      valueName: "MiB"))
  var maxUnpackedMiB: Int?

  @Flag(
    help:
      "Read a PDF without a text layer (a scan) by OCR: each page rendered at 300 dpi and read by tesseract with chi_sim (Debian tesseract-ocr-chi-sim); said in the document's diagnostics."
  )
  var ocr = false

  func validate() throws {
    if let maxUnpackedMiB, maxUnpackedMiB < 1 || maxUnpackedMiB > 1 << 20 {
      throw ValidationError("--max-unpacked-mib: from 1 to 1048576 (got \(maxUnpackedMiB))")
    }
    var isDirectory: ObjCBool = false
    if let dictionaries,
      !FileManager.default.fileExists(atPath: dictionaries, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    {
      throw ValidationError("--dictionaries: no such directory: \(dictionaries)")
    }
  }

  /// A reader within the limits given.
  var reader: DocumentReader {
    var limits = ContainerLimits.standard
    // A cap given is the user's whole limit: the ratio no longer applies.
    if let maxUnpackedMiB {
      limits.maximumRatio = .max
      limits.maximumUnpackedBytes = maxUnpackedMiB << 20
    }
    return DocumentReader(containerLimits: limits, ocr: ocr)
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
