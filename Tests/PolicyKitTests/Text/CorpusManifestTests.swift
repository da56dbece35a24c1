import Foundation
import PolicyReaders
import Testing

@testable import PolicyKit

/// The bundled corpus: every manifest entry matches its file, and every file reads.
@Suite struct CorpusManifestTests {
  struct Entry: Decodable {
    var file: String
    var sha256: String
    var bytes: Int
    var title: String
    var level: String
  }

  struct Manifest: Decodable {
    var documents: [Entry]
  }

  @Test func manifest_listsEveryDocumentWithItsSize() throws {
    let url = Corpus.root.appendingPathComponent("corpus/manifest.json")
    let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
    let files = try FileManager.default.contentsOfDirectory(
      atPath: Corpus.root.appendingPathComponent("corpus/documents").path)
    #expect(
      Set(manifest.documents.map { URL(fileURLWithPath: $0.file).lastPathComponent }) == Set(files))
    for entry in manifest.documents {
      let path = Corpus.root.appendingPathComponent("corpus").appendingPathComponent(entry.file)
        .path
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.size] as? Int) == entry.bytes, "\(entry.file)")
      if let digest = sha256(of: path) { #expect(digest == entry.sha256, "\(entry.file)") }
      #expect(["national", "provincial", "municipal", "district"].contains(entry.level))
      let document = try DocumentReader().read(contentsOf: path)
      #expect(document.diagnostics.isEmpty, "\(entry.file): \(document.diagnostics)")
    }
  }

  /// The SHA-256 of a file, from coreutils' sha256sum (nil where it is not installed).
  func sha256(of path: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
  }
}
