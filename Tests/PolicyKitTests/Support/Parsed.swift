import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders

@testable import PolicyKit

/// Parsed seed documents.
enum Parsed {
  static func seed(_ prefix: String) throws -> PolicyDocument {
    PolicyParser().parse(try DocumentReader().read(contentsOf: Corpus.seed(prefix)))
  }

  static func file(_ url: URL) throws -> PolicyDocument {
    PolicyParser().parse(try DocumentReader().read(contentsOf: url.path))
  }
}

extension PolicyDocument {
  /// The measure whose label starts with `label` ("5." or "（三）").
  func measure(_ label: String) -> Measure? {
    measures.first { $0.label.hasPrefix(label) }
  }

  /// The departments of a measure with a given role, by name (as the outputs list them).
  func departments(of measure: Measure, _ role: ResponsibilityRole) -> [String] {
    departments(of: measure, role: role)
  }

  /// The target with a given indicator key and value.
  func target(_ key: String, _ value: Double) -> Target? {
    targets.first { $0.indicatorKey == key && $0.value == value }
  }
}
