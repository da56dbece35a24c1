import Foundation
import PolicyBytes
import PolicyModel
import PolicyText

/// Cuts a parsed document into search units: its measures (with their 专栏 boxes), the
/// own text of sections outside measures, its targets, and its front and back matter as a
/// document unit (the whole text when it has no outline).
enum UnitBuilder {
  /// Departments named in a unit's clauses, with where each name starts in the text.
  private struct Named {
    var list: [UnitDepartment] = []
    var starts: [Int] = []
  }

  /// The units of `document`, in order: its document unit, its measures and sections,
  /// its targets.
  package static func units(of document: PolicyDocument) -> [UnitDraft] {
    let sectionCount = document.sections.count
    var units: [UnitDraft] = []
    units.reserveCapacity(1 + sectionCount + document.targets.count)
    // The measure each section is, if any (an array by section: no hashing per document).
    var measureOf: [Int?] = Array(repeating: nil, count: sectionCount)
    for (index, measure) in document.measures.enumerated() where measure.section < sectionCount {
      measureOf[measure.section] = index
    }
    /// The departments `clauses` name, with where each name starts in the text.
    func departments(_ clauses: [Int]) -> Named {
      var found = Named()
      for clause in clauses {
        for department in document.responsibilities[clause].departments {
          found.list.append(
            UnitDepartment(
              name: department.name, canonical: department.canonical,
              levelPrefix: department.levelPrefix, role: department.role))
          found.starts.append(department.span.start)
        }
      }
      return found
    }
    // Each section's path (its ancestors' headings), made once from its parent's.
    var paths: [[String]?] = Array(repeating: nil, count: sectionCount)
    func path(of section: Int) -> [String] {
      if let known = paths[section] { return known }
      var made: [String] = []
      if let parent = document.sections[section].parent {
        made =
          path(of: parent) + [document.sections[parent].label + document.sections[parent].title]
      }
      paths[section] = made
      return made
    }
    /// Characters in `span` of the text.
    func scalarCount(_ span: TextSpan) -> Int {
      let bytes = document.text.utf8
      let lower = max(0, min(span.start, bytes.count))
      return UTF8Scalars.count(in: bytes, range: lower..<max(lower, min(span.end, bytes.count)))
    }
    func unit(
      _ id: String, _ kind: SearchUnitKind, heading: String, span: TextSpan, headingSpan: TextSpan?,
      path: [String], departments: Named, year: Int? = nil
    ) -> UnitDraft {
      let headingLength =
        headingSpan.map { scalarCount(TextSpan($0.start, min($0.end, span.end))) } ?? 0
      var fields = UnitFields(
        id: id, kind: kind, heading: heading, headingLength: headingLength, path: path,
        departments: departments.list, year: year, textStart: span.start, sourceLine: 0)
      fields.place(at: document.sourceSpan(of: span))
      return UnitDraft(fields: fields, spans: [span], departmentStarts: departments.starts)
    }

    // The document unit: everything outside the top-level sections.
    var topLevel: [TextSpan] = []
    for index in 0..<sectionCount where document.sections[index].parent == nil {
      topLevel.append(document.sections[index].extent)
    }
    var outside: [TextSpan] = []
    var cursor = 0
    for extent in topLevel.sorted() {
      if extent.start > cursor { outside.append(TextSpan(cursor, extent.start)) }
      cursor = max(cursor, extent.end)
    }
    if cursor < document.text.utf8.count {
      outside.append(TextSpan(cursor, document.text.utf8.count))
    }
    let title =
      document.metadata.planTitle ?? document.metadata.title
      ?? URL(fileURLWithPath: document.text.source.path).lastPathComponent
    let looseClauses = document.responsibilities.indices.filter {
      document.responsibilities[$0].measure == nil && document.responsibilities[$0].section == nil
    }
    let loose = departments(looseClauses)
    var documentFields = UnitFields(
      id: document.id, kind: .document, heading: title, headingLength: 0, path: [],
      departments: loose.list, year: nil, textStart: outside.first?.start ?? 0, sourceLine: 0)
    documentFields.place(at: document.sourceSpan(of: outside.first ?? TextSpan(0, 0)))
    units.append(
      UnitDraft(fields: documentFields, spans: outside, departmentStarts: loose.starts))

    // Each section's first child, whether it lies inside a measure, and its own clauses
    // (outside any measure), found in one pass each: searching the lists for every
    // section was quadratic in a law's articles. A parent comes before its children.
    var firstChild: [Int?] = Array(repeating: nil, count: sectionCount)
    var insideMeasure = Array(repeating: false, count: sectionCount)
    for index in 0..<sectionCount {
      guard let parent = document.sections[index].parent, parent < index else { continue }
      if firstChild[parent] == nil { firstChild[parent] = index }
      insideMeasure[index] = measureOf[parent] != nil || insideMeasure[parent]
    }
    var sectionClauses: [[Int]] = Array(repeating: [], count: sectionCount)
    for (index, clause) in document.responsibilities.enumerated() where clause.measure == nil {
      if let section = clause.section { sectionClauses[section].append(index) }
    }
    for (index, section) in document.sections.enumerated() {
      if let measureIndex = measureOf[index] {
        let measure = document.measures[measureIndex]
        units.append(
          unit(
            measure.id, .measure, heading: section.label + section.title, span: section.extent,
            headingSpan: section.titleSpan,
            path: path(of: index), departments: departments(measure.responsibilities)))
        continue
      }
      // Sections inside a measure are part of its text.
      if insideMeasure[index] { continue }
      let ownEnd =
        firstChild[index].map { document.sections[$0].extent.start } ?? section.extent.end
      let own = TextSpan(
        section.extent.start, max(section.headingSpan.end, min(ownEnd, section.extent.end)))
      units.append(
        unit(
          section.id, .section, heading: section.label + section.title, span: own,
          headingSpan: section.titleSpan,
          path: path(of: index), departments: departments(sectionClauses[index])))
    }
    for target in document.targets {
      var inherited = Named()
      if let measure = target.measure {
        inherited = departments(document.measures[measure].responsibilities)
      }
      units.append(
        unit(
          target.id, .target, heading: target.indicator, span: target.clauseSpan,
          headingSpan: nil,
          path: target.measure.map { [document.measures[$0].label + document.measures[$0].title] }
            ?? [], departments: inherited, year: target.year))
    }
    return units
  }

  /// The units of `document` as the index holds them: a unit longer than the format holds
  /// cut in pieces (`UnitPieces`), and departments beyond `IndexLimits` left out, with a
  /// warning naming `path` for each unit cut so.
  package static func indexedUnits(of document: PolicyDocument, path: String) -> (
    units: [UnitDraft], warnings: [String]
  ) {
    var drafts: [UnitDraft] = []
    var warnings: [String] = []
    for whole in units(of: document) {
      for var unit in UnitPieces.pieces(of: whole, in: document) {
        let (kept, warning) = IndexLimits.clamped(
          unit.fields.departments, file: path, unit: unit.fields.id)
        if let warning {
          unit.fields.departments = kept
          warnings.append(warning)
        }
        drafts.append(unit)
      }
    }
    return (drafts, warnings)
  }

  static func indexedDocument(
    _ document: PolicyDocument, fileSize: Int, modified: Double, contentHash: String
  ) -> IndexedDocument {
    let metadata = document.metadata
    let year = metadata.year
    return IndexedDocument(
      id: document.id, path: document.text.source.path,
      title: metadata.planTitle ?? metadata.title
        ?? URL(fileURLWithPath: document.text.source.path).lastPathComponent,
      documentNumber: metadata.documentNumber?.normalized, issuer: metadata.issuer,
      level: metadata.level?.rawValue,
      regionPath: metadata.regionPath, kind: metadata.kind, planKind: metadata.planKind, year: year,
      periodStart: metadata.periodStart, periodEnd: metadata.periodEnd, fileSize: fileSize,
      modified: modified,
      contentHash: contentHash)
  }
}
