import Foundation
import PolicyBytes

/// A hand alignment of the measures of two documents (docs/gold-format.md, kind
/// `alignment`): which measures of one take up which of the other, against which
/// `AlignmentEvaluator` scores what `policyq compare` pairs.
public struct GoldAlignment: Sendable, Decodable {
  /// Who aligned the two documents, when, and the judgement calls made.
  public struct Annotation: Sendable, Decodable {
    /// Who wrote the alignment.
    public var annotator: String?
    /// When it was written, ISO 8601.
    public var date: String?
    /// The judgement calls a second reader might make differently.
    public var notes: [String]?
  }

  /// 关联 — one link of the alignment: measures of `a` that take up measures of `b`.
  public struct Link: Sendable, Decodable {
    /// How the measures of the two sides relate.
    public enum Relation: String, Sendable, Decodable {
      /// The text is carried over, word for word or nearly.
      case carried
      /// The same task in other words.
      case rewritten
      /// One measure of `a` split into several of `b`, or the reverse.
      case split
      /// Several measures merged into one.
      case merged
    }
    /// The paths of the linked measures of `a`.
    public var a: [[String]]
    /// The paths of the linked measures of `b`.
    public var b: [[String]]
    /// How they relate.
    public var relation: Relation
    /// Why a reader links them, for people; never scored.
    public var why: String?
  }

  /// The version of the gold format; this version reads 1.
  public var goldFormat: Int
  /// `alignment`.
  public var kind: String
  /// Where the first document is read from.
  public var a: GoldDocument.Source
  /// Where the second document is read from.
  public var b: GoldDocument.Source
  /// Which of the two is the upper-level plan (`a` or `b`), or nil when neither is.
  public var upper: String?
  /// The annotator, the date and the notes.
  public var annotation: Annotation?
  /// The measures of `a`, located as in an extraction gold file.
  public var measuresA: [GoldDocument.Measure]
  /// The measures of `b`.
  public var measuresB: [GoldDocument.Measure]
  /// The links; a measure in no link is aligned with nothing.
  public var links: [Link]

  /// The file the alignment was read from, for messages.
  public internal(set) var file: String = ""

  private enum CodingKeys: String, CodingKey {
    case goldFormat, kind, a, b, upper, annotation, measuresA, measuresB, links
  }

  /// Every pair of measure paths the links make: each link contributes every (a, b) pair
  /// of its measures, each pair once.
  public var pairs: [(a: [String], b: [String])] {
    var seen = Set<[[String]]>()
    var pairs: [(a: [String], b: [String])] = []
    for link in links {
      for a in link.a {
        for b in link.b where seen.insert([a, b]).inserted { pairs.append((a, b)) }
      }
    }
    return pairs
  }

  /// Reads an alignment file.
  /// - Throws: `GoldError` naming the file, when it cannot be read or is not an alignment
  ///   of a format this version knows.
  public static func load(contentsOf path: String) throws -> GoldAlignment {
    var gold = try GoldError.decode(GoldAlignment.self, at: path, what: "an alignment file")
    guard gold.kind == "alignment" else {
      throw GoldError(file: path, message: "kind \(gold.kind) is not alignment")
    }
    if let upper = gold.upper, upper != "a", upper != "b" {
      throw GoldError(file: path, message: "upper is \(upper); it is a, b or null")
    }
    gold.file = path
    return gold
  }
}

extension GoldAlignment: GoldFormatted {}
