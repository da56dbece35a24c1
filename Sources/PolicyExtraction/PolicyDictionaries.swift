import Foundation
import PolicyBytes
import PolicyText

/// The word lists policyq reads documents with: departments and their aliases,
/// collective bodies, clause qualifiers, target indicators and units, search synonyms and
/// the policy lexicon. The files live in `dictionaries/` and are bundled with PolicyKit.
public struct PolicyDictionaries: Sendable {
  /// A department of `departments.tsv`.
  public struct Department: Sendable, Equatable {
    /// The name without its level prefix, as `departments.tsv` gives it ("发展改革委").
    public var canonical: String
    /// The kind of body: government, party, leading_group, zone, enterprise, financial,
    /// court or other; "government" when the row names none.
    public var category: String
  }

  /// An indicator of `indicators.tsv`.
  public struct Indicator: Sendable, Equatable {
    /// The snake_case identifier that pairs the same indicator across documents
    /// ("gdp_energy_intensity").
    public var key: String
    /// A short Chinese label for output ("清洁能源消费比重").
    public var label: String
    /// Phrasings, in folded form.
    public var patterns: [String]
  }

  /// Canonical names and aliases → department.
  public private(set) var departments: [String: Department] = [:]
  /// Names that stand for several bodies ("各镇街", "有关金融机构"), as clauses write them
  /// (`collective-bodies.txt`).
  public private(set) var collectiveBodies: Set<String> = []
  /// Qualifiers, longest first.
  public private(set) var qualifiers: [String] = []
  /// The indicators of `indicators.tsv`, in file order.
  public private(set) var indicators: [Indicator] = []
  /// (folded pattern, indicator index), longest pattern first.
  public private(set) var indicatorPatterns: [(pattern: String, indicator: Int)] = []
  /// Finds the first of `indicatorPatterns` in a text (made with them).
  private var indicatorMatcher = FirstPatternMatcher([])
  /// The units of target values (`units.tsv`).
  private(set) var targetUnits = TargetUnits([])
  /// Term → synonyms (each way).
  public private(set) var synonyms: [String: [String]] = [:]
  /// The policy terms of `lexicon.txt`, folded: words the search's word layer knows.
  public private(set) var lexicon: [String] = []
  /// Rows that were skipped, as `file:line: warning: …` (a row of `indicators.tsv` or
  /// `synonyms.tsv` with too few columns).
  public private(set) var warnings: [String] = []

  /// Which word lists to read.
  public struct Parts: OptionSet, Sendable {
    /// The bits of the parts chosen, one per word list.
    public let rawValue: Int
    /// The parts whose bits are set in `rawValue`.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The departments and their aliases (`departments.tsv`), and the collective bodies
    /// (`collective-bodies.txt`).
    public static let departments = Parts(rawValue: 1)
    /// The clause qualifiers (`qualifiers.txt`).
    public static let qualifiers = Parts(rawValue: 2)
    /// The target indicators and their phrasings (`indicators.tsv`).
    public static let indicators = Parts(rawValue: 4)
    /// The search synonyms (`synonyms.tsv`).
    public static let synonyms = Parts(rawValue: 8)
    /// The policy lexicon (`lexicon.txt`).
    public static let lexicon = Parts(rawValue: 16)
    /// The units of target values (`units.tsv`; the bundled one when the directory has none).
    public static let units = Parts(rawValue: 32)
    /// Every word list.
    public static let all: Parts = [
      .departments, .qualifiers, .indicators, .synonyms, .lexicon, .units,
    ]
  }

  /// The dictionaries bundled with PolicyKit.
  public static let bundled: PolicyDictionaries = bundle(.all)

  /// What every search needs of the bundled dictionaries: the synonyms.
  public static let bundledSynonyms: PolicyDictionaries = bundle(.synonyms)

  /// What a search by department needs: the departments (read only for such searches).
  public static let bundledDepartments: PolicyDictionaries = bundle(.departments)

  /// The folder of the bundled dictionaries.
  /// Looked up next to the running executable first, where SwiftPM builds it and where
  /// README "Installing" puts it: this spares Foundation's `Bundle`, about 0.4 ms of the
  /// 10 ms a search takes.
  package static let bundledDirectory: URL? = {
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    {
      let beside = URL(fileURLWithPath: executable).deletingLastPathComponent()
        .appendingPathComponent("policyq_PolicyExtraction.resources/dictionaries")
      if FileManager.default.fileExists(atPath: beside.path) { return beside }
    }
    return Bundle.module.url(forResource: "dictionaries", withExtension: nil)
  }()

  private static func bundle(_ parts: Parts) -> PolicyDictionaries {
    guard let url = bundledDirectory,
      let dictionaries = try? PolicyDictionaries(directory: url, parts: parts)
    else {
      return PolicyDictionaries()
    }
    return dictionaries
  }

  /// A list file as bytes (folded when asked for) and, for each non-blank, non-comment
  /// line, its line number and the byte ranges of its tab-separated columns. Read on
  /// bytes: a tab or a line feed is never part of a multi-byte character, and the word
  /// layer reads its lists at the start of every search.
  package struct RawList {
    package var bytes: [UInt8] = []
    package var rows: [(line: Int, columns: [Range<Int>])] = []
  }

  /// The list `name` in `directory` (empty when the file is missing); with `folded`, the
  /// file is first folded as a whole (one pass, for lists matched against folded text).
  /// - Throws: `TextError.unreadable` when the file exists but cannot be read or is not UTF-8.
  package static func rawList(in directory: URL, _ name: String, folded: Bool = false) throws
    -> RawList
  {
    let path = directory.appendingPathComponent(name).path
    let raw: [UInt8]
    switch FileBytes.contents(atPath: path) {
    case .success(let bytes): raw = bytes
    case .failure(let failure) where failure.isMissing: return RawList()
    case .failure(let failure): throw TextError.unreadable(path: path, reason: failure.reason)
    }
    // A list saved in GBK would otherwise match nothing, silently.
    guard UTF8Scan(raw).invalidSequences == 0 else {
      throw TextError.unreadable(path: path, reason: "not UTF-8 (save word lists as UTF-8)")
    }
    var list = RawList()
    list.bytes = folded ? raw.withUnsafeBufferPointer { TextFolder.fold($0).utf8 } : raw
    list.bytes.withUnsafeBufferPointer { bytes in
      var lineStart = 0
      var line = 1
      while lineStart < bytes.count {
        let lineEnd = ByteSearch.offset(of: 0x0A, in: bytes, from: lineStart) ?? bytes.count
        var contentEnd = lineEnd
        // CR LF files
        if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        // Blank lines and comments are skipped.
        var first = lineStart
        while first < contentEnd && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
        if first < contentEnd && bytes[first] != UInt8(ascii: "#") {
          var columns: [Range<Int>] = []
          var columnStart = lineStart
          for index in lineStart..<contentEnd where bytes[index] == 0x09 {
            columns.append(columnStart..<index)
            columnStart = index + 1
          }
          columns.append(columnStart..<contentEnd)
          list.rows.append((line, columns))
        }
        lineStart = lineEnd + 1
        line += 1
      }
    }
    return list
  }

  /// A line of a word list, split at tabs.
  package struct Row {
    /// The 1-based line number in the file.
    package var line: Int
    package var columns: [Substring]
    package var count: Int { columns.count }
    package subscript(column: Int) -> Substring { columns[column] }
  }

  /// The non-blank, non-comment lines of the list `name` in `directory`, split at tabs,
  /// as text (see `rawList`).
  /// - Throws: `TextError.unreadable` when the file exists but cannot be read or is not UTF-8.
  package static func lines(in directory: URL, _ name: String, folded: Bool = false) throws -> [Row]
  {
    let list = try rawList(in: directory, name, folded: folded)
    let text = String(decoding: list.bytes, as: UTF8.self)
    let utf8 = text.utf8
    return list.rows.map { row in
      Row(
        line: row.line,
        columns: row.columns.map { range in
          Substring(
            utf8[
              utf8.index(
                utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(
                  utf8.startIndex, offsetBy: range.upperBound)])
        })
    }
  }

  /// Empty dictionaries.
  public init() {}

  /// Reads the dictionaries in `directory`; missing files leave their list empty, but for
  /// `units.tsv`, which targets cannot be read without: the bundled one stands in for it.
  /// - Throws: `TextError.unreadable` when a file exists but cannot be read or is not UTF-8.
  public init(directory: URL, parts: Parts = .all) throws {
    func lines(_ name: String, folded: Bool = false) throws -> [Row] {
      try Self.lines(in: directory, name, folded: folded)
    }
    /// Whether `row` has `columns` columns; a warning naming its line when it has not.
    func has(_ columns: Int, _ row: Row, of name: String, _ expected: String) -> Bool {
      if row.count >= columns { return true }
      warnings.append(
        "\(directory.appendingPathComponent(name).path):\(row.line): warning: \(expected) separated by tabs; the row is skipped"
      )
      return false
    }
    for columns in try parts.contains(.departments) ? lines("departments.tsv") : [] {
      let canonical = String(columns[0])
      let category = columns.count > 2 ? String(columns[2]) : "government"
      let department = Department(canonical: canonical, category: category)
      departments[canonical] = department
      if columns.count > 1 {
        for alias in columns[1].split(separator: "|") where departments[String(alias)] == nil {
          departments[String(alias)] = department
        }
      }
    }
    if parts.contains(.departments) {
      collectiveBodies = Set(try lines("collective-bodies.txt").map { String($0[0]) })
    }
    if parts.contains(.qualifiers) {
      qualifiers = try lines("qualifiers.txt").map { String($0[0]) }.sorted { $0.count > $1.count }
    }
    for columns in try parts.contains(.indicators) ? lines("indicators.tsv") : []
    where has(3, columns, of: "indicators.tsv", "needs a key, a label and phrasings") {
      let patterns = columns[2].split(separator: "|").map { Self.fold(String($0)) }
      indicators.append(
        Indicator(key: String(columns[0]), label: String(columns[1]), patterns: patterns))
    }
    indicatorPatterns = indicators.enumerated().flatMap { index, indicator in
      indicator.patterns.map { (pattern: $0, indicator: index) }
    }.sorted { $0.pattern.count > $1.pattern.count }
    indicatorMatcher = FirstPatternMatcher(indicatorPatterns.map(\.pattern))
    for columns in try parts.contains(.synonyms) ? lines("synonyms.tsv", folded: true) : []
    where has(2, columns, of: "synonyms.tsv", "needs a term and its synonyms") {
      let term = String(columns[0])
      let others = columns[1].split(separator: "|").map(String.init)
      for word in [term] + others {
        let group = ([term] + others).filter { $0 != word }
        synonyms[word, default: []].append(
          contentsOf: group.filter { !(synonyms[word]?.contains($0) ?? false) })
      }
    }
    if parts.contains(.lexicon) {
      lexicon = try lines("lexicon.txt", folded: true).map { String($0[0]) }
    }
    if parts.contains(.units) {
      var unitsDirectory = directory
      if !FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("units.tsv").path),
        let bundled = Self.bundledDirectory
      {
        unitsDirectory = bundled
      }
      var units: [(unit: String, kind: TargetUnits.Kind)] = []
      for columns in try Self.lines(in: unitsDirectory, "units.tsv", folded: true)
      where has(2, columns, of: "units.tsv", "needs a unit and its kind") {
        guard let kind = TargetUnits.Kind(rawValue: String(columns[1])) else {
          warnings.append(
            "\(unitsDirectory.appendingPathComponent("units.tsv").path):\(columns.line): warning: the kind must be count, quantity, share or scale; the row is skipped"
          )
          continue
        }
        units.append((String(columns[0]), kind))
      }
      targetUnits = TargetUnits(units)
    }
  }

  /// The matching form of a word, as `PolicyText.folded` writes it.
  public static func fold(_ text: String) -> String {
    let bytes = Array(text.utf8)
    let folded = bytes.withUnsafeBufferPointer { TextFolder.fold($0) }
    return String(decoding: folded.utf8, as: UTF8.self)
  }

  /// The indicator whose longest phrasing occurs in `folded` text, with where it occurs.
  public func indicator(in folded: String) -> (indicator: Indicator, range: Range<String.Index>)? {
    var text = folded
    guard let match = text.withUTF8({ indicatorMatcher.firstMatch(in: $0) }) else { return nil }
    let (pattern, index) = indicatorPatterns[match.pattern]
    let start = folded.utf8.index(folded.utf8.startIndex, offsetBy: match.offset)
    return (indicators[index], start..<folded.utf8.index(start, offsetBy: pattern.utf8.count))
  }
}
