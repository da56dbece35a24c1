import PolicyBytes
import PolicyModel
import PolicyText

/// The items of one document in the form gold and extraction are compared in: measures by
/// folded path, roles as (place, department, role) triples, targets with their value in
/// base units, references by number or folded title. Built from a gold annotation or from
/// a parsed document, so that both sides go through the same folding.
struct ComparableItems {
  package struct Measure {
    package var path: [String]
    /// The path as written, for people.
    package var shown: String
    package var lead: String
    package var line: Int?
  }

  package struct Role: Hashable {
    /// The folded measure path, or "§" and the folded section path outside measures.
    package var place: [String]
    package var department: String
    package var role: ResponsibilityRole
  }

  struct RoleItem {
    package var key: Role
    package var shown: String
    package var line: Int?
  }

  package struct Target {
    package var year: Int?
    package var indicator: String
    package var quantity: TargetQuantity
    package var direction: TargetDirection
    package var baselineYear: Int?
    package var cumulative: Bool
    package var hedges: Set<String>
    package var shown: String
    package var line: Int?
  }

  struct Reference {
    package var title: String?
    package var number: String?
    package var shown: String
  }

  package var measures: [Measure] = []
  package var roles: [RoleItem] = []
  package var targets: [Target] = []
  package var references: [Reference] = []
}

extension ComparableItems {
  /// The gold side.
  package init(gold: GoldDocument, departments: DepartmentKeys) {
    measures = gold.measures.map {
      Measure(
        path: NumberingToken.folded($0.path), shown: $0.path.joined(separator: " "), lead: $0.lead,
        line: $0.line)
    }
    let lines = Dictionary(
      gold.measures.map { (NumberingToken.folded($0.path), $0.line) },
      uniquingKeysWith: { a, _ in a })
    roles = gold.roles.map { role in
      let place = Self.place(measure: role.measure, section: role.section)
      let shown = (role.measure ?? role.section ?? []).joined(separator: " ")
      return RoleItem(
        key: Role(place: place, department: departments.key(role.department), role: role.role),
        shown: "\(shown) \(role.department) \(role.role.rawValue)",
        line: role.measure.flatMap { lines[NumberingToken.folded($0)] ?? nil })
    }
    targets = gold.targets.map {
      Target(
        year: $0.year, indicator: $0.indicator,
        quantity: TargetQuantity(value: $0.value, unit: $0.unit),
        direction: $0.direction, baselineYear: $0.baselineYear, cumulative: $0.cumulative,
        hedges: Set($0.hedges.map(TextFolder.fold)),
        shown:
          "\($0.year) \($0.indicator) \($0.direction.rawValue) \(Self.number($0.value))\($0.unit)",
        line: $0.line)
    }
    references = gold.references.map {
      Reference(
        title: $0.title.map(Self.foldedTitle),
        number: $0.documentNumber.map(Self.foldedNumber),
        shown: [$0.title.map { "《\($0)》" }, $0.documentNumber].compactMap { $0 }.joined(
          separator: " "))
    }
  }

  /// The extracted side.
  package init(document: PolicyDocument, departments: DepartmentKeys) {
    func labels(of section: Int) -> [String] {
      var chain: [String] = []
      var current: Int? = section
      while let index = current {
        let section = document.sections[index]
        // An unnumbered item's token is its place among its part's items (#2), as the
        // gold writes it; a table with no number of its own adds no token.
        switch section.kind {
        case .paragraph: chain.append("#\(section.number ?? 0)")
        case .tableRow where section.label.isEmpty: chain.append("#\(section.number ?? 0)")
        case .table: break
        default: chain.append(section.label)
        }
        current = section.parent
      }
      return chain.reversed()
    }
    func line(_ span: TextSpan) -> Int { document.text.sourceLine(ofTextOffset: span.start) }
    var measurePaths: [[String]] = []
    for measure in document.measures {
      let path = labels(of: measure.section)
      measurePaths.append(path)
      let lead = measure.title.isEmpty ? measure.leadSentence : measure.title
      measures.append(
        Measure(
          path: NumberingToken.folded(path), shown: path.joined(separator: " "), lead: lead,
          line: line(measure.span)))
    }
    for clause in document.responsibilities {
      let written: [String]
      let place: [String]
      if let measure = clause.measure {
        written = measurePaths[measure]
        place = NumberingToken.folded(written)
      } else {
        written = clause.section.map(labels) ?? []
        place = Self.place(measure: nil, section: written)
      }
      for mention in clause.departments {
        roles.append(
          RoleItem(
            key: Role(place: place, department: departments.key(mention.name), role: mention.role),
            shown: "\(written.joined(separator: " ")) \(mention.name) \(mention.role.rawValue)",
            line: line(mention.span)))
      }
    }
    targets = document.targets.map {
      Target(
        year: $0.year, indicator: $0.indicator,
        quantity: TargetQuantity(value: $0.value, unit: $0.unit),
        direction: $0.direction, baselineYear: $0.baselineYear, cumulative: $0.isCumulative,
        hedges: Set($0.hedges.map(TextFolder.fold)),
        shown:
          "\($0.year.map(String.init) ?? "-") \($0.indicator) \($0.direction.rawValue) \(Self.number($0.value))\($0.unit)",
        line: line($0.valueSpan))
    }
    references = document.references.map {
      Reference(
        title: Self.foldedTitle($0.title), number: $0.documentNumber?.normalized,
        shown: "《\($0.title)》" + ($0.documentNumber.map { " \($0.text)" } ?? ""))
    }
  }

  private static func place(measure: [String]?, section: [String]?) -> [String] {
    if let measure { return NumberingToken.folded(measure) }
    return ["§"] + NumberingToken.folded(section ?? [])
  }

  /// A title without 《》, spaces and punctuation, folded.
  static func foldedTitle(_ title: String) -> String {
    String(
      String.UnicodeScalarView(
        TextFolder.fold(title).unicodeScalars.filter {
          !UTF8Scalars.isBlank($0.value) && !"《》<>“”\"'".unicodeScalars.contains($0)
        }))
  }

  /// A document number in its normal form (永川府发〔2022〕11号), or folded as written
  /// when it is not of the usual shape (市政府第16号令).
  static func foldedNumber(_ number: String) -> String {
    DocumentNumber.first(in: number)?.number.normalized ?? DocumentNumber.firstDecree(in: number)?
      .normalized
      ?? foldedTitle(number)
  }

  package static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
