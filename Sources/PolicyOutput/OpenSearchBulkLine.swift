import PolicyExtraction
import PolicyIndex
import PolicyModel

/// One unit as two lines of an OpenSearch `_bulk` body: the action
/// (`{"index":{"_id":…}}`) and the document, with every field `policyq search` filters
/// on (`OpenSearchFields`; schema in docs/opensearch-bulk.schema.json).
package enum OpenSearchBulkLine {
  /// The action line and the document line of `unit` of `document`, each ending in a line
  /// feed.
  package static func lines(of unit: SearchUnit, in document: IndexedDocument) -> String {
    var action = JSONWriter(pretty: false)
    action.beginObject()
    action.beginObject("index")
    action.string("_id", unit.id)
    action.endObject()
    action.endObject()
    return action.output + "\n" + source(of: unit, in: document) + "\n"
  }

  /// The document line of `unit`, without its line feed.
  package static func source(of unit: SearchUnit, in document: IndexedDocument) -> String {
    typealias Fields = OpenSearchFields
    var json = JSONWriter(pretty: false)
    json.beginObject()
    json.string(Fields.unitID, unit.id)
    json.string(Fields.unitKind, unit.kind.rawValue)
    json.string(Fields.heading, unit.heading)
    json.string(Fields.text, unit.text)
    json.beginArray(Fields.path)
    for heading in unit.path { json.string(nil, heading) }
    json.endArray()
    json.int(Fields.headingLength, unit.headingLength)
    json.int(Fields.sourceLine, unit.sourceLine)
    json.int(Fields.page, unit.page?.page)
    json.int(Fields.pageLine, unit.page?.line)
    json.int(Fields.targetYear, unit.kind == .target ? unit.year : nil)
    json.beginArray(Fields.departmentList)
    for department in unit.departments {
      json.beginObject()
      json.string("name", department.name)
      json.string("canonical", department.canonical)
      json.string("level_prefix", department.levelPrefix)
      json.string("role", department.role.rawValue)
      json.endObject()
    }
    json.endArray()
    writeDepartmentKeys(unit.departments, to: &json)
    writeDocument(document, to: &json)
    json.endObject()
    return json.output
  }

  /// `departments`: for `any` and each role, the distinct names, canonical names and
  /// prefixed canonical names, in the order first named.
  private static func writeDepartmentKeys(
    _ departments: [UnitDepartment], to json: inout JSONWriter
  ) {
    json.beginObject(OpenSearchFields.departments)
    for role in [nil] + ResponsibilityRole.allCases.map(Optional.some) {
      json.beginObject(OpenSearchFields.departmentGroup(role))
      let named = departments.filter { role == nil || $0.role == role }
      for key in OpenSearchFields.DepartmentKey.allCases {
        json.beginArray(key.rawValue)
        var seen = Set<String>()
        for department in named {
          let value: String?
          switch key {
          case .name: value = department.name
          case .canonical: value = department.canonical
          case .prefixed: value = department.levelPrefix.map { $0 + department.canonical }
          }
          if let value, seen.insert(value).inserted { json.string(nil, value) }
        }
        json.endArray()
      }
      json.endObject()
    }
    json.endObject()
  }

  /// `document`: the fields of the unit's document that filters and result lists need.
  private static func writeDocument(_ document: IndexedDocument, to json: inout JSONWriter) {
    json.beginObject(OpenSearchFields.document)
    for field in OpenSearchFields.DocumentField.allCases {
      let name = field.rawValue
      switch field {
      case .id: json.string(name, document.id)
      case .path: json.string(name, document.path)
      case .title: json.string(name, document.title)
      case .titleFolded: json.string(name, PolicyDictionaries.fold(document.title))
      case .number: json.string(name, document.documentNumber)
      case .numberFolded: json.string(name, document.documentNumber.map(PolicyDictionaries.fold))
      case .issuer: json.string(name, document.issuer)
      case .level: json.string(name, document.level)
      case .regionPath, .regionFolded:
        json.beginArray(name)
        for place in document.regionPath {
          json.string(nil, field == .regionPath ? place : PolicyDictionaries.fold(place))
        }
        json.endArray()
      case .kind: json.string(name, document.kind)
      case .planKind: json.string(name, document.planKind)
      case .year: json.int(name, document.year)
      case .periodStart: json.int(name, document.periodStart)
      case .periodEnd: json.int(name, document.periodStart.map { document.periodEnd ?? $0 })
      }
    }
    json.endObject()
  }
}
