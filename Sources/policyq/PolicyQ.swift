import ArgumentParser

/// The policyq command line: Chinese policy documents into data.
@main
struct PolicyQ: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policyq",
    abstract: "Turn Chinese policy documents into data: text, structure, search, comparison.",
    version: "0.1.0",
    subcommands: [
      TextCommand.self, ExtractCommand.self, IndexCommand.self, SearchCommand.self,
      ExportCommand.self, CompareCommand.self, EvalCommand.self, RefsCommand.self,
      ReuseCommand.self,
    ]
  )

  /// `policyq search` with plain arguments, the command typed most, runs without
  /// ArgumentParser (see `SearchRequest.init(quickArguments:)`); the rest goes through it.
  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    if arguments.first == "search",
      let request = SearchRequest(quickArguments: Array(arguments.dropFirst()))
    {
      do { try request.run() } catch { SearchCommand.exit(withError: error) }
      return
    }
    main(nil)
  }
}
