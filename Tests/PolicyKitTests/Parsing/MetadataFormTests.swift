import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// Metadata in the forms pages and joint documents give it: several issuers, a title
/// wrapped over lines, the signature at the end, a number among a page's fields, a
/// decree's number, a township.
@Suite struct MetadataFormTests {
  func metadata(_ text: String, format: SourceFormat = .plainText) throws -> DocumentMetadata {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "doc", format: format)
    ).metadata
  }

  @Test func jointIssuers_inTheTitle() throws {
    let found = try metadata("国家发展改革委国家能源局关于深化提升服务水平的意见\n发改能源规〔2025〕624号\n一、总体要求\n（一）指导思想。推进改革。\n")
    #expect(found.issuer == "国家发展改革委")
    #expect(found.coIssuers == ["国家能源局"])
    #expect(found.level == .national)
    let city = try metadata("上海市交通委员会、上海海事局关于印发《岸电实施方案》的通知\n各有关单位：\n一、工作目标\n")
    #expect(city.issuer == "上海市交通委员会")
    #expect(city.coIssuers == ["上海海事局"])
  }

  /// A signature in short form names no place: 城乡 in 市住房城乡建设管理委 is no town, and
  /// the front matter's 发布单位 gives the level.
  @Test func shortSignature_levelFromThePublisher() throws {
    let text = """
      ---
      标题: 关于印发《关于推进本市新建建筑可再生能源应用的实施意见》的通知
      发布单位: 上海市住房和城乡建设管理委员会
      ---

      一、工作目标
      （一）推进应用。到2025年完成。

      市住房城乡建设管理委
      2022年12月27日

      """
    let found = try metadata(text, format: .markdown)
    #expect(found.issuer == "市住房城乡建设管理委")
    #expect(found.level == .municipal)
    #expect(found.region == "上海市")
  }

  /// A national body's own bureau in a place (国家税务总局上海市税务局) is one issuer, not
  /// two; a second national body after the first is a co-issuer.
  @Test func nationalBodysBureau_isOneIssuer() throws {
    let bureau = try metadata("国家税务总局上海市税务局关于印发《办税服务实施办法》的通知\n各区税务局：\n一、工作目标\n")
    #expect(bureau.issuer == "国家税务总局上海市税务局")
    #expect(bureau.coIssuers.isEmpty)
    let joint = try metadata("国家税务总局国家发展改革委关于推进便民办税的通知\n各省税务局：\n一、工作目标\n")
    #expect(joint.issuer == "国家税务总局")
    #expect(joint.coIssuers == ["国家发展改革委"])
  }

  /// A decree's number with its number in brackets (…人民政府令（第19号）) is read, and the
  /// body that names the decree issues it; the head who signs it in person (市长 …) does
  /// not. A date before a decree is no part of its issuer; 主席令 names no body.
  @Test func decrees_numberIssuerAndSigner() throws {
    let text =
      "临港新片区管理办法\n上海市人民政府令\n（第19号）\n《临港新片区管理办法》已经市政府常务会议通过，现予公布。\n市长　应勇\n2019年8月12日\n第一条　（目的）为了推进建设，制定本办法。\n"
    let found = try metadata(text)
    #expect(found.documentNumber?.text == "上海市人民政府令（第19号）")
    #expect(found.documentNumber?.serial == 19)
    #expect(found.issuer == "上海市人民政府")
    #expect(found.level == .municipal)
    let dated = try metadata("中国公民收养子女登记办法\n（1999年5月25日民政部令第14号发布）\n第一条　为了规范收养登记，制定本办法。\n")
    #expect(dated.documentNumber?.issuerCode == "民政部令")
    #expect(dated.issuer == "民政部")
    let law = try metadata("农村土地承包法\n（2002年8月29日中华人民共和国主席令第73号公布）\n第一条　为了稳定土地承包关系，制定本法。\n")
    #expect(law.issuer == nil)
    // A joint decree of the State Council and the Central Military Commission (blind batch
    // 19): both bodies, the first the issuer; an issuer of fourteen characters read whole.
    let joint = try metadata(
      "# 军工关键设备设施管理条例\n\n2011年6月24日 中华人民共和国国务院、中华人民共和国中央军事委员会令第598号公布\n\n第一条 为了加强管理，制定本条例。\n",
      format: .markdown)
    #expect(joint.documentNumber?.text == "中华人民共和国国务院、中华人民共和国中央军事委员会令第598号")
    #expect(joint.issuer == "中华人民共和国国务院")
    #expect(joint.coIssuers == ["中华人民共和国中央军事委员会"])
    #expect(DocumentNumber.firstDecree(in: "中华人民共和国中央军事委员会令第22号")?.issuerCode == "中华人民共和国中央军事委员会令")
  }

  /// Real decrees from pkulaw: 上海市人民政府令（第19号）, 中山市人民政府令（第16号）.
  @Test func decrees_realPkulaw() throws {
    guard let real = Corpus.real else { return }
    let lingang = try Parsed.file(
      real.appendingPathComponent("pkulaw/中国(上海)自由贸易试验区临港新片区管理办法(FBM-CLI.11.1535062).txt"))
    #expect(lingang.metadata.documentNumber?.serial == 19)
    #expect(lingang.metadata.issuer == "上海市人民政府")
    let zhongshan = try Parsed.file(
      real.appendingPathComponent("pkulaw/中山市政务数据管理办法(FBM-CLI.11.1598088).txt"))
    #expect(zhongshan.metadata.documentNumber?.serial == 16)
    #expect(zhongshan.metadata.issuer == "中山市人民政府")
  }

  /// A title wrapped over lines, its issuer signing at the end with a second body.
  @Test func wrappedTitle_andClosingSignature() throws {
    let text = """
      国家发展改革委办公厅国家能源局综合司关于
      建立全国统一电力市场评价制度的通知
      各省、自治区、直辖市发展改革委：
      一、总体要求
      以习近平新时代中国特色社会主义思想为指导。
      国家发展改革委办公厅
      国家能源局综合司
      2025年12月2日

      """
    let found = try metadata(text)
    #expect(found.title == "国家发展改革委办公厅国家能源局综合司关于建立全国统一电力市场评价制度的通知")
    #expect(found.issuer == "国家发展改革委办公厅")
    #expect(found.coIssuers == ["国家能源局综合司"])
    #expect(found.writtenDate == "2025-12-02")
  }

  /// A notice with no numbered headings whose body is a long list of names (blind batch
  /// 16): the signature and date after it are still read as the document's.
  @Test func noHeadings_longBody_signatureStillRead() throws {
    // Each member on an indented line of its own, as the State Council lays the list out.
    let members = (1...16).map { "　　　　张　三\($0)　　某部副部长" }.joined(separator: "\n\n")
    let text = """
      国务院办公厅关于调整某领导小组组成人员的通知

      国办函〔2018〕74号

      各省、自治区、直辖市人民政府：

      现将调整后的名单通知如下：

      组　长：韩　正　　国务院副总理

      成　员：李　四　　某部部长

      \(members)

      国务院办公厅

      2018年11月5日

      （此件公开发布）

      """
    let found = try metadata(text)
    #expect(found.writtenDate == "2018-11-05")
    #expect(found.issuer == "国务院办公厅")
    #expect(found.publicity == "此件公开发布")
  }

  /// A page with no title of its own: the issuer signs at the end, the number stands
  /// among the page's fields.
  @Test func pageFields_andSignature() throws {
    let text =
      "关于我市开展价格联动调整有关事项的通知 (发布日期：2026年04月24日文号：沪发改价管〔2026〕19号)\n一、联动调整电价\n1.电价调整为每千瓦时0.6元。\n上海市发展和改革委员会\n2026年4月23日\n"
    let found = try metadata(text)
    #expect(found.documentNumber?.normalized == "沪发改价管〔2026〕19号")
    #expect(found.issuer == "上海市发展和改革委员会")
    #expect(found.level == .municipal)
  }

  /// A regulation issued by decree: its number has no year; its date is the decree's.
  @Test func decreeNumber() throws {
    let found = try metadata(
      "上海市建筑消防设施管理规定\n（2021年12月21日上海市人民政府令第59号公布　自2022年3月1日起施行）\n第一条（目的依据）为了加强管理，制定本规定。\n")
    let number = try #require(found.documentNumber)
    #expect(number.normalized == "上海市人民政府令第59号")
    #expect(number.year == nil)
    #expect(number.serial == 59)
    #expect(found.writtenDate == "2021-12-21")
  }

  /// A transmittal notice's date is the first signed one, not the forwarded plan's.
  @Test func transmittalNotice_firstSignedDate() throws {
    let text =
      "上海市人民政府办公厅关于转发市发展改革委制订的《实施方案》的通知\n各区人民政府：\n现转发给你们，请按照执行。\n上海市人民政府办公厅\n2024年12月14日\n实施方案\n一、主要任务\n（一）推进建设。完善设施。\n上海市发展和改革委员会\n2024年12月10日\n"
    #expect(try metadata(text).writtenDate == "2024-12-14")
  }

  @Test func township() throws {
    let found = try metadata("上海市奉贤区人民政府头桥街道办事处关于印发《建设用地减量化工作实施方案》的通知\n各村：\n一、工作目标\n")
    #expect(found.level == .township)
    #expect(found.regionPath == ["上海市", "奉贤区", "头桥街道"])
  }

  /// 上海市绿化和市容管理局 is a municipal bureau: 绿化和市 is no district.
  @Test func municipalBureau_isNoDistrict() throws {
    let found = try metadata("上海市绿化和市容管理局关于下发《行动计划》的通知\n各区绿化市容局：\n一、工作目标\n")
    #expect(found.level == .municipal)
    #expect(found.regionPath == ["上海市"])
  }

  /// A regulation adopted by a standing committee and announced the same day takes the
  /// announcement's number (blind batch 11); an announcement of a later day promulgated an
  /// amendment, and the regulation has no number of its own.
  @Test func congressAnnouncement_sameDay_isTheNumber() throws {
    let adopted = try metadata(
      """
      浙江省某某保护条例

      2012年5月30日 浙江省第十一届人民代表大会常务委员会第三十三次会议通过

      2012年5月30日 浙江省第十一届人民代表大会常务委员会公告第79号公布

      第一条　为了保护，制定本条例。
      """)
    #expect(adopted.documentNumber?.text == "浙江省第十一届人民代表大会常务委员会公告第79号")
    #expect(adopted.documentNumber?.serial == 79)
    #expect(adopted.writtenDate == "2012-05-30")
    let amended = try metadata(
      """
      宁波市某某管理条例

      1997年8月1日 宁波市第十届人民代表大会常务委员会第三十次会议通过

      2012年12月11日 宁波市第十四届人民代表大会常务委员会公告第2号公布

      第一条　为了管理，制定本条例。
      """)
    #expect(amended.documentNumber == nil)
    #expect(amended.writtenDate == "1997-08-01")
  }

  /// A congress adopting a law in full session is its issuer, without its term (北京市种子条例:
  /// "北京市第十五届人民代表大会第五次会议通过"; 69 local regulations of corpus-real); a State
  /// Council regulation adopted at an executive meeting takes that meeting's date, the first of
  /// its notes, and its decree's number (货物进出口管理条例; 136 regulations), and the
  /// meeting's number (第46次) is no target.
  @Test func congressInSession_andStateCouncilMeeting() throws {
    let seeds = try metadata(
      """
      北京市种子条例

      2022年1月10日 北京市第十五届人民代表大会第五次会议通过

      第一条　为了规范种子管理，制定本条例。
      """)
    #expect(seeds.issuer == "北京市人民代表大会")
    #expect(seeds.writtenDate == "2022-01-10")
    // A comma after the date is no part of the name.
    let comma = try metadata(
      "某市停车条例\n\n2023年1月15日，某市第十届人民代表大会第二次会议通过\n\n第一条　为了规范停车，制定本条例。\n")
    #expect(comma.issuer == "某市人民代表大会")
    let text = """
      中华人民共和国货物进出口管理条例

      2001年10月31日 国务院第46次常务会议通过

      2001年12月10日 中华人民共和国国务院令第332号公布

      第一条　为了规范货物进出口管理，制定本条例。
      """
    let trade = try metadata(text)
    #expect(trade.writtenDate == "2001-10-31")
    #expect(trade.documentNumber?.serial == 332)
    #expect(trade.issuer == "中华人民共和国国务院")
    let document = PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "doc", format: .plainText))
    #expect(document.targets.isEmpty)
  }
}
