extension Array where Element == UInt8 {
  /// The little-endian integer of type `T` at `offset`, or nil when it does not fit inside
  /// the array (a field of a damaged file's structure pointing past its end).
  package func littleEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T? {
    let size = MemoryLayout<T>.size
    guard offset >= 0, offset <= count - size else { return nil }
    return withUnsafeBytes { raw in
      T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
  }
}
