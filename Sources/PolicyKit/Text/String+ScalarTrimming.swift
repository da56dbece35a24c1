import Foundation

/// Trimming on Unicode scalars. `trimmingCharacters(in:)` bridges to NSString and back,
/// which costs more than the rest of a short segment's reading; this gives the same
/// result (both compare scalar by scalar against the set) without the bridge.
extension StringProtocol {
  /// The string without the leading and trailing scalars that are in `set`.
  func trimmingScalars(in set: CharacterSet) -> String {
    trimmingScalars { set.contains($0) }
  }

  /// The string without the leading and trailing scalars that satisfy `isTrimmed`.
  func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
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
}
