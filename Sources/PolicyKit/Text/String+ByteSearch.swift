#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Substring search on UTF-8 bytes with `memmem`. Foundation's `range(of:)` and
/// `contains(_:)` go through CFString and fold character clusters, which costs twenty
/// times more on Chinese text; the extractors use these instead.
extension StringProtocol {
  /// Whether `needle` occurs in the string, byte for byte.
  func containsBytes(_ needle: String) -> Bool {
    byteOffset(of: needle, backwards: false) != nil
  }

  /// The range of the first (or last) occurrence of `needle`, byte for byte.
  func rangeOfBytes(_ needle: String, backwards: Bool = false) -> Range<String.Index>? {
    guard let offset = byteOffset(of: needle, backwards: backwards) else { return nil }
    let utf8 = self.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    let end = utf8.index(start, offsetBy: needle.utf8.count)
    return start..<end
  }

  private func byteOffset(of needle: String, backwards: Bool) -> Int? {
    let needleBytes = Array(needle.utf8)
    guard !needleBytes.isEmpty else { return nil }
    var string = String(self)
    return string.withUTF8 { haystack in
      Self.search(needleBytes, in: haystack, backwards: backwards)
    }
  }

  /// memchr for the first byte, memcmp for the rest.
  private static func search(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, backwards: Bool) -> Int? {
    guard let base = haystack.baseAddress, haystack.count >= needle.count else { return nil }
    let first = Int32(needle[0])
    let lastStart = haystack.count - needle.count
    var found: Int? = nil
    var from = 0
    return needle.withUnsafeBufferPointer { pattern in
      while from <= lastStart {
        guard let hit = memchr(base + from, first, lastStart - from + 1) else { break }
        let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 {
          found = offset
          if !backwards { break }
        }
        from = offset + 1
      }
      return found
    }
  }
}
