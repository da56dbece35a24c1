/// 字频编码 — a byte code for the characters a corpus uses most, ranked by how often they
/// occur in a sample: the first `singleCodes` in one byte each, the next ones in two, and
/// anything else escaped as it is. Chinese text in UTF-8 takes three bytes a character;
/// coded, its commonest characters (的, 和, 发, 展, 区, …) take one and most of the rest two,
/// and Zstandard then compresses the coded bytes a fifth smaller than the UTF-8 they stand
/// for (corpus-real's stored text: 0.23 of the UTF-8 against 0.28).
///
/// A ranked character is coded whatever its length (ASCII included). Anything that does
/// not begin a well-formed UTF-8 sequence of a ranked character is escaped as it is: an
/// unranked character of three bytes whole, any other byte alone (the varints between
/// stored fields, four-byte characters, bytes that are not UTF-8). So any bytes code and
/// decode to themselves.
///
/// Code bytes: below `singleCodes`, a character of rank 0–191; `singleCodes` to 0xFD, the
/// lead of a two-byte code (62 × 256 ranks); `rawByte` (0xFE) and one byte as it is;
/// `rawSequence` (0xFF) and a three-byte UTF-8 sequence as it is.
package struct ScalarCode: Sendable {
  /// Ranks coded in one byte.
  package static let singleCodes = 192
  /// The escape of one byte kept as it is.
  static let rawByte: UInt8 = 0xFE
  /// The escape of a three-byte UTF-8 sequence kept as it is.
  static let rawSequence: UInt8 = 0xFF
  /// The most characters a table ranks: one-byte codes, then 62 leads of 256.
  package static let capacity = singleCodes + (Int(rawByte) - singleCodes) * 256

  /// The characters in rank order (all in the Basic Multilingual Plane, no surrogates).
  package let scalars: [Unicode.Scalar]
  /// Each rank's UTF-8 bytes (low bytes first) with their count in the top byte.
  private let utf8OfRank: [UInt32]

  /// A code for `scalars` in rank order; nil unless they are at most `capacity`, in the
  /// BMP, no surrogates, each once.
  package init?(scalars: [Unicode.Scalar]) {
    guard scalars.count <= Self.capacity else { return nil }
    var seen = [UInt64](repeating: 0, count: 0x1_0000 / 64)
    var utf8OfRank: [UInt32] = []
    utf8OfRank.reserveCapacity(scalars.count)
    for scalar in scalars {
      let value = Int(scalar.value)
      guard value < 0x1_0000, seen[value >> 6] & (1 << (value & 63)) == 0 else { return nil }
      seen[value >> 6] |= 1 << (value & 63)
      utf8OfRank.append(Self.packedUTF8(scalar.value))
    }
    self.scalars = scalars
    self.utf8OfRank = utf8OfRank
  }

  /// The UTF-8 bytes of BMP scalar `value` (low bytes first), their count in the top byte.
  private static func packedUTF8(_ value: UInt32) -> UInt32 {
    if value < 0x80 { return value | 1 << 24 }
    if value < 0x800 {
      return (0xC0 | value >> 6) | (0x80 | value & 0x3F) << 8 | 2 << 24
    }
    return (0xE0 | value >> 12) | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F) << 16
      | 3 << 24
  }

  /// The code of the characters of `samples` (UTF-8 with other bytes among them), ranked
  /// by how often they occur, then by scalar value: the same samples give the same code.
  /// - Complexity: O(n) in the samples' bytes, plus O(k log k) for k distinct characters.
  package static func trained(on samples: [[UInt8]]) -> ScalarCode {
    var counts = [Int](repeating: 0, count: 0x1_0000)
    for sample in samples {
      sample.withUnsafeBufferPointer { bytes in
        var at = 0
        while at < bytes.count {
          if let (scalar, length) = UTF8Scalars.wellFormedBMPScalar(in: bytes, at: at) {
            counts[Int(scalar)] += 1
            at += length
          } else {
            at += 1
          }
        }
      }
    }
    let ranked = counts.indices.filter { counts[$0] > 0 }
      .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
      .prefix(capacity)
    // Distinct BMP scalars (no surrogate decodes), at most `capacity`: always a code.
    return ScalarCode(scalars: ranked.map { Unicode.Scalar(UInt32($0))! })!
  }

  /// The table as stored: the characters' UTF-8 bytes in rank order.
  package var serialized: [UInt8] { Array(String(String.UnicodeScalarView(scalars)).utf8) }

  /// The code a table `serialized` stored; nil when it is not one (not UTF-8, a character
  /// outside the BMP or twice, more than `capacity`).
  package init?(serialized bytes: UnsafeBufferPointer<UInt8>) {
    var scalars: [Unicode.Scalar] = []
    var at = 0
    while at < bytes.count {
      guard let (value, length) = UTF8Scalars.wellFormedBMPScalar(in: bytes, at: at),
        let scalar = Unicode.Scalar(value)
      else { return nil }
      scalars.append(scalar)
      at += length
    }
    self.init(scalars: scalars)
  }

  /// What codes bytes with this table (a lookup of each BMP scalar's rank, 128 KB): made
  /// once by the build that writes chunks, never by a reader.
  package var encoder: Encoder { Encoder(self) }

  /// Codes bytes with a table.
  package struct Encoder: Sendable {
    /// Each BMP scalar's rank plus one (0: not ranked).
    private let rankOfScalar: [UInt16]

    init(_ code: ScalarCode) {
      var rankOfScalar = [UInt16](repeating: 0, count: 0x1_0000)
      for (rank, scalar) in code.scalars.enumerated() {
        rankOfScalar[Int(scalar.value)] = UInt16(rank + 1)
      }
      self.rankOfScalar = rankOfScalar
    }

    /// `bytes` coded, appended to `output`.
    /// - Complexity: O(n) in the length of `bytes`.
    package func encode(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
      output.reserveCapacity(output.count + bytes.count)
      rankOfScalar.withUnsafeBufferPointer { rankOfScalar in
        var at = 0
        while at < bytes.count {
          guard let (scalar, length) = UTF8Scalars.wellFormedBMPScalar(in: bytes, at: at) else {
            output.append(ScalarCode.rawByte)
            output.append(bytes[at])
            at += 1
            continue
          }
          let rank = Int(rankOfScalar[Int(scalar)]) - 1
          if rank < 0 {
            if length == 3 {
              output.append(ScalarCode.rawSequence)
              output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<(at + 3)]))
            } else {
              for byte in bytes[at..<(at + length)] {
                output.append(ScalarCode.rawByte)
                output.append(byte)
              }
            }
          } else if rank < ScalarCode.singleCodes {
            output.append(UInt8(rank))
          } else {
            let pair = rank - ScalarCode.singleCodes
            output.append(UInt8(ScalarCode.singleCodes + pair >> 8))
            output.append(UInt8(truncatingIfNeeded: pair))
          }
          at += length
        }
      }
    }
  }

  /// The bytes `coded` stands for, which must be `expectedLength` long; nil when `coded`
  /// is not a code of this table (a rank it lacks, a code cut short, another length).
  /// - Complexity: O(n) in `expectedLength`.
  package func decode(_ coded: UnsafeBufferPointer<UInt8>, expectedLength: Int) -> [UInt8]? {
    guard expectedLength >= 0 else { return nil }
    var valid = true
    let output = [UInt8](unsafeUninitializedCapacity: expectedLength) { output, initialized in
      initialized = 0
      var written = 0
      var at = 0
      utf8OfRank.withUnsafeBufferPointer { utf8OfRank in
        while at < coded.count {
          let code = Int(coded[at])
          var rank = code
          if code >= Self.singleCodes {
            guard at + 1 < coded.count else {
              valid = false
              return
            }
            if code == Int(Self.rawByte) || code == Int(Self.rawSequence) {
              let count = code == Int(Self.rawByte) ? 1 : 3
              guard at + count < coded.count, written + count <= expectedLength else {
                valid = false
                return
              }
              for offset in 1...count { output[written + offset - 1] = coded[at + offset] }
              written += count
              at += 1 + count
              continue
            }
            rank = Self.singleCodes + (code - Self.singleCodes) << 8 + Int(coded[at + 1])
            at += 1
          }
          at += 1
          guard rank < utf8OfRank.count else {
            valid = false
            return
          }
          let packed = utf8OfRank[rank]
          let count = Int(packed >> 24)
          guard written + count <= expectedLength else {
            valid = false
            return
          }
          for offset in 0..<count {
            output[written + offset] = UInt8(truncatingIfNeeded: packed >> (8 * UInt32(offset)))
          }
          written += count
        }
      }
      if valid && written != expectedLength { valid = false }
      initialized = valid ? written : 0
    }
    return valid ? output : nil
  }
}
