import Foundation
import Testing

/// The paths a command is given: each file read once however many paths reach it, and
/// names that are not UTF-8 read and shown.
@Suite struct InputPathTests {
  static let bounds = RunBounds(seconds: 30, memoryMiB: 2048)

  /// The `==> path <==` headers `policyq text` prints, in order.
  static func headers(_ output: String) -> [String] {
    output.split(separator: "\n").filter { $0.hasPrefix("==> ") }.map {
      String($0.dropFirst(4).dropLast(4))
    }
  }

  @Test func sameFileByDirectoryTwiceOrByName_readOnce() throws {
    let folder = try HostileFolder()
    let a = try folder.write("d/a.txt")
    try folder.write("d/b.txt")
    let d = folder.path + "/d"
    // d and d/: one walk.
    let twice = try Policyq.run(["text", d, d + "/"], bounds: Self.bounds)
    #expect(twice.status == 0)
    #expect(Self.headers(twice.stdout) == [d + "/a.txt", d + "/b.txt"])
    // d and d/a.txt: a.txt once, by its first path.
    let named = try Policyq.run(["text", d, a], bounds: Self.bounds)
    #expect(Self.headers(named.stdout) == [d + "/a.txt", d + "/b.txt"])
    let namedFirst = try Policyq.run(["text", a, d], bounds: Self.bounds)
    #expect(Self.headers(namedFirst.stdout) == [a, d + "/b.txt"])
  }

  @Test func symlinkToAFileGivenWithIt_indexedOnce() throws {
    let folder = try HostileFolder()
    let a = try folder.write("d/a.txt")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/d/link.txt", withDestinationPath: a)
    let index = folder.path + "/index"
    let result = try Policyq.run(
      ["index", folder.path + "/d", a, "--index", index], bounds: Self.bounds)
    #expect(result.status == 0)
    #expect(result.stdout.contains("indexed 1 documents (1 parsed"))
    let extract = try Policyq.run(
      ["extract", "--format", "jsonl", folder.path + "/d"], bounds: Self.bounds)
    #expect(extract.stdout.split(separator: "\n").count == 1)
    #expect(extract.stdout.contains("\(folder.path)/d/a.txt"))
  }

  /// "固废.txt" in GBK, as an archive unpacked on Windows leaves it.
  static let gbkName: [UInt8] = [0xB9, 0xCC, 0xB7, 0xCF] + Array(".txt".utf8)

  @Test func gbkFileName_readAndShownDecoded() throws {
    let folder = try HostileFolder()
    try folder.writeNamed(bytes: Self.gbkName)
    try folder.write("plain.txt")
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", folder.path], bounds: Self.bounds)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(result.stdout.contains("\"\(folder.path)/固废.txt\""))
    // The name as shown opens the file too.
    let byName = try Policyq.run(["text", folder.path + "/固废.txt"], bounds: Self.bounds)
    #expect(byName.status == 0)
    #expect(byName.stdout.contains("绿色工厂"))
  }

  @Test func gbkFileName_indexedOnce_reindexedUnchanged() throws {
    let folder = try HostileFolder()
    try folder.writeNamed(bytes: Self.gbkName)
    try folder.write("plain.txt")
    let index = folder.path + "/../index-\(UUID().uuidString)"
    let first = try Policyq.run(["index", folder.path, "--index", index], bounds: Self.bounds)
    #expect(first.status == 0)
    #expect(
      first.stdout.contains("indexed 2 documents (2 parsed, 0 unchanged, 0 removed, 0 failed)"))
    let again = try Policyq.run(["index", folder.path, "--index", index], bounds: Self.bounds)
    #expect(
      again.stdout.contains("indexed 2 documents (0 parsed, 2 unchanged, 0 removed, 0 failed)"))
    let search = try Policyq.run(
      ["search", "绿色工厂", "--index", index, "--format", "jsonl", "--limit", "20"],
      bounds: Self.bounds)
    #expect(search.stdout.contains("固废.txt"))
  }

  /// A directory with a GBK name: walked, its files read, named and re-indexed unchanged;
  /// given by the name shown, it is found.
  @Test func gbkDirectoryName_walkedAndFoundByItsShownName() throws {
    let folder = try HostileFolder()
    let directory: [UInt8] = [0xB9, 0xCC, 0xB7, 0xCF]  // 固废
    try folder.makeDirectory(bytes: directory)
    try folder.writeNamed(bytes: directory + Array("/a.txt".utf8))
    let result = try Policyq.run(
      ["extract", "--format", "jsonl", folder.path], bounds: Self.bounds)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("\"\(folder.path)/固废/a.txt\""))
    let shown = try Policyq.run(["text", folder.path + "/固废"], bounds: Self.bounds)
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("绿色工厂"))
    let index = folder.path + "/../index-\(UUID().uuidString)"
    let first = try Policyq.run(
      ["index", folder.path + "/固废", "--index", index], bounds: Self.bounds)
    #expect(first.stdout.contains("indexed 1 documents (1 parsed"))
    let again = try Policyq.run(["index", folder.path, "--index", index], bounds: Self.bounds)
    #expect(
      again.stdout.contains("indexed 1 documents (0 parsed, 1 unchanged, 0 removed, 0 failed)"))
  }

  /// A name that is not valid GB18030 either is shown with its bytes escaped, and read.
  @Test func undecodableFileName_shownEscaped_andRead() throws {
    let folder = try HostileFolder()
    try folder.writeNamed(bytes: [0xFF, 0xFE, 0x41] + Array(".txt".utf8))
    try folder.write("plain.txt")
    let result = try Policyq.run(["text", folder.path], bounds: Self.bounds)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(
      Self.headers(result.stdout) == [folder.path + "/\\xFF\\xFEA.txt", folder.path + "/plain.txt"])
    let shown = try Policyq.run(["text", folder.path + "/\\xFF\\xFEA.txt"], bounds: Self.bounds)
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("绿色工厂"))
  }
}
