import Foundation
import PolicyTestSupport
import Testing

/// `policyq index` and `search` on hostile input: units at the limits of the format,
/// damaged index files, searches during rebuilds, odd option values.
@Suite struct IndexHostileInputTests {
  func temporary() throws -> URL {
    let url = Scratch.root.appendingPathComponent("policyq-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let bounds = RunBounds(seconds: 60, memoryMiB: 4096)

  /// A plan whose one measure names 区发展改革委 in `mentions` clauses.
  static func planNaming(_ mentions: Int) -> String {
    "关于印发测试行动方案的通知\n\n一、重点任务\n（一）加强部门协同。\n"
      + (0..<mentions).map { "推进第\($0)项工作（责任单位：区发展改革委）。\n" }.joined()
      + "二、保障措施\n（一）加强组织领导。各部门按职责分工负责。\n"
  }

  /// A measure naming as many departments as the format holds (10,000) and one more: both
  /// are indexed, searched with a department filter, and reused, not dropped, by the next
  /// two runs. Their clauses take 220,000 characters, more than a unit holds: the measure
  /// is indexed in pieces (`IndexLimits.unitScalars`), each with the departments named in
  /// it, so none is over the department limit and nothing is left out.
  @Test(arguments: [10_000, 10_001])
  func unitAtTheDepartmentLimit_indexedSearchedReused(mentions: Int) throws {
    let base = try temporary()
    let file = base.appendingPathComponent("many.txt").path
    try Self.planNaming(mentions).write(toFile: file, atomically: true, encoding: .utf8)
    let index = base.appendingPathComponent("index").path
    let built = try Policyq.run(["index", file, "--index", index, "--verify"], bounds: Self.bounds)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stdout.contains("(1 parsed, 0 unchanged, 0 removed, 0 failed)"))
    #expect(built.stderr.isEmpty, "\(built.stderr)")
    for _ in 0..<2 {
      let search = try Policyq.run(
        ["search", "第9999项", "dept:区发展改革委", "--index", index], bounds: Self.bounds)
      #expect(search.status == 0, "\(search.stderr)")
      #expect(search.stdout.contains("responsible: 区发展改革委"))
      let again = try Policyq.run(["index", file, "--index", index], bounds: Self.bounds)
      #expect(again.status == 0, "\(again.stderr)")
      #expect(again.stdout.contains("(0 parsed, 1 unchanged, 0 removed, 0 failed)"))
    }
  }

  /// `index --verify` with no path checks the index without rebuilding it: whole, then
  /// with one byte of a record changed.
  @Test func verifyAlone_checksWithoutRebuilding() throws {
    let index = try temporary().appendingPathComponent("index")
    #expect(try Policyq.run(["index", "corpus/documents", "--index", index.path]).status == 0)
    let current = try String(
      contentsOf: index.appendingPathComponent("CURRENT"), encoding: .utf8
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let whole = try Policyq.run(["index", "--verify", "--index", index.path])
    #expect(whole.status == 0)
    #expect(whole.stdout.contains("the index is whole: 5 documents"))
    let units = index.appendingPathComponent(current).appendingPathComponent("units.bin")
    var bytes = Array(try Data(contentsOf: units))
    bytes[bytes.count / 3] ^= 0x10
    try Data(bytes).write(to: units)
    let damaged = try Policyq.run(["index", "--verify", "--index", index.path])
    #expect(damaged.status == 2)
    #expect(damaged.stderr.contains("units.bin: error: the index is damaged"))
    // Nothing was rebuilt: the same generation, still damaged.
    #expect(
      try String(contentsOf: index.appendingPathComponent("CURRENT"), encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines) == current)
    let missing = try Policyq.run(["index", "--index", index.path])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("or --verify alone"))
  }

  /// A sample of flipped bytes (every 97th, a different bit each) of each binary file of
  /// the seeds' index: the command prints what it printed before, or fails with status 2
  /// naming the damaged file; never another answer with status 0.
  @Test func flippedBytes_sameOutputOrExit2NamingTheFile() throws {
    let index = try temporary().appendingPathComponent("index")
    #expect(try Policyq.run(["index", "corpus/documents", "--index", index.path]).status == 0)
    let current = try String(
      contentsOf: index.appendingPathComponent("CURRENT"), encoding: .utf8
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let arguments = ["search", "绿色工厂", "level:district", "--limit", "3", "--index", index.path]
    let expected = try Policyq.run(arguments)
    #expect(expected.status == 0)
    for name in ["units.bin", "postings.bin"] {
      let url = index.appendingPathComponent(current).appendingPathComponent(name)
      let original = Array(try Data(contentsOf: url))
      var offset = 5
      var runs = 0
      while offset < original.count && runs < 40 {
        var damaged = original
        damaged[offset] ^= 1 << UInt8(offset % 8)
        try Data(damaged).write(to: url)
        let result = try Policyq.run(arguments, bounds: Self.bounds)
        if result.status == 0 {
          #expect(result.stdout == expected.stdout, "\(name) byte \(offset)")
        } else {
          #expect(result.status == 2, "\(name) byte \(offset)")
          #expect(result.stderr.contains("\(name): error: the index is damaged"))
        }
        offset += original.count / 40 + 1
        runs += 1
      }
      try Data(original).write(to: url)
    }
  }

  /// Searches while `policyq index` replaces the generation over and over (about 3 s):
  /// every search answers; none sees a generation removed under it.
  @Test func searchDuringRebuilds_neverFails() throws {
    let index = try temporary().appendingPathComponent("index")
    #expect(try Policyq.run(["index", "corpus/documents", "--index", index.path]).status == 0)
    let arguments = ["search", "固废", "--limit", "1", "--index", index.path]
    let expected = try Policyq.run(arguments)
    #expect(expected.status == 0)
    let deadline = Date().addingTimeInterval(3)
    nonisolated(unsafe) var builds = 0
    nonisolated(unsafe) var buildFailures: [String] = []
    let done = DispatchSemaphore(value: 0)
    let builder = Thread {
      while Date() < deadline {
        // Each run makes a new generation live and removes the one before.
        if let result = try? Policyq.run(
          ["index", "corpus/documents", "--index", index.path], bounds: Self.bounds),
          result.status == 0
        {
          builds += 1
        } else {
          buildFailures.append("index failed")
        }
      }
      done.signal()
    }
    builder.start()
    var searches = 0
    var failures: [String] = []
    while Date() < deadline {
      let result = try Policyq.run(arguments, bounds: Self.bounds)
      searches += 1
      if result.status != 0 || result.stdout != expected.stdout {
        failures.append("status \(result.status): \(result.stderr)")
      }
    }
    done.wait()
    #expect(failures.isEmpty, "\(failures.count) of \(searches) searches: \(failures.prefix(3))")
    #expect(buildFailures.isEmpty)
    #expect(builds >= 2 && searches >= 10, "\(builds) builds, \(searches) searches")
  }

  /// `--limit` below 1 is refused with the rule, however it is spelled.
  @Test func negativeOrZeroLimit_saysTheLimitMustBeAtLeastOne() throws {
    for value in ["-1", "0"] {
      for arguments in [["--limit", value], ["--limit=\(value)"]] {
        let result = try Policyq.run(["search", "固废"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--limit must be at least 1 (got \(value))"), "\(arguments)")
        #expect(!result.stderr.contains("Missing value"))
      }
    }
  }
}
