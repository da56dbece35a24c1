import Foundation
import PolicyExtraction
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// Markdown with YAML front matter: its fields are metadata, not text, and the editor's
/// note quoted after it is not part of the document.
@Suite struct FrontMatterTests {
  static let markdown = """
    ---
    标题: 上海市某区人民政府办公室关于印发《某区绿化实施方案》的通知
    文号: 某府办发〔2024〕12号
    发布单位: 上海市某区人民政府
    发布日期: 2024-05-10
    层级: 区级
    ---

    > 本文由脚本自官方页面提取，仅供检索查阅。
    > 依《中华人民共和国著作权法》第五条第一项，不适用著作权法。

    # 上海市某区人民政府办公室关于印发《某区绿化实施方案》的通知

    各街镇：

    现将《某区绿化实施方案》印发给你们，请认真贯彻执行。

    一、重点任务

    （一）推进绿化。建设公园。

    """

  func read(_ text: String) throws -> PolicyText {
    try DocumentReader().read(bytes: Array(text.utf8), path: "plan.md", format: .markdown)
  }

  @Test func fieldsAreMetadata_notText() throws {
    let text = try read(Self.markdown)
    #expect(text.text.hasPrefix("上海市某区人民政府办公室关于印发"))
    #expect(!text.text.contains("文号"))
    #expect(!text.text.contains("著作权法"))
    #expect(text.cleaning[.frontMatter] == 1)
    let document = PolicyParser().parse(text)
    #expect(document.metadata.documentNumber?.normalized == "某府办发〔2024〕12号")
    #expect(document.references.isEmpty)
    // The issuer the title names decides over the front matter's 发布单位 (the site).
    #expect(document.metadata.issuer == "上海市某区人民政府办公室")
    // No date under a signature: the front matter's 发布日期.
    #expect(document.metadata.writtenDate == "2024-05-10")
    // Where the number was read: line 3 of the file.
    let range = try #require(document.metadata.sourceRanges["document_number"])
    #expect(text.sourceSpan(ofSourceBytes: range).line == 3)
    #expect(String(decoding: Array(Self.markdown.utf8)[range], as: UTF8.self) == "某府办发〔2024〕12号")
  }

  @Test func emptyAndDashValues_areNone() throws {
    let text = try read("---\n文号: \n发布单位: -\n---\n\n通知正文。\n")
    #expect(text.frontMatter?.value("文号") == nil)
    #expect(text.frontMatter?.value("发布单位") == nil)
    #expect(text.text == "通知正文。")
  }

  @Test func rulesInTheBody_areNotFrontMatter() throws {
    let text = try read("正文第一段。\n\n---\n\n正文第二段。\n")
    #expect(text.frontMatter == nil)
    #expect(text.text.hasPrefix("正文第一段。"))
  }

  /// In Markdown a blank line ends a paragraph: the cells of a flattened task table
  /// (one per paragraph) stay apart, as in the Shanghai documents.
  @Test func flattenedTableCells_stayApart() throws {
    let text = try read("---\n标题: 表\n---\n\n序号\n\n重点任务\n\n牵头单位\n\n1\n\n推进绿化\n\n区绿化市容局\n")
    #expect(text.text == "序号\n重点任务\n牵头单位\n1\n推进绿化\n区绿化市容局")
  }

  @Test func realShanghaiDocuments_readTheirFrontMatter() throws {
    guard let real = Corpus.real else { return }
    let folder = real.appendingPathComponent("shanghai")
    let files =
      FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter {
        $0.hasSuffix(".md")
      } ?? []
    #expect(files.count > 50)
    for file in files {
      let text = try DocumentReader().read(contentsOf: folder.appendingPathComponent(file).path)
      #expect(text.frontMatter?.value("标题") != nil, "\(file)")
      #expect(!text.text.hasPrefix("---") && !text.text.hasPrefix(">"), "\(file)")
      #expect(!text.text.contains("本文正文由脚本"), "\(file)")
    }
  }
}
