import Foundation
import PolicyBytes

/// How an index build compresses its stored text (the units' headings, paths and text in
/// `units.bin`): Zstandard with a dictionary trained on the stored parts of the first
/// documents written, about a megabyte — one chunk of a document alone is too short for
/// its phrases to repeat; across a corpus the same phrases (各区人民政府, 牵头单位, 到2025年)
/// come back in every document. Held out from the text it was trained on, a dictionary
/// trained on a megabyte of corpus-real takes the rest to 0.28 of its size, the same as
/// one trained on all of it.
///
/// The documents are written in input order, so the dictionary depends on the files and
/// never on the number of threads; until it is decided, the threads that parse leave
/// their chunks as they are and the writing thread compresses them.
final class StoredTextCompression: @unchecked Sendable {
  /// Stored bytes held back to train on before the first document is written.
  static let sampleBytes = 1 << 20
  /// The largest dictionary: an eighth of the samples, at most this.
  static let dictionaryCapacity = 128 << 10
  /// Less than this to train on makes no dictionary (frames without one).
  static let smallestSample = 16 << 10

  private let lock = NSLock()
  private var decided = false
  private var chosen: Zstandard.Compressor?

  /// The compressor once decided (nil before, and when libzstd had no memory for one).
  var compressor: Zstandard.Compressor? { lock.withLock { chosen } }

  /// Whether the compressor is decided.
  var isDecided: Bool { lock.withLock { decided } }

  /// Trains the dictionary on `samples` (the first documents' chunks, in input order) and
  /// decides the compressor; returns the dictionary to write first in `units.bin` (empty
  /// for none).
  func decide(samples: [[UInt8]]) -> [UInt8] {
    let bytes = samples.reduce(0) { $0 + $1.count }
    var dictionary: [UInt8] = []
    if bytes >= Self.smallestSample {
      dictionary =
        Zstandard.trainDictionary(
          samples: samples, capacity: min(Self.dictionaryCapacity, bytes / 8)) ?? []
    }
    var compressor = Zstandard.Compressor(
      dictionary: dictionary, level: UnitsFile.compressionLevel)
    if compressor == nil, !dictionary.isEmpty {
      dictionary = []
      compressor = Zstandard.Compressor(dictionary: [], level: UnitsFile.compressionLevel)
    }
    lock.withLock {
      chosen = compressor
      decided = true
    }
    return compressor == nil ? [] : dictionary
  }
}
