import Foundation
import PolicyKit

/// A set of documents held in memory, so that a benchmark times processing, not disk.
struct BenchmarkCorpus {
  struct File {
    var path: String
    var bytes: [UInt8]
    var format: SourceFormat
  }

  var name: String
  var files: [File]

  var byteCount: Int { files.reduce(0) { $0 + $1.bytes.count } }
  var megabytes: Double { Double(byteCount) / 1_000_000 }

  /// The repository root (found from the working directory or this source file).
  static let root: URL = {
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    if FileManager.default.fileExists(atPath: cwd.appendingPathComponent("corpus/documents").path) {
      return cwd
    }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  static var realCorpus: URL {
    root.deletingLastPathComponent().appendingPathComponent("shared/corpus-real")
  }

  /// Files of a directory tree with the given extensions.
  static func load(_ name: String, directory: URL, extensions: Set<String>) -> BenchmarkCorpus {
    var files: [File] = []
    if let enumerator = FileManager.default.enumerator(
      at: directory, includingPropertiesForKeys: nil)
    {
      for case let url as URL in enumerator
      where extensions.contains(url.pathExtension.lowercased()) {
        guard let data = FileManager.default.contents(atPath: url.path) else { continue }
        let format = SourceFormat(pathExtension: url.pathExtension) ?? .plainText
        files.append(File(path: url.path, bytes: Array(data), format: format))
      }
    }
    files.sort { $0.path < $1.path }
    return BenchmarkCorpus(name: name, files: files)
  }

  /// The given seed documents, copied until the corpus reaches `megabytes`.
  static func replicatedSeeds(_ prefixes: [String], toMegabytes megabytes: Double, name: String)
    -> BenchmarkCorpus
  {
    let seeds = load(
      "seeds", directory: root.appendingPathComponent("corpus/documents"), extensions: ["txt"]
    )
    .files.filter { file in
      prefixes.contains { URL(fileURLWithPath: file.path).lastPathComponent.hasPrefix($0) }
    }
    var files: [File] = []
    var total = 0
    var copy = 0
    while Double(total) < megabytes * 1_000_000 && !seeds.isEmpty {
      for seed in seeds {
        files.append(File(path: "\(seed.path)#\(copy)", bytes: seed.bytes, format: seed.format))
        total += seed.bytes.count
      }
      copy += 1
    }
    return BenchmarkCorpus(name: name, files: files)
  }
}
