import Foundation
import PolicyBytes
import Testing

@testable import PolicyKit

/// The index's stored text is compressed with Zstandard and a dictionary trained on the
/// first documents: a dictionary must make text it was not trained on smaller, and a frame
/// must never decompress to other bytes — damaged, cut short, of another length or made
/// with another dictionary, it is an error.
@Suite struct ZstandardTests {
  /// The seed documents' text in chunks of about 4 KB (the size of one document's stored
  /// chunk in a short notice), at line ends.
  static func chunks(of paths: [String]) throws -> [[UInt8]] {
    var chunks: [[UInt8]] = []
    for path in paths {
      var chunk: [UInt8] = []
      for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        chunk += Array(line.utf8) + [0x0A]
        if chunk.count >= 4_096 {
          chunks.append(chunk)
          chunk = []
        }
      }
      if !chunk.isEmpty { chunks.append(chunk) }
    }
    return chunks
  }

  /// Trained on three seeds, the dictionary makes the other two smaller than frames
  /// without one do, and every frame reads back as it was.
  @Test func dictionary_compressesUnseenTextBetter_andReadsBack() throws {
    let training = try Self.chunks(of: ["000", "001", "002"].map(Corpus.seed))
    let unseen = try Self.chunks(of: ["003", "004"].map(Corpus.seed))
    let dictionary = try #require(
      Zstandard.trainDictionary(samples: training, capacity: 16 << 10))
    #expect(dictionary.count > 1_000 && dictionary.count <= 16 << 10)
    // The same samples give the same dictionary.
    #expect(Zstandard.trainDictionary(samples: training, capacity: 16 << 10) == dictionary)
    let with = try #require(Zstandard.Compressor(dictionary: dictionary, level: 3))
    let without = try #require(Zstandard.Compressor(dictionary: [], level: 3))
    let reader = try #require(dictionary.withUnsafeBufferPointer(Zstandard.Decompressor.init))
    var (raw, plain, trained) = (0, 0, 0)
    for chunk in unseen {
      let frame = try #require(chunk.withUnsafeBufferPointer(with.compress))
      raw += chunk.count
      trained += frame.count
      plain += try #require(chunk.withUnsafeBufferPointer(without.compress)).count
      let back = try frame.withUnsafeBufferPointer {
        try reader.decompress($0, expectedLength: chunk.count)
      }
      #expect(back == chunk)
    }
    #expect(trained * 10 < plain * 9, "with the dictionary \(trained), without \(plain) of \(raw)")
  }

  /// A frame damaged anywhere, cut short, read as another length or with another
  /// dictionary is `.damaged`, never other bytes.
  @Test func damagedFrame_isAnError() throws {
    let samples = try Self.chunks(of: Corpus.seeds)
    let dictionary = try #require(Zstandard.trainDictionary(samples: samples, capacity: 8 << 10))
    let compressor = try #require(Zstandard.Compressor(dictionary: dictionary, level: 3))
    let chunk = samples[1]
    let frame = try #require(chunk.withUnsafeBufferPointer(compressor.compress))
    let reader = try #require(dictionary.withUnsafeBufferPointer(Zstandard.Decompressor.init))
    let other = try #require([UInt8]().withUnsafeBufferPointer(Zstandard.Decompressor.init))
    func read(_ bytes: [UInt8], length: Int, with decompressor: Zstandard.Decompressor) -> [UInt8]?
    {
      bytes.withUnsafeBufferPointer { try? decompressor.decompress($0, expectedLength: length) }
    }
    #expect(read(frame, length: chunk.count, with: reader) == chunk)
    #expect(read(frame, length: chunk.count, with: other) == nil)
    #expect(read(frame, length: chunk.count + 1, with: reader) == nil)
    #expect(read(frame, length: chunk.count - 1, with: reader) == nil)
    #expect(read(Array(frame.dropLast()), length: chunk.count, with: reader) == nil)
    #expect(read(frame + [0], length: chunk.count, with: reader) == nil)
    // Flipped bits: an error, or (in a part zstd does not check without its frame
    // checksum, which the index's record checksum covers) never a crash.
    var errors = 0
    for offset in frame.indices {
      var damaged = frame
      damaged[offset] ^= 1 << UInt8(offset % 8)
      if read(damaged, length: chunk.count, with: reader) == nil { errors += 1 }
    }
    #expect(errors > 0)
  }

  /// Frames laid end to end (the index's file list) read back as their bytes joined; a
  /// cut frame, trailing bytes that are no frame, or a total past the limit is an error.
  /// (A byte flipped inside a frame may decode to other bytes of the same length: the
  /// file list's checksum in the manifest catches that, `IndexRobustnessTests`.)
  @Test func framesEndToEnd_readBackJoined() throws {
    let text = Array(
      try String(contentsOfFile: Corpus.seeds[0], encoding: .utf8).utf8)
    let compressor = try #require(Zstandard.Compressor(dictionary: [], level: 6))
    let pieces = stride(from: 0, to: text.count, by: 5_000).map {
      Array(text[$0..<min(text.count, $0 + 5_000)])
    }
    var file: [UInt8] = []
    for piece in pieces {
      file += try #require(piece.withUnsafeBufferPointer { compressor.compress($0) })
    }
    #expect(pieces.count > 2)
    let read = try file.withUnsafeBufferPointer {
      try Zstandard.decompressFrames($0, limit: text.count)
    }
    #expect(read == text)
    #expect(
      try [UInt8]().withUnsafeBufferPointer { try Zstandard.decompressFrames($0, limit: 0) } == [])
    func refused(_ bytes: [UInt8], limit: Int = text.count) -> Bool {
      do {
        _ = try bytes.withUnsafeBufferPointer { try Zstandard.decompressFrames($0, limit: limit) }
        return false
      } catch { return (error as? Zstandard.Failure) == .damaged }
    }
    #expect(refused(Array(file.dropLast(3))), "cut")
    #expect(refused(file + [1, 2, 3]), "trailing bytes")
    #expect(refused(file, limit: text.count - 1), "past the limit")
  }
}
