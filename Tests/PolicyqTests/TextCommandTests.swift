import Foundation
import Testing

@Suite struct TextCommandTests {
  @Test func text_printsCleanedParagraphs() throws {
    let result = try Policyq.run(["text", Policyq.seed("001")])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("现将《重庆市推进制造业绿色低碳发展实施方案》印发给你们，请认真贯彻落实。\n"))
  }

  @Test func text_foldedPrintsSimplified() throws {
    let result = try Policyq.run(["text", "--folded", Policyq.seed("004")])
    #expect(result.status == 0)
    #expect(result.stdout.contains("重庆市人民政府印发了《重庆市推动制造业高质量发展重点专项实施方案》"))
  }

  @Test func text_badFileNamedOnStderr_otherFilesStillPrinted() throws {
    let result = try Policyq.run(["text", "no-such-file.txt", Policyq.seed("000")])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no-such-file.txt: error: cannot read the file: no such file"))
    #expect(result.stdout.contains("==> \(Policyq.seed("000")) <=="))
    #expect(result.stdout.contains("永川府发〔2022〕11号"))
  }

  @Test func text_readsStandardInput() throws {
    let result = try Policyq.run(["text", "-"], stdin: Data("到 2025 年，能耗\n\n下降14.5%。\n".utf8))
    #expect(result.status == 0)
    #expect(result.stdout == "到2025年，能耗下降14.5%。\n")
  }

  @Test func text_jsonHasSourceMapAndParagraphLines() throws {
    let result = try Policyq.run(["text", "--format", "json", Policyq.seed("002")])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    let source = try #require(object["source"] as? [String: Any])
    #expect(source["encoding"] as? String == "UTF-8")
    let cleaning = try #require(object["cleaning"] as? [String: Int])
    #expect((cleaning["word_bookmark"] ?? 0) > 0)
    let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
    let text = try #require(object["text"] as? String)
    #expect(paragraphs.count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
    // The paragraph "二、以碳达峰碳中和引领绿色发展" is on line 21 of the file.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let index = try #require(lines.firstIndex(of: "二、以碳达峰碳中和引领绿色发展"))
    #expect(paragraphs[index]["source_line"] as? Int == 21)
    let map = try #require(object["offset_map"] as? [String: Any])
    #expect((map["pieces"] as? [[Int]])?.isEmpty == false)
  }

  @Test func help_listsTheTextCommand() throws {
    let result = try Policyq.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("text"))
    #expect(result.stdout.contains("Print the cleaned text of documents"))
  }

  @Test func text_withoutFiles_isAUsageError() throws {
    let result = try Policyq.run(["text"])
    #expect(result.status == 64)
  }
}
