import Foundation
import PolicyExtraction
import PolicyModel
import PolicyOutput
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The citation graph: edges from references, external nodes merged by number or title,
/// degrees; its writers escape what they write; the drawing puts levels in bands.
@Suite struct CitationGraphTests {
  static func document(_ name: String, _ text: String) throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: name, format: .plainText))
  }

  static func reference(
    _ owner: PolicyDocument, _ n: Int, _ title: String, _ number: DocumentNumber? = nil
  ) -> DocumentReference {
    DocumentReference(
      id: "\(owner.id)#x\(n)", title: title, documentNumber: number, span: TextSpan(0, 3))
  }

  static let decree = DocumentNumber(
    issuerCode: "上海市人民政府令", year: nil, serial: 9, text: "上海市人民政府令第9号")

  /// Three documents: B and C cite A (by number, by title), a regulation (by number and
  /// by title) and a plan (by title, with and without its period).
  static func corpus() throws -> [PolicyDocument] {
    var a = try document("a.txt", "国务院办公厅关于推进农村公路建设的指导意见\n一、总体要求\n建成农村公路网。\n")
    var b = try document("b.txt", "上海市交通委员会关于加强农村公路管理的通知\n一、要求\n加强管理。\n")
    var c = try document("c.txt", "上海市奉贤区人民政府关于农村公路养护的通知\n一、要求\n做好养护。\n")
    let numberA = DocumentNumber(
      issuerCode: "国办发", year: 2019, serial: 45, text: "国办发〔2019〕45号")
    a.metadata.documentNumber = numberA
    a.metadata.title = "国务院办公厅关于推进农村公路建设的指导意见"
    a.metadata.level = .national
    b.metadata.level = .municipal
    c.metadata.level = .district
    a.references = []
    b.references = [
      reference(b, 1, "关于推进农村公路建设的指导意见", numberA),
      reference(b, 2, "上海市公路管理条例", decree),
      reference(b, 3, "上海市公路管理条例"),
      reference(b, 4, "全国农村公路发展规划"),
    ]
    c.references = [
      reference(c, 1, "全国农村公路发展规划（2021—2025年）"),
      reference(c, 2, "公路条例", decree),
      reference(c, 3, "关于推进农村公路建设的指导意见"),
    ]
    var documents = [a, b, c]
    ReferenceResolver().resolve(&documents)
    return documents
  }

  @Test func externalNodes_mergedByNumberOrTitle_degreesCountEdges() throws {
    let documents = try Self.corpus()
    let graph = CitationGraph(documents: documents)
    let (a, b, c) = (documents[0].id, documents[1].id, documents[2].id)
    #expect(graph.edges.count == 7)
    #expect(graph.nodes.map(\.kind) == [.document, .document, .document, .external, .external])
    #expect(graph.edges.map(\.source) == [b, b, b, b, c, c, c])
    let regulation = "external:上海市人民政府令第9号"
    let plan = "external:title:全国农村公路发展规划"
    #expect(graph.edges.map(\.target) == [a, regulation, regulation, plan, plan, regulation, a])
    #expect(graph.edges.map(\.resolvedBy) == ["document_number", nil, nil, nil, nil, nil, "title"])
    #expect(graph.nodes.map(\.inDegree) == [2, 0, 0, 3, 2])
    #expect(graph.nodes.map(\.outDegree) == [0, 4, 3, 0, 0])
    #expect(graph.nodes[3].documentNumber == "上海市人民政府令第9号")
    #expect(graph.nodes[3].title == "上海市公路管理条例")
    #expect(graph.edges[4].citedTitle == "全国农村公路发展规划（2021—2025年）")
    #expect(graph.edges[1].citedNumber == "上海市人民政府令第9号")
    #expect(graph.edges[0].file == "b.txt")
    #expect(graph.nodes[0].label == "国务院办公厅关于推进农村公路建设的…")
  }

  /// A title with markup characters and a control character still gives GraphML that an
  /// XML parser reads, with the title back (the control character as U+FFFD).
  @Test func graphML_escapesMarkupAndControlCharacters() throws {
    let hostile = "A<b>&\"c\"'d'\u{1}"
    let graph = CitationGraph(
      nodes: [
        .init(id: "d1", kind: .document, title: hostile, label: hostile),
        .init(id: "external:title:<x>", kind: .external, label: "x", inDegree: 1),
      ],
      edges: [
        .init(
          id: "d1#x1", source: "d1", target: "external:title:<x>", resolvedBy: nil,
          citedTitle: hostile, citedNumber: nil, file: "a&b.txt", line: 1, column: 1,
          sourceBytes: 0..<3, textBytes: 0..<3)
      ])
    let collector = TextCollector()
    let parser = XMLParser(data: Data(CitationGraphGraphML.render(graph).utf8))
    parser.delegate = collector
    #expect(parser.parse())
    #expect(collector.texts.contains("A<b>&\"c\"'d'\u{FFFD}"))
    #expect(collector.texts.contains("a&b.txt"))
    #expect(collector.targets == ["external:title:<x>"])
    let dot = CitationGraphDOT.render(graph)
    #expect(dot.contains(#"label="A<b>&\"c\"'d'"#))
    let html = CitationGraphHTML.render(graph)
    #expect(html.contains("A&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"))
    #expect(!html.contains("<b>"))
  }

  @Test func html_selfContainedWithEveryNode() throws {
    let graph = CitationGraph(documents: try Self.corpus())
    let html = CitationGraphHTML.render(graph)
    #expect(html.components(separatedBy: "<g class=\"node ").count - 1 == graph.nodes.count)
    #expect(html.components(separatedBy: "<path class=\"edge").count - 1 == graph.edges.count)
    #expect(!html.contains("<script"))
    #expect(!html.contains("@font-face"))
    // The only address is the SVG namespace.
    #expect(html.components(separatedBy: "http").count - 1 == 1)
  }

  /// National documents are drawn above district ones, external ones at the bottom; the
  /// barycentre passes undo a crossing of the first order.
  @Test func layout_levelsAsBands_crossingRemoved() {
    func node(_ id: String, _ level: AdministrativeLevel?) -> CitationGraph.Node {
      .init(id: id, kind: .document, level: level, label: id)
    }
    func edge(_ source: String, _ target: String) -> CitationGraph.Edge {
      .init(
        id: source + target, source: source, target: target, resolvedBy: "title",
        citedTitle: target, citedNumber: nil, file: "f", line: 1, column: 1,
        sourceBytes: 0..<1, textBytes: 0..<1)
    }
    let graph = CitationGraph(
      nodes: [
        node("n1", .national), node("n2", .national), node("d1", .district),
        node("d2", .district), .init(id: "x", kind: .external, label: "x"),
      ],
      edges: [edge("d1", "n2"), edge("d2", "n1"), edge("d1", "x")])
    let layout = CitationGraphLayout(graph)
    #expect(layout.bands.map(\.name) == ["national", "district", "external"])
    let position = layout.positions
    #expect(position[0].y < position[2].y && position[2].y < position[4].y)
    #expect((position[2].x - position[3].x) * (position[1].x - position[0].x) > 0)
  }
}

/// Collects the text of XML elements and the `target` attributes of edges.
private final class TextCollector: NSObject, XMLParserDelegate {
  var texts: [String] = []
  var targets: [String] = []
  private var current = ""
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    current = ""
    if elementName == "edge", let target = attributes["target"] { targets.append(target) }
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if elementName == "data" { texts.append(current) }
  }
}
