import Foundation
import Testing

@testable import PolicyKit

@Suite struct DirectoryListingTests {
  /// A tree with nested directories, a hidden file, an empty directory and links to a
  /// file and to a directory.
  static func makeTree() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("listing-\(UUID().uuidString)")
    let manager = FileManager.default
    try manager.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
    try manager.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    for name in ["top.txt", ".hidden.md", "a/one.html", "a/b/two.txt", "a/b/notes.pdf"] {
      try Data("x".utf8).write(to: root.appendingPathComponent(name))
    }
    try manager.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: root.appendingPathComponent("top.txt").path)
    try manager.createSymbolicLink(atPath: root.appendingPathComponent("linked-dir").path, withDestinationPath: root.appendingPathComponent("a").path)
    return root
  }

  @Test func listsEveryEntryAtEveryDepthWithoutFollowingLinks() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let listed = try #require(DirectoryListing.relativePaths(under: root.path))
    #expect(
      Set(listed) == [
        "top.txt", ".hidden.md", "a", "a/one.html", "a/b", "a/b/two.txt", "a/b/notes.pdf", "empty", "link.txt", "linked-dir",
      ])
    #expect(listed.count == Set(listed).count)
  }

  @Test func agreesWithFileManagerOnTheSameTree() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let expected = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }) ?? []
    #expect(Set(try #require(DirectoryListing.relativePaths(under: root.path))) == Set(expected))
    // A trailing slash changes nothing.
    #expect(Set(try #require(DirectoryListing.relativePaths(under: root.path + "/"))) == Set(expected))
  }

  @Test func aMissingDirectoryListsNothing() {
    #expect(DirectoryListing.relativePaths(under: "/nonexistent-\(UUID().uuidString)") == nil)
  }
}
