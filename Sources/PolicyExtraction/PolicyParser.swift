import PolicyBytes
import PolicyModel
import PolicyText

/// Parses a document's cleaned text into a `PolicyDocument`: metadata, outline, measures,
/// responsibility clauses, targets and references, each with its span.
public struct PolicyParser: Sendable {
  /// The word lists it reads departments, qualifiers, indicators and target units with.
  public let dictionaries: PolicyDictionaries
  /// Whether references to other documents (《…》, document numbers) are read. The index
  /// does not keep them (a unit is found by its text), so `IndexBuilder` turns this off.
  public var readsReferences = true
  /// Built once: its qualifier index serves every document.
  private let responsibilityExtractor: ResponsibilityExtractor
  /// Built once: its name tables serve every document.
  private let resolver: DepartmentResolver
  /// 下列, which announces the items that follow ("有下列情形之一的", "符合下列要求的").
  static let listAnnounced = "下列"

  /// - Parameter dictionaries: the word lists to read departments and indicators with.
  public init(dictionaries: PolicyDictionaries = .bundled) {
    self.dictionaries = dictionaries
    self.responsibilityExtractor = ResponsibilityExtractor(dictionaries: dictionaries)
    self.resolver = DepartmentResolver(dictionaries: dictionaries)
  }

  /// Parses `text`.
  /// - Complexity: O(n) in the length of the text, plus O((m + s) log s) to place m
  ///   clauses, targets and references in s sections and measures.
  public func parse(_ text: PolicyText) -> PolicyDocument {
    let (id, paragraphs, pieces, texts, firstHeading, metadataResult) = head(of: text)

    // Paragraphs before the body (the envelope) and closing matter open no sections.
    var outlineParagraphs = paragraphs
    for index in outlineParagraphs.indices
    where (firstHeading.map { index < $0 } ?? true) || metadataResult.closing.contains(index) {
      outlineParagraphs[index].marker = nil
    }
    let attachmentEntries = AttachmentList.unmark(&outlineParagraphs, texts: texts)
    TableOfContents.unmark(&outlineParagraphs, texts: texts)
    DecimalOutline.unmarkStray(&outlineParagraphs, texts: texts)
    OrdinalPoints.unmarkStray(&outlineParagraphs)
    NoteList.unmark(&outlineParagraphs, texts: texts)
    // Tables: their cells open no sections ("1.《公路法》第八条" is a cell); a task table
    // becomes a section of its rows.
    let (tables, gridRows) = text.utf8.withUnsafeBufferPointer { bytes in
      let reader = TaskTableReader(
        bytes: bytes, paragraphs: outlineParagraphs, texts: texts,
        cellText: TableCellText(resolver: resolver),
        layouts: text.tableRows, sourceOffset: { text.sourceMap.sourceRange(at: $0).lowerBound },
        closing: metadataResult.closing)
      return (reader.tables(), reader.gridRowParagraphs())
    }
    // The rows of an HTML or Word table of any kind ("2. 下转患者人次数	定量	计算方法…" in a
    // table of indicators) open no sections either.
    for index in gridRows { outlineParagraphs[index].marker = nil }
    var tableParagraphs = Set<Int>()
    for table in tables {
      for index in table.paragraphs { outlineParagraphs[index].marker = nil }
      if table.isTaskTable { tableParagraphs.formUnion(table.paragraphs) }
    }
    let taskTables = tables.filter(\.isTaskTable)
    // The closing remarks (各地区、各部门要…) close the last item as the back matter does.
    let closing = metadataResult.closing.union(
      ClosingRemarks.find(outlineParagraphs, texts: texts, closing: metadataResult.closing))
    let outline = text.utf8.withUnsafeBufferPointer { bytes in
      var outline = OutlineBuilder(bytes: bytes, documentID: id).build(
        outlineParagraphs, closing: closing, textEnd: text.utf8.count,
        tables: taskTables)
      // Unnumbered items (paragraphs with run-in headings of their own) become sections,
      // and the outline is built again with them.
      let items = UnnumberedItems(bytes: bytes, resolver: resolver)
      if items.mark(
        &outlineParagraphs, owners: outline.owners, sections: outline.sections,
        except: tableParagraphs)
      {
        outline = OutlineBuilder(bytes: bytes, documentID: id).build(
          outlineParagraphs, closing: closing, textEnd: text.utf8.count,
          tables: taskTables)
      }
      return outline
    }
    var sections = outline.sections
    // An attachment's title stands on the line after its "附件1" (as its own text or as
    // its table's title): its role is read from it.
    let paragraphAtStart = Dictionary(
      paragraphs.indices.map { (paragraphs[$0].span.start, $0) }, uniquingKeysWith: min)
    for index in sections.indices
    where sections[index].kind == .attachment && sections[index].title.isEmpty {
      guard
        let heading = paragraphAtStart[sections[index].headingSpan.start],
        heading + 1 < paragraphs.count, !texts.hasMoreBytes(than: 180, at: heading + 1),
        !texts[heading + 1].containsBytes("。"),
        outlineParagraphs[heading + 1].marker == nil
      else { continue }
      sections[index].title = texts[heading + 1]
    }
    // Whether each section owns text besides its heading line and sub-sections, and
    // whether that text (or its numbered paragraph) is a lead-in its sub-items spell out:
    // it ends with a colon, or the paragraph just before the first item announces them
    // ("有下列情形之一的，…", "对有下列突出表现的单位…给予表彰").
    var hasOwnText = Array(repeating: false, count: sections.count)
    var endsWithLeadIn = Array(repeating: false, count: sections.count)
    for (index, owner) in outline.owners.enumerated() {
      guard let owner else { continue }
      let paragraph = outlineParagraphs[index]
      // A numbered paragraph whose text runs on past a heading's length carries it too.
      let carriesText =
        paragraph.marker == nil
        || (paragraph.titleEnd == paragraph.titleStart && paragraph.titleStart < paragraph.span.end)
      if carriesText { hasOwnText[owner] = true }
      let beforeItem =
        index + 1 < outlineParagraphs.count && outlineParagraphs[index + 1].marker != nil
      if carriesText || paragraph.isRunIn {
        endsWithLeadIn[owner] =
          texts.hasSuffixBytes("：", at: index) || texts.hasSuffixBytes(":", at: index)
      }
      if beforeItem && texts.containsBytes(Self.listAnnounced, at: index) {
        endsWithLeadIn[owner] = true
      }
    }
    for index in sections.indices where sections[index].isRunIn { hasOwnText[index] = true }

    var document = PolicyDocument(
      id: id, text: text, metadata: metadataResult.metadata, sections: [], measures: [],
      targets: [],
      responsibilities: [], references: [], diagnostics: [])
    document.sections = sections

    // Measures: in the parts whose role is tasks.
    let partRoles = PartRole.roles(of: sections)
    let measureSections = MeasureSelector(
      sections: sections, hasOwnText: hasOwnText, endsWithLeadIn: endsWithLeadIn, roles: partRoles
    ).select()
    let columns = Self.columns(of: sections)
    document.measures = measureSections.enumerated().map { ordinal, index in
      makeMeasure(
        ordinal: ordinal, section: index, columns: columns[index], of: sections, in: text, id: id,
        pieces: pieces)
    }

    // Responsibility clauses: in the text (a task table's rows only through their columns
    // of bodies), in reading order.
    let measures = document.measures
    let found = responsibilityExtractor.clauses(
      in: text.utf8, paragraphs: outlineParagraphs, tableParagraphs: tableParagraphs, pieces: pieces
    )
    // The first measure holding each clause or target, the innermost section holding each
    // clause, target or reference: found for all at once (a scan of the measures or
    // sections for each is quadratic in a long plan).
    let measureSearch = EnclosingIntervals(measures.map { ($0.span.start, $0.span.end) })
    let sectionSearch = EnclosingIntervals(
      sections.map { ($0.extent.start, $0.extent.end) }, preferences: sections.map(\.depth))
    var clauses = Array(
      zip(found, measureSearch.preferred(enclosing: found.map { Self.bounds($0.span) })))
    let rowMeasures = Dictionary(
      document.measures.indices.map {
        (sections[document.measures[$0].section].headingSpan.start, $0)
      },
      uniquingKeysWith: { first, _ in first })
    text.utf8.withUnsafeBufferPointer { bytes in
      for table in taskTables {
        for clause in TableClauses(resolver: resolver).clauses(of: table, in: bytes) {
          clauses.append((clause.found, rowMeasures[paragraphs[clause.itemParagraph].span.start]))
        }
      }
    }
    clauses.sort { $0.0.span.start < $1.0.span.start }
    let clauseSections = sectionSearch.preferred(enclosing: clauses.map { Self.bounds($0.0.span) })
    for (ordinal, (found, measure)) in clauses.enumerated() {
      document.responsibilities.append(
        ResponsibilityClause(
          id: "\(id)#r\(ordinal + 1)", text: found.text, span: found.span,
          departments: found.departments,
          deadline: found.deadline, measure: measure,
          section: clauseSections[ordinal]))
      if let measure { document.measures[measure].responsibilities.append(ordinal) }
    }

    // Targets: in the text, and in table cells only where a cell states one with its
    // year (a table of values is no list of targets).
    var tableSpans: [TextSpan] = []
    var yearCells: [TextSpan] = []
    for table in tables {
      let first = paragraphs[table.paragraphs.lowerBound].span
      let last = paragraphs[table.paragraphs.upperBound - 1].span
      tableSpans.append(TextSpan(first.start, last.end))
      for row in table.rows {
        yearCells += row.cells.values.filter { TargetYearCell.holdsYear($0, in: text.utf8) }
      }
      // A flattened table's paragraphs are cells of their own, notes under it among them.
      yearCells += table.paragraphs.map { paragraphs[$0].span }.filter { span in
        !text.utf8[span.range].contains(0x09) && TargetYearCell.holdsYear(span, in: text.utf8)
      }
    }
    // Parts headed by the goals of a named period ("“十二五”时期的主要目标和任务",
    // "“十四五”时期主要目标任务和重大举措"; not "…主要目标完成情况"), and phases headed by
    // their deadline ("（二）建设及试运行阶段（2025年年底前）"), in document order.
    let periodParts = sections.compactMap { section -> TargetExtractor.PeriodPart? in
      if TargetYears.setsPeriodGoals(section.title),
        let year = TargetYears.namedPeriodYear(in: section.title)
      {
        return TargetExtractor.PeriodPart(extent: section.extent, year: year)
      }
      return TargetYears.bracketedDeadline(in: section.title).map {
        TargetExtractor.PeriodPart(extent: section.extent, year: $0)
      }
    }
    let extracted = TargetExtractor(dictionaries: dictionaries).targets(
      in: text, paragraphs: paragraphs.map(\.span), pieces: pieces, metadata: document.metadata,
      periodParts: periodParts)
    let valueBounds = extracted.map { Self.bounds($0.valueSpan) }
    let inTable = EnclosingIntervals(tableSpans.map(Self.bounds)).preferred(enclosing: valueBounds)
    let inYearCell = EnclosingIntervals(yearCells.map(Self.bounds)).preferred(
      enclosing: valueBounds)
    // A review of past work (工作回顾) states what was achieved, not targets.
    let extractedSections = sectionSearch.preferred(enclosing: valueBounds)
    let targets = extracted.indices.filter {
      (inTable[$0] == nil || inYearCell[$0] != nil)
        && extractedSections[$0].map { partRoles[$0] != .review } ?? true
    }.map { extracted[$0] }
    let targetBounds = targets.map { Self.bounds($0.valueSpan) }
    let targetMeasures = measureSearch.preferred(enclosing: targetBounds)
    let targetSections = sectionSearch.preferred(enclosing: targetBounds)
    for (ordinal, var target) in targets.enumerated() {
      target.id = "\(id)#t\(ordinal + 1)"
      target.measure = targetMeasures[ordinal]
      target.section = targetSections[ordinal]
      if let measure = target.measure { document.measures[measure].targets.append(ordinal) }
      document.targets.append(target)
    }

    // References.
    // The plan a transmittal notice carries and the document's own attachments, named in
    // 《》 in its own text, are this document, not ones it cites.
    var ownTitles = [document.metadata.title, document.metadata.planTitle].compactMap { $0 }
    ownTitles += sections.filter {
      ($0.kind == .attachment || $0.kind == .table) && !$0.title.isEmpty
    }.map(\.title)
    ownTitles += attachmentEntries.map { texts[$0] }
    // Each title as written and without its period (…（2023—2025年）).
    let ownKeys =
      readsReferences
      ? ownTitles.map { (TitleKey($0), TitleKey(MetadataExtractor.withoutPeriod($0))) } : []
    let foundReferences = (readsReferences ? ReferenceExtractor().references(in: text.utf8) : [])
      .filter { found in
        let key = TitleKey(found.title)
        let keyWithoutPeriod = TitleKey(MetadataExtractor.withoutPeriod(found.title))
        // 《劳动保障监察条例》 in 浙江省劳动保障监察条例 cites the State Council's regulation.
        let isOwn = ownKeys.contains { own, ownWithoutPeriod in
          (own.namesSameDocument(as: key)
            || ownWithoutPeriod.namesSameDocument(as: keyWithoutPeriod))
            && !own.namesNationalNamesake(key)
        }
        return !isOwn
          || (found.documentNumber != nil
            && found.documentNumber != document.metadata.documentNumber)
      }
    let referenceSections = sectionSearch.preferred(
      enclosing: foundReferences.map { Self.bounds($0.span) })
    document.references = foundReferences.enumerated().map { ordinal, found in
      DocumentReference(
        id: "\(id)#x\(ordinal + 1)", title: found.title, documentNumber: found.documentNumber,
        span: found.span,
        resolvedDocument: nil, resolvedBy: nil,
        section: referenceSections[ordinal])
    }

    document.diagnostics = outline.diagnostics.map {
      Diagnostic(severity: .warning, file: text.source.path, message: $0)
    }
    if sections.isEmpty {
      document.diagnostics.append(
        Diagnostic(
          severity: .note, file: text.source.path,
          message: "no numbered headings (一、 （一） 1. 第一条 …) found: the document has no outline"))
    } else if document.measures.isEmpty {
      document.diagnostics.append(
        Diagnostic(
          severity: .note, file: text.source.path,
          message: "headings found but no numbered measures: no part reads as tasks"))
    }
    return document
  }

  /// A span as the bounds `EnclosingIntervals` reads.
  /// The keys references find the document of `text` by (its id, number and titles),
  /// without the rest of the parse: what `parse(_:)` would give, at the cost of reading
  /// its paragraphs and metadata.
  public func referenceTarget(of text: PolicyText) -> ReferenceTarget {
    let head = head(of: text)
    return ReferenceTarget(id: head.id, metadata: head.metadata.metadata)
  }

  /// The first steps of a parse: the id, the paragraphs and their texts, the first
  /// heading of the body and the metadata.
  private func head(of text: PolicyText) -> (
    id: String, paragraphs: [Paragraph], pieces: TextPieces, texts: ParagraphTexts,
    firstHeading: Int?, metadata: MetadataExtractor.Result
  ) {
    let id = Self.documentID(of: text)
    let paragraphs = text.utf8.withUnsafeBufferPointer { ParagraphScanner.paragraphs(of: $0) }
    let pieces = TextPieces(text.utf8)
    let texts = ParagraphTexts(paragraphs, pieces: pieces)
    let firstHeading = firstBodyHeading(paragraphs, texts)
    let metadata = MetadataExtractor(
      texts: texts, paragraphs: paragraphs, firstHeading: firstHeading,
      frontMatter: text.frontMatter
    ).extract()
    return (id, paragraphs, pieces, texts, firstHeading, metadata)
  }

  private static func bounds(_ span: TextSpan) -> (lower: Int, upper: Int) {
    (span.start, span.end)
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
    ordinal: Int, section index: Int, columns: [Int], of sections: [Section], in text: PolicyText,
    id: String, pieces: TextPieces
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
    let measureText =
      ranges.count == 1 ? pieces.string(ranges[0]) : ranges.map { pieces.string($0) }.joined()
    // The lead sentence: from the end of the heading to the first 。 or line end.
    var leadStart = section.titleSpan.end
    while leadStart < section.extent.end && (bytes[leadStart] == 0x0A || bytes[leadStart] == 0x20) {
      leadStart += 1
    }
    let leadEnd = bytes.withUnsafeBufferPointer {
      Self.leadSentenceEnd($0, from: leadStart, limit: section.extent.end)
    }
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
  private static func leadSentenceEnd(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int
  ) -> Int {
    var end = start
    while true {
      end = SWAR.skip(bytes, from: end, limit: limit, whileNeither: 0x0A, nor: 0xE3)
      guard end < limit, bytes[end] != 0x0A else { break }
      if end + 2 < bytes.count && bytes[end] == 0xE3 && bytes[end + 1] == 0x80
        && bytes[end + 2] == 0x82
      {
        return end + 3
      }
      end += 1
    }
    return end
  }

  /// 16 hex digits of the 64-bit FNV-1a hash of the cleaned text: the same document
  /// read from GB18030, UTF-8 or HTML gets the same id.
  package static func documentID(of text: PolicyText) -> String {
    text.utf8.withUnsafeBufferPointer { Checksum.hex(Checksum.fnv1a($0)) }
  }
}
