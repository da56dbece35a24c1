/// Scalar-level reading of UTF-8 bytes, and the character classes the cleaner and the
/// parser need. Everything works on bytes; nothing builds a `Character`.
@usableFromInline package enum UTF8Scalars {
  /// The scalar that starts at `index` and its length in bytes (a stray continuation
  /// byte reads as itself with length 1).
  @inline(__always)
  @inlinable package static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    value: UInt32, length: Int
  ) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let count = bytes.count
    if lead >= 0xF0, index + 3 < count {
      let value =
        UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
      return (value, 4)
    }
    if lead >= 0xE0, index + 2 < count {
      let value =
        UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
        | UInt32(bytes[index + 2] & 0x3F)
      return (value, 3)
    }
    if lead >= 0xC0, index + 1 < count {
      return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
    }
    return (UInt32(lead), 1)
  }

  /// The scalar of the Basic Multilingual Plane that the well-formed UTF-8 sequence at
  /// `index` encodes, and its length; nil when none starts there (a cut sequence, a stray
  /// or missing continuation byte, an overlong form, a surrogate, a four-byte scalar).
  /// Strict where `scalar(in:at:)` reads any bytes: what it accepts encodes back to the
  /// same bytes (`ScalarCode` relies on that).
  @inline(__always)
  package static func wellFormedBMPScalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> (value: UInt32, length: Int)?
  {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    if lead >= 0xC2, lead < 0xE0, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 {
      return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
    }
    if lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count, bytes[index + 1] & 0xC0 == 0x80,
      bytes[index + 2] & 0xC0 == 0x80
    {
      let value =
        UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
        | UInt32(bytes[index + 2] & 0x3F)
      guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
      return (value, 3)
    }
    return nil
  }

  /// Decodes all of `bytes` into `out`, which has room for `bytes.count` scalars, reading
  /// them as `scalar(in:at:)` does; returns how many it wrote. ASCII and the three-byte
  /// scalars of Chinese text are decoded inline, the rest through `scalar(in:at:)`.
  @inlinable package static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt32>
  ) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    var index = 0
    var written = 0
    // Indices stay below `count`, so the arithmetic wraps rather than checking overflow.
    while index < count {
      let lead = base[index]
      if lead < 0x80 {
        out[written] = UInt32(lead)
        index &+= 1
      } else if lead & 0xF0 == 0xE0, index &+ 2 < count {
        out[written] =
          UInt32(lead & 0x0F) << 12 | UInt32(base[index &+ 1] & 0x3F) << 6
          | UInt32(base[index &+ 2] & 0x3F)
        index &+= 3
      } else {
        let (value, length) = scalar(in: bytes, at: index)
        out[written] = value
        index &+= length
      }
      written &+= 1
    }
    return written
  }

  /// Whether `byte` starts a scalar (is not a UTF-8 continuation byte).
  @inline(__always)
  @inlinable package static func startsScalar(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

  /// Number of scalars in the UTF-8 `bytes[range]`: its bytes less its continuation
  /// bytes (10xxxxxx), counted eight at a time.
  @inlinable package static func count(in bytes: [UInt8], range: Range<Int>) -> Int {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= bytes.count, "a count within the buffer")
    return bytes.withUnsafeBytes { raw in
      var continuations = 0
      var index = range.lowerBound
      while index + 8 <= range.upperBound {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // Bit 7 set and bit 6 (shifted up onto bit 7) clear.
        continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
        index += 8
      }
      while index < range.upperBound {
        if !startsScalar(raw[index]) { continuations += 1 }
        index += 1
      }
      return range.count - continuations
    }
  }

  /// The scalar that ends just before `end` and where it starts.
  @inline(__always)
  @inlinable package static func scalar(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> (
    value: UInt32, start: Int
  ) {
    var start = end - 1
    while start > 0 && !startsScalar(bytes[start]) && end - start < 4 { start -= 1 }
    return (scalar(in: bytes, at: start).value, start)
  }

  /// Whether `range` of `bytes` holds one of `scalars`.
  package static func holds(
    _ scalars: Set<UInt32>, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound {
      let (scalar, length) = scalar(in: bytes, at: index)
      if scalars.contains(scalar) { return true }
      index += length
    }
    return false
  }

  /// Han ideographs, including 〇.
  @inline(__always)
  @inlinable package static func isIdeograph(_ scalar: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
      || (0xF900...0xFAFF).contains(scalar) || (0x20000...0x2FA1F).contains(scalar)
      || scalar == 0x3007
  }

  /// Full-width and CJK punctuation: 、。《》「」【】〔〕（），：；！？“”‘’—…·.
  @inline(__always)
  @inlinable package static func isWidePunctuation(_ scalar: UInt32) -> Bool {
    (0x3000...0x303F).contains(scalar) && scalar != 0x3000 && scalar != 0x3007
      || (0xFF01...0xFF0F).contains(scalar) || (0xFF1A...0xFF20).contains(scalar)
      || (0xFF3B...0xFF40).contains(scalar) || (0xFF5B...0xFF65).contains(scalar)
      || (0x2018...0x201F).contains(scalar) || scalar == 0x2014 || scalar == 0x2026
      || scalar == 0x00B7 || scalar == 0x2015
  }

  /// Ideographs and wide punctuation: characters that never need a space beside them.
  @inline(__always)
  @inlinable package static func isWide(_ scalar: UInt32) -> Bool {
    isIdeograph(scalar) || isWidePunctuation(scalar)
  }

  /// ASCII and full-width digits.
  @inline(__always)
  @inlinable package static func isDigit(_ scalar: UInt32) -> Bool {
    (0x30...0x39).contains(scalar) || (0xFF10...0xFF19).contains(scalar)
  }

  /// The value of an ASCII or full-width digit.
  @inline(__always)
  @inlinable package static func digitValue(_ scalar: UInt32) -> Int? {
    if (0x30...0x39).contains(scalar) { return Int(scalar - 0x30) }
    if (0xFF10...0xFF19).contains(scalar) { return Int(scalar - 0xFF10) }
    return nil
  }

  /// Scalars that are a character of their own whatever stands beside them: printable
  /// ASCII, ·, the punctuation ‐…‧ (U+2010–2027), CJK punctuation U+3000–3029 and
  /// ideographs, and the full-width forms ！…～. All have the grapheme-break property
  /// Other and none is pictographic, so Unicode breaks characters between any two of
  /// them (rule GB999): in a run of them, characters and scalars coincide.
  @inline(__always)
  @inlinable package static func isSingleCharacter(_ scalar: UInt32) -> Bool {
    (0x20...0x7E).contains(scalar) || scalar == 0xB7 || (0x2010...0x2027).contains(scalar)
      || (0x3000...0x3029).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
      || (0x4E00...0x9FFF).contains(scalar) || (0xFF01...0xFF5E).contains(scalar)
  }

  /// Whitespace the cleaner trims or collapses: space, tab, ideographic space, NBSP, and
  /// the typographic spaces U+2002–U+200A (&ensp; &emsp; &thinsp; of web pages).
  @inline(__always)
  @inlinable package static func isBlank(_ scalar: UInt32) -> Bool {
    scalar == 0x20 || scalar == 0x09 || scalar == 0x3000 || scalar == 0xA0
      || (0x2002...0x200A).contains(scalar)
  }

  /// Characters with no visible form that the cleaner drops: C0/C1 controls other than
  /// tab, zero-width spaces and joiners, and a byte-order mark inside the text.
  @inline(__always)
  @inlinable package static func isInvisible(_ scalar: UInt32) -> Bool {
    scalar < 0x20 && scalar != 0x09 || (0x7F...0x9F).contains(scalar)
      || (0x200B...0x200D).contains(scalar) || scalar == 0xFEFF || scalar == 0x2060
  }
}

extension UInt32 {
  /// The code point of `character`, written as the character: `.scalar("第")`, not
  /// `0x7B2C` with a comment. Folded to a constant by the optimizer.
  @inlinable package static func scalar(_ character: Unicode.Scalar) -> UInt32 { character.value }
}
