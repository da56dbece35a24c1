/// Parses a document's cleaned text into a `PolicyDocument`: metadata, outline, measures,
/// responsibility clauses, targets and references, each with its span.
public struct PolicyParser: Sendable {
  public let dictionaries: PolicyDictionaries
  /// Whether references to other documents (《…》, document numbers) are read. The index
  /// does not keep them (a unit is found by its text), so `IndexBuilder` turns this off.
  public var readsReferences = true
  /// Built once: its qualifier index serves every document.
  private let responsibilityExtractor: ResponsibilityExtractor

  /// - Parameter dictionaries: the word lists to read departments and indicators with.
  public init(dictionaries: PolicyDictionaries = .bundled) {
    self.dictionaries = dictionaries
    self.responsibilityExtractor = ResponsibilityExtractor(dictionaries: dictionaries)
  }

  /// Parses `text`.
  /// - Complexity: O(n) in the length of the text, plus O(m · s) for m clauses and
  ///   targets over s sections.
  public func parse(_ text: PolicyText) -> PolicyDocument {
    let id = Self.documentID(of: text)
    let paragraphs = text.utf8.withUnsafeBufferPointer { ParagraphScanner.paragraphs(of: $0) }
    let pieces = TextPieces(text.utf8)
    let texts = ParagraphTexts(paragraphs, pieces: pieces)
    let firstHeading = firstBodyHeading(paragraphs, texts)
    let metadataResult = MetadataExtractor(
      texts: texts, paragraphs: paragraphs, firstHeading: firstHeading, frontMatter: text.frontMatter
    ).extract()

    // Paragraphs before the body (the envelope) and closing matter open no sections.
    var outlineParagraphs = paragraphs
    for index in outlineParagraphs.indices where (firstHeading.map { index < $0 } ?? true) || metadataResult.closing.contains(index) {
      outlineParagraphs[index].marker = nil
    }
    let outline = text.utf8.withUnsafeBufferPointer { bytes in
      OutlineBuilder(bytes: bytes, documentID: id).build(
        outlineParagraphs, closing: metadataResult.closing, textEnd: text.utf8.count)
    }
    let sections = outline.sections
    var hasOwnText = Array(repeating: false, count: sections.count)
    for (index, owner) in outline.owners.enumerated() {
      guard let owner else { continue }
      if paragraphs[index].marker == nil || outlineParagraphs[index].marker == nil { hasOwnText[owner] = true }
    }
    for index in sections.indices where sections[index].isRunIn { hasOwnText[index] = true }

    var document = PolicyDocument(
      id: id, text: text, metadata: metadataResult.metadata, sections: [], measures: [], targets: [],
      responsibilities: [], references: [], diagnostics: [])
    document.sections = sections

    // Measures.
    let measureSections = MeasureSelector(sections: sections, hasOwnText: hasOwnText).select()
    let columns = Self.columns(of: sections)
    document.measures = measureSections.enumerated().map { ordinal, index in
      makeMeasure(ordinal: ordinal, section: index, columns: columns[index], of: sections, in: text, id: id, pieces: pieces)
    }

    // Responsibility clauses.
    let clauses = responsibilityExtractor.clauses(in: text.utf8, paragraphs: outlineParagraphs, pieces: pieces)
    for (ordinal, found) in clauses.enumerated() {
      let measure = document.measures.firstIndex { $0.span.contains(found.span) }
      document.responsibilities.append(
        ResponsibilityClause(
          id: "\(id)#r\(ordinal + 1)", text: found.text, span: found.span, departments: found.departments,
          deadline: found.deadline, measure: measure, section: document.innermostSection(containing: found.span)))
      if let measure { document.measures[measure].responsibilities.append(ordinal) }
    }

    // Targets.
    let targets = TargetExtractor(dictionaries: dictionaries).targets(in: text, paragraphs: paragraphs.map(\.span), pieces: pieces)
    for (ordinal, var target) in targets.enumerated() {
      target.id = "\(id)#t\(ordinal + 1)"
      target.measure = document.measures.firstIndex { $0.span.contains(target.valueSpan) }
      target.section = document.innermostSection(containing: target.valueSpan)
      if let measure = target.measure { document.measures[measure].targets.append(ordinal) }
      document.targets.append(target)
    }

    // References.
    // The plan a transmittal notice carries, named in 《》 in its own text, is this
    // document, not one it cites.
    let ownTitles = Set([document.metadata.title, document.metadata.planTitle].compactMap { $0 }.map(MetadataExtractor.withoutPeriod))
    let foundReferences = (readsReferences ? ReferenceExtractor().references(in: text.utf8) : []).filter { found in
      let isOwn = ownTitles.contains(MetadataExtractor.withoutPeriod(found.title))
      return !isOwn || (found.documentNumber != nil && found.documentNumber != document.metadata.documentNumber)
    }
    document.references = foundReferences.enumerated().map { ordinal, found in
      DocumentReference(
        id: "\(id)#x\(ordinal + 1)", title: found.title, documentNumber: found.documentNumber, span: found.span,
        resolvedDocument: nil, resolvedBy: nil, section: document.innermostSection(containing: found.span))
    }

    document.diagnostics = outline.diagnostics.map {
      Diagnostic(severity: .warning, file: text.source.path, message: $0)
    }
    if sections.isEmpty {
      document.diagnostics.append(
        Diagnostic(severity: .note, file: text.source.path, message: "no numbered headings (一、 （一） 1. 第一条 …) found: the document has no outline"))
    } else if document.measures.isEmpty {
      document.diagnostics.append(
        Diagnostic(severity: .note, file: text.source.path, message: "headings found but no numbered measures: no part reads as tasks"))
    }
    return document
  }

  /// The first paragraph that opens the body: a heading after the envelope (title,
  /// number, addressees, transmittal text, signature and date).
  private func firstBodyHeading(_ paragraphs: [Paragraph], _ texts: ParagraphTexts) -> Int? {
    paragraphs.indices.first { index in
      guard let marker = paragraphs[index].marker else { return false }
      // 附件 in a transmittal sentence is not a heading; a lone 附件 line is.
      if marker.kind == .attachment && !texts[index].hasAtMostCharacters(40) { return false }
      return true
    }
  }

  /// For each section, the 专栏 boxes directly under it, in order.
  private static func columns(of sections: [Section]) -> [[Int]] {
    var columns = Array(repeating: [Int](), count: sections.count)
    for index in sections.indices where sections[index].kind == .column {
      if let parent = sections[index].parent { columns[parent].append(index) }
    }
    return columns
  }

  /// The measure of section `index` of `sections` (those of `text`, the document `id`),
  /// whose 专栏 boxes are `columns`; `pieces` makes the strings of the text. (Given the
  /// parts it reads rather than the document being built, so that it copies none.)
  private func makeMeasure(
    ordinal: Int, section index: Int, columns: [Int], of sections: [Section], in text: PolicyText, id: String, pieces: TextPieces
  ) -> Measure {
    let section = sections[index]
    let bytes = text.utf8
    // The measure's text without its boxes, and without a trailing line feed.
    var ranges: [Range<Int>] = []
    var cursor = section.extent.start
    for column in columns {
      ranges.append(cursor..<max(cursor, sections[column].extent.start))
      cursor = sections[column].extent.end
    }
    ranges.append(min(cursor, section.extent.end)..<section.extent.end)
    while let last = ranges.last {
      if last.isEmpty {
        ranges.removeLast()
      } else if bytes[last.upperBound - 1] == 0x0A {
        ranges[ranges.count - 1] = last.dropLast()
      } else {
        break
      }
    }
    // A measure without boxes is one piece of the text.
    let measureText = ranges.count == 1 ? pieces.string(ranges[0]) : ranges.map { pieces.string($0) }.joined()
    // The lead sentence: from the end of the heading to the first 。 or line end.
    var leadStart = section.titleSpan.end
    while leadStart < section.extent.end && (bytes[leadStart] == 0x0A || bytes[leadStart] == 0x20) { leadStart += 1 }
    let leadEnd = bytes.withUnsafeBufferPointer { Self.leadSentenceEnd($0, from: leadStart, limit: section.extent.end) }
    var path: [String] = []
    var parent = section.parent
    while let current = parent {
      path.insert(sections[current].label + sections[current].title, at: 0)
      parent = sections[current].parent
    }
    return Measure(
      id: "\(id)#m\(ordinal + 1)", section: index, number: section.number, label: section.label,
      title: section.title, leadSentence: pieces.string(leadStart..<leadEnd),
      text: measureText, span: section.extent, path: path, columns: columns,
      responsibilities: [], targets: [])
  }

  /// Where the sentence at `start` ends: after its 。 (E3 80 82), or at the line feed or
  /// `limit`, whichever comes first. Eight bytes without a line feed or E3 are passed at once.
  private static func leadSentenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
    var end = start
    while true {
      end = SWAR.skip(bytes, from: end, limit: limit, whileNeither: 0x0A, nor: 0xE3)
      guard end < limit, bytes[end] != 0x0A else { break }
      if end + 2 < bytes.count && bytes[end] == 0xE3 && bytes[end + 1] == 0x80 && bytes[end + 2] == 0x82 {
        return end + 3
      }
      end += 1
    }
    return end
  }

  /// 16 hex digits of the 64-bit FNV-1a hash of the cleaned text: the same document
  /// read from GB18030, UTF-8 or HTML gets the same id.
  static func documentID(of text: PolicyText) -> String {
    text.utf8.withUnsafeBufferPointer { Checksum.hex(Checksum.fnv1a($0)) }
  }
}
