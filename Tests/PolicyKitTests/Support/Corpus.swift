import Foundation
import PolicyTestSupport

/// Paths to the bundled corpus and to the shared real corpus beside the repository.
enum Corpus {
  /// The repository root.
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
  }()

  /// The path of the seed document whose file name starts with `prefix` ("000").
  static func seed(_ prefix: String) -> String {
    let directory = root.appendingPathComponent("corpus/documents")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }) else {
      return directory.appendingPathComponent("\(prefix)-missing").path
    }
    return directory.appendingPathComponent(name).path
  }

  /// All seed documents.
  static var seeds: [String] { ["000", "001", "002", "003", "004"].map(seed) }

  /// `../shared/corpus-real`, the real documents, when present beside the repository.
  static let real: URL? = {
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/corpus-real")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }()

  static var hasReal: Bool { real != nil }

  /// Files under `folder` of the real corpus with extension `ext`, sorted.
  static func realFiles(_ folder: String, ext: String) -> [URL] {
    guard let base = real?.appendingPathComponent(folder),
      let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
    else { return [] }
    // _index.md files are the laws repository's section pages: front matter, no document.
    return enumerator.compactMap { $0 as? URL }.filter {
      $0.pathExtension == ext && $0.lastPathComponent != "_index.md"
    }
    .sorted { $0.path < $1.path }
  }

  /// A fresh temporary directory for files a test generates.
  static func temporaryDirectory() throws -> URL {
    let url = Scratch.root
      .appendingPathComponent("policyq-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
