import Foundation
import PolicyKit

// policyq-benchmarks text|extract|search|startup [--runs N] [--out FILE] [--index DIR]
//   search: [--queries q1,q2,…] [--no-word-ranking]; startup: [--query Q]
// Run in release, from the repository root:
//   swift run -c release --static-swift-stdlib --package-path Benchmarks policyq-benchmarks text

let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}
let runs = Int(option("--runs") ?? "") ?? 5
let outPath = option("--out")
let suite = arguments.first { !$0.hasPrefix("--") && $0 != outPath && Int($0) == nil } ?? "text"

#if DEBUG
print(
  "warning: this is a debug build; run with `swift run -c release --package-path Benchmarks policyq-benchmarks`"
)
#endif

var report = "# policyq benchmarks: \(suite)\n\n"
report += "- date: \(ISO8601DateFormatter().string(from: Date()))\n"
report += "- machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
report +=
  "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB\n- runs: \(runs) (median reported)\n\n"

switch suite {
case "text":
  let corpora = [
    BenchmarkCorpus.replicatedSeeds(
      ["000", "001", "002", "003"], toMegabytes: 20, name: "seeds 000–003 (simplified) ×N ≈ 20 MB"),
    BenchmarkCorpus.load(
      "corpus-real/laws (Markdown)",
      directory: BenchmarkCorpus.realCorpus.appendingPathComponent("laws"), extensions: ["md"]),
    BenchmarkCorpus.replicatedSeeds(
      ["004"], toMegabytes: 5, name: "seed 004 (Traditional + pinyin) ×N ≈ 5 MB"),
    BenchmarkCorpus.load(
      "corpus-real/state-council (HTML)",
      directory: BenchmarkCorpus.realCorpus.appendingPathComponent("state-council"),
      extensions: ["html"]),
  ].filter { !$0.files.isEmpty }
  let benchmark = TextLayerBenchmark(runs: runs)
  report += "| corpus | files | MB | median s | MB/s |\n|---|---:|---:|---:|---:|\n"
  for corpus in corpora {
    let result = benchmark.run(corpus)
    let line =
      "| \(result.corpus) | \(result.files) | \(Measurement.format(result.megabytes)) | \(Measurement.format(Measurement.median(result.secondsPerRun), digits: 3)) | \(Measurement.format(result.medianMegabytesPerSecond)) |"
    report += line + "\n"
    print(line)
  }
  report +=
    "\nText layer = decode (BOM, UTF-8 validation, ICU detection/conversion), clean (all rules), fold (NFKC_CF + Hant→Hans), source map and line index, per document, single thread.\n"
case "extract":
  let real = BenchmarkCorpus.realCorpus
  let corpora = [
    BenchmarkCorpus.replicatedSeeds(
      ["000", "001", "002", "003", "004"], toMegabytes: 20, name: "seeds ×N ≈ 20 MB"),
    BenchmarkCorpus.load(
      "corpus-real (all: laws, state-council, pkulaw, county-html, work-reports)", directory: real,
      extensions: ["md", "txt", "html"]),
  ].filter { !$0.files.isEmpty }
  let benchmark = ExtractionBenchmark(runs: runs)
  report +=
    "| corpus | files | MB | extract median s | extract MB/s | JSON median s | measures | targets | clauses |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
  for corpus in corpora {
    let result = benchmark.run(corpus)
    let parse = Measurement.median(result.parseSeconds)
    let line =
      "| \(result.corpus) | \(result.files) | \(Measurement.format(result.megabytes)) | \(Measurement.format(parse, digits: 2)) | \(Measurement.format(result.megabytes / parse)) | \(Measurement.format(Measurement.median(result.jsonSeconds), digits: 2)) | \(result.measures) | \(result.targets) | \(result.clauses) |"
    report += line + "\n"
    print(line)
  }
  report +=
    "\nExtract = read (decode, clean, fold) + parse (outline, measures, clauses, targets, references), one thread, documents in memory. JSON = rendering every document as one-line JSON.\n"
case "search":
  guard let indexPath = option("--index") else {
    print("search needs --index DIR [--queries q1,q2,…]")
    exit(64)
  }
  let queries = (option("--queries") ?? "固废,碳达峰,绿色工厂,节能降碳,发展,人民政府,环境保护,新能源汽车,财政资金,2025")
    .split(separator: ",").map(String.init)
  var benchmark = SearchBenchmark(runs: runs)
  benchmark.rankByWords = !arguments.contains("--no-word-ranking")
  let results = try benchmark.run(index: URL(fileURLWithPath: indexPath), queries: queries)
  report += "| query | matches | p50 ms | p99 ms |\n|---|---:|---:|---:|\n"
  for result in results {
    let line =
      "| \(result.query) | \(result.matches) | \(Measurement.format(result.p50 * 1000, digits: 2)) | \(Measurement.format(result.p99 * 1000, digits: 2)) |"
    report += line + "\n"
  }
  let all = results.map(\.p50).sorted()
  report +=
    "\nIn process, top 10 with snippets\(benchmark.rankByWords ? " (word layer on)" : ", BM25 alone (--no-word-ranking)"), \(runs) runs per query after a warm-up; median of the query medians: \(Measurement.format(Measurement.median(all) * 1000, digits: 2)) ms.\n"
case "startup":
  guard let indexPath = option("--index") else {
    print("startup needs --index DIR [--query Q]")
    exit(64)
  }
  let steps = try StartupBenchmark().run(
    index: URL(fileURLWithPath: indexPath), query: option("--query") ?? "固废")
  report += "| step (cold, once, in a fresh process) | ms |\n|---|---:|\n"
  for (step, milliseconds) in steps {
    report += "| \(step) | \(Measurement.format(milliseconds, digits: 2)) |\n"
  }
default:
  print("unknown suite \(suite); known: text, extract, search, startup")
  exit(64)
}
if let peak = Measurement.peakResidentMegabytes() {
  report += "\nPeak RSS: \(Measurement.format(peak)) MB (corpora held in memory)\n"
}
print(report)
if let outPath {
  try report.write(toFile: outPath, atomically: true, encoding: .utf8)
  print("written to \(outPath)")
}
