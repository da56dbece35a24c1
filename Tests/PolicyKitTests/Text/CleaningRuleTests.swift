import Foundation
import PolicyExtraction
import PolicyReaders
import Testing

@testable import PolicyKit

/// Each cleaning rule on the real document that shows the noise it repairs.
@Suite struct CleaningRuleTests {
  let reader = DocumentReader()

  @Test func pinyinGloss_removedFromTraditionalSummary_seed004() throws {
    let document = try reader.read(contentsOf: Corpus.seed("004"))
    #expect(!document.text.contains("(fā)"))
    #expect(!document.text.contains("(dòng)"))
    #expect(document.text.contains("重慶市人民政府印發了《重慶市推動制造業高質量發展重點專項實施方案》"))
    #expect(document.cleaning[.pinyinGloss] > 100)
    // Parentheses that are not glosses stay.
    #expect(document.text.contains("(以下簡稱"))
    #expect(document.text.contains("醫用輸液瓶(袋)"))
  }

  @Test func wordBookmark_removedBeforeHeadings_seed002() throws {
    let document = try reader.read(contentsOf: Corpus.seed("002"))
    #expect(!document.text.contains("[bookmark"))
    #expect(!document.text.contains("_Hlk"))
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.contains("印发永川区绿色低碳发展行动实施方案的通知") == false)
    #expect(lines.contains("二、以碳达峰碳中和引领绿色发展"))
    #expect(lines.contains("（四）协同推进降碳减污扩绿增长"))
    #expect(document.cleaning[.wordBookmark] >= 20)
  }

  @Test func hardWrap_joinsSentenceBrokenByBlankLines_seed001() throws {
    let document = try reader.read(contentsOf: Corpus.seed("001"))
    #expect(document.text.contains("现将《重庆市推进制造业绿色低碳发展实施方案》印发给你们，请认真贯彻落实。"))
    let lines = document.text.split(separator: "\n").map(String.init)
    // Headings stay lines of their own; the preamble is one paragraph.
    #expect(lines.contains("一、总体要求"))
    #expect(lines.contains("（一）绿色化数字化协同发展。"))
    #expect(lines.contains("重庆市推进制造业绿色低碳发展实施方案"))
    #expect(lines.contains("渝经信发〔2024〕3号"))
    #expect(lines.contains("2024年1月4日"))
    #expect(
      lines.contains {
        $0.hasPrefix("各区县（自治县）经济信息委，两江新区经济运行局，万盛经开区经济信息局、双桥经开区") && $0.hasSuffix("有关单位：")
      })
    // 38 paragraphs, not the 135 pieces of the PDF extraction.
    #expect(lines.count < 45)
  }

  @Test func hardWrap_keepsSplitResponsibilityClauseWhole_seed000() throws {
    let document = try reader.read(contentsOf: Corpus.seed("000"))
    let lines = document.text.split(separator: "\n").map(String.init)
    let measure3 = try #require(lines.first { $0.hasPrefix("3.推动资源利用循环化转型。") })
    #expect(measure3.hasSuffix("（责任单位：区发展改革委、区经济信息委、区生态环境局、区城市管理局等有关部门按职责分工负责)"))
    let measure14 = try #require(lines.first { $0.hasPrefix("14.培育绿色技术领域科技型企业。") })
    #expect(measure14.hasSuffix("区教委等有关部门配合)"))
    // Measures still start their own paragraphs.
    for number in 1...19 {
      #expect(
        lines.contains { $0.hasPrefix("\(number).") || $0.hasPrefix("\(number). ") },
        "measure \(number)")
    }
    #expect(lines.contains("二、主要目标"))
    #expect(lines.contains("2022年7月22日"))
    #expect(lines.contains("（此件公开发布）"))
  }

  @Test func hardWrap_joinsTitleWrappedOverLines_seed003() throws {
    let document = try reader.read(contentsOf: Corpus.seed("003"))
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.contains("重庆市巴南区人民政府关于印发巴南区以实现碳达峰碳中和目标为引领深入推进产业绿色发展行动计划（2022-2025年）的通知"))
    #expect(lines.contains("巴南区以实现碳达峰碳中和目标为引领深入推进产业绿色发展行动计划（2022-2025年）"))
    #expect(lines.contains("专栏：资源综合利用重点项目"))
  }

  @Test func straySpace_removedInsideChinese_seed000() throws {
    let document = try reader.read(contentsOf: Corpus.seed("000"))
    #expect(
      document.text.contains("重庆市永川区人民政府关于印发以实现碳达峰碳中和目标为引领加快推进制造业基地绿色低碳发展行动计划（2022—2025年）的通知"))
    #expect(document.text.contains("到2025年，全区制造业绿色发展水平明显提高"))
    #expect(document.text.contains("示范单位23家，其中市级绿色工厂18家"))
    #expect(document.cleaning[.straySpace] > 10)
  }

  @Test(.enabled(if: Corpus.hasReal))
  func straySpace_keepsArticleSeparatorButJoinsWord_civilProcedureLaw() throws {
    let file = try #require(
      Corpus.realFiles("laws/诉讼与非诉讼程序法", ext: "md").first {
        $0.lastPathComponent.hasPrefix("民事诉讼法(2023")
      })
    let document = try reader.read(contentsOf: file.path)
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.contains("第一节 期间"))
    #expect(lines.contains { $0.hasPrefix("第一条 ") })
    #expect(!document.text.contains("<!--"))
    #expect(!lines.contains { $0.hasPrefix("#") })
  }

  /// A law's passing and revision records are lines of their own, not one paragraph.
  @Test func hardWrap_keepsEnactmentRecordsApart() throws {
    let markdown = """
      # 上海口岸服务条例

      2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过

      2020年5月14日 上海市第十五届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》第一次修正

      <!-- INFO END -->

      ## 第一章  总则

      第一条 为了规范口岸开放，提高口岸通关效率，
      结合本市实际，制定本条例。
      """
    let document = try reader.read(bytes: Array(markdown.utf8), path: "law.md", format: .markdown)
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.contains("2011年11月17日上海市第十三届人民代表大会常务委员会第三十次会议通过"))
    #expect(lines.contains { $0.hasPrefix("2020年5月14日") && $0.hasSuffix("第一次修正") })
    // An ordinary hard wrap is still joined.
    #expect(lines.contains("第一条 为了规范口岸开放，提高口岸通关效率，结合本市实际，制定本条例。"))
  }

  /// A county page's opening line above a blank line is its title, not the start of a
  /// wrapped paragraph (county-html 06), while a wrapped first paragraph still joins.
  @Test func hardWrap_keepsOpeningTitleApart() throws {
    let page = "评估验收标准\n\n在“一达标”上：\n\n    要把产业帮扶、务工情况摸清楚，确保稳定增收。\n"
    let document = try reader.read(bytes: Array(page.utf8), path: "06.txt", format: .plainText)
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "评估验收标准")
    #expect(lines.contains("在“一达标”上："))
    #expect(PolicyParser().parse(document).metadata.title == "评估验收标准")
    // A page number between title and text is no gap; a blank line before or after one is.
    for (text, apart) in [
      ("评估验收标准\n- 1 -\n在“一达标”上：\n", false), ("评估验收标准\n\n- 1 -\n在“一达标”上：\n", true),
      ("评估验收标准\n- 1 -\n\n在“一达标”上：\n", true),
    ] {
      let read = try reader.read(bytes: Array(text.utf8), path: "06.txt", format: .plainText)
      #expect(read.text.split(separator: "\n").count == (apart ? 2 : 1), "\(text)")
    }
    // An ellipsis is no sentence punctuation: a title may hold one.
    let ellipsis = try reader.read(
      bytes: Array("评估……验收标准\n\n在“一达标”上：\n".utf8), path: "06.txt", format: .plainText)
    #expect(ellipsis.text.split(separator: "\n").first == "评估……验收标准")
    let wrapped = "为进一步加强固体废物污染防治，推进\n\n无废城市建设，制定本方案。\n"
    let joined = try reader.read(bytes: Array(wrapped.utf8), path: "w.txt", format: .plainText)
    #expect(joined.text == "为进一步加强固体废物污染防治，推进无废城市建设，制定本方案。")
  }

  /// A title broken out of its 《》 onto lines of its own (a link in the page a work report
  /// was taken from, blind batch 18) is joined back, a title line included; a heading
  /// broken so ends with its title, not with the paragraph after it.
  @Test func hardWrap_joinsTitlesBrokenOutOfTheirQuotes() throws {
    let text = """
      （六）切实加强民主法制建设。制定并颁布了《
      重大动物疫情应急条例
      》、《
      信访条例
      》等行政法规。

      三、关于《
      国民经济和社会发展第十一个五年规划纲要（草案）
      》的说明


      党的十六届五中全会通过的《
      建议
      》，提出了奋斗目标。

      """
    let document = try reader.read(bytes: Array(text.utf8), path: "r.txt", format: .plainText)
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "（六）切实加强民主法制建设。制定并颁布了《重大动物疫情应急条例》、《信访条例》等行政法规。",
        "三、关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明",
        "党的十六届五中全会通过的《建议》，提出了奋斗目标。",
      ])
    let parsed = PolicyParser().parse(document)
    #expect(parsed.references.map(\.title).contains("重大动物疫情应急条例"))
    #expect(parsed.sections.map(\.title).contains("关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明"))
  }

  /// A line over 80 characters is judged by its ends too: one closing a quotation after
  /// its full stop ends its paragraph (刑法修正案（七）), and a long revision record stands alone.
  @Test func hardWrap_judgesLongLinesByTheirEnds() throws {
    let amendment =
      "二、将刑法第一百八十条第一款修改为：“证券、期货交易内幕信息的知情人员或者非法获取证券、期货交易内幕信息的人员，在涉及证券的发行，证券、期货交易或者其他对证券、期货交易价格有重大影响的信息尚未公开前，买入或者卖出该证券，处五年以下有期徒刑或者拘役。”\n增加一款作为第四款：“证券交易所、期货交易所、证券公司的从业人员，处五年以下有期徒刑。”\n"
    let document = try reader.read(bytes: Array(amendment.utf8), path: "修正案.md", format: .markdown)
    #expect(document.text.split(separator: "\n").count == 2)
    let records =
      "# 淄博市燃气管理条例\n\n2018年8月29日淄博市第十五届人民代表大会常务委员会第十六次会议通过并经2018年9月21日山东省第十三届人民代表大会常务委员会第五次会议批准\n\n2021年4月30日淄博市第十五届人民代表大会常务委员会第四十六次会议通过并经2021年5月27日山东省第十三届人民代表大会常务委员会第二十九次会议批准的《淄博市人民代表大会常务委员会关于修改〈淄博市燃气管理条例〉的决定》修正\n"
    let law = try reader.read(bytes: Array(records.utf8), path: "条例.md", format: .markdown)
    #expect(law.text.split(separator: "\n").filter { $0.hasPrefix("20") }.count == 2)
  }

  /// A line over 80 characters that ends in a parenthesis is judged by its last group:
  /// a clause naming a role ends its paragraph, a note does not (上海市企业名称登记管理规定);
  /// a URL anywhere in it makes it a record line.
  @Test func hardWrap_judgesLongLinesByTheirLastGroup() throws {
    let note =
      "第三条 上海市工商行政管理局负责冠有市级行政区划名的企业名称的核准；县工商分局负责冠有该县行政区划名的企业名称的核准。（上海市工商行政管理局和县工商分局，以下统称“登记机关”。）\n上海市工商行政管理局可以委托各工商分局办理各自辖区内企业名称申请的受理和初审。\n"
    let joined = try reader.read(bytes: Array(note.utf8), path: "规定.md", format: .markdown)
    #expect(joined.text.split(separator: "\n").count == 1)
    let clause =
      "（三）推进工业领域节能降碳，实施重点行业能效提升行动，推动企业开展节能诊断和技术改造，提升能源利用效率和清洁能源消费比重，加快淘汰落后产能。（区经济信息委牵头，区发展改革委、区生态环境局配合）\n加强统筹协调。\n"
    let apart = try reader.read(bytes: Array(clause.utf8), path: "方案.md", format: .markdown)
    #expect(apart.text.split(separator: "\n").count == 2)
    let url =
      "原文链接：https://www.example.gov.cn/zwgk/2022/07/22/content.html 重庆市永川区人民政府关于印发行动计划的通知（永川府发〔2022〕11号，此件公开发布，以下简称“行动计划”）\n永川区各镇人民政府\n"
    let record = try reader.read(bytes: Array(url.utf8), path: "通知.md", format: .markdown)
    #expect(record.text.split(separator: "\n").count == 2)
  }

  @Test func pageNumberLine_droppedAndParagraphRejoined_seed000() throws {
    let original = try String(contentsOfFile: Corpus.seed("000"), encoding: .utf8)
    // Page numbers as a PDF extraction leaves them, inside the split clause of measure 3.
    let noisy = original.replacingOccurrences(
      of: "区城市管理局等有\n\n关部门", with: "区城市管理局等有\n\n— 3 —\n\n关部门"
    ).replacingOccurrences(of: "二、主要目标", with: "- 2 -\n\n二、主要目标")
    #expect(noisy != original)
    let document = try reader.read(
      bytes: Array(noisy.utf8), path: "000-with-page-numbers.txt", format: .plainText)
    #expect(document.cleaning[.pageNumberLine] == 2)
    #expect(!document.text.contains("— 3 —"))
    #expect(!document.text.contains("- 2 -"))
    #expect(document.text.contains("区城市管理局等有关部门按职责分工负责)"))
  }
}
