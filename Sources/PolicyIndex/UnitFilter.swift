import PolicyBytes
import PolicyExtraction
import PolicyModel
import PolicyText

/// The field filters of a query, applied to units and documents. One filter serves one
/// search: what the document filters decide about a document is kept, since many of its
/// units are asked about.
final class UnitFilter {
  let filters: [SearchQuery.Filter]
  package let index: InvertedIndex
  /// Department filters resolved to (level prefix, canonical name, as typed).
  private let departments:
    [(prefix: String?, canonical: String, name: String, role: ResponsibilityRole?)]
  /// Whether any filter looks at documents.
  private let hasDocumentFilters: Bool
  private let hasYearFilter: Bool
  /// `region:` and `doc:` values, folded once.
  private let foldedValues: [String: String]
  /// Verdicts on documents, at index × 2, + 1 when asked for a target unit (a target's year
  /// is its own, not its document's): 0 not judged yet, 1 rejected, 2 accepted.
  private var documentVerdicts: [UInt8]

  /// `dictionaries` is read only when a filter names a department.
  package init(
    _ filters: [SearchQuery.Filter], index: InvertedIndex,
    dictionaries: @autoclosure () -> PolicyDictionaries
  ) {
    self.filters = filters
    self.index = index
    documentVerdicts = Array(repeating: 0, count: index.documentCount * 2)
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
    hasYearFilter = filters.contains { if case .year = $0 { return true } else { return false } }
    var folded: [String: String] = [:]
    for filter in filters {
      switch filter {
      case .region(let value), .document(let value): folded[value] = PolicyDictionaries.fold(value)
      default: continue
      }
    }
    foldedValues = folded
  }

  package func accepts(_ unit: Int) throws -> Bool {
    guard hasDocumentFilters || !departments.isEmpty else { return true }
    let entry = index.units.entries[unit]
    let isTarget = entry.kind == .target
    guard try acceptsDocument(Int(entry.document), forTarget: isTarget) else { return false }
    guard !departments.isEmpty || (hasYearFilter && isTarget) else { return true }
    let decoded = try index.units.unit(unit, withText: false)
    for wanted in departments {
      let found = decoded.departments.contains { department in
        (wanted.role == nil || department.role == wanted.role)
          && (department.name == wanted.name
            || (department.canonical == wanted.canonical
              && (wanted.prefix == nil || department.levelPrefix == wanted.prefix)))
      }
      if !found { return false }
    }
    for case .year(let year) in filters where isTarget {
      if decoded.year != year { return false }
    }
    return true
  }

  /// Whether document `documentIndex` passes the document filters; for a target unit, a
  /// `year:` filter is left to the target itself.
  /// - Throws: `IndexError.corrupt` when the document's record is damaged.
  func acceptsDocument(_ documentIndex: Int, forTarget: Bool = false) throws -> Bool {
    guard hasDocumentFilters else { return true }
    guard documentIndex >= 0, documentIndex < index.documentCount else {
      throw IndexError.corrupt(
        file: index.units.path, reason: "a unit names document \(documentIndex), beyond the last")
    }
    let key = documentIndex * 2 + (forTarget ? 1 : 0)
    if documentVerdicts[key] != 0 { return documentVerdicts[key] == 2 }
    let verdict = judge(try index.document(documentIndex), forTarget: forTarget)
    documentVerdicts[key] = verdict ? 2 : 1
    return verdict
  }

  private func judge(_ document: IndexedDocument, forTarget: Bool) -> Bool {
    for filter in filters {
      switch filter {
      case .level(let level):
        if document.level != level.rawValue { return false }
      case .region(let region):
        let folded = foldedValues[region]!
        if !document.regionPath.contains(where: {
          PolicyDictionaries.fold($0) == folded || $0.hasPrefix(region)
        }) {
          return false
        }
      case .year(let year):
        if forTarget { continue }
        let inPeriod =
          document.periodStart.map { start in (start...(document.periodEnd ?? start)).contains(year)
          } ?? false
        if document.year != year && !inPeriod { return false }
      case .kind(let kind):
        if document.kind != kind && document.planKind != kind
          && !(document.planKind ?? "").hasSuffix(kind)
        {
          return false
        }
      case .document(let value):
        let folded = foldedValues[value]!
        let matches =
          document.id.hasPrefix(value)
          || document.documentNumber.map { PolicyDictionaries.fold($0) == folded } == true
          || PolicyDictionaries.fold(document.title).containsBytes(folded)
          || document.path.hasSuffix(value)
        if !matches { return false }
      case .department, .unitKind:
        continue
      }
    }
    return true
  }
}
