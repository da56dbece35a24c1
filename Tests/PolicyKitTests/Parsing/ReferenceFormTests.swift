import Foundation
import PolicyExtraction
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// What a 《》 cites: documents, with their numbers wherever they stand; not the
/// document's own plan and attachments, nor forms, cards and newspapers, nor the short
/// names a text gives documents it named.
@Suite struct ReferenceFormTests {
  func references(_ text: String, format: SourceFormat = .plainText) throws -> [String] {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "doc", format: format)
    ).references.map {
      "《\($0.title)》" + ($0.documentNumber.map { " \($0.normalized)" } ?? "")
    }
  }

  @Test func numbersBeforeAndAfter_decreesIncluded() throws {
    let text = """
      上海市建筑消防设施管理规定
      第一条（目的依据）根据《中华人民共和国消防法》和《上海市消防条例》，制定本规定。
      第二条（施行日期）本规定自2022年3月1日起施行。2011年12月28日上海市人民政府令第80号公布的《上海市建筑消防设施管理规定》同时废止。
      第三条（依据）贯彻《上海市建筑垃圾处理管理规定》（市政府第16号令）的要求。

      """
    #expect(
      try references(text) == [
        "《中华人民共和国消防法》", "《上海市消防条例》", "《上海市建筑消防设施管理规定》 上海市人民政府令第80号",
        "《上海市建筑垃圾处理管理规定》 市政府令第16号",
      ])
  }

  @Test func shortNamesFormsAndCards_areNone() throws {
    let text = """
      一、总体要求
      （一）依据。按照《关于推进农村公路建设的指导意见》（国办发〔2019〕45号，以下简称《意见》），制定本方案。
      （二）要求。资金安排应符合《意见》要求，申请人填写《诉讼要素表》，持《上海市居住证》办理，在《人民日报》公布；落实《奉贤区减量化五年行动计划任务分解表》。
      （三）依据。据省地震局《巴东县马鬃山村地面振动监测结果汇报》，刊登于《上海市人民代表大会常务委员会公报》。

      """
    // A report submitted upward (…汇报) is a document, a gazette (…公报) is not.
    #expect(
      try references(text) == [
        "《关于推进农村公路建设的指导意见》 国办发〔2019〕45号", "《奉贤区减量化五年行动计划任务分解表》",
        "《巴东县马鬃山村地面振动监测结果汇报》",
      ])
  }

  /// A short form written as an earlier title's ending, without 以下简称, is that title again
  /// (《…规划的建议》…《建议》; 《中华人民共和国药品管理法》…《药品管理法》), but a province's
  /// regulation and the national one of its name are two (blind batch 18).
  @Test func shortFormsOfEarlierTitles_areTheSameDocument() throws {
    let text = """
      一、总体要求
      （一）依据。根据《中共中央关于制定国民经济和社会发展第十一个五年规划的建议》，按照《建议》精神，落实《中华人民共和国药品管理法》和《药品管理法》的规定。
      （二）衔接。执行《山东省物业管理条例》和《物业管理条例》。

      """
    #expect(
      try references(text) == [
        "《中共中央关于制定国民经济和社会发展第十一个五年规划的建议》", "《中华人民共和国药品管理法》", "《山东省物业管理条例》", "《物业管理条例》",
      ])
  }

  /// The plan a notice carries, under a wording of its own, and the notice's attachments
  /// are this document.
  @Test func ownPlanAndAttachments_areNone() throws {
    let text = """
      国家发展改革委国家能源局关于深化提升服务水平的意见
      一、总体要求
      （一）指导思想。落实《关于深化提升服务水平的意见》，执行《关于全面提升服务水平的意见》（发改能源规〔2020〕1479号）。
      （二）附件。填报《成员单位职责清单》。
      附件
      成员单位职责清单
      1.区发展改革委：负责统筹。

      """
    #expect(try references(text) == ["《关于全面提升服务水平的意见》 发改能源规〔2020〕1479号"])
  }

  /// A local regulation named after a national one cites it by the national title: that
  /// is the other act, not its own title without the place (149 files of corpus-real).
  @Test func nationalNamesake_isAReference_ownTitleIsNot() throws {
    let text = """
      浙江省劳动保障监察条例
      第一条　根据国务院《劳动保障监察条例》，结合本省实际，制定本条例。
      第二条　《浙江省劳动保障监察条例》自公布之日起施行。

      """
    #expect(try references(text) == ["《劳动保障监察条例》"])
  }

  /// In Markdown whose paragraphs are apart by blank lines, a title wrapped inside a table
  /// cell is one title.
  @Test func markdownSoftWrap_joinsACellsLines() throws {
    let paragraphs = (1...12).map { "第\($0)段落。" }.joined(separator: "\n\n")
    let text = "\(paragraphs)\n\n参考文件：《嘉定新城“十四五”规划\n建设行动方案》\n\n结束。\n"
    #expect(try references(text, format: .markdown) == ["《嘉定新城“十四五”规划建设行动方案》"])
  }
}
