import PolicyBytes
import PolicyExtraction
import PolicyModel
import PolicyText

/// Scores a parsed document against its gold annotation (docs/gold-format.md): measures by
/// path, roles as (measure, department, role) triples, targets by value, unit, year and
/// direction with their other fields, references, and metadata fields.
public struct Evaluator: Sendable {
  private let dictionaries: PolicyDictionaries

  /// An evaluator that matches departments by the names and aliases in `dictionaries`.
  public init(dictionaries: PolicyDictionaries = .bundled) {
    self.dictionaries = dictionaries
  }

  /// Compares `document`, parsed from the file `path`, with `gold`.
  /// - Parameter name: how the report names this document.
  public func evaluate(
    _ document: PolicyDocument, against gold: GoldDocument, name: String, path: String
  )
    -> DocumentEvaluation
  {
    let keys = DepartmentKeys(dictionaries: dictionaries)
    let expected = ComparableItems(gold: gold, departments: keys)
    let found = ComparableItems(document: document, departments: keys)
    var evaluation = DocumentEvaluation(gold: gold.file, name: name, document: path)
    compareMeasures(expected.measures, found.measures, into: &evaluation)
    compareRoles(expected.roles, found.roles, into: &evaluation)
    compareTargets(expected.targets, found.targets, into: &evaluation)
    compareReferences(expected.references, found.references, into: &evaluation)
    compareMetadata(gold.metadata, document.metadata, into: &evaluation)
    return evaluation
  }

  private func compareMeasures(
    _ gold: [ComparableItems.Measure], _ found: [ComparableItems.Measure],
    into evaluation: inout DocumentEvaluation
  ) {
    var unused: [[String]: [Int]] = [:]
    for (index, measure) in found.enumerated() { unused[measure.path, default: []].append(index) }
    var count = MatchCount()
    for measure in gold {
      guard let index = unused[measure.path]?.first else {
        count.missed += 1
        evaluation.findings.append(
          .init(
            kind: "measures", verdict: .missed, item: "\(measure.shown) \(measure.lead)",
            line: measure.line))
        continue
      }
      unused[measure.path]?.removeFirst()
      count.matched += 1
      let agrees = Self.leadAgrees(gold: measure.lead, found: found[index].lead)
      evaluation.measureLeads.record(agrees)
      if !agrees {
        evaluation.findings.append(
          .init(
            kind: "measures", verdict: .differs,
            item:
              "\(measure.shown) lead “\(measure.lead)” extracted as “\(found[index].lead.prefix(30))”",
            line: found[index].line))
      }
    }
    for index in unused.values.joined().sorted() {
      count.extra += 1
      evaluation.findings.append(
        .init(
          kind: "measures", verdict: .extra,
          item: "\(found[index].shown) \(found[index].lead.prefix(20))", line: found[index].line))
    }
    evaluation.counts[.measures] = count
  }

  /// Whether an extracted heading or lead sentence starts as the gold's lead does, after
  /// folding and without punctuation (its first eight characters, or fewer when shorter).
  static func leadAgrees(gold: String, found: String) -> Bool {
    let expected = Array(Self.letters(gold).prefix(8))
    let actual = Array(Self.letters(found).prefix(expected.count))
    return !expected.isEmpty && expected == actual
  }

  /// Folded characters without spaces and punctuation.
  package static func letters(_ text: String) -> [Unicode.Scalar] {
    TextFolder.fold(text).unicodeScalars.filter {
      !UTF8Scalars.isBlank($0.value) && !isPunctuation($0)
    }
  }

  private func compareRoles(
    _ gold: [ComparableItems.RoleItem], _ found: [ComparableItems.RoleItem],
    into evaluation: inout DocumentEvaluation
  ) {
    let goldKeys = Set(gold.map(\.key))
    let foundKeys = Set(found.map(\.key))
    var count = MatchCount()
    var seen = Set<ComparableItems.Role>()
    for role in gold where seen.insert(role.key).inserted {
      if foundKeys.contains(role.key) {
        count.matched += 1
      } else {
        count.missed += 1
        evaluation.findings.append(
          .init(kind: "roles", verdict: .missed, item: role.shown, line: role.line))
      }
    }
    for role in found where !goldKeys.contains(role.key) && seen.insert(role.key).inserted {
      count.extra += 1
      evaluation.findings.append(
        .init(kind: "roles", verdict: .extra, item: role.shown, line: role.line))
    }
    evaluation.counts[.roles] = count
  }

  private func compareTargets(
    _ gold: [ComparableItems.Target], _ found: [ComparableItems.Target],
    into evaluation: inout DocumentEvaluation
  ) {
    var unused = Set(found.indices)
    var pairs: [(gold: Int, found: Int, complete: Bool)] = []
    var paired = Set<Int>()
    // First the pairs that agree on everything a target is counted by, then pairs that
    // share only value and unit (scored field by field).
    for complete in [true, false] {
      for (goldIndex, target) in gold.enumerated() where !paired.contains(goldIndex) {
        let candidates = unused.filter { index in
          let other = found[index]
          guard other.quantity == target.quantity else { return false }
          return !complete || (other.year == target.year && other.direction == target.direction)
        }
        guard
          let best = candidates.max(by: { a, b in
            Self.pairingScore(target, found[a]) < Self.pairingScore(target, found[b])
              || (Self.pairingScore(target, found[a]) == Self.pairingScore(target, found[b])
                && a > b)
          })
        else { continue }
        unused.remove(best)
        paired.insert(goldIndex)
        pairs.append((goldIndex, best, complete))
      }
    }
    var count = MatchCount()
    for pair in pairs {
      let expected = gold[pair.gold]
      let actual = found[pair.found]
      let agreements: [(DocumentEvaluation.TargetField, Bool)] = [
        (.year, expected.year == actual.year),
        (.indicator, Self.indicatorsAgree(expected.indicator, actual.indicator)),
        (.direction, expected.direction == actual.direction),
        (.baselineYear, expected.baselineYear == actual.baselineYear),
        (.cumulative, expected.cumulative == actual.cumulative),
        (.hedges, expected.hedges == actual.hedges),
      ]
      for (field, agrees) in agreements {
        evaluation.targetFields[field, default: FieldAgreement()].record(agrees)
      }
      if pair.complete {
        count.matched += 1
      } else {
        count.missed += 1
        count.extra += 1
      }
      let differing = agreements.filter { !$0.1 }.map(\.0.rawValue)
      if !differing.isEmpty {
        evaluation.findings.append(
          .init(
            kind: "targets", verdict: .differs,
            item:
              "\(expected.shown) extracted as \(actual.shown) (\(differing.joined(separator: ", ")))",
            line: actual.line))
      }
    }
    for index in gold.indices where !paired.contains(index) {
      count.missed += 1
      evaluation.findings.append(
        .init(kind: "targets", verdict: .missed, item: gold[index].shown, line: gold[index].line))
    }
    for index in unused.sorted() {
      count.extra += 1
      evaluation.findings.append(
        .init(kind: "targets", verdict: .extra, item: found[index].shown, line: found[index].line))
    }
    evaluation.counts[.targets] = count
  }

  /// How well a candidate fits a gold target beyond value and unit.
  private static func pairingScore(_ gold: ComparableItems.Target, _ found: ComparableItems.Target)
    -> Int
  {
    (gold.year == found.year ? 4 : 0) + (gold.direction == found.direction ? 2 : 0)
      + (indicatorsAgree(gold.indicator, found.indicator) ? 1 : 0)
  }

  /// Whether two indicators name the same thing: one holds the other, or their longest
  /// common run of characters is most of the shorter one.
  package static func indicatorsAgree(_ a: String, _ b: String) -> Bool {
    let x = letters(a)
    let y = letters(b)
    guard !x.isEmpty, !y.isEmpty else { return x.isEmpty && y.isEmpty }
    let shorter = min(x.count, y.count)
    return Double(longestCommonRun(x, y)) >= 0.6 * Double(shorter)
  }

  private static func longestCommonRun(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
    var previous = [Int](repeating: 0, count: y.count + 1)
    var best = 0
    for i in 1...x.count {
      var current = [Int](repeating: 0, count: y.count + 1)
      for j in 1...y.count where x[i - 1] == y[j - 1] {
        current[j] = previous[j - 1] + 1
        best = max(best, current[j])
      }
      previous = current
    }
    return best
  }

  private func compareReferences(
    _ gold: [ComparableItems.Reference], _ found: [ComparableItems.Reference],
    into evaluation: inout DocumentEvaluation
  ) {
    let expected = Self.distinct(gold)
    let actual = Self.distinct(found)
    var unused = Set(actual.indices)
    var matchedGold = Set<Int>()
    // By number first, then by title.
    for byNumber in [true, false] {
      for (index, reference) in expected.enumerated() where !matchedGold.contains(index) {
        let match = unused.sorted().first { candidate in
          let other = actual[candidate]
          if byNumber {
            guard let number = reference.number else { return false }
            return other.number == number
          }
          guard let title = reference.title, let otherTitle = other.title else { return false }
          return title == otherTitle
            || (min(title.count, otherTitle.count) >= 4
              && (title.contains(otherTitle) || otherTitle.contains(title)))
        }
        if let match {
          unused.remove(match)
          matchedGold.insert(index)
        }
      }
    }
    var count = MatchCount(matched: matchedGold.count)
    for index in expected.indices where !matchedGold.contains(index) {
      count.missed += 1
      evaluation.findings.append(
        .init(kind: "references", verdict: .missed, item: expected[index].shown, line: nil))
    }
    for index in unused.sorted() {
      count.extra += 1
      evaluation.findings.append(
        .init(kind: "references", verdict: .extra, item: actual[index].shown, line: nil))
    }
    evaluation.counts[.references] = count
  }

  /// Each document once: by number when it has one, else by title; a title cited once
  /// with its number and once without is one document.
  private static func distinct(_ references: [ComparableItems.Reference]) -> [ComparableItems
    .Reference]
  {
    let numberedTitles = Set(references.filter { $0.number != nil }.compactMap(\.title))
    var seen = Set<String>()
    return references.filter { reference in
      if reference.number == nil, let title = reference.title, numberedTitles.contains(title) {
        return false
      }
      return seen.insert(reference.number ?? reference.title ?? "").inserted
    }
  }

  private func compareMetadata(
    _ gold: GoldDocument.Metadata, _ found: DocumentMetadata,
    into evaluation: inout DocumentEvaluation
  ) {
    func record(
      _ field: DocumentEvaluation.MetadataField, _ agrees: Bool, _ expected: String?,
      _ actual: String?
    ) {
      evaluation.metadata[field, default: FieldAgreement()].record(agrees)
      if !agrees {
        evaluation.findings.append(
          .init(
            kind: "metadata", verdict: .differs,
            item: "\(field.rawValue): “\(expected ?? "none")” extracted as “\(actual ?? "none")”",
            line: nil))
      }
    }
    let expectedNumber = gold.documentNumber
    let actualNumber = found.documentNumber
    let numbersAgree: Bool
    if let expectedNumber, let actualNumber {
      numbersAgree =
        expectedNumber.year == actualNumber.year && expectedNumber.serial == actualNumber.serial
        && ComparableItems.foldedTitle(expectedNumber.issuerCode ?? "")
          == ComparableItems.foldedTitle(actualNumber.issuerCode)
    } else {
      numbersAgree = expectedNumber == nil && actualNumber == nil
    }
    record(.documentNumber, numbersAgree, expectedNumber?.text, actualNumber?.text)
    let issuersAgree =
      gold.issuer.map(ComparableItems.foldedTitle) == found.issuer.map(ComparableItems.foldedTitle)
    record(.issuer, issuersAgree, gold.issuer, found.issuer)
    record(.level, gold.level == found.level?.rawValue, gold.level, found.level?.rawValue)
    record(.writtenDate, gold.writtenDate == found.writtenDate, gold.writtenDate, found.writtenDate)
  }
}

/// Whether a scalar is punctuation or a symbol (（）、。《》“” % …).
private func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.properties.generalCategory {
  case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
    .initialPunctuation,
    .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol:
    return true
  default:
    return false
  }
}
