import Foundation

/// Trimming on Unicode scalars. `trimmingCharacters(in:)` bridges to NSString and back,
/// which costs more than the rest of a short segment's reading; this gives the same
/// result (both compare scalar by scalar against the set) without the bridge.
extension StringProtocol {
  /// The string without the leading and trailing scalars that are in `set`.
  @inlinable package func trimmingScalars(in set: CharacterSet) -> String {
    trimmingScalars { set.contains($0) }
  }

  /// The string without the leading and trailing scalars that satisfy `isTrimmed`.
  @inlinable package func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
    let scalars = Substring(self).unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end && isTrimmed(scalars[start]) { start = scalars.index(after: start) }
    while end > start {
      let before = scalars.index(before: end)
      guard isTrimmed(scalars[before]) else { break }
      end = before
    }
    return String(Substring(scalars[start..<end]))
  }

  /// The string without the scalars that satisfy `isRemoved`, anywhere in it: a filter
  /// over scalars, without the grapheme breaking a filter over characters does.
  @inlinable package func removingScalars(where isRemoved: (Unicode.Scalar) -> Bool) -> String {
    guard unicodeScalars.contains(where: isRemoved) else { return String(self) }
    var kept = String.UnicodeScalarView()
    for scalar in unicodeScalars where !isRemoved(scalar) { kept.append(scalar) }
    return String(kept)
  }
}

extension UTF8Scalars {
  /// `range` of the UTF-8 `bytes` without its leading and trailing scalars that satisfy
  /// `isTrimmed`: `trimmingScalars(where:)` on bytes, for readers that make no string.
  @inlinable package static func trimming(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
    where isTrimmed: (Unicode.Scalar) -> Bool
  ) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end {
      let (value, length) = scalar(in: bytes, at: start)
      guard let trimmed = Unicode.Scalar(value), isTrimmed(trimmed) else { break }
      start += length
    }
    while end > start {
      let (value, scalarStart) = scalar(in: bytes, before: end)
      guard let trimmed = Unicode.Scalar(value), isTrimmed(trimmed) else { break }
      end = scalarStart
    }
    return start..<end
  }
}
