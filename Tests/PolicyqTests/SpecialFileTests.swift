import Foundation
import Testing

/// FIFOs, devices and other special files, in a directory or given by name: reading one
/// would block for ever (a FIFO) or never end (`/dev/zero`). Each run is bounded, so a
/// regression fails instead of hanging.
@Suite struct SpecialFileTests {
  static let bounds = RunBounds(seconds: 10, memoryMiB: 2048)

  @Test(arguments: ["text", "extract"])
  func fifoInADirectory_skippedWithAWarning_otherFilesRead(command: String) throws {
    let folder = try HostileFolder()
    try folder.write("docs/good.txt")
    try folder.makeFIFO("docs/pipe.txt")
    let result = try Policyq.run([command, folder.path + "/docs"], bounds: Self.bounds)
    #expect(!result.timedOut)
    #expect(result.status == 0)
    #expect(
      result.stderr.contains(
        "\(folder.path)/docs/pipe.txt: warning: not a regular file (a FIFO); not read"))
    #expect(result.stdout.contains("绿色工厂"))
  }

  @Test(arguments: ["text", "extract"])
  func fifoAndDevZeroByName_errorsNamingThem_otherFilesRead(command: String) throws {
    let folder = try HostileFolder()
    let good = try folder.write("good.txt")
    let fifo = try folder.makeFIFO("pipe.txt")
    let result = try Policyq.run([command, fifo, "/dev/zero", good], bounds: Self.bounds)
    #expect(!result.timedOut)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("\(fifo): error: cannot read the file: not a regular file (a FIFO)"))
    #expect(
      result.stderr.contains(
        "/dev/zero: error: cannot read the file: not a regular file (a character device)"))
    #expect(result.stdout.contains("绿色工厂"))
  }

  @Test func index_fifoInADirectoryAndByName_theRestIndexed() throws {
    let folder = try HostileFolder()
    try folder.write("docs/good.txt")
    try folder.makeFIFO("docs/pipe.txt")
    let fifo = try folder.makeFIFO("named.txt")
    let index = folder.path + "/index"
    let result = try Policyq.run(
      ["index", folder.path + "/docs", fifo, "--index", index], bounds: Self.bounds)
    #expect(!result.timedOut)
    #expect(result.status == 1)
    #expect(result.stderr.contains("docs/pipe.txt: warning: not a regular file (a FIFO); not read"))
    #expect(
      result.stderr.contains("\(fifo): error: cannot read the file: not a regular file (a FIFO)"))
    #expect(
      result.stdout.contains("indexed 1 documents (1 parsed, 0 unchanged, 0 removed, 1 failed)"))
    let search = try Policyq.run(["search", "绿色工厂", "--index", index], bounds: Self.bounds)
    #expect(search.status == 0)
    #expect(search.stdout.contains("good.txt"))
  }

  @Test func compare_fifoAsLowerOrUpper_errorNamingIt() throws {
    let folder = try HostileFolder()
    let good = try folder.write("good.txt")
    let fifo = try folder.makeFIFO("pipe.txt")
    for arguments in [[fifo, good], [good, fifo], ["/dev/zero", good]] {
      let result = try Policyq.run(["compare"] + arguments, bounds: Self.bounds)
      #expect(!result.timedOut)
      #expect(result.status == 1)
      #expect(result.stderr.contains(": error: cannot read the file: not a regular file"))
      #expect(result.stderr.contains(arguments[0] == good ? arguments[1] : arguments[0]))
    }
    // With --upper, the other lower files are still compared.
    let batch = try Policyq.run(
      ["compare", "--upper", good, fifo, good, "--format", "json"], bounds: Self.bounds)
    #expect(batch.status == 1)
    #expect(
      batch.stderr.contains("\(fifo): error: cannot read the file: not a regular file (a FIFO)"))
    #expect(batch.stdout.contains("\"measures\""))
  }

  @Test func linkToDevZeroInADirectory_skipped_linkToAFileRead() throws {
    let folder = try HostileFolder()
    let good = try folder.write("good.txt")
    try FileManager.default.createDirectory(
      atPath: folder.path + "/docs", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/docs/zero.txt", withDestinationPath: "/dev/zero")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/docs/link.txt", withDestinationPath: good)
    let result = try Policyq.run(["text", folder.path + "/docs"], bounds: Self.bounds)
    #expect(!result.timedOut)
    #expect(result.status == 0)
    #expect(
      result.stderr.contains(
        "docs/zero.txt: warning: not a regular file (a character device); not read"))
    #expect(result.stdout.contains("绿色工厂"))
  }
}

/// `policyq eval` reads gold files: a FIFO given as one is an error, not a hang.
@Suite struct EvalSpecialFileTests {
  @Test func fifoAsAGoldFile_errorNamingIt() throws {
    let folder = try HostileFolder()
    let fifo = try folder.makeFIFO("pipe.gold.json")
    let result = try Policyq.run(["eval", fifo], bounds: SpecialFileTests.bounds)
    #expect(!result.timedOut)
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("\(fifo): error: cannot read the file: not a regular file (a FIFO)"))
  }
}
