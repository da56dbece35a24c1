/// The field filters of a query, applied to units and documents.
struct UnitFilter {
  let filters: [SearchQuery.Filter]
  let index: InvertedIndex
  /// Department filters resolved to (level prefix, canonical name, as typed).
  private let departments: [(prefix: String?, canonical: String, name: String, role: ResponsibilityRole?)]
  /// Whether any filter looks at documents.
  private let hasDocumentFilters: Bool
  /// Whether any filter looks at a unit's own fields (departments, a target's year).
  private let hasUnitFilters: Bool

  /// `dictionaries` is read only when a filter names a department.
  init(_ filters: [SearchQuery.Filter], index: InvertedIndex, dictionaries: @autoclosure () -> PolicyDictionaries) {
    self.filters = filters
    self.index = index
    let named = filters.compactMap { filter -> (name: String, role: ResponsibilityRole?)? in
      guard case .department(let name, let role) = filter else { return nil }
      return (name, role)
    }
    let resolver = named.isEmpty ? nil : DepartmentResolver(dictionaries: dictionaries())
    departments = named.compactMap { name, role in
      guard let resolver else { return nil }
      let mention = resolver.mention(name, role: role ?? .responsible, span: TextSpan(0, 0))
      return (mention.levelPrefix, mention.canonical, name, role)
    }
    hasDocumentFilters = filters.contains { filter in
      switch filter {
      case .department, .unitKind: return false
      default: return true
      }
    }
    hasUnitFilters = filters.contains { filter in
      switch filter {
      case .department, .year: return true
      default: return false
      }
    }
  }

  func accepts(_ unit: Int) throws -> Bool {
    guard hasDocumentFilters || hasUnitFilters else { return true }
    let entry = index.units.entries[unit]
    guard try acceptsDocument(Int(entry.document), unit: unit) else { return false }
    let needsUnit = !departments.isEmpty || filters.contains { if case .year = $0 { return entry.kind == .target } else { return false } }
    guard needsUnit else { return true }
    let decoded = try index.units.unit(unit, withText: false)
    for wanted in departments {
      let found = decoded.departments.contains { department in
        (wanted.role == nil || department.role == wanted.role)
          && (department.name == wanted.name
            || (department.canonical == wanted.canonical && (wanted.prefix == nil || department.levelPrefix == wanted.prefix)))
      }
      if !found { return false }
    }
    for case .year(let year) in filters where entry.kind == .target {
      if decoded.year != year { return false }
    }
    return true
  }

  func acceptsDocument(_ documentIndex: Int, unit: Int? = nil) throws -> Bool {
    guard hasDocumentFilters else { return true }
    let document = index.documents[documentIndex]
    for filter in filters {
      switch filter {
      case .level(let level):
        if document.level != level.rawValue { return false }
      case .region(let region):
        let folded = PolicyDictionaries.fold(region)
        if !document.regionPath.contains(where: { PolicyDictionaries.fold($0) == folded || $0.hasPrefix(region) }) { return false }
      case .year(let year):
        if let unit, index.units.entries[unit].kind == .target { continue }
        let inPeriod = document.periodStart.map { start in (start...(document.periodEnd ?? start)).contains(year) } ?? false
        if document.year != year && !inPeriod { return false }
      case .kind(let kind):
        if document.kind != kind && document.planKind != kind && !(document.planKind ?? "").hasSuffix(kind) { return false }
      case .document(let value):
        let folded = PolicyDictionaries.fold(value)
        let matches = document.id.hasPrefix(value) || document.documentNumber.map { PolicyDictionaries.fold($0) == folded } == true
          || PolicyDictionaries.fold(document.title).containsBytes(folded) || document.path.hasSuffix(value)
        if !matches { return false }
      case .department, .unitKind:
        continue
      }
    }
    return true
  }
}
