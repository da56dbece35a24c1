import ArgumentParser
import PolicyKit
import PolicyOutput
import PolicyReaders
import PolicyText

/// `policyq text`: prints the cleaned (or folded) text of documents.
struct TextCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "text",
    abstract: "Print the cleaned text of documents, one paragraph per line.",
    discussion: """
      Decodes each file (detecting its encoding), removes noise (Word bookmarks, pinyin \
      glosses, page numbers, stray spaces), joins hard-wrapped paragraphs, and prints \
      the result. With --format json, each document comes with its source, the cleaning \
      rules applied, and the offset map from the text back to the source bytes.
      """)

  /// What `policyq text` prints.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @OptionGroup var input: InputOptions

  @Flag(help: "Print the matching form: NFKC, case folded, Traditional → Simplified.")
  var folded = false

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  func run() throws {
    let reader = input.reader
    var out = StandardOutput()
    var err = StandardError()
    let (files, problems) = input.files(reportingTo: &err)
    var failures = problems
    var documents: [PolicyText] = []
    for path in files {
      do {
        let document = try reader.read(contentsOf: path)
        for diagnostic in document.diagnostics { print(diagnostic, to: &err) }
        switch format {
        case .text:
          if files.count > 1 { print("==> \(path) <==", to: &out) }
          print(folded ? document.folded : document.text, to: &out)
        case .json:
          documents.append(document)
        }
      } catch {
        failures += 1
        print(error, to: &err)
      }
    }
    if format == .json {
      let json = TextJSON.render(documents, includeFolded: folded, asArray: !input.isSingleFile)
      print(json, to: &out)
    }
    if failures > 0 { throw ExitCode(1) }
  }
}
