import Foundation
import PolicyModel

/// A hand annotation of one document (docs/gold-format.md): what a careful reader finds in
/// it, against which `Evaluator` scores what the parser extracts.
public struct GoldDocument: Sendable, Decodable {
  /// Where the annotated document is read from.
  public struct Source: Sendable, Decodable {
    /// The folder a `path` is relative to.
    public enum Corpus: String, Sendable, Decodable {
      /// `../shared/corpus-real` beside the repository (or `--corpus-real`).
      case corpusReal = "corpus-real"
      /// The repository itself (the seeds in `corpus/documents`).
      case repository
    }
    public var corpus: Corpus
    public var path: String
  }

  /// The same document in another container, made from the source because no original
  /// was published (a .docx with the page's tables as Word tables).
  public struct Form: Sendable, Decodable {
    public var made: String
    public var by: String
  }

  public struct Annotation: Sendable, Decodable {
    public var annotator: String
    public var date: String
    /// Which numbering is the measure level, per part, and why.
    public var measureLevel: String
    public var notes: [String]?
  }

  /// 发文字号 as annotated.
  public struct Number: Sendable, Decodable {
    public var text: String
    public var issuerCode: String?
    public var year: Int?
    public var serial: Int?
  }

  public struct Metadata: Sendable, Decodable {
    public var documentNumber: Number?
    public var issuer: String?
    public var coIssuers: [String]?
    public var level: String?
    public var title: String?
    public var planTitle: String?
    public var writtenDate: String?
  }

  /// A measure: its path of numbering tokens (its own label last) and the first
  /// characters of its heading or lead sentence.
  public struct Measure: Sendable, Decodable {
    public var path: [String]
    public var lead: String
    public var line: Int?
  }

  /// A department named with a role, in a measure (or, outside measures, in a section).
  public struct Role: Sendable, Decodable {
    public var measure: [String]?
    public var section: [String]?
    public var department: String
    public var role: ResponsibilityRole
  }

  public struct Target: Sendable, Decodable {
    public var year: Int
    public var indicator: String
    public var value: Double
    public var unit: String
    public var direction: TargetDirection
    public var baselineYear: Int?
    public var cumulative: Bool
    public var hedges: [String]
    public var measure: [String]?
    public var line: Int?
    public var quote: String?
  }

  public struct Reference: Sendable, Decodable {
    public var title: String?
    public var documentNumber: String?
  }

  public var goldFormat: Int
  public var source: Source
  public var forms: [Form]?
  public var annotation: Annotation
  public var metadata: Metadata
  public var measures: [Measure]
  public var roles: [Role]
  public var targets: [Target]
  public var references: [Reference]

  /// The file the annotation was read from, for messages.
  public internal(set) var file: String = ""

  private enum CodingKeys: String, CodingKey {
    case goldFormat, source, forms, annotation, metadata, measures, roles, targets, references
  }

  /// Reads a gold file.
  /// - Throws: `GoldError` naming the file, when it cannot be read or is not a gold file
  ///   of a format this version knows.
  public static func load(contentsOf path: String) throws -> GoldDocument {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw GoldError(file: path, message: "cannot read the file: \(error.localizedDescription)")
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    var gold: GoldDocument
    do {
      gold = try decoder.decode(GoldDocument.self, from: data)
    } catch let error as DecodingError {
      throw GoldError(file: path, message: "not a gold file: \(GoldError.describe(error))")
    }
    guard gold.goldFormat == 1 else {
      throw GoldError(
        file: path, message: "gold_format \(gold.goldFormat) is not known (this version reads 1)")
    }
    gold.file = path
    return gold
  }
}

/// A gold file that cannot be used.
public struct GoldError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String

  public var description: String { "\(file): error: \(message)" }

  package static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(
        separator: "/")
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "missing \(key.stringValue) at /\(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(context.debugDescription) at /\(path(context))"
    @unknown default:
      return "\(error)"
    }
  }
}
