import Foundation

/// Gold files and the documents they annotate: which file to read for each annotation and
/// each of its forms (a made .docx), or why it cannot be read here.
public struct GoldSet: Sendable {
  /// One document to score: a gold annotation and the file of one of its forms.
  public struct Entry: Sendable {
    /// The gold annotation the document is scored against.
    public var gold: GoldDocument
    /// The report's name for it: the gold file's name without `.gold.json`, with
    /// `.docx` for a made form.
    public var name: String
    /// The file to read.
    public var path: String
    /// Why it cannot be scored here (its folder is absent, the form was not made).
    public var unavailable: String?
  }

  /// The documents to score: each gold file's source, then its made forms, in file order.
  public var entries: [Entry] = []
  /// The pairs of documents whose alignment to score (`*.align.json`), in file order.
  public var alignments: [AlignmentEntry] = []
  /// Gold files that could not be read.
  public var errors: [GoldError] = []

  /// Reads the gold files at `paths` (files, or directories holding `*.gold.json`).
  /// - Parameters:
  ///   - corpusReal: the folder `corpus-real` paths are read from.
  ///   - made: the folder made forms are read from (`<name>.docx`), if any.
  public init(paths: [String], corpusReal: String, made: String?) {
    for file in Self.goldFiles(paths) {
      if file.hasSuffix(GoldSet.alignmentSuffix) {
        addAlignment(file, corpusReal: corpusReal)
        continue
      }
      let gold: GoldDocument
      do {
        gold = try GoldDocument.load(contentsOf: file)
      } catch let error as GoldError {
        errors.append(error)
        continue
      } catch {
        errors.append(GoldError(file: file, message: "\(error)"))
        continue
      }
      let name = Self.name(of: file)
      let base: String
      switch gold.source.corpus {
      case .corpusReal: base = corpusReal
      case .repository: base = Self.repository(holding: file)
      }
      let path = (base as NSString).appendingPathComponent(gold.source.path)
      let sourceMissing = FileManager.default.fileExists(atPath: path) ? nil : "not found: \(path)"
      entries.append(Entry(gold: gold, name: name, path: path, unavailable: sourceMissing))
      for form in gold.forms ?? [] {
        let madePath = ((made ?? "") as NSString).appendingPathComponent("\(name).\(form.made)")
        var unavailable: String? = nil
        if made == nil {
          unavailable = "a made .\(form.made): give --made DIR (\(form.by) writes it)"
        } else if !FileManager.default.fileExists(atPath: madePath) {
          unavailable = "not found: \(madePath) (\(form.by) writes it)"
        }
        entries.append(
          Entry(gold: gold, name: "\(name).\(form.made)", path: madePath, unavailable: unavailable))
      }
    }
  }

  /// `*.gold.json` files under directories, and files given by name, in sorted order.
  private static func goldFiles(_ paths: [String]) -> [String] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        files.append(path)
        continue
      }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      files += names.filter { $0.hasSuffix(".gold.json") || $0.hasSuffix(alignmentSuffix) }
        .sorted().map {
          (path as NSString).appendingPathComponent($0)
        }
    }
    return files
  }

  package static func name(of file: String) -> String {
    let base = (file as NSString).lastPathComponent
    return base.hasSuffix(".gold.json") ? String(base.dropLast(".gold.json".count)) : base
  }

  /// The repository a gold file belongs to: the nearest folder above it with a
  /// Package.swift, else the current directory.
  static func repository(holding file: String) -> String {
    var folder =
      (URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path as NSString)
    while folder.length > 1 {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift")) {
        return folder as String
      }
      folder = folder.deletingLastPathComponent as NSString
    }
    return FileManager.default.currentDirectoryPath
  }
}
