import PolicyBytes
import PolicyExtraction
import PolicyText

/// The key a department name is compared by: its level and canonical kind of body
/// from `dictionaries/departments.tsv` (区经信委 and 区经济信息委 share one; 市经济信息委
/// has another), or, for a name the dictionary does not know, the folded name.
package struct DepartmentKeys {
  private let resolver: DepartmentResolver

  package init(dictionaries: PolicyDictionaries) {
    resolver = DepartmentResolver(dictionaries: dictionaries)
  }

  package func key(_ name: String) -> String {
    let folded = String(
      String.UnicodeScalarView(
        TextFolder.fold(name).unicodeScalars.filter { !UTF8Scalars.isBlank($0.value) }))
    let mention = resolver.mention(folded, role: .responsible, span: TextSpan(0, 0))
    guard mention.category != DepartmentResolver.unknownCategory, !mention.isCollective else {
      return folded
    }
    return "\(Self.level(of: mention.levelPrefix))|\(mention.canonical)"
  }

  /// The level a prefix names: itself (区, 市, 国家), or for a place the level of its kind
  /// (虹口区 → 区: 虹口区绿化和市容管理局 is the district's 区绿化市容局, as a reader of the
  /// district's document takes it).
  private static func level(of prefix: String?) -> String {
    guard let prefix, prefix.count > 1, let last = prefix.last, "区县市州".contains(last) else {
      return prefix ?? ""
    }
    return String(last)
  }
}
