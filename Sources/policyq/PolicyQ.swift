import ArgumentParser

/// The policyq command line: Chinese policy documents into data.
@main
struct PolicyQ: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policyq",
    abstract: "Turn Chinese policy documents into data: text, structure, search, comparison.",
    version: "0.1.0",
    subcommands: [TextCommand.self, ExtractCommand.self, IndexCommand.self, SearchCommand.self, CompareCommand.self]
  )
}
