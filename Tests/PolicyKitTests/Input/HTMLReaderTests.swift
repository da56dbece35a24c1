import Foundation
import PolicyExtraction
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

@Suite struct HTMLReaderTests {
  let reader = DocumentReader()

  static let page = """
    <html><head><title>站点标题</title><style>p { color: red }</style>
    <script>var 导航 = "不要";</script></head>
    <body><div class="nav-menu"><a href="/">首页</a> | <a href="/zc">政策</a></div>
    <div id="content"><h1>重庆市人民政府关于印发行动计划的通知</h1>
    <p>渝府发〔2022〕34号</p>
    <p>各区县（自治县）人民政府，市政府各部门：</p>
    <p>现将《行动计划》印发给你们，请认真贯彻执行。&nbsp;到2025年，能耗下降&lt;16%&gt;。</p>
    <table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr>
    <tr><td>1</td><td>创建绿色工厂</td><td>市经济信息委</td></tr></table>
    </div><div class="footer">版权所有 网站地图</div></body></html>
    """

  @Test func gbkPageWithoutCharset_detectedAndDecoded() throws {
    let bytes = try #require(TextEncoding.gb18030.encode(Self.page))
    let document = try reader.read(bytes: bytes, path: "page.html")
    #expect(document.source.format == .html)
    #expect(document.source.encoding == "GB18030")
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "重庆市人民政府关于印发行动计划的通知")
    #expect(lines.contains("渝府发〔2022〕34号"))
    #expect(lines.contains("现将《行动计划》印发给你们，请认真贯彻执行。到2025年，能耗下降<16%>。"))
    #expect(lines.contains("序号\t重点任务\t牵头单位"))
    #expect(lines.contains("1\t创建绿色工厂\t市经济信息委"))
    for absent in ["首页", "站点标题", "color", "导航", "版权所有"] {
      #expect(!document.text.contains(absent), "\(absent)")
    }
    // Characters map back to their GB18030 bytes in the page.
    let title = "重庆市人民政府"
    let range = try #require(document.text.range(of: title))
    let start = document.text.utf8.distance(from: document.text.startIndex, to: range.lowerBound)
    let source = document.sourceMap.sourceRange(for: start..<(start + title.utf8.count))
    #expect(Array(bytes[source]) == TextEncoding.gb18030.encode(title))
  }

  @Test func declaredCharsetWins() throws {
    let declared = Self.page.replacingOccurrences(
      of: "<head>",
      with: "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">")
    let bytes = try #require(TextEncoding.gb18030.encode(declared))
    let document = try reader.read(bytes: bytes, path: "declared.htm")
    #expect(document.source.encoding == "GB18030")
    #expect(document.text.contains("请认真贯彻执行"))
  }

  @Test func utf8PageWithoutCharset_isNotMojibake() throws {
    let document = try reader.read(bytes: Array(Self.page.utf8), path: "page.html")
    #expect(document.text.hasPrefix("重庆市人民政府关于印发行动计划的通知"))
  }

  @Test(.enabled(if: Corpus.hasReal))
  func stateCouncil_htmlAndTextGiveTheSameBody() throws {
    let pages = Corpus.realFiles("state-council", ext: "html")
    #expect(pages.count >= 40)
    func squeezed(_ text: String) -> String {
      String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
    for page in pages {
      let html = try reader.read(contentsOf: page.path)
      let textFile = page.deletingPathExtension().appendingPathExtension("txt")
      let raw = try Data(contentsOf: textFile)
      // The .txt starts with four lines of crawl metadata; the body follows.
      var lines = 0
      let bodyStart =
        raw.firstIndex { byte in
          if byte == 0x0A { lines += 1 }
          return lines == 4
        }.map { $0 + 1 } ?? 0
      let body = try reader.read(
        bytes: Array(raw[bodyStart...]), path: textFile.path, format: .plainText)
      #expect(squeezed(html.text).contains(squeezed(body.text)), "\(page.lastPathComponent)")
    }
  }

  /// A navigation table the reader skips is still counted: the tables after it keep their
  /// own shapes (a metadata table of rows, a layout table holding the body).
  @Test func skippedTable_doesNotShiftTheShapesAfterIt() throws {
    let html = """
      <html><body><table class="nav"><tr><td>首页</td><td>政策</td></tr></table>
      <table><tr><td>发文字号</td><td>沪府办〔2024〕1号</td></tr><tr><td>成文日期</td><td>2024年1月2日</td></tr></table>
      <table><tr><td><p>关于推进绿色发展的实施方案</p><p>一、重点任务</p><p>（一）推进绿色制造。创建绿色工厂。</p><p>（二）推广节能技术。建设节能项目。</p></td></tr></table>
      </body></html>
      """
    let text = try DocumentReader().read(bytes: Array(html.utf8), path: "page.html", format: .html)
    #expect(text.text.contains("\n一、重点任务\n"))
    let document = PolicyParser().parse(text)
    #expect(document.measures.map(\.label) == ["（一）", "（二）"])
  }
}

/// A DOCTYPE with an internal subset: its declarations are not text.
@Suite struct DoctypeSubsetTests {
  @Test func internalSubset_notReadAsText_offsetsKept() throws {
    let page = """
      <!-- saved page --><!DOCTYPE html [
      <!ENTITY site "政府网站">
      <!ELEMENT p ANY>
      ]>
      <html><body><p>关于推进绿色工厂建设的通知</p><p>一、工作目标</p></body></html>
      """
    let bytes = Array(page.utf8)
    let document = try DocumentReader().read(bytes: bytes, path: "doctype.html")
    #expect(document.text == "关于推进绿色工厂建设的通知\n一、工作目标")
    // The text still maps to its bytes in the page.
    let source = document.sourceMap.sourceRange(for: 0..<39)
    #expect(String(decoding: bytes[source], as: UTF8.self) == "关于推进绿色工厂建设的通知")
  }

  /// A DOCTYPE without a subset, and a "]>" in the text, are left alone.
  @Test func doctypeWithoutSubset_unchanged() throws {
    let page = "<!DOCTYPE html><html><body><p>第一条 数组[1]>0时生效。</p></body></html>"
    let document = try DocumentReader().read(bytes: Array(page.utf8), path: "plain.html")
    #expect(document.text == "第一条 数组[1]>0时生效。")
  }
}
