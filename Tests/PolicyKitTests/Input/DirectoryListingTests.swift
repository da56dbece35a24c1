import Foundation
import PolicyReaders
import PolicyTestSupport
import Testing

@testable import PolicyKit

@Suite struct DirectoryListingTests {
  /// A tree with nested directories, a hidden file, an empty directory and links to a
  /// file and to a directory.
  static func makeTree() throws -> URL {
    let root = Scratch.root.appendingPathComponent("listing-\(UUID().uuidString)")
    let manager = FileManager.default
    try manager.createDirectory(
      at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
    try manager.createDirectory(
      at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    for name in ["top.txt", ".hidden.md", "a/one.html", "a/b/two.txt", "a/b/notes.pdf"] {
      try Data("x".utf8).write(to: root.appendingPathComponent(name))
    }
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("link.txt").path,
      withDestinationPath: root.appendingPathComponent("top.txt").path)
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("linked-dir").path,
      withDestinationPath: root.appendingPathComponent("a").path)
    return root
  }

  @Test func listsEveryEntryAtEveryDepthWithoutFollowingLinks() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let listing = DirectoryListing(directory: root.path)
    #expect(listing.unreadable.isEmpty)
    let listed = listing.relativePaths
    #expect(
      Set(listed) == [
        "top.txt", ".hidden.md", "a", "a/one.html", "a/b", "a/b/two.txt", "a/b/notes.pdf", "empty",
        "link.txt", "linked-dir",
      ])
    #expect(listed.count == Set(listed).count)
  }

  @Test func agreesWithFileManagerOnTheSameTree() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let expected =
      (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }) ?? []
    #expect(Set(DirectoryListing(directory: root.path).relativePaths) == Set(expected))
    // A trailing slash changes nothing.
    #expect(Set(DirectoryListing(directory: root.path + "/").relativePaths) == Set(expected))
  }

  @Test func aDirectoryThatCannotBeOpenedIsReportedWithWhy() throws {
    let missing = "/nonexistent-\(UUID().uuidString)"
    let listing = DirectoryListing(directory: missing)
    #expect(listing.relativePaths.isEmpty)
    #expect(
      listing.unreadable == [DirectoryListing.Unreadable(path: missing, reason: "no such file")])
    // A subdirectory without permission: its files are not listed, and it says so (root
    // reads every directory, so this half runs only for other users).
    guard getuid() != 0 else { return }
    let root = try Self.makeTree()
    defer {
      chmod(root.appendingPathComponent("a/b").path, 0o755)
      try? FileManager.default.removeItem(at: root)
    }
    chmod(root.appendingPathComponent("a/b").path, 0)
    let locked = DirectoryListing(directory: root.path)
    #expect(
      locked.unreadable == [
        DirectoryListing.Unreadable(path: root.path + "/a/b", reason: "permission denied")
      ])
    #expect(!locked.relativePaths.contains("a/b/two.txt"))
  }
}
