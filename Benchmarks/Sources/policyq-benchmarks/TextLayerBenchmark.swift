import Foundation
import PolicyKit

/// Times the text layer (decode, clean, fold, map) on in-memory corpora.
struct TextLayerBenchmark {
  var runs: Int

  struct Result {
    var corpus: String
    var files: Int
    var megabytes: Double
    var secondsPerRun: [Double]
    var medianMegabytesPerSecond: Double { megabytes / Measurement.median(secondsPerRun) }
  }

  func run(_ corpus: BenchmarkCorpus) -> Result {
    let reader = DocumentReader()
    // One untimed pass builds the folding table and warms caches.
    var checksum = 0
    for file in corpus.files.prefix(20) {
      checksum &+=
        (try? reader.read(bytes: file.bytes, path: file.path, format: file.format))?.utf8.count ?? 0
    }
    var times: [Double] = []
    for _ in 0..<runs {
      times.append(
        Measurement.seconds {
          for file in corpus.files {
            if let document = try? reader.read(
              bytes: file.bytes, path: file.path, format: file.format)
            {
              checksum &+= document.utf8.count &+ document.foldedUTF8.count
            }
          }
        })
    }
    if checksum == 42 { print("") }  // keep the work observable
    return Result(
      corpus: corpus.name, files: corpus.files.count, megabytes: corpus.megabytes,
      secondsPerRun: times)
  }
}
