import ArgumentParser
import Testing

@testable import policyq

/// `policyq search` reads its plain arguments without ArgumentParser
/// (`SearchRequest.init(quickArguments:)`): both readers must agree, and everything the
/// quick reader does not know must be left to ArgumentParser.
@Suite struct SearchArgumentsTests {
  /// Argument lists (after `search`) the quick reader takes.
  static let plain: [[String]] = [
    ["固废"],
    ["绿色工厂", "dept:区经济信息委", "--index", "/tmp/i", "--limit", "3"],
    ["\"节能降碳\"", "OR", "碳达峰", "-光伏", "year:2025"],
    [
      "固废", "--format", "json", "--explain", "--no-synonyms", "--no-word-ranking", "--color",
      "never",
    ],
    ["--limit", "5", "--limit", "7", "固废"],
    ["固废", "--unit", "measure,target", "--format", "csv", "--color", "always"],
    ["-光伏", "碳中和", "--format", "jsonl"],
    ["level:district", "region:永川区", "kind:通知", "doc:永川府发〔2022〕11号", "lead:区发展改革委"],
    ["固废", "--print-opensearch", "unit:measure", "--no-synonyms"],
  ]

  /// Argument lists left to ArgumentParser: help, the = spelling, the -- terminator,
  /// wrong or missing values, unknown options, no query.
  static let leftToArgumentParser: [[String]] = [
    ["--help"], ["-h"], ["固废", "--limit=3"], ["--", "固废"], ["固废", "--limit", "x"],
    ["固废", "--limit", "0"], ["固废", "--limit"], ["固废", "--format", "xml"],
    ["固废", "--unit", "chapter"],
    ["固废", "--colour", "never"], ["固废", "--index"], ["固废", "--index", "-x"], [], ["--explain"],
    ["--version"],
  ]

  @Test(arguments: plain) func quickReaderAgreesWithArgumentParser(arguments: [String]) throws {
    let quick = try #require(SearchRequest(quickArguments: arguments))
    let parsed = try SearchCommand.parse(arguments).request
    #expect(quick == parsed)
  }

  @Test(arguments: leftToArgumentParser) func quickReaderLeavesTheRestToArgumentParser(
    arguments: [String]
  ) {
    #expect(SearchRequest(quickArguments: arguments) == nil)
  }

  @Test func defaultsAreArgumentParsersDefaults() throws {
    let parsed = try SearchCommand.parse(["固废"]).request
    #expect(parsed == SearchRequest(words: ["固废"]))
    #expect(
      parsed.limit == 10 && parsed.format == .text && parsed.color == .auto && !parsed.explain)
  }

  @Test func argumentParserRejectsWhatTheQuickReaderRejects() {
    // Invalid requests must fail in ArgumentParser too, not run with other values.
    for arguments in [
      ["固废", "--limit", "0"], ["固废", "--unit", "chapter"], [], ["固废", "--format", "xml"],
      ["固废", "--colour", "never"],
      ["固废", "--limt", "3"],
    ] {
      #expect(throws: (any Error).self) { try SearchCommand.parse(arguments) }
    }
  }
}
