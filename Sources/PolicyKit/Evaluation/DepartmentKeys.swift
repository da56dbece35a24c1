/// The key a department name is compared by: its level prefix and canonical kind of body
/// from `dictionaries/departments.tsv` (区经信委 and 区经济信息委 share one; 市经济信息委
/// has another), or, for a name the dictionary does not know, the folded name.
struct DepartmentKeys {
  private let resolver: DepartmentResolver

  init(dictionaries: PolicyDictionaries) {
    resolver = DepartmentResolver(dictionaries: dictionaries)
  }

  func key(_ name: String) -> String {
    let folded = String(
      String.UnicodeScalarView(TextFolder.fold(name).unicodeScalars.filter { !UTF8Scalars.isBlank($0.value) }))
    let mention = resolver.mention(folded, role: .responsible, span: TextSpan(0, 0))
    guard mention.category != DepartmentResolver.unknownCategory, !mention.isCollective else { return folded }
    return "\(mention.levelPrefix ?? "")|\(mention.canonical)"
  }
}
