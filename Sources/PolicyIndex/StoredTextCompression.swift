import Foundation
import PolicyBytes

/// How an index build compresses its stored text (the units' headings, paths and text in
/// `units.bin`): its characters coded by how often the first documents use them
/// (`ScalarCode`: the commonest in one byte, most others in two), then Zstandard with a
/// dictionary trained on the same stored parts, coded, about a megabyte — one chunk of a
/// document alone is too short for its phrases to repeat; across a corpus the same phrases
/// (各区人民政府, 牵头单位, 到2025年) come back in every document. Held out from the text they
/// were trained on, a code and dictionary trained on a megabyte of corpus-real take the
/// rest to 0.23 of its size (0.29 without the code, at level 3 both).
///
/// The documents are written in input order, so the code and the dictionary depend on the
/// files and never on the number of threads; until they are decided, the threads that
/// parse leave their chunks as they are and the writing thread compresses them.
final class StoredTextCompression: @unchecked Sendable {
  /// How stored chunks are made small: coded with the index's `ScalarCode` (when it has
  /// one), then compressed with Zstandard and the index's dictionary.
  struct Codec: Sendable {
    /// Codes the characters (nil: the chunks are compressed as they are).
    var encoder: ScalarCode.Encoder?
    var compressor: Zstandard.Compressor
  }

  /// What `units.bin` records of the compression before the first document: the code's
  /// table (`ScalarCode.serialized`) and the dictionary, each empty for none.
  struct Tables {
    var code: [UInt8]
    var dictionary: [UInt8]
    /// No code, no dictionary.
    static let none = Tables(code: [], dictionary: [])
  }

  /// Stored bytes held back to train on before the first document is written.
  static let sampleBytes = 1 << 20
  /// The largest dictionary: an eighth of the samples, at most this.
  static let dictionaryCapacity = 128 << 10
  /// Less than this to train on makes no dictionary (frames without one).
  static let smallestSample = 16 << 10

  private let lock = NSLock()
  private var decided = false
  private var chosen: Codec?

  /// The codec once decided (nil before, and when libzstd had no memory for a compressor).
  var codec: Codec? { lock.withLock { chosen } }

  /// Whether the codec is decided.
  var isDecided: Bool { lock.withLock { decided } }

  /// Trains the code and the dictionary on `samples` (the first documents' chunks, in
  /// input order) and decides the codec; returns the tables to write first in `units.bin`.
  func decide(samples: [[UInt8]]) -> Tables {
    let bytes = samples.reduce(0) { $0 + $1.count }
    let code = bytes > 0 ? ScalarCode.trained(on: samples) : nil
    let encoder = code?.encoder
    var dictionary: [UInt8] = []
    if bytes >= Self.smallestSample {
      // The dictionary is trained on the samples as the chunks will be: coded. Its size is
      // an eighth of the text they stand for, as it was measured (0.23 on corpus-real).
      let coded = samples.map { sample in
        guard let encoder else { return sample }
        var output: [UInt8] = []
        sample.withUnsafeBufferPointer { encoder.encode($0, to: &output) }
        return output
      }
      dictionary =
        Zstandard.trainDictionary(
          samples: coded, capacity: min(Self.dictionaryCapacity, bytes / 8)) ?? []
    }
    var compressor = Zstandard.Compressor(
      dictionary: dictionary, level: UnitsFile.compressionLevel)
    if compressor == nil, !dictionary.isEmpty {
      dictionary = []
      compressor = Zstandard.Compressor(dictionary: [], level: UnitsFile.compressionLevel)
    }
    let codec = compressor.map { Codec(encoder: encoder, compressor: $0) }
    lock.withLock {
      chosen = codec
      decided = true
    }
    guard codec != nil else { return .none }
    return Tables(code: code?.serialized ?? [], dictionary: dictionary)
  }
}
