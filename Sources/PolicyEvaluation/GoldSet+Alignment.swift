import Foundation

extension GoldSet {
  /// One pair of documents to align: a gold alignment and the files of its two documents.
  public struct AlignmentEntry: Sendable {
    /// The gold alignment the comparison is scored against.
    public var gold: GoldAlignment
    /// The report's name for it: the file's name without `.align.json`.
    public var name: String
    /// The files to read for `a` and `b`.
    public var paths: (a: String, b: String)
    /// Why it cannot be scored here (a document's folder is absent).
    public var unavailable: String?
  }

  /// How alignment files end: `<slug>.align.json`.
  public static let alignmentSuffix = ".align.json"

  /// Reads the alignment file `file` and locates its two documents.
  mutating func addAlignment(_ file: String, corpusReal: String) {
    let gold: GoldAlignment
    do {
      gold = try GoldAlignment.load(contentsOf: file)
    } catch let error as GoldError {
      errors.append(error)
      return
    } catch {
      errors.append(GoldError(file: file, message: "\(error)"))
      return
    }
    func path(_ source: GoldDocument.Source) -> String {
      let base: String
      switch source.corpus {
      case .corpusReal: base = corpusReal
      case .repository: base = Self.repository(holding: file)
      }
      return (base as NSString).appendingPathComponent(source.path)
    }
    let paths = (a: path(gold.a), b: path(gold.b))
    let missing = [paths.a, paths.b].filter { !FileManager.default.fileExists(atPath: $0) }
    let base = (file as NSString).lastPathComponent
    alignments.append(
      AlignmentEntry(
        gold: gold, name: String(base.dropLast(Self.alignmentSuffix.count)), paths: paths,
        unavailable: missing.isEmpty ? nil : "not found: \(missing.joined(separator: ", "))"))
  }
}
