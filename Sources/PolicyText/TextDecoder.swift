import PolicyBytes

/// Turns the bytes of a file into UTF-8 text: byte-order marks, UTF-8 validation, ICU
/// charset detection and ICU conversion from GB18030/GBK, Big5, UTF-16 and others.
package struct TextDecoder {
  /// ICU confidence below which a detected charset is not trusted.
  var minimumConfidence = 10

  /// Decodes `bytes` of the file at `path`.
  ///
  /// - Parameter declaredEncoding: an encoding the container declares (an HTML
  ///   `<meta>` charset); used unless a byte-order mark says otherwise.
  /// - Throws: `TextError.emptyFile` or `TextError.notText`.
  package func decode(_ bytes: [UInt8], path: String, declaredEncoding: TextEncoding? = nil) throws
    -> DecodedText
  {
    if bytes.isEmpty { throw TextError.emptyFile(path: path) }
    if let bom = ByteOrderMark(bytes) {
      let body = bom.length..<bytes.count
      return try convert(bytes, range: body, encoding: bom.encoding, path: path)
    }
    if let declared = declaredEncoding {
      if declared == .utf8, let decoded = decodeUTF8(bytes, path: path) { return decoded }
      if declared != .utf8 {
        return try convert(bytes, range: 0..<bytes.count, encoding: declared, path: path)
      }
    }
    let scan = UTF8Scan(bytes)
    if scan.zeroBytes > 0 {
      guard let utf16 = UTF16Sniffer.encoding(of: bytes) else {
        throw TextError.notText(path: path, reason: "it holds zero bytes (binary data?)")
      }
      return try convert(bytes, range: 0..<bytes.count, encoding: utf16, path: path)
    }
    if scan.invalidSequences == 0 {
      if scan.looksBinary {
        throw TextError.notText(path: path, reason: "it holds control bytes (binary data?)")
      }
      return DecodedText(utf8: bytes, map: .identity(length: bytes.count), encoding: .utf8)
    }
    if scan.looksBinary {
      throw TextError.notText(path: path, reason: "it holds control bytes (binary data?)")
    }
    // Mostly valid UTF-8 with a few broken sequences: a damaged UTF-8 file, not a
    // different charset.
    if scan.isMostlyUTF8, let decoded = decodeUTF8(bytes, path: path) { return decoded }
    let guess = bytes.withUnsafeBufferPointer { ICU.detectCharset($0) }
    guard let guess, guess.confidence >= minimumConfidence else {
      let detail = guess.map { " (best guess \($0.name) at \($0.confidence)%)" } ?? ""
      throw TextError.notText(path: path, reason: "its encoding could not be told\(detail)")
    }
    var encoding = TextEncoding(label: guess.name)
    // ICU reports single-byte Western charsets for short GB texts; a file of Chinese
    // policy documents that is neither UTF-8 nor UTF-16 is far likelier GB18030.
    if case .other(let name) = encoding, name.hasPrefix("ISO-8859") || name.hasPrefix("windows-125")
    {
      encoding = .gb18030
    }
    return try convert(bytes, range: 0..<bytes.count, encoding: encoding, path: path)
  }

  /// Decodes UTF-8 with U+FFFD for broken sequences, noting where the first one was.
  private func decodeUTF8(_ bytes: [UInt8], path: String) -> DecodedText? {
    var decoded = try? convert(bytes, range: 0..<bytes.count, encoding: .utf8, path: path)
    decoded?.encoding = .utf8
    return decoded
  }

  /// Converts `bytes[range]` from `encoding` with ICU.
  private func convert(
    _ bytes: [UInt8], range: Range<Int>, encoding: TextEncoding, path: String
  ) throws -> DecodedText {
    if range.isEmpty { throw TextError.emptyFile(path: path) }
    let conversion = bytes.withUnsafeBufferPointer { buffer in
      ICU.convertToUTF16(UnsafeBufferPointer(rebasing: buffer[range]), charset: encoding.icuName)
    }
    guard let conversion else {
      throw TextError.notText(path: path, reason: "ICU cannot convert from \(encoding)")
    }
    var decoded = UTF16Transcoder.utf8(
      from: conversion, sourceBase: range.lowerBound, sourceEnd: range.upperBound)
    decoded.encoding = encoding
    if conversion.invalidSequences > 0 {
      // The first U+FFFD (EF BF BD).
      let firstBad = decoded.utf8.withUnsafeBufferPointer {
        ByteSearch.offset(of: [0xEF, 0xBF, 0xBD], in: $0, within: 0..<$0.count)
      }
      let sourceOffset = firstBad.map { decoded.map.sourceRange(at: $0).lowerBound }
      let line = sourceOffset.map { LineIndex(bytes, encoding: encoding).line(at: $0) }
      decoded.diagnostics.append(
        Diagnostic(
          severity: .warning, file: path, line: line,
          message:
            "\(conversion.invalidSequences) byte sequence(s) invalid in \(encoding) were replaced by U+FFFD"
            + (sourceOffset.map { " (first at byte \($0))" } ?? "")))
    }
    return decoded
  }
  package init(minimumConfidence: Int = 10) {
    self.minimumConfidence = minimumConfidence
  }
}

/// A byte-order mark at the start of a file.
struct ByteOrderMark {
  package var encoding: TextEncoding
  package var length: Int

  package init?(_ bytes: [UInt8]) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      (encoding, length) = (.utf8, 3)
    } else if bytes.starts(with: [0xFF, 0xFE]) {
      (encoding, length) = (.utf16LittleEndian, 2)
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      (encoding, length) = (.utf16BigEndian, 2)
    } else if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) {
      (encoding, length) = (.gb18030, 4)
    } else {
      return nil
    }
  }
}

/// Recognises UTF-16 without a byte-order mark by its zero bytes: ASCII characters and
/// line ends put a zero in every other byte.
enum UTF16Sniffer {
  package static func encoding(of bytes: [UInt8]) -> TextEncoding? {
    let sample = bytes.prefix(4096)
    guard sample.count >= 4, sample.count % 2 == 0 || bytes.count > sample.count else {
      return nil
    }
    var zerosAtEven = 0
    var zerosAtOdd = 0
    for (index, byte) in sample.enumerated() where byte == 0 {
      if index % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
    }
    let pairs = sample.count / 2
    // Chinese text in UTF-16 has few zero bytes but line ends; demand a clear skew.
    if zerosAtOdd >= max(2, pairs / 50) && zerosAtEven * 10 <= zerosAtOdd {
      return .utf16LittleEndian
    }
    if zerosAtEven >= max(2, pairs / 50) && zerosAtOdd * 10 <= zerosAtEven {
      return .utf16BigEndian
    }
    return nil
  }
}

/// One pass over bytes that validates UTF-8 and counts what tells text from binary.
package struct UTF8Scan {
  package var invalidSequences = 0
  var multibyteSequences = 0
  var controlBytes = 0
  var zeroBytes = 0
  package var length = 0

  package init(_ bytes: [UInt8]) {
    length = bytes.count
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = UnsafeRawPointer(buffer.baseAddress) else { return }
      var index = 0
      let count = buffer.count
      while index < count {
        // Runs of what most text is made of, passed without the general steps below:
        // eight bytes of ASCII without control bytes at a time, then three-byte sequences
        // E1–EC/EE–EF 80–BF 80–BF (the common case in Chinese text).
        while index + 8 <= count {
          let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          guard word & 0x8080_8080_8080_8080 == 0, !SWAR.hasByte(in: word, lessThan: 0x20) else {
            break
          }
          index += 8
        }
        var sequences = 0
        while index &+ 2 < count {
          let lead = buffer[index]
          // The two continuation bytes in one load: 10xxxxxx 10xxxxxx.
          guard lead &- 0xE1 <= 0x0E, lead != 0xED,
            base.loadUnaligned(fromByteOffset: index &+ 1, as: UInt16.self) & 0xC0C0 == 0x8080
          else { break }
          sequences &+= 1
          index &+= 3
        }
        multibyteSequences += sequences
        guard index < count else { break }
        let byte = buffer[index]
        if byte < 0x80 {
          if byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 && byte != 0x0C {
            controlBytes += 1
            if byte == 0 { zeroBytes += 1 }
          }
          index += 1
          continue
        }
        // (The common three-byte sequences were taken by the loop above.)
        let need: Int
        let minimum: UInt32
        var scalar: UInt32
        switch byte {
        case 0xC2...0xDF: (need, minimum, scalar) = (1, 0x80, UInt32(byte & 0x1F))
        case 0xE0...0xEF: (need, minimum, scalar) = (2, 0x800, UInt32(byte & 0x0F))
        case 0xF0...0xF4: (need, minimum, scalar) = (3, 0x10000, UInt32(byte & 0x07))
        default:
          invalidSequences += 1
          index += 1
          continue
        }
        var valid = index + need < count
        if valid {
          for offset in 1...need {
            let next = buffer[index + offset]
            if next & 0xC0 != 0x80 {
              valid = false
              break
            }
            scalar = scalar << 6 | UInt32(next & 0x3F)
          }
        }
        if valid && scalar >= minimum && scalar <= 0x10FFFF && !(0xD800...0xDFFF).contains(scalar) {
          multibyteSequences += 1
          index += need + 1
        } else {
          invalidSequences += 1
          index += 1
        }
      }
    }
  }

  /// Whether the bytes look like binary data rather than text.
  var looksBinary: Bool {
    zeroBytes > 0 || controlBytes * 100 > max(length, 1)
  }

  /// Whether broken sequences are few beside valid multi-byte ones. Text in GB18030 or
  /// Big5 almost never forms valid UTF-8, so four valid sequences to one broken one
  /// means a damaged UTF-8 file.
  var isMostlyUTF8: Bool {
    multibyteSequences >= 16 && invalidSequences * 4 <= multibyteSequences
  }
}
