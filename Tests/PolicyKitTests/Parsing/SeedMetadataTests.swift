import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

@Suite struct SeedMetadataTests {
  @Test func seed000_numberIssuerLevelDatesAddressees() throws {
    let metadata = try Parsed.seed("000").metadata
    let number = try #require(metadata.documentNumber)
    #expect((number.issuerCode, number.year, number.serial) == ("永川府发", 2022, 11))
    #expect(metadata.issuer == "重庆市永川区人民政府")
    #expect(metadata.level == .district)
    #expect(metadata.region == "永川区")
    #expect(metadata.regionPath == ["重庆市", "永川区"])
    #expect(metadata.kind == "通知")
    #expect(metadata.planKind == "行动计划")
    #expect(metadata.planTitle == "以实现碳达峰碳中和目标为引领加快推进制造业基地绿色低碳发展行动计划（2022—2025年）")
    #expect(metadata.writtenDate == "2022-07-22")
    #expect(metadata.printedDate == "2022-07-25")
    #expect(metadata.recipients == ["各镇人民政府", "街道办事处", "区政府各部门", "有关单位"])
    #expect(metadata.copiedTo.first == "区委")
    #expect(metadata.copiedTo.count == 7)
    #expect(metadata.publicity == "此件公开发布")
    #expect(metadata.periodStart == 2022 && metadata.periodEnd == 2025)
  }

  @Test func seed001_municipalCommissionWithSpacedNumber() throws {
    let metadata = try Parsed.seed("001").metadata
    #expect(metadata.documentNumber?.normalized == "渝经信发〔2024〕3号")
    #expect(metadata.issuer == "重庆市经济和信息化委员会")
    #expect(metadata.level == .municipal)
    #expect(metadata.region == "重庆市")
    #expect(metadata.planKind == "实施方案")
    #expect(metadata.writtenDate == "2024-01-04")
  }

  @Test func seed003_datesUnderSignatureAndWrappedTitle() throws {
    let metadata = try Parsed.seed("003").metadata
    #expect(metadata.documentNumber?.normalized == "巴南府发〔2022〕37号")
    #expect(metadata.title == "重庆市巴南区人民政府关于印发巴南区以实现碳达峰碳中和目标为引领深入推进产业绿色发展行动计划（2022-2025年）的通知")
    #expect(metadata.region == "巴南区")
    #expect(metadata.writtenDate == "2022-10-08")
    #expect(metadata.printedDate == "2022-10-08")
    #expect(metadata.periodStart == 2022 && metadata.periodEnd == 2025)
  }

  @Test func documentNumber_toleratesBracketsAndSpaces() throws {
    for (text, code, year, serial) in [
      ("永川府发〔2022〕11号", "永川府发", 2022, 11), ("渝府办发〔 2021〕36 号", "渝府办发", 2021, 36),
      ("国办发[2022]5号", "国办发", 2022, 5), ("川府发【2022】12号", "川府发", 2022, 12),
      ("鲁政字（2020）217号", "鲁政字", 2020, 217),
    ] {
      let found = try #require(DocumentNumber.first(in: "见\(text)文件"), "\(text)")
      #expect(
        (found.number.issuerCode, found.number.year, found.number.serial) == (code, year, serial))
    }
  }

  @Test func dates_arabicSpacedAndChineseNumerals() {
    #expect(DateText.first(in: "2024 年 1 月 4 日")?.iso == "2024-01-04")
    #expect(DateText.first(in: "二〇二二年七月二十二日")?.iso == "2022-07-22")
    #expect(DateText.first(in: "于2022年12月2日印发")?.iso == "2022-12-02")
  }

  @Test func chineseNumerals() {
    for (text, value) in [
      ("二十四", 24), ("十", 10), ("一百零五", 105), ("两", 2), ("二〇二二", 2022), ("两万", 20000), ("七十", 70),
    ] {
      #expect(ChineseNumeral.value(of: text) == value, "\(text)")
    }
    // Digits after a decimal point (百分之四点五, 千分之六点一二).
    #expect(ChineseNumeral.decimals(of: "五".unicodeScalars.map(\.value)) == 0.5)
    #expect(abs(ChineseNumeral.decimals(of: "一二".unicodeScalars.map(\.value))! - 0.12) < 1e-12)
    #expect(ChineseNumeral.decimals(of: "十".unicodeScalars.map(\.value)) == nil)
    #expect(ChineseNumeral.decimals(of: [UInt32]()) == nil)
  }

  @Test func references_002CitesSeed000ByNumber() throws {
    var documents = [try Parsed.seed("000"), try Parsed.seed("002")]
    ReferenceResolver().resolve(&documents)
    let reference = try #require(
      documents[1].references.first { $0.documentNumber?.normalized == "永川府发〔2022〕11号" })
    #expect(reference.title.contains("加快推进现代制造业基地"))
    #expect(reference.resolvedDocument == documents[0].id)
    #expect(reference.resolvedBy == "document_number")
  }

  @Test func references_resolvedByTitleWhenNoNumber() throws {
    var documents = [try Parsed.seed("000"), try Parsed.seed("002")]
    // Drop the number: the slightly different title still finds seed 000.
    documents[1].references = documents[1].references.map { reference in
      var copy = reference
      copy.documentNumber = nil
      return copy
    }
    ReferenceResolver().resolve(&documents)
    let reference = try #require(documents[1].references.first { $0.title.contains("加快推进现代制造业基地") })
    #expect(reference.resolvedDocument == documents[0].id)
    #expect(reference.resolvedBy == "title")
  }

  /// A regulation as published has no issuer line: its level and region come from the
  /// place its title opens with (not from a district it names, nor from a word like 城市).
  @Test(arguments: [
    ("# 湖州市绿色金融促进条例\n\n第一条　为了促进绿色金融发展，制定本条例。\n", AdministrativeLevel?.some(.municipal), "湖州市"),
    ("# 河南省大气污染防治条例\n\n第一条　为了防治大气污染，制定本条例。\n", .provincial, "河南省"),
    ("# 上海市浦东新区深化“一业一证”改革规定\n\n第一条　为了深化改革，制定本规定。\n", .municipal, "上海市"),
    ("# 中华人民共和国能源法\n\n第一条　为了推动能源高质量发展，制定本法。\n", .national, nil),
    ("# 城市绿化条例\n\n第一条　为了促进城市绿化事业的发展，制定本条例。\n", nil, nil),
    ("# 广东省中新广州知识城条例\n\n第一条　为了促进知识城建设，制定本条例。\n", .provincial, "广东省"),
    ("2021年中华人民共和国国务院政府工作报告\n\n各位代表：\n", .national, nil),
  ])
  func levelFromTheTitleWithoutAnIssuer(
    markdown: String, level: AdministrativeLevel?, region: String?
  ) throws {
    let text = try DocumentReader().read(
      bytes: Array(markdown.utf8), path: "law.md", format: .markdown)
    let metadata = PolicyParser().parse(text).metadata
    #expect(metadata.level == level)
    #expect(metadata.region == region)
  }

  @Test func cityEndingIn州_keepsIts市() {
    #expect(AdministrativePlace.read("杭州市人民政府").path == ["杭州市"])
    #expect(AdministrativePlace.read("杭州市西湖区人民政府").path == ["杭州市", "西湖区"])
  }
}
