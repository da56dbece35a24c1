import PolicyModel
import PolicyText

extension SQLiteExport {
  /// The prepared inserts, one per table, and the full-text insert.
  struct Inserts {
    var documents, sections, measures, responsibilities, targetSentences, targets,
      references, diagnostics, fullText: SQLiteStatement

    init(_ database: SQLiteDatabase) throws {
      documents = try database.prepare(SQLiteSchema.documents.insertSQL)
      sections = try database.prepare(SQLiteSchema.sections.insertSQL)
      measures = try database.prepare(SQLiteSchema.measures.insertSQL)
      responsibilities = try database.prepare(SQLiteSchema.responsibilities.insertSQL)
      targetSentences = try database.prepare(SQLiteSchema.targetSentences.insertSQL)
      targets = try database.prepare(SQLiteSchema.targets.insertSQL)
      references = try database.prepare(SQLiteSchema.references.insertSQL)
      diagnostics = try database.prepare(SQLiteSchema.diagnostics.insertSQL)
      fullText = try database.prepare("INSERT INTO measure_fts (measure_id, body) VALUES (?, ?)")
    }
  }

  /// A list as one field, joined by `;`.
  private static func joined(_ values: [String]) -> SQLiteValue {
    .text(values.joined(separator: ";"))
  }

  /// Inserts the row of `document` into `documents`.
  static func insertRow(of document: PolicyDocument, with inserts: Inserts) throws {
    let metadata = document.metadata
    let number = metadata.documentNumber
    let source = document.text.source
    let diagnosticCount = document.text.diagnostics.count + document.diagnostics.count
    try inserts.documents.run([
      .text(document.id), .text(source.path), .text(source.format.rawValue), .text(source.part),
      .text(source.encoding), .integer(source.byteCount), .text(metadata.title),
      .text(metadata.planTitle), .text(number?.normalized), .text(number?.text),
      .text(number?.issuerCode), .integer(number?.year), .integer(number?.serial),
      .text(metadata.issuer), joined(metadata.coIssuers), .text(metadata.level?.rawValue),
      .text(metadata.region), .text(metadata.regionPath.joined(separator: " > ")),
      .text(metadata.kind), .text(metadata.planKind), .text(metadata.writtenDate),
      .text(metadata.printedDate), .integer(metadata.periodStart), .integer(metadata.periodEnd),
      .integer(metadata.year), joined(metadata.recipients), joined(metadata.copiedTo),
      .text(metadata.publicity), .integer(document.sections.count),
      .integer(document.measures.count), .integer(document.responsibilities.count),
      .integer(document.targets.count), .integer(document.references.count),
      .integer(diagnosticCount),
    ])
  }

  /// Inserts the items of one document (its row in `documents` written before) into every
  /// other table; returns the rows written per table.
  static func insertItems(of document: PolicyDocument, with inserts: Inserts) throws
    -> RowCounts
  {
    var counts = RowCounts()
    let diagnostics = document.text.diagnostics + document.diagnostics
    func location(_ span: TextSpan) -> [SQLiteValue] {
      let located = document.sourceSpan(of: span)
      return [
        .integer(located.line), .integer(located.byteRange.lowerBound),
        .integer(located.byteRange.upperBound),
      ]
    }
    let sectionID = { (index: Int?) in SQLiteValue.text(index.map { document.sections[$0].id }) }
    let measureID = { (index: Int?) in SQLiteValue.text(index.map { document.measures[$0].id }) }

    let measureSections = Set(document.measures.map(\.section))
    for (index, section) in document.sections.enumerated() {
      try inserts.sections.run(
        [
          .text(section.id), .text(document.id), sectionID(section.parent),
          .integer(section.depth), .text(section.kind.rawValue), .text(section.label),
          .integer(section.number), .text(section.title), .flag(section.isRunIn),
          .flag(measureSections.contains(index)),
        ] + location(section.titleSpan))
      counts.sections += 1
    }

    for measure in document.measures {
      let names = { (role: ResponsibilityRole) in
        joined(document.departments(of: measure, role: role))
      }
      try inserts.measures.run(
        [
          .text(measure.id), .text(document.id), .text(document.sections[measure.section].id),
          .integer(measure.number), .text(measure.label), .text(measure.title),
          .text(measure.leadSentence), .text(measure.path.joined(separator: " > ")),
          names(.lead), names(.responsible), names(.cooperating),
          .integer(measure.targets.count), .text(measure.text),
        ] + location(measure.span))
      try inserts.fullText.run([
        .text(measure.id), .text(FullTextBody.body(of: measure, in: document)),
      ])
      counts.measures += 1
    }

    for clause in document.responsibilities {
      for (ordinal, department) in clause.departments.enumerated() {
        try inserts.responsibilities.run(
          [
            .text(clause.id), .integer(ordinal + 1), .text(document.id),
            measureID(clause.measure), sectionID(clause.section), .text(department.role.rawValue),
            .text(department.name), .text(department.canonical), .text(department.levelPrefix),
            .text(department.category), .flag(department.isCollective), .text(clause.deadline),
            .text(clause.text),
          ] + location(department.span))
        counts.responsibilities += 1
      }
    }

    // The sentence ids as `policyq extract` numbers them: each sentence once, in order.
    var sentenceIDs: [TextSpan: String] = [:]
    for target in document.targets where sentenceIDs[target.sentenceSpan] == nil {
      let id = "\(document.id)#ts\(sentenceIDs.count + 1)"
      sentenceIDs[target.sentenceSpan] = id
      try inserts.targetSentences.run(
        [.text(id), .text(document.id), .text(target.sentence)] + location(target.sentenceSpan))
      counts.targetSentences += 1
    }
    for target in document.targets {
      try inserts.targets.run(
        [
          .text(target.id), .text(document.id), measureID(target.measure),
          sectionID(target.section), .text(sentenceIDs[target.sentenceSpan]),
          .integer(target.year), .text(target.indicator), .text(target.indicatorKey),
          .real(target.value), .text(target.unit), .text(target.direction.rawValue),
          .text(target.verb), .text(target.baseline), .integer(target.baselineYear),
          .flag(target.isCumulative), joined(target.hedges), .text(target.scope),
          .text(target.clause),
        ] + location(target.valueSpan))
      counts.targets += 1
    }

    for reference in document.references {
      try inserts.references.run(
        [
          .text(reference.id), .text(document.id), sectionID(reference.section),
          .text(reference.title), .text(reference.documentNumber?.normalized),
          .text(reference.documentNumber?.text), .text(reference.resolvedDocument),
          .text(reference.resolvedBy),
        ] + location(reference.span))
      counts.references += 1
    }

    for (ordinal, diagnostic) in diagnostics.enumerated() {
      try inserts.diagnostics.run([
        .text(document.id), .integer(ordinal + 1), .text(diagnostic.severity.rawValue),
        .text(diagnostic.file), .integer(diagnostic.line), .text(diagnostic.message),
      ])
      counts.diagnostics += 1
    }
    return counts
  }
}
