import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// Reading and parsing one document takes time in proportion to its length: each input is
/// made at two sizes, and the larger, twice as long, may take at most three times as
/// long (a quadratic path takes four times, and more as it dominates). Times are the
/// CPU time of the test's own thread, so other tests running beside it hardly move them;
/// the smaller size is big enough (a few tenths of a second in a debug build) for the
/// ratio to be read.
@Suite struct ParsingGrowthTests {
  /// The CPU seconds the current thread spends in `body`.
  private func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
      var spec = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
      return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    let start = now()
    try body()
    return now() - start
  }

  /// Reads and parses the text `make(size)` and `make(2 * size)`; returns the seconds
  /// at the first size and the ratio of the second's to it, with the documents.
  private func growth(_ size: Int, _ make: (Int) -> String) throws -> (
    seconds: Double, ratio: Double, documents: [PolicyDocument]
  ) {
    let parser = PolicyParser()
    var seconds: [Double] = []
    var documents: [PolicyDocument] = []
    for count in [size, 2 * size] {
      let bytes = Array(make(count).utf8)
      seconds.append(
        try cpuSeconds {
          let text = try DocumentReader().read(bytes: bytes, path: "plan.txt", format: .plainText)
          documents.append(parser.parse(text))
        })
    }
    return (seconds[0], seconds[1] / max(seconds[0], 1e-6), documents)
  }

  /// Lines that alternate outline levels (一、 （一） 1.) and target sentences: every
  /// target and clause is placed in its measure and innermost section.
  @Test func outlineAlternatingWithTargets_timeGrowsLinearly() throws {
    let numerals = Array("一二三四五六七八九十")
    let (seconds, ratio, documents) = try growth(3_500) { count in
      var lines = ["关于印发某区行动方案的通知"]
      for index in 0..<count {
        let numeral = numerals[(index / 4) % 10]
        switch index % 4 {
        case 0: lines.append("\(numeral)、重点任务\(index)")
        case 1: lines.append("（\(numeral)）推进工作\(index)")
        case 2: lines.append("\(index % 9 + 1).加快建设\(index)")
        default: lines.append("到2025年，单位地区生产总值能耗下降\(index % 20 + 1)%，绿色工厂达到\(index)家。")
        }
      }
      return lines.joined(separator: "\n") + "\n"
    }
    #expect(ratio < 3, "2N took \(ratio)× the time of N (\(seconds) s)")
    let document = try #require(documents.last)
    #expect(document.targets.count == 2 * 3_500 / 4 * 2)
    // Each target lies in the "1." item before it, the innermost section that holds it.
    let target = try #require(document.targets.last)
    let section = try #require(target.section)
    #expect(document.sections[section].kind == .arabicOrdinal)
    #expect(target.measure.map { document.measures[$0].section } == section)
  }

  /// One paragraph stating N targets: the year of each value and whether 目前 stands
  /// before it are read without reading the sentence again from its start.
  @Test func targetsInOneSentence_timeGrowsLinearly() throws {
    let (seconds, ratio, documents) = try growth(3_500) { count in
      let body = (0..<count).map { "指标\($0)达到\($0)万吨" }.joined(separator: "，")
      return "关于印发某区行动方案的通知\n一、主要目标\n到2025年，\(body)。\n"
    }
    #expect(ratio < 3, "2N took \(ratio)× the time of N (\(seconds) s)")
    let targets = try #require(documents.last).targets
    #expect(targets.count == 7_000)
    #expect(targets.allSatisfy { $0.year == 2025 })
  }

  /// Sentences of many years that are no target years (较2020年, a baseline): a later
  /// target year is found without going back over them, and a sentence without one is
  /// read once.
  @Test func yearsThatAreNoTargetYears_timeGrowsLinearly() throws {
    let (seconds, ratio, documents) = try growth(3_000) { count in
      let baselines = (0..<count).map { "指标\($0)较2020年提高\($0 % 50 + 1)%" }
      return "关于印发某区行动方案的通知\n一、主要目标\n"
        + "到2025年，\(baselines.joined(separator: "，"))。\n"
        + "\(baselines.joined(separator: "，"))。\n"
    }
    #expect(ratio < 3, "2N took \(ratio)× the time of N (\(seconds) s)")
    let targets = try #require(documents.last).targets
    #expect(targets.count == 6_000)
    #expect(targets.allSatisfy { $0.year == 2025 && $0.baselineYear == 2020 })
  }

  /// A warning per numbering problem up to a limit, the first ones; then one that says
  /// how many more there were.
  @Test func numberingWarnings_cappedPerDocument() throws {
    // 1. 3. 5. …: every item after the first jumps.
    let items = (0..<200).map { "\(2 * $0 + 1).加快建设第\($0)项工作" }
    let text = "关于印发某区行动方案的通知\n一、重点任务\n" + items.joined(separator: "\n") + "\n"
    let document = PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "plan.txt", format: .plainText))
    let warnings = document.diagnostics.filter { $0.severity == .warning }.map(\.message)
    #expect(warnings.count == 51)
    #expect(warnings.first == "numbering jumps from 1 to 3 at “3.”")
    #expect(warnings.dropLast().last == "numbering jumps from 99 to 101 at “101.”")
    #expect(warnings.last == "…and 149 more numbering jumps and repeats, not shown")
  }
}
