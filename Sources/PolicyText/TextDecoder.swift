import PolicyBytes

/// Turns the bytes of a file into UTF-8 text: byte-order marks, UTF-8 validation, ICU
/// charset detection and ICU conversion from GB18030/GBK, Big5, UTF-16 and others.
package struct TextDecoder {
  /// ICU confidence below which a detected charset is not trusted.
  var minimumConfidence = 10

  /// Decodes `bytes` of the file at `path`.
  ///
  /// A few NUL bytes in otherwise textual bytes (under 1%) are read as spaces, with a
  /// warning; more, not in a UTF-16 pattern, make the file binary.
  ///
  /// - Parameter declaredEncoding: an encoding the container declares (an HTML
  ///   `<meta>` charset); used unless a byte-order mark says otherwise, or the bytes are
  ///   not in it (it gives replacement characters) and are clean in another (detected,
  ///   or valid UTF-8): that one is used, with a warning naming both.
  /// - Throws: `TextError.emptyFile` or `TextError.notText`.
  package func decode(_ bytes: [UInt8], path: String, declaredEncoding: TextEncoding? = nil) throws
    -> DecodedText
  {
    if bytes.isEmpty { throw TextError.emptyFile(path: path) }
    if let bom = ByteOrderMark(bytes) {
      let body = bom.length..<bytes.count
      return try convert(bytes, range: body, encoding: bom.encoding, path: path).text
    }
    let scan = UTF8Scan(bytes)
    if let declared = declaredEncoding {
      return try decode(bytes, path: path, declared: declared, scan: scan)
    }
    // Zero bytes: UTF-16 without a byte-order mark, binary data, or a few stray NULs in
    // a text (read as spaces by `withStrayZeroBytes`). Valid UTF-8 with multi-byte
    // characters and few zeros is not UTF-16, whose CJK units are not valid UTF-8.
    if scan.zeroBytes > 0 && !(scan.hasFewZeroBytes && scan.isCleanMultibyteUTF8) {
      if let utf16 = UTF16Sniffer.encoding(of: bytes) {
        return try convert(bytes, range: 0..<bytes.count, encoding: utf16, path: path).text
      }
      if !scan.hasFewZeroBytes {
        throw TextError.notText(path: path, reason: "it holds zero bytes (binary data?)")
      }
    }
    if scan.looksBinary {
      throw TextError.notText(path: path, reason: "it holds control bytes (binary data?)")
    }
    if scan.invalidSequences == 0 {
      let decoded = DecodedText(utf8: bytes, map: .identity(length: bytes.count), encoding: .utf8)
      return withStrayZeroBytes(decoded, scan: scan, source: bytes, path: path)
    }
    // Mostly valid UTF-8 with a few broken sequences: a damaged UTF-8 file, not a
    // different charset.
    if scan.isMostlyUTF8, let decoded = decodeUTF8(bytes, path: path) {
      return withStrayZeroBytes(decoded, scan: scan, source: bytes, path: path)
    }
    let guess = detectedEncoding(bytes)
    guard let guess, guess.confidence >= minimumConfidence else {
      let detail = guess.map { " (best guess \($0.name) at \($0.confidence)%)" } ?? ""
      throw TextError.notText(path: path, reason: "its encoding could not be told\(detail)")
    }
    let decoded = try convert(bytes, range: 0..<bytes.count, encoding: guess.encoding, path: path)
    return withStrayZeroBytes(decoded.text, scan: scan, source: bytes, path: path)
  }

  /// Decodes bytes a container declares the encoding of: in that encoding, unless it gives
  /// replacement characters where another encoding reads every byte.
  private func decode(
    _ bytes: [UInt8], path: String, declared: TextEncoding, scan: UTF8Scan
  ) throws -> DecodedText {
    let whole = 0..<bytes.count
    var alternative: (encoding: TextEncoding, evidence: String)?
    var first: (text: DecodedText, invalid: Int)?
    if declared == .utf8 {
      // A damaged UTF-8 file stays UTF-8.
      if scan.invalidSequences > 0 && !scan.isMostlyUTF8, let guess = detectedEncoding(bytes),
        guess.confidence >= minimumConfidence, guess.encoding != .utf8
      {
        alternative = (guess.encoding, "detected at \(guess.confidence)%")
      }
    } else {
      first = try convert(bytes, range: whole, encoding: declared, path: path)
      // Valid UTF-8 with multi-byte characters is hardly ever text in another charset
      // by chance, even when that charset reads it without error.
      if scan.isCleanMultibyteUTF8 {
        alternative = (.utf8, "its bytes are valid UTF-8")
      } else if let first, first.invalid > 0, let guess = detectedEncoding(bytes),
        guess.confidence >= minimumConfidence, guess.encoding != declared
      {
        alternative = (guess.encoding, "detected at \(guess.confidence)%")
      }
    }
    if let alternative,
      let other = try? convert(bytes, range: whole, encoding: alternative.encoding, path: path),
      other.invalid == 0
    {
      var text = other.text
      let firstInvalid = first?.invalid ?? scan.invalidSequences
      let problem =
        firstInvalid > 0
        ? "\(firstInvalid) byte sequence(s) are invalid in it" : "its text would be mojibake"
      text.diagnostics.append(
        Diagnostic(
          severity: .warning, file: path,
          message:
            "the declared charset \(declared) does not fit: \(problem); read as \(alternative.encoding) (\(alternative.evidence))"
        ))
      return text
    }
    if let first { return first.text }
    return decodeUTF8(bytes, path: path)
      ?? DecodedText(utf8: bytes, map: .identity(length: bytes.count), encoding: .utf8)
  }

  /// The charset ICU detects for `bytes`, with its confidence. ICU reports single-byte
  /// Western charsets for short GB texts; a file of Chinese policy documents that is
  /// neither UTF-8 nor UTF-16 is far likelier GB18030.
  private func detectedEncoding(_ bytes: [UInt8]) -> (
    encoding: TextEncoding, name: String, confidence: Int
  )? {
    guard let guess = bytes.withUnsafeBufferPointer({ ICU.detectCharset($0) }) else { return nil }
    var encoding = TextEncoding(label: guess.name)
    if case .other(let name) = encoding, name.hasPrefix("ISO-8859") || name.hasPrefix("windows-125")
    {
      encoding = .gb18030
    }
    return (encoding, guess.name, guess.confidence)
  }

  /// `decoded` with its NUL bytes (a few, in a text: `UTF8Scan.hasFewZeroBytes`) read as
  /// spaces, one byte for one so the map holds, and a warning saying where the first was.
  private func withStrayZeroBytes(
    _ decoded: DecodedText, scan: UTF8Scan, source: [UInt8], path: String
  ) -> DecodedText {
    guard scan.zeroBytes > 0, let first = decoded.utf8.firstIndex(of: 0) else { return decoded }
    var result = decoded
    for index in result.utf8.indices where result.utf8[index] == 0 { result.utf8[index] = 0x20 }
    let sourceOffset = decoded.map.sourceRange(at: first).lowerBound
    result.diagnostics.append(
      Diagnostic(
        severity: .warning, file: path,
        line: LineIndex(source, encoding: decoded.encoding).line(at: sourceOffset),
        message:
          "\(scan.zeroBytes) NUL byte(s) in the text were read as spaces (first at byte \(sourceOffset))"
      ))
    return result
  }

  /// Decodes UTF-8 with U+FFFD for broken sequences, noting where the first one was.
  private func decodeUTF8(_ bytes: [UInt8], path: String) -> DecodedText? {
    var decoded = try? convert(bytes, range: 0..<bytes.count, encoding: .utf8, path: path).text
    decoded?.encoding = .utf8
    return decoded
  }

  /// Converts `bytes[range]` from `encoding` with ICU; `invalid` counts the sequences
  /// replaced by U+FFFD.
  private func convert(
    _ bytes: [UInt8], range: Range<Int>, encoding: TextEncoding, path: String
  ) throws -> (text: DecodedText, invalid: Int) {
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
    return (decoded, conversion.invalidSequences)
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

  /// Whether the bytes look like binary data rather than text: control bytes (zero bytes
  /// among them) are more than 1% of them.
  var looksBinary: Bool {
    controlBytes * 100 > max(length, 1)
  }

  /// Whether zero bytes, if any, are under 1% of the bytes: stray NULs in a text, not
  /// UTF-16 or binary data.
  var hasFewZeroBytes: Bool {
    zeroBytes * 100 < max(length, 1)
  }

  /// Whether the bytes are valid UTF-8 with at least eight multi-byte characters: text in
  /// another charset almost never is.
  var isCleanMultibyteUTF8: Bool {
    invalidSequences == 0 && multibyteSequences >= 8
  }

  /// Whether broken sequences are few beside valid multi-byte ones. Text in GB18030 or
  /// Big5 almost never forms valid UTF-8, so four valid sequences to one broken one
  /// means a damaged UTF-8 file.
  var isMostlyUTF8: Bool {
    multibyteSequences >= 16 && invalidSequences * 4 <= multibyteSequences
  }
}
