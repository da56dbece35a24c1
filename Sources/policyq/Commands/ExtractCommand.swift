import ArgumentParser
import PolicyKit

/// `policyq extract`: documents into structured data.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract metadata, sections, measures, targets, responsibilities and references.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, csv, tree
  }

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: json, jsonl, csv or tree.")
  var format: Format = .json

  func run() throws {
    let reader = DocumentReader()
    let parser = PolicyParser()
    var out = StandardOutput()
    var err = StandardError()
    var failures = 0
    for path in input.files {
      do {
        let text = try reader.read(contentsOf: path)
        let document = parser.parse(text)
        print(TreeDump.render(document), to: &out)
      } catch {
        failures += 1
        print(error, to: &err)
      }
    }
    if failures > 0 { throw ExitCode(1) }
  }
}
