import PolicyModel
import PolicyText

/// The JSON form of `policyq extract` (schema version 2, documented in
/// `docs/extract-schema.md` and `docs/extract.schema.json`): snake_case keys, stable ids,
/// and a location for every item.
public enum DocumentJSON {
  /// The `schema_version` every document object carries.
  public static let schemaVersion = 2

  /// One document as a JSON object; `pretty` indents it, else it is one line (JSONL).
  public static func render(_ document: PolicyDocument, pretty: Bool = true) -> String {
    var writer = JSONWriter(pretty: pretty)
    write(document, to: &writer)
    return writer.output
  }

  /// Several documents as one JSON array.
  public static func render(_ documents: [PolicyDocument]) -> String {
    var writer = JSONWriter()
    writer.beginArray()
    for document in documents { write(document, to: &writer) }
    writer.endArray()
    return writer.output
  }

  /// One document as an element of the array of `render(_:)` for several documents, for
  /// writing that array a document at a time: `[`, the elements separated by `,`, then
  /// `\n]` (an array of none is `[]`).
  package static func arrayElement(_ document: PolicyDocument) -> String {
    var writer = JSONWriter(elementOfArray: true)
    write(document, to: &writer)
    return writer.output
  }

  package static func write(_ document: PolicyDocument, to writer: inout JSONWriter) {
    let locations = LocationWriter(document)
    let sectionID = { (index: Int?) in index.map { document.sections[$0].id } }
    let measureID = { (index: Int?) in index.map { document.measures[$0].id } }
    writer.beginObject()
    writer.int("schema_version", schemaVersion)
    writer.string("id", document.id)
    TextJSON.writeSource(document.text.source, to: &writer)
    writeMetadata(document.metadata, locations: locations, to: &writer)

    writer.beginArray("sections")
    for section in document.sections {
      writer.beginObject()
      writer.string("id", section.id)
      writer.string("kind", section.kind.rawValue)
      writer.int("number", section.number)
      writer.string("label", section.label)
      writer.string("title", section.title)
      writer.int("depth", section.depth)
      writer.string("parent", sectionID(section.parent))
      writer.bool("run_in", section.isRunIn)
      locations.write("location", section.titleSpan, to: &writer)
      locations.write("extent", section.extent, to: &writer)
      writer.endObject()
    }
    writer.endArray()

    writer.beginArray("measures")
    for measure in document.measures {
      writer.beginObject()
      writer.string("id", measure.id)
      writer.string("section", document.sections[measure.section].id)
      writer.int("number", measure.number)
      writer.string("label", measure.label)
      writer.string("title", measure.title)
      writer.string("lead_sentence", measure.leadSentence)
      writer.beginArray("path")
      for step in measure.path { writer.string(nil, step) }
      writer.endArray()
      writeIDs("columns", measure.columns.map { document.sections[$0].id }, to: &writer)
      writeIDs(
        "responsibilities", measure.responsibilities.map { document.responsibilities[$0].id },
        to: &writer)
      writeIDs("targets", measure.targets.map { document.targets[$0].id }, to: &writer)
      for role in ResponsibilityRole.allCases {
        writeIDs(
          "\(role.rawValue)_departments", document.departments(of: measure, role: role), to: &writer
        )
      }
      writer.string("text", measure.text)
      locations.write("location", measure.span, to: &writer)
      writer.endObject()
    }
    writer.endArray()

    writer.beginArray("responsibilities")
    for clause in document.responsibilities {
      writer.beginObject()
      writer.string("id", clause.id)
      writer.string("measure", measureID(clause.measure))
      writer.string("section", sectionID(clause.section))
      writer.string("text", clause.text)
      writer.string("deadline", clause.deadline)
      writer.beginArray("departments")
      for department in clause.departments {
        writer.beginObject()
        writer.string("name", department.name)
        writer.string("canonical", department.canonical)
        writer.string("level_prefix", department.levelPrefix)
        writer.string("category", department.category)
        writer.string("role", department.role.rawValue)
        writer.bool("collective", department.isCollective)
        locations.write("location", department.span, to: &writer)
        writer.endObject()
      }
      writer.endArray()
      locations.write("location", clause.span, to: &writer)
      writer.endObject()
    }
    writer.endArray()

    // Each sentence that states targets, once: its targets point to it by id (a sentence
    // of N targets written with each would make the output grow with N²).
    var sentenceIDs: [TextSpan: String] = [:]
    writer.beginArray("target_sentences")
    for target in document.targets where sentenceIDs[target.sentenceSpan] == nil {
      let id = "\(document.id)#ts\(sentenceIDs.count + 1)"
      sentenceIDs[target.sentenceSpan] = id
      writer.beginObject()
      writer.string("id", id)
      writer.string("text", target.sentence)
      locations.write("location", target.sentenceSpan, to: &writer)
      writer.endObject()
    }
    writer.endArray()

    writer.beginArray("targets")
    for target in document.targets {
      writer.beginObject()
      writer.string("id", target.id)
      writer.string("measure", measureID(target.measure))
      writer.string("section", sectionID(target.section))
      writer.int("year", target.year)
      writer.string("indicator", target.indicator)
      writer.string("indicator_key", target.indicatorKey)
      writer.double("value", target.value)
      writer.string("unit", target.unit)
      writer.string("direction", target.direction.rawValue)
      writer.string("verb", target.verb)
      writer.string("baseline", target.baseline)
      writer.int("baseline_year", target.baselineYear)
      writer.bool("cumulative", target.isCumulative)
      writeIDs("hedges", target.hedges, to: &writer)
      writer.string("scope", target.scope)
      writer.string("clause", target.clause)
      writer.string("sentence", sentenceIDs[target.sentenceSpan])
      locations.write("location", target.valueSpan, to: &writer)
      locations.write("clause_location", target.clauseSpan, to: &writer)
      writer.endObject()
    }
    writer.endArray()

    writer.beginArray("references")
    for reference in document.references {
      writer.beginObject()
      writer.string("id", reference.id)
      writer.string("title", reference.title)
      writeDocumentNumber("document_number", reference.documentNumber, to: &writer)
      writer.string("resolved_document", reference.resolvedDocument)
      writer.string("resolved_by", reference.resolvedBy)
      writer.string("section", sectionID(reference.section))
      locations.write("location", reference.span, to: &writer)
      writer.endObject()
    }
    writer.endArray()
    TextJSON.writeDiagnostics(document.text.diagnostics + document.diagnostics, to: &writer)
    writer.endObject()
  }

  static func writeMetadata(
    _ metadata: DocumentMetadata, locations: LocationWriter, to writer: inout JSONWriter
  ) {
    writer.beginObject("metadata")
    writeDocumentNumber("document_number", metadata.documentNumber, to: &writer)
    writer.string("title", metadata.title)
    writer.string("kind", metadata.kind)
    writer.string("plan_title", metadata.planTitle)
    writer.string("plan_kind", metadata.planKind)
    writer.string("issuer", metadata.issuer)
    writeIDs("co_issuers", metadata.coIssuers, to: &writer)
    writer.string("level", metadata.level?.rawValue)
    writer.string("region", metadata.region)
    writeIDs("region_path", metadata.regionPath, to: &writer)
    writer.string("written_date", metadata.writtenDate)
    writer.string("printed_date", metadata.printedDate)
    writeIDs("recipients", metadata.recipients, to: &writer)
    writeIDs("copied_to", metadata.copiedTo, to: &writer)
    writer.string("publicity", metadata.publicity)
    if let start = metadata.periodStart {
      writer.beginObject("period")
      writer.int("start", start)
      writer.int("end", metadata.periodEnd)
      writer.endObject()
    } else {
      writer.string("period", nil)
    }
    writer.beginObject("locations")
    for key in Set(metadata.spans.keys).union(metadata.sourceRanges.keys).sorted() {
      if let span = metadata.spans[key] {
        locations.write(key, span, to: &writer)
      } else if let range = metadata.sourceRanges[key] {
        locations.write(key, sourceBytes: range, to: &writer)
      }
    }
    writer.endObject()
    writer.endObject()
  }

  static func writeDocumentNumber(
    _ key: String, _ number: DocumentNumber?, to writer: inout JSONWriter
  ) {
    guard let number else { return writer.string(key, nil) }
    writer.beginObject(key)
    writer.string("text", number.text)
    writer.string("normalized", number.normalized)
    writer.string("issuer_code", number.issuerCode)
    writer.int("year", number.year)
    writer.int("serial", number.serial)
    writer.endObject()
  }

  static func writeIDs(_ key: String, _ values: [String], to writer: inout JSONWriter) {
    writer.beginArray(key)
    for value in values { writer.string(nil, value) }
    writer.endArray()
  }
}
