import Foundation
import PolicyBytes
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
    /// The folder `path` is relative to.
    public var corpus: Corpus
    /// The document's path, relative to the `corpus` folder.
    public var path: String
  }

  /// The same document in another container, made from the source because no original
  /// was published (a .docx with the page's tables as Word tables).
  public struct Form: Sendable, Decodable {
    /// The made file's extension (`docx`): the form is read from `<name>.<made>` in the
    /// `--made` folder.
    public var made: String
    /// The script that makes the file (`Scripts/make-gold-docx.py`), named in messages.
    public var by: String
  }

  /// Who annotated the document, when, and the judgement calls made.
  public struct Annotation: Sendable, Decodable {
    /// Who wrote the annotation.
    public var annotator: String
    /// When the annotation was written, ISO 8601 (`2026-12-06`).
    public var date: String
    /// Which numbering is the measure level, per part, and why.
    public var measureLevel: String
    /// The judgement calls a second reader might make differently; nil when none are given.
    public var notes: [String]?
  }

  /// 发文字号 as annotated.
  public struct Number: Sendable, Decodable {
    /// The number as the document writes it (`永川府发〔2022〕11号`).
    public var text: String
    /// The 机关代字 before the year (`永川府发`), if annotated.
    public var issuerCode: String?
    /// The year in the brackets, if annotated.
    public var year: Int?
    /// The serial number before 号, if annotated.
    public var serial: Int?
  }

  /// The document's 发文字号, issuers, level, titles and 成文日期 as annotated.
  public struct Metadata: Sendable, Decodable {
    /// The 发文字号 of the document as a whole; nil when it has none.
    public var documentNumber: Number?
    /// The issuing body as written, with its place (上海市交通委员会); the first of several.
    public var issuer: String?
    /// The other issuers, when several issue the document.
    public var coIssuers: [String]?
    /// The issuer's level: `national`, `provincial`, `municipal`, `district` or `township`.
    public var level: String?
    /// The document's own title (the notice's, for a transmittal notice).
    public var title: String?
    /// The title of the plan the document carries, without 《》; nil when it carries none.
    public var planTitle: String?
    /// The 成文日期 (else the 发布日期), ISO 8601; nil when the document has neither.
    public var writtenDate: String?
  }

  /// A measure: its path of numbering tokens (its own label last) and the first
  /// characters of its heading or lead sentence.
  public struct Measure: Sendable, Decodable {
    /// The numbering tokens of the enclosing headings, its own label last, as written
    /// (`["三、", "（一）", "1."]`).
    public var path: [String]
    /// The first characters (6 to about 20) of its run-in heading or lead sentence.
    public var lead: String
    /// The 1-based source line where its label stands, if given; shown, never scored.
    public var line: Int?
  }

  /// A department named with a role, in a measure (or, outside measures, in a section).
  public struct Role: Sendable, Decodable {
    /// The path of the measure the statement belongs to; nil outside measures.
    public var measure: [String]?
    /// Outside measures, the path of the section the statement stands in (`[]` for the
    /// preamble).
    public var section: [String]?
    /// The department's name as written in the statement, without qualifiers (等, 组织落实).
    public var department: String
    /// The role the statement gives it: lead (牵头), responsible (负责) or cooperating (配合).
    public var role: ResponsibilityRole
  }

  /// A quantity the document sets out to reach by a year it states.
  public struct Target: Sendable, Decodable {
    /// The year the target is for (到2025年; a span's last year; “十四五” → 2025).
    public var year: Int
    /// What is measured, in the shortest phrase that names it (公共充电桩).
    public var indicator: String
    /// The number as written (Chinese numerals as numbers; a range's first value).
    public var value: Double
    /// The unit as written, scale included (`万个`, `%`, `个百分点`); empty for a bare count.
    public var unit: String
    /// Which way the target moves its indicator, or the bound it sets.
    public var direction: TargetDirection
    /// The year the change is measured from (较2020年 → 2020); nil when none is stated.
    public var baselineYear: Int?
    /// Whether the text says 累计, 共计, 合计 or 总计 for the value.
    public var cumulative: Bool
    /// The softening words as written (力争, 争取, 左右, 约, 预计, 近); empty when none.
    public var hedges: [String]
    /// The path of the measure the target stands in; nil outside measures.
    public var measure: [String]?
    /// The source line the target stands on, if given; shown, never scored.
    public var line: Int?
    /// The words that state the target, for people; never scored.
    public var quote: String?
  }

  /// Another document the text cites, by title, document number or both.
  public struct Reference: Sendable, Decodable {
    /// The cited title without 《》; nil for a document number cited without a title.
    public var title: String?
    /// The document number written next to the title, or cited alone; nil when none is.
    public var documentNumber: String?
  }

  /// The version of the gold format; this version reads 1.
  public var goldFormat: Int
  /// Where the annotated document is read from.
  public var source: Source
  /// The made forms, each scored as a document of its own; nil when there are none.
  public var forms: [Form]?
  /// The annotator, the date, the measure level and the notes.
  public var annotation: Annotation
  /// The annotated metadata.
  public var metadata: Metadata
  /// Every measure of the document.
  public var measures: [Measure]
  /// Every department named with a role, as (measure, department, role) triples.
  public var roles: [Role]
  /// Every quantitative target of the document.
  public var targets: [Target]
  /// Every other document the text cites, each once.
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
    var gold = try GoldError.decode(GoldDocument.self, at: path, what: "a gold file")
    gold.file = path
    return gold
  }
}

/// A gold file: it says its format's version.
package protocol GoldFormatted {
  var goldFormat: Int { get }
}

extension GoldDocument: GoldFormatted {}

/// A gold file that cannot be used.
public struct GoldError: Error, Sendable, CustomStringConvertible {
  /// The gold file's path.
  public var file: String
  /// What is wrong with it.
  public var message: String

  /// The error as a compiler-style line: `FILE: error: MESSAGE`.
  public var description: String { "\(file): error: \(message)" }

  /// Gold file `path` decoded as `type` (`what` names it in errors: "a gold file"), its
  /// `gold_format` checked.
  /// - Throws: `GoldError` naming the file when it cannot be read or decoded, or is of a
  ///   format this version does not know.
  package static func decode<Gold: Decodable & GoldFormatted>(
    _ type: Gold.Type, at path: String, what: String
  ) throws -> Gold {
    // Regular files only: a FIFO would block, /dev/zero never end.
    let data: Data
    switch FileBytes.contents(atPath: path) {
    case .success(let bytes): data = Data(bytes)
    case .failure(let failure):
      throw GoldError(file: path, message: "cannot read the file: \(failure.reason)")
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let gold: Gold
    do {
      gold = try decoder.decode(Gold.self, from: data)
    } catch let error as DecodingError {
      throw GoldError(file: path, message: "not \(what): \(describe(error))")
    }
    guard gold.goldFormat == 1 else {
      throw GoldError(
        file: path, message: "gold_format \(gold.goldFormat) is not known (this version reads 1)")
    }
    return gold
  }

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
