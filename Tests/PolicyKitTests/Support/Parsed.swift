import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// Parsed documents: the seeds, real files, texts written in a test.
enum Parsed {
  static func seed(_ prefix: String) throws -> PolicyDocument {
    PolicyParser().parse(try DocumentReader().read(contentsOf: Corpus.seed(prefix)))
  }

  static func file(_ url: URL) throws -> PolicyDocument {
    PolicyParser().parse(try DocumentReader().read(contentsOf: url.path))
  }

  /// `text` parsed as a plain-text file named `path`.
  static func text(_ text: String, path: String = "text.txt") throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: path, format: .plainText))
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

  /// "role:name" of every department of the clauses of the measure labelled `label`.
  func roles(measure label: String) throws -> [String] {
    let measure = try #require(self.measure(label))
    return measure.responsibilities.flatMap {
      responsibilities[$0].departments.map { "\($0.role.rawValue):\($0.name)" }
    }
  }

  /// The target with a given indicator key and value.
  func target(_ key: String, _ value: Double) -> Target? {
    targets.first { $0.indicatorKey == key && $0.value == value }
  }
}
