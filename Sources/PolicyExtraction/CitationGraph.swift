import PolicyModel

/// 引用关系图 — the citation graph of documents extracted together: the documents and the
/// documents they cite as nodes, each reference (《title》 with its number) as an edge from
/// the citing document to the cited one.
///
/// A reference resolved among the documents (`ReferenceResolver`) points at that
/// document's node; an unresolved one points at an external node named by the cited title
/// and number, one node per distinct cited document (the same normalised number, or the
/// same normalised title, is one node). Build it with `CitationGraph(documents:)`.
public struct CitationGraph: Sendable, Equatable {
  /// Documents first, in the order given (each id once), then external nodes in the order
  /// first cited.
  public var nodes: [Node]
  /// One edge per reference, in document order, then reading order.
  public var edges: [Edge]

  /// A graph of these nodes and edges, as they are.
  public init(nodes: [Node], edges: [Edge]) {
    self.nodes = nodes
    self.edges = edges
  }

  /// Whether a node is one of the documents given or only cited by them.
  public enum NodeKind: String, Sendable, Equatable, CaseIterable {
    /// A document extracted together with the others.
    case document
    /// A document cited but not among those given.
    case external
  }

  /// A document of the graph, with its metadata and degrees.
  public struct Node: Sendable, Equatable {
    /// The document id, or for an external node "external:" and its key (the normalised
    /// number, else "title:" and the normalised title).
    public var id: String
    /// Whether it is a document given or one only cited.
    public var kind: NodeKind
    /// The file the document was read from; nil for an external node.
    public var file: String?
    /// The title: the document's (its plan's title when it carries a plan), or the cited
    /// title as first written.
    public var title: String?
    /// 发文字号, normalised ("永川府发〔2022〕11号"), or the cited number as normalised.
    public var documentNumber: String?
    /// 发文机关; nil for an external node.
    public var issuer: String?
    /// The administrative level of the issuer; nil when unknown and for an external node.
    public var level: AdministrativeLevel?
    /// The most specific place of the issuer.
    public var region: String?
    /// The document's year (成文日期, else the start of its period).
    public var year: Int?
    /// 文种 (通知, 意见, …); nil for an external node.
    public var documentKind: String?
    /// A short name to draw: the title without "关于印发…的通知" and the period, cut to 18
    /// characters, else the number.
    public var label: String
    /// The number of edges (references) that point at it.
    public var inDegree: Int
    /// The number of edges (references) that leave it.
    public var outDegree: Int

    /// A node of these fields.
    public init(
      id: String, kind: NodeKind, file: String? = nil, title: String? = nil,
      documentNumber: String? = nil, issuer: String? = nil, level: AdministrativeLevel? = nil,
      region: String? = nil, year: Int? = nil, documentKind: String? = nil, label: String,
      inDegree: Int = 0, outDegree: Int = 0
    ) {
      self.id = id
      self.kind = kind
      self.file = file
      self.title = title
      self.documentNumber = documentNumber
      self.issuer = issuer
      self.level = level
      self.region = region
      self.year = year
      self.documentKind = documentKind
      self.label = label
      self.inDegree = inDegree
      self.outDegree = outDegree
    }
  }

  /// A reference: the citing document, the node cited, and the citation as written.
  public struct Edge: Sendable, Equatable {
    /// The reference id ("<document id>#x<n>").
    public var id: String
    /// The id of the citing document.
    public var source: String
    /// The id of the cited node: a document, or an external node.
    public var target: String
    /// How it was resolved: "document_number" or "title"; nil for an external node.
    public var resolvedBy: String?
    /// The cited title as written inside 《》.
    public var citedTitle: String
    /// The cited number as written, if one follows the title.
    public var citedNumber: String?
    /// The file of the citing document.
    public var file: String
    /// 1-based line of the citation in the source file.
    public var line: Int
    /// 1-based byte column of the citation in the source file.
    public var column: Int
    /// Byte offsets of the citation in the source file.
    public var sourceBytes: Range<Int>
    /// Byte offsets of the citation in the cleaned text.
    public var textBytes: Range<Int>

    /// An edge of these fields.
    public init(
      id: String, source: String, target: String, resolvedBy: String?, citedTitle: String,
      citedNumber: String?, file: String, line: Int, column: Int, sourceBytes: Range<Int>,
      textBytes: Range<Int>
    ) {
      self.id = id
      self.source = source
      self.target = target
      self.resolvedBy = resolvedBy
      self.citedTitle = citedTitle
      self.citedNumber = citedNumber
      self.file = file
      self.line = line
      self.column = column
      self.sourceBytes = sourceBytes
      self.textBytes = textBytes
    }
  }
}
