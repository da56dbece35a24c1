import PolicyModel
import PolicyText

/// The names met so far in a document, resolved: a document names the same departments
/// again and again, and resolving a name looks it up in up to six tables.
struct KnownNames {
  /// A name as resolved, and whether it names a body.
  package struct Entry {
    package var department: DepartmentMention
    /// Whether it names a body in a clause: one the dictionaries know, or one that ends
    /// as bodies do.
    var isBody: Bool
    /// Whether it names a body in running text, where a verb may stand before a name:
    /// known, or with its level or place before it, or with an ending no verb phrase has.
    var isBodyInText: Bool
  }

  /// By the name's UTF-8: its entry (whose role and span are the first use's), or nil
  /// when it stands for bodies it does not name (有关部门), for parties the plan regulates
  /// (企业), or for what lies within a place (区内…).
  private var entries: [UTF8Key: Entry?] = [:]

  /// Records `bytes` as a name for bodies the document does not name (a term it defines
  /// for them, `DefinedCollectives`).
  mutating func markUnnamed(_ bytes: [UInt8]) {
    entries[UTF8Key(bytes: bytes)] = .some(nil)
  }

  package mutating func mention(_ bytes: [UInt8], resolver: DepartmentResolver) -> Entry? {
    let key = UTF8Key(bytes: bytes)
    if let entry = entries[key] { return entry }
    let name = String(decoding: bytes, as: UTF8.self)
    var entry: Entry? = nil
    if !DepartmentResolver.isUnnamedCollective(name) && !DepartmentResolver.isRegulatedParty(name)
      && !DepartmentResolver.isWithinPlace(name)
    {
      let department = resolver.mention(name, role: .responsible, span: TextSpan(0, 0))
      let isBody = DepartmentResolver.namesBody(department)
      entry = Entry(
        department: department, isBody: isBody,
        isBodyInText: isBody && DepartmentResolver.namesBodyInText(department))
    }
    entries[key] = .some(entry)
    return entry
  }
}
