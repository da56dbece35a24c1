#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes with `memmem`. Foundation's `range(of:)` and
/// `contains(_:)` go through CFString and fold character clusters, which costs twenty
/// times more on Chinese text; the extractors use these instead.
///
/// Byte comparison equals `String` comparison on the folded text and on the words the
/// extractors look for (Han, ASCII and CJK punctuation, all in NFC); it differs only
/// where a combining mark after a match would extend its last character.
extension StringProtocol {
  /// Whether `needle` occurs in the string, byte for byte.
  @inlinable package func containsBytes(_ needle: String) -> Bool {
    byteOffset(of: needle, backwards: false) != nil
  }

  /// The range of the first (or last) occurrence of `needle`, byte for byte.
  @inlinable package func rangeOfBytes(_ needle: String, backwards: Bool = false) -> Range<
    String.Index
  >? {
    guard let offset = byteOffset(of: needle, backwards: backwards) else { return nil }
    let utf8 = self.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    let end = utf8.index(start, offsetBy: needle.utf8.count)
    return start..<end
  }

  /// Whether the string starts with `prefix`, byte for byte: `hasPrefix` without
  /// grapheme breaking.
  @inlinable package func hasPrefixBytes(_ prefix: String) -> Bool {
    bytesEqual(prefix, atEnd: false)
  }

  /// Whether the string ends with `suffix`, byte for byte: `hasSuffix` without
  /// grapheme breaking.
  @inlinable package func hasSuffixBytes(_ suffix: String) -> Bool {
    bytesEqual(suffix, atEnd: true)
  }

  /// Whether `affix` stands at the start (or the end) of the string, compared byte by
  /// byte on both strings' contiguous UTF-8 (affixes are short words).
  @inlinable func bytesEqual(_ affix: String, atEnd: Bool) -> Bool {
    let count = affix.utf8.count
    let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard count <= bytes.count else { return false }
      let start = atEnd ? bytes.count - count : 0
      return affix.utf8.withContiguousStorageIfAvailable { word in
        for index in 0..<count where bytes[start + index] != word[index] { return false }
        return true
      } ?? bytes[start..<(start + count)].elementsEqual(affix.utf8)
    }
    if let found { return found }
    guard count <= utf8.count else { return false }
    return atEnd
      ? utf8[utf8.index(utf8.endIndex, offsetBy: -count)...].elementsEqual(affix.utf8)
      : utf8.starts(with: affix.utf8)
  }

  /// The string without any occurrence of `word`, byte for byte, left to right:
  /// `replacingOccurrences(of: word, with: "")` without the round trip through NSString.
  @inlinable package func removingBytes(_ word: String) -> String {
    replacingBytes(word, with: "")
  }

  /// The string with every occurrence of `word` replaced by `replacement`, byte for byte,
  /// left to right: `replacingOccurrences(of:with:)` without the round trip through
  /// NSString.
  @inlinable package func replacingBytes(_ word: String, with replacement: String) -> String {
    var word = word
    var replacement = replacement
    var text = String(self)
    return word.withUTF8 { pattern in
      replacement.withUTF8 { replacement in
        text.withUTF8 { bytes in
          var kept: [UInt8] = []
          var start = 0
          while let found = ByteSearch.offset(
            of: pattern, in: bytes, within: start..<bytes.count, backwards: false)
          {
            kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<found]))
            kept.append(contentsOf: replacement)
            start = found + pattern.count
          }
          guard start > 0 else { return String(self) }
          kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
          return String(decoding: kept, as: UTF8.self)
        }
      }
    }
  }

  /// The string after its first `count` bytes (a prefix found with `hasPrefixBytes`).
  @inlinable package func droppingBytes(_ count: Int) -> Substring {
    let start = utf8.index(utf8.startIndex, offsetBy: count)
    return Substring(self)[start...]
  }

  /// The string without `suffix` when it ends with it, else the string itself.
  @inlinable package func droppingSuffixBytes(_ suffix: String) -> String {
    guard hasSuffixBytes(suffix) else { return String(self) }
    return String(decoding: utf8.dropLast(suffix.utf8.count), as: UTF8.self)
  }

  @inlinable func byteOffset(of needle: String, backwards: Bool) -> Int? {
    var needle = needle
    return needle.withUTF8 { pattern in
      if let found = utf8.withContiguousStorageIfAvailable({
        ByteSearch.offset(of: pattern, in: $0, within: 0..<$0.count, backwards: backwards)
      }) {
        return found
      }
      var string = String(self)
      return string.withUTF8 {
        ByteSearch.offset(of: pattern, in: $0, within: 0..<$0.count, backwards: backwards)
      }
    }
  }
}

/// Byte search in UTF-8 buffers: memchr for the first byte, then the rest compared in place.
@usableFromInline package enum ByteSearch {
  /// The first offset of `byte` in `range` of `bytes`.
  @inlinable package static func offset(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, within range: Range<Int>
  ) -> Int? {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= bytes.count, "a byte search within the buffer")
    guard let base = bytes.baseAddress, !range.isEmpty,
      let hit = memchr(base + range.lowerBound, Int32(byte), range.count)
    else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }

  /// The first offset of `byte` in `bytes` at or after `start`.
  @inlinable package static func offset(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    offset(of: byte, in: bytes, within: min(start, bytes.count)..<bytes.count)
  }

  /// Whether `bytes[range]` starts with `word`.
  @inline(__always)
  @inlinable package static func hasPrefix(
    _ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Bool {
    word.count <= range.count && matches(word, in: bytes, at: range.lowerBound)
  }

  /// Whether `bytes[range]` ends with `word`.
  @inline(__always)
  @inlinable package static func hasSuffix(
    _ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Bool {
    word.count <= range.count && matches(word, in: bytes, at: range.upperBound - word.count)
  }

  /// Whether `bytes[range]` is `word`.
  @inline(__always)
  @inlinable package static func equals(
    _ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Bool {
    word.count == range.count && matches(word, in: bytes, at: range.lowerBound)
  }

  /// Whether `word` stands at `offset` of `bytes` (which holds all of it there).
  @inline(__always)
  @inlinable static func matches(
    _ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int
  ) -> Bool {
    precondition(
      offset >= 0 && offset + word.count <= bytes.count, "a byte comparison within the buffer")
    for index in word.indices where bytes[offset + index] != word[index] { return false }
    return true
  }

  /// The first offset in `range` of `bytes` where all of `needle` stands inside `range`.
  @inlinable package static func offset(
    of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, within range: Range<Int>
  ) -> Int? {
    needle.withUnsafeBufferPointer { offset(of: $0, in: bytes, within: range, backwards: false) }
  }

  /// The first (or last) offset in `range` of `bytes` where all of `needle` stands
  /// inside `range`; nil for an empty needle. The needles are short words, mostly
  /// Chinese: `memchr` looks for their last byte, a continuation byte that Chinese text
  /// holds far more rarely than a lead byte (E5, E6 …), and the rest is compared in place,
  /// where a `memcmp` call cost more than the comparison.
  @inlinable package static func offset(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>,
    within range: Range<Int>,
    backwards: Bool
  ) -> Int? {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= bytes.count, "a byte search within the buffer")
    guard let base = bytes.baseAddress, let pattern = needle.baseAddress, !needle.isEmpty,
      range.count >= needle.count
    else { return nil }
    let lastIndex = needle.count - 1
    let last = Int32(needle[lastIndex])
    // Candidates are found by where the needle would end.
    var found: Int? = nil
    var from = range.lowerBound + lastIndex
    while from < range.upperBound {
      guard let hit = memchr(base + from, last, range.upperBound - from) else { break }
      let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      let offset = end - lastIndex
      var matched = 0
      while matched < lastIndex && base[offset + matched] == pattern[matched] { matched += 1 }
      if matched == lastIndex {
        found = offset
        if !backwards { break }
      }
      from = end + 1
    }
    return found
  }
}
