import Foundation
import PolicyKit

/// Times extraction (read + parse) and, separately, JSON output, on in-memory corpora.
struct ExtractionBenchmark {
  var runs: Int

  struct Result {
    var corpus: String
    var files: Int
    var megabytes: Double
    var parseSeconds: [Double]
    var jsonSeconds: [Double]
    var measures: Int
    var targets: Int
    var clauses: Int
  }

  func run(_ corpus: BenchmarkCorpus) -> Result {
    let reader = DocumentReader()
    let parser = PolicyParser()
    // Warm up: dictionaries and the folding table are built once per process.
    for file in corpus.files.prefix(5) {
      if let text = try? reader.read(bytes: file.bytes, path: file.path, format: file.format) {
        _ = parser.parse(text)
      }
    }
    var parseTimes: [Double] = []
    var jsonTimes: [Double] = []
    var counts = (0, 0, 0)
    for _ in 0..<runs {
      var documents: [PolicyDocument] = []
      documents.reserveCapacity(corpus.files.count)
      parseTimes.append(
        Measurement.seconds {
          for file in corpus.files {
            if let text = try? reader.read(bytes: file.bytes, path: file.path, format: file.format)
            {
              documents.append(parser.parse(text))
            }
          }
        })
      var bytes = 0
      jsonTimes.append(
        Measurement.seconds {
          for document in documents {
            bytes &+= DocumentJSON.render(document, pretty: false).utf8.count
          }
        })
      counts = (
        documents.reduce(0) { $0 + $1.measures.count },
        documents.reduce(0) { $0 + $1.targets.count },
        documents.reduce(0) { $0 + $1.responsibilities.count }
      )
      if bytes == 42 { print("") }
    }
    return Result(
      corpus: corpus.name, files: corpus.files.count, megabytes: corpus.megabytes,
      parseSeconds: parseTimes,
      jsonSeconds: jsonTimes, measures: counts.0, targets: counts.1, clauses: counts.2)
  }
}
