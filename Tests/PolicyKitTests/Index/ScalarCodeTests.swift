import Foundation
import PolicyBytes
import Testing

@testable import PolicyKit

/// The index codes its stored text by character frequency before Zstandard: any bytes must
/// decode to themselves (text, the varints between fields, bytes that are not UTF-8), the
/// code must make unseen policy text compress smaller than its UTF-8 does, and a code that
/// is not one of the table's is an error, never other bytes.
@Suite struct ScalarCodeTests {
  static func roundTrip(_ bytes: [UInt8], _ code: ScalarCode) -> [UInt8]? {
    var coded: [UInt8] = []
    bytes.withUnsafeBufferPointer { code.encoder.encode($0, to: &coded) }
    #expect(coded.count <= 2 * bytes.count, "a byte codes to at most two")
    return coded.withUnsafeBufferPointer { code.decode($0, expectedLength: bytes.count) }
  }

  /// Text, characters the table lacks (a rare ideograph, an emoji), ASCII it never saw,
  /// and bytes that are not UTF-8 (a varint of 200, a cut sequence, an overlong form, a
  /// surrogate) all come back as they were; so do random bytes.
  @Test func anyBytes_decodeToThemselves() throws {
    let training = try ZstandardTests.chunks(of: ["000", "001"].map(Corpus.seed))
    let code = ScalarCode.trained(on: training)
    #expect(code.scalars.count > 500)
    let cases: [[UInt8]] = [
      [],
      Array("推动大宗工业固废规模化、高值化综合利用，到2025年利用率达到57%。".utf8),
      Array("鿏𠀀🙂~\u{7F}\u{1}é".utf8),
      [0xC8, 0x01] + Array("区经济信息委".utf8),
      [0xE5, 0x8F],
      [0xE5],
      [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80, 0xF8, 0xFF, 0xFE],
      Array(try String(contentsOfFile: Corpus.seed("004"), encoding: .utf8).utf8),
    ]
    for bytes in cases {
      #expect(Self.roundTrip(bytes, code) == bytes, "\(bytes.prefix(16))")
    }
    var random = SplitMix(seed: 7)
    for length in [1, 2, 3, 17, 1_000, 65_536] {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      #expect(Self.roundTrip(bytes, code) == bytes, "\(length) random bytes")
    }
    // A code of no characters escapes everything and still decodes.
    let empty = try #require(ScalarCode(scalars: []))
    #expect(Self.roundTrip(cases[1], empty) == cases[1])
  }

  /// The commonest characters of the samples take one byte, the rest of the table two: a
  /// policy sentence codes to well under the three bytes a character UTF-8 takes.
  @Test func commonCharacters_takeOneByte() throws {
    let code = ScalarCode.trained(
      on: try ZstandardTests.chunks(of: ["000", "001", "002"].map(Corpus.seed)))
    let sentence = "各区人民政府要加强组织领导，推动工业绿色低碳发展。"
    var coded: [UInt8] = []
    Array(sentence.utf8).withUnsafeBufferPointer { code.encoder.encode($0, to: &coded) }
    #expect(coded.count < sentence.unicodeScalars.count * 2)
    var one: [UInt8] = []
    Array("的".utf8).withUnsafeBufferPointer { code.encoder.encode($0, to: &one) }
    #expect(one.count == 1)
    // The same samples give the same code.
    let again = ScalarCode.trained(
      on: try ZstandardTests.chunks(of: ["000", "001", "002"].map(Corpus.seed)))
    #expect(again.serialized == code.serialized)
  }

  /// Trained on three seeds, code and dictionary make the other two smaller than the
  /// dictionary alone does on their UTF-8 (by at least a tenth), and read back.
  @Test func codedText_compressesSmallerThanUTF8() throws {
    let training = try ZstandardTests.chunks(of: ["000", "001", "002"].map(Corpus.seed))
    let unseen = try ZstandardTests.chunks(of: ["003", "004"].map(Corpus.seed))
    let code = ScalarCode.trained(on: training)
    let encoder = code.encoder
    func coded(_ chunk: [UInt8]) -> [UInt8] {
      var output: [UInt8] = []
      chunk.withUnsafeBufferPointer { encoder.encode($0, to: &output) }
      return output
    }
    let plainDictionary = try #require(
      Zstandard.trainDictionary(samples: training, capacity: 16 << 10))
    let codedDictionary = try #require(
      Zstandard.trainDictionary(samples: training.map(coded), capacity: 16 << 10))
    let plain = try #require(Zstandard.Compressor(dictionary: plainDictionary, level: 3))
    let withCode = try #require(Zstandard.Compressor(dictionary: codedDictionary, level: 3))
    let reader = try #require(
      codedDictionary.withUnsafeBufferPointer(Zstandard.Decompressor.init))
    var (plainBytes, codedBytes) = (0, 0)
    for chunk in unseen {
      plainBytes += try #require(chunk.withUnsafeBufferPointer(plain.compress)).count
      let bytes = coded(chunk)
      let frame = try #require(bytes.withUnsafeBufferPointer(withCode.compress))
      codedBytes += frame.count
      let back = try frame.withUnsafeBufferPointer {
        try reader.decompress($0, expectedLength: bytes.count)
      }
      #expect(
        back.withUnsafeBufferPointer { code.decode($0, expectedLength: chunk.count) } == chunk)
    }
    #expect(codedBytes * 10 < plainBytes * 9, "coded \(codedBytes), UTF-8 \(plainBytes)")
  }

  /// A code cut short, a rank the table lacks, another length: nil, never other bytes.
  /// A table that is not one (not UTF-8, a character twice or outside the BMP) is refused.
  @Test func badCodesAndTables_areRefused() throws {
    let code = try #require(ScalarCode(scalars: Array("的和发展".unicodeScalars)))
    let text = Array("发展的和".utf8)
    var coded: [UInt8] = []
    text.withUnsafeBufferPointer { code.encoder.encode($0, to: &coded) }
    #expect(coded == [2, 3, 0, 1])
    func decode(_ bytes: [UInt8], _ length: Int) -> [UInt8]? {
      bytes.withUnsafeBufferPointer { code.decode($0, expectedLength: length) }
    }
    #expect(decode(coded, text.count) == text)
    #expect(decode(coded, text.count + 1) == nil)
    #expect(decode(coded, text.count - 1) == nil)
    #expect(decode([4], 3) == nil, "rank 4 is not in a table of 4")
    #expect(decode([UInt8(ScalarCode.singleCodes)], 3) == nil, "a two-byte code cut short")
    #expect(decode([0xFE], 1) == nil, "an escape cut short")
    #expect(decode([0xFF, 0xE5, 0x8F], 3) == nil, "a sequence cut short")
    #expect(decode([UInt8(ScalarCode.singleCodes), 0], 3) == nil, "rank 192 of 4")
    // Tables.
    let serialized = code.serialized
    #expect(
      serialized.withUnsafeBufferPointer(ScalarCode.init(serialized:))?.scalars == code.scalars)
    for table: [UInt8] in [[0xE5, 0x8F], Array("的的".utf8), Array("🙂".utf8), [0xFF]] {
      #expect(table.withUnsafeBufferPointer(ScalarCode.init(serialized:)) == nil, "\(table)")
    }
    #expect(ScalarCode(scalars: Array("的的".unicodeScalars)) == nil)
    #expect(decode(coded, -1) == nil)
  }

  /// A full table (16,064 characters, the most the code has room for): the last two-byte
  /// codes stay clear of the escapes, characters past the table are escaped, and all of
  /// them come back.
  @Test func fullTable_codesItsLastRanks_andEscapesTheRest() throws {
    // Every CJK ideograph, each once, after the commonest twice: more than the table holds.
    let ideographs = (0x4E00...0x9FFF).map { Unicode.Scalar(UInt32($0))! }
    var sample = Array(String(String.UnicodeScalarView(ideographs)).utf8)
    sample += Array("的和发展".utf8)
    let code = ScalarCode.trained(on: [sample])
    #expect(code.scalars.count == ScalarCode.capacity)
    #expect(Array(code.scalars.prefix(4)) == Array("发和展的".unicodeScalars), "counted, then by value")
    var coded: [UInt8] = []
    sample.withUnsafeBufferPointer { code.encoder.encode($0, to: &coded) }
    // Ranks 0–191 in one byte (the four seen twice, twice), the next 15,872 in two, the
    // rest escaped (four bytes).
    let ranked = ScalarCode.capacity
    let escaped = ideographs.count - ranked
    #expect(coded.count == 192 + 4 + (ranked - 192) * 2 + escaped * 4)
    #expect(
      coded.withUnsafeBufferPointer { code.decode($0, expectedLength: sample.count) } == sample)
    // The last rank's code: lead 0xFD, then 0xFF.
    var last: [UInt8] = []
    Array(String(code.scalars[ranked - 1]).utf8).withUnsafeBufferPointer {
      code.encoder.encode($0, to: &last)
    }
    #expect(last == [0xFD, 0xFF])
  }

  /// Random bytes read as a code, with a random length expected: never a trap, and a
  /// result, when there is one, of the length expected.
  @Test func randomCodes_neverTrap() throws {
    let code = ScalarCode.trained(
      on: try ZstandardTests.chunks(of: ["000", "001"].map(Corpus.seed)))
    var random = SplitMix(seed: 99)
    for _ in 0..<20_000 {
      let length = Int(random.next() % 24)
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let expected = Int(random.next() % 40)
      if let decoded = bytes.withUnsafeBufferPointer({ code.decode($0, expectedLength: expected) })
      {
        #expect(decoded.count == expected)
      }
    }
  }
}
