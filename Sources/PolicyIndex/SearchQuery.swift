import PolicyExtraction
import PolicyModel

/// A parsed search query: terms that must all match (each possibly with alternatives
/// joined by OR), terms that must not, and field filters.
///
/// Syntax: `固废 绿色工厂` (both), `"绿色 工厂"` (a phrase), `固废 OR 危废` (either), `-光伏`
/// (not), and filters `dept:区经济信息委`, `lead:区经济信息委`, `level:district`,
/// `region:永川区`, `year:2025`, `kind:行动计划`, `doc:永川府发〔2022〕11号`, `unit:measure`.
/// Only these names before an ASCII colon make a filter; any other word with a colon
/// (`责任单位：区发展改革委`, `http://…`, `1:1000`) is searched as text.
public struct SearchQuery: Sendable, Equatable {
  /// A term as typed and in its matching form.
  public struct Term: Sendable, Equatable, Hashable {
    /// The term as typed ("绿色工厂"; an excluded term without its "-").
    public var text: String
    /// Its matching form (`PolicyDictionaries.fold`), which the index is searched for.
    public var folded: String
  }

  /// A filter on units or their documents.
  public enum Filter: Sendable, Equatable {
    /// A department with any role, or with the given role.
    case department(String, role: ResponsibilityRole?)
    case level(AdministrativeLevel)
    case region(String)
    case year(Int)
    case kind(String)
    case document(String)
    case unitKind(SearchUnitKind)
  }

  /// Groups that must all match; a group matches when any of its terms does.
  public var groups: [[Term]] = []
  /// Terms typed with a leading "-": units that hold one of them (or, with synonyms on, one
  /// of its synonyms) are left out, and their documents when documents are ranked.
  public var excluded: [Term] = []
  /// The field filters (`dept:`, `year:`, …); a unit must pass them all.
  public var filters: [Filter] = []

  /// Whether the query has no terms to match and no filters (excluded terms alone leave it
  /// empty).
  public var isEmpty: Bool { groups.isEmpty && filters.isEmpty }

  /// Parses a query string.
  /// - Throws: `IndexError.badQuery` for a filter without a value or with a bad one.
  public init(_ text: String) throws {
    var tokens: [(text: String, quoted: Bool)] = []
    var current = ""
    var inQuotes = false
    var quotedToken = false
    var closing: Character = "\""
    for character in text {
      // A phrase opened with " closes with "; one opened with “ closes with ”.
      let opens = !inQuotes && (character == "\"" || character == "“")
      let closes = inQuotes && character == closing
      if opens || closes {
        if opens { closing = character == "“" ? "”" : "\"" }
        if inQuotes {
          tokens.append((current, true))
          current = ""
          inQuotes = false
          quotedToken = false
        } else {
          if !current.isEmpty { tokens.append((current, false)) }
          current = ""
          inQuotes = true
          quotedToken = true
        }
      } else if character.isWhitespace && !inQuotes {
        if !current.isEmpty { tokens.append((current, false)) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append((current, quotedToken)) }
    var pendingOr = false
    for (token, quoted) in tokens {
      if !quoted && (token == "OR" || token == "|") {
        pendingOr = !groups.isEmpty
        continue
      }
      // Only a known name before an ASCII colon makes a filter: 责任单位：区发展改革委 (a
      // full-width colon, as documents write it) and 3:1 are text.
      if !quoted, let colon = token.firstIndex(of: ":"), token.first != "-",
        let filter = try Self.filter(
          token[..<colon].lowercased(), String(token[token.index(after: colon)...]))
      {
        filters.append(filter)
        pendingOr = false
        continue
      }
      if !quoted && token.hasPrefix("-") && token.count > 1 {
        excluded.append(Self.term(String(token.dropFirst())))
        pendingOr = false
        continue
      }
      let term = Self.term(token)
      guard !term.folded.isEmpty else { continue }
      if pendingOr, !groups.isEmpty {
        groups[groups.count - 1].append(term)
      } else {
        groups.append([term])
      }
      pendingOr = false
    }
  }

  package static func term(_ text: String) -> Term {
    Term(text: text, folded: PolicyDictionaries.fold(text))
  }

  /// The filter `field:value`, or nil when `field` names none (the word is then text).
  /// - Throws: `IndexError.badQuery` for a filter without a value or with a bad one.
  private static func filter(_ field: String, _ value: String) throws -> Filter? {
    /// `value`, which a filter needs.
    func given() throws -> String {
      guard !value.isEmpty else { throw IndexError.badQuery("\(field): needs a value") }
      return value
    }
    switch field {
    case "dept", "department", "部门":
      return .department(try given(), role: nil)
    case "lead", "牵头":
      return .department(try given(), role: .lead)
    case "responsible", "责任":
      return .department(try given(), role: .responsible)
    case "coop", "cooperating", "配合":
      return .department(try given(), role: .cooperating)
    case "level", "层级":
      let levels: [String: AdministrativeLevel] = [
        "national": .national, "国家": .national, "中央": .national, "provincial": .provincial,
        "province": .provincial,
        "省": .provincial, "省级": .provincial, "municipal": .municipal, "city": .municipal,
        "市": .municipal, "市级": .municipal,
        "district": .district, "county": .district, "区": .district, "县": .district, "区县": .district,
        "区级": .district,
        "township": .township, "镇": .township, "街道": .township, "乡": .township, "镇级": .township,
      ]
      guard let level = levels[try given().lowercased()] else {
        throw IndexError.badQuery(
          "level:\(value): use national, provincial, municipal, district or township")
      }
      return .level(level)
    case "region", "地区":
      return .region(try given())
    case "year", "年":
      guard let year = Int(try given()), (1949...2100).contains(year) else {
        throw IndexError.badQuery("year:\(value): not a year")
      }
      return .year(year)
    case "kind", "文种":
      return .kind(try given())
    case "doc", "document", "文件":
      return .document(try given())
    case "unit":
      guard let kind = SearchUnitKind(rawValue: try given().lowercased()) else {
        throw IndexError.badQuery("unit:\(value): use measure, section, target or document")
      }
      return .unitKind(kind)
    default:
      return nil
    }
  }
}
