/// A fixed set of Unicode scalars, asked about one scalar at a time in a text's hot loop:
/// a bitmap over the Basic Multilingual Plane (8 KB), where a `Set<UInt32>` or a
/// dictionary would hash every scalar read. Scalars beyond the BMP, rare in the words
/// looked for, are kept in a `Set`.
@usableFromInline package struct ScalarSet: Sendable {
  @usableFromInline var words = [UInt64](repeating: 0, count: 0x10000 / 64)
  @usableFromInline var supplementary: Set<UInt32> = []

  @inlinable package init<S: Sequence>(_ scalars: S) where S.Element == UInt32 {
    for scalar in scalars {
      if scalar < 0x10000 {
        words[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63)
      } else {
        supplementary.insert(scalar)
      }
    }
  }

  @inline(__always)
  @inlinable package func contains(_ scalar: UInt32) -> Bool {
    scalar < 0x10000
      ? words[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 : supplementary.contains(scalar)
  }
}
